import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the shared third-party corpus beside the clone (../shared/corpus). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusRoot = resolve(repoRoot, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(join(corpusRoot, 'INVENTORY.md'));

/** Use as `describe.skipIf(!hasCorpus)`; the message explains a skipped corpus suite. */
export const corpusSkipMessage = `../shared/corpus not found at ${corpusRoot}: corpus tests skipped`;
if (!hasCorpus) console.warn(corpusSkipMessage);

export function corpusFile(...parts: string[]): string {
  return join(corpusRoot, ...parts);
}
