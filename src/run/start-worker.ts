import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` that sits next to the caller (`here`: its
 * import.meta.url), with the caller's extension: dist/.../name.js once built, src/.../name.ts
 * when run from sources (tsx, vitest). A .ts worker needs tsx's loader, registered inside the
 * worker before its entry is imported (Node 20 workers do not apply the parent's --import hooks
 * to their entry module).
 */
export function startModuleWorker(here: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSources = here.endsWith('.ts');
  const entry = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, here);
  if (!fromSources) return new Worker(entry, options);
  const loader = tsxApiUrl();
  const code = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { ...options, eval: true, execArgv: [] });
}

function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Test runners that rewrite import.meta may not offer resolve(): tsx's documented export path.
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
  }
}
