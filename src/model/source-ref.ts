import { z } from 'zod';

/**
 * Where a record came from: the input file and the position of the item in it, so that every
 * diagnostic can say "export.xml, item 412 (line 9031, post 1337)".
 */
export const sourceRefSchema = z.object({
  kind: z.enum(['wxr', 'html']),
  file: z.string(),
  /** 1-based position of the item in its file (WXR) or of the post on its page (HTML). */
  item: z.number().int().positive().optional(),
  /** 1-based line where the item starts, when known. */
  line: z.number().int().positive().optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** "export.xml, item 3 (line 120, post 42)" */
export function describeSource(ref: SourceRef, wordpressId?: number): string {
  const details: string[] = [];
  if (ref.line !== undefined) details.push(`line ${ref.line}`);
  if (wordpressId !== undefined) details.push(`post ${wordpressId}`);
  const where = ref.item !== undefined ? `, item ${ref.item}` : '';
  return `${ref.file}${where}${details.length ? ` (${details.join(', ')})` : ''}`;
}
