import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { Comment } from '../model/post.js';

export type CommentsFormat = 'json' | 'yaml';

/** One approved comment as data for templates; replies nested under their parent. */
export interface CommentData {
  id: number;
  author: string;
  url?: string;
  /** Only with `--comments-private`. */
  email?: string;
  /** Only with `--comments-private`. */
  ip?: string;
  date?: string;
  /** pingback, trackback or a plugin's type; absent for ordinary comments. */
  type?: string;
  /** The comment's text as Markdown. */
  body: string;
  replies: CommentData[];
}

export interface ThreadOptions {
  /** Keep e-mail addresses and IPs (they are personal data: left out by default). */
  readonly private: boolean;
  /** A comment's HTML -> Markdown (the body converter). */
  readonly toMarkdown: (comment: Comment) => string;
}

/**
 * A post's approved comments as a thread: replies under their parent, each level in date order
 * (then id). A reply whose parent is not there (not approved, deleted) is shown at the top level;
 * so is any comment caught in a parent loop. Editor notes (WordPress 6.9 `note`) are not comments.
 */
export function threadComments(comments: readonly Comment[], options: ThreadOptions): CommentData[] {
  const kept = comments.filter((c) => c.type !== 'note');
  const byId = new Map(kept.map((c) => [c.id, c]));
  const children = new Map<number, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of kept) {
    if (comment.parent && byId.has(comment.parent) && !inLoop(comment, byId)) {
      const list = children.get(comment.parent) ?? [];
      list.push(comment);
      children.set(comment.parent, list);
    } else roots.push(comment);
  }
  const build = (level: Comment[]): CommentData[] => [...level].sort(byDateThenId).map((c) => toData(c, build(children.get(c.id) ?? []), options));
  return build(roots);
}

function inLoop(comment: Comment, byId: Map<number, Comment>): boolean {
  const seen = new Set<number>([comment.id]);
  for (let parent = byId.get(comment.parent); parent; parent = byId.get(parent.parent)) {
    if (seen.has(parent.id)) return true;
    seen.add(parent.id);
  }
  return false;
}

function byDateThenId(a: Comment, b: Comment): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  return da < db ? -1 : da > db ? 1 : a.id - b.id;
}

function toData(comment: Comment, replies: CommentData[], options: ThreadOptions): CommentData {
  const type = comment.type && comment.type !== 'comment' ? comment.type : undefined;
  return {
    id: comment.id,
    author: comment.author,
    ...(comment.authorUrl ? { url: comment.authorUrl } : {}),
    ...(options.private && comment.authorEmail ? { email: comment.authorEmail } : {}),
    ...(options.private && comment.authorIp ? { ip: comment.authorIp } : {}),
    ...(comment.date ? { date: comment.date } : {}),
    ...(type ? { type } : {}),
    body: options.toMarkdown(comment),
    replies,
  };
}

export function renderComments(thread: CommentData[], format: CommentsFormat): string {
  if (format === 'json') return `${JSON.stringify(thread, null, 2)}\n`;
  return stringify(thread, { lineWidth: 0 });
}

/**
 * Where a record's comments go: `<dataDir>/comments/<name>.<ext>`, named like the page so a
 * template can find them (Hugo `.File.ContentBaseName`, Jekyll `page.slug`, Eleventy
 * `page.fileSlug`, Astro `entry.id`); other types than posts in a folder of their collection.
 *   posts/time-is-on-my-side.md      -> comments/time-is-on-my-side.json
 *   _posts/2012-11-20-time-is-on-my-side.md -> _data/comments/time-is-on-my-side.json
 *   content/pages/about/index.md     -> data/comments/pages/about.json
 */
export function commentsPathOf(recordPath: string, recordType: string, collection: string, dataDir: string, format: CommentsFormat): string {
  const file = posix.basename(recordPath, '.md');
  const name = (file === 'index' ? posix.basename(posix.dirname(recordPath)) : file).replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const folder = recordType === 'post' ? 'comments' : `comments/${collection}`;
  return `${dataDir ? `${dataDir}/` : ''}${folder}/${name}.${format === 'json' ? 'json' : 'yaml'}`;
}
