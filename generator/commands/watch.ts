import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watch } from 'chokidar';
import type { LedgerspecConfig } from '../config.ts';
import { clearTemplateCache, TEMPLATES_DIR } from '../shared/render.ts';
import { runGenerate } from './generate.ts';
import { toOutput, type Out } from './output.ts';

export interface WatchOptions {
  /** Quiet time after the last change before regenerating, so an editor's burst of saves (or a
   * `git checkout`) costs one run. */
  debounceMs?: number;
}

export interface Watcher {
  /** Resolves once the first generation has finished and the watcher is listening. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** `ledgerspec generate --watch`: generate once, then again whenever a file under the spec
 * folder or templates/ changes, printing which files changed, what was written and how long it
 * took. A broken spec is reported and watching goes on. */
export function runWatch(config: LedgerspecConfig, options: WatchOptions, sink: Out): Watcher {
  const out = toOutput(sink);
  const templatesDir = fileURLToPath(TEMPLATES_DIR);
  const watcher = watch([config.specDir, templatesDir], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const regenerate = async (reason: string) => {
    const started = performance.now();
    out.info(reason);
    clearTemplateCache();
    const code = await runGenerate(config, { check: false }, out);
    (code === 0 ? out.info : out.problem)(
      `${code === 0 ? 'regenerated' : 'generation failed'} in ${Math.round(performance.now() - started)}ms; watching ${relative(process.cwd(), config.specDir) || '.'} and templates/ (Ctrl-C to stop)`,
    );
  };
  const schedule = (path: string) => {
    pending.add(relative(process.cwd(), path) || path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending].sort();
      pending.clear();
      running = running.then(() => regenerate(`changed: ${changed.join(', ')}`));
    }, options.debounceMs ?? 150);
  };
  watcher.on('all', (_event, path) => schedule(path));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve())).then(
    () => (running = regenerate('generating')),
  );
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
