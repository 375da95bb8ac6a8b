/** Runs `work` with `dir` as the working folder, then goes back: a command called in-process prints
 * paths relative to the working folder, as the CLI does where the user runs it. Test files run
 * one at a time in a worker, and vitest's forks pool (the default) lets a test change the folder. */
export async function inFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(before);
  }
}
