import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Largest data file `validate` and `conformance` read (8 MiB). Parsing keeps every value's source
 * position, several dozen times the file's size in memory; fixtures and payloads are far smaller. */
export const MAX_DATA_FILE_BYTES = 8 * 1024 * 1024;

export type RegularFileRead = { bytes: Buffer } | { unreadable: string };

/** The bytes of a regular file of at most `limit` bytes, or why it cannot be read. The file is
 * opened without blocking and checked on the open descriptor, so a FIFO (whose open would wait for
 * a writer), a device (`/dev/zero` never ends), a folder or a symbolic link loop is refused, never
 * waited on or read; reading stops one byte past the limit whatever the file claims its size is. */
export function readRegularFile(file: string, limit = MAX_DATA_FILE_BYTES): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { unreadable: openProblem(error as NodeJS.ErrnoException) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { unreadable: `not a regular file (${kindOf(stats)}); only regular files are read` };
    if (stats.size > limit) return { unreadable: tooLarge(limit, stats.size) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { unreadable: tooLarge(limit) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { unreadable: openProblem(error as NodeJS.ErrnoException) };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(limit: number, size?: number): string {
  const what = size === undefined ? 'larger than' : `${size} bytes, over`;
  return `file is ${what} the limit of ${limit} bytes (${limit / 1024 / 1024} MiB) for a data file`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

/** Node's messages repeat the path (which may hold any character); ours name only the cause. */
function openProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file (or a symbolic link to nothing)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EISDIR':
      return 'not a regular file (a folder); only regular files are read';
    case 'ENXIO':
      return 'not a regular file (a socket or FIFO without a writer); only regular files are read';
    default:
      return `cannot be read (${error.code ?? 'unknown error'})`;
  }
}
