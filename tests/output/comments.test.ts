import { describe, expect, it } from 'vitest';
import { commentsPathOf, renderComments, threadComments } from '../../src/output/comments.js';
import type { Comment } from '../../src/model/post.js';

const comment = (id: number, parent: number, date: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  parent,
  type: 'comment',
  author: `A${id}`,
  authorEmail: `a${id}@example.com`,
  authorIp: `192.0.2.${id}`,
  date,
  content: `<p>c${id}</p>`,
  ...extra,
});
const options = { private: false, toMarkdown: (c: Comment) => c.content.replace(/<\/?p>/g, '') };

describe('comment threads', () => {
  it('nests replies under their parent, each level in date order', () => {
    const thread = threadComments([comment(3, 1, '2020-01-03T00:00:00Z'), comment(1, 0, '2020-01-02T00:00:00Z'), comment(2, 0, '2020-01-01T00:00:00Z'), comment(4, 1, '2020-01-02T12:00:00Z')], options);
    expect(thread.map((c) => [c.id, c.replies.map((r) => r.id)])).toEqual([[2, []], [1, [4, 3]]]);
  });

  it('shows a reply to a comment that is not there (not approved) at the top level', () => {
    expect(threadComments([comment(5, 99, '2020-01-01T00:00:00Z')], options).map((c) => c.id)).toEqual([5]);
  });

  it('breaks a parent loop instead of losing its comments', () => {
    const thread = threadComments([comment(1, 2, '2020-01-01T00:00:00Z'), comment(2, 1, '2020-01-02T00:00:00Z')], options);
    expect(thread.map((c) => c.id)).toEqual([1, 2]);
  });

  it('leaves out editor notes, e-mails and IPs; keeps pingbacks with their type', () => {
    const thread = threadComments([comment(1, 0, '2020-01-01T00:00:00Z', { type: 'note' }), comment(2, 0, '2020-01-02T00:00:00Z', { type: 'pingback' })], options);
    expect(thread).toEqual([{ id: 2, author: 'A2', date: '2020-01-02T00:00:00Z', type: 'pingback', body: 'c2', replies: [] }]);
    expect(threadComments([comment(3, 0, '2020-01-01T00:00:00Z')], { ...options, private: true })[0]).toMatchObject({ email: 'a3@example.com', ip: '192.0.2.3' });
  });

  it('writes JSON or YAML', () => {
    const thread = threadComments([comment(1, 0, '2020-01-01T00:00:00Z')], options);
    expect(renderComments(thread, 'yaml')).toBe('- id: 1\n  author: A1\n  date: 2020-01-01T00:00:00Z\n  body: c1\n  replies: []\n');
    expect(JSON.parse(renderComments(thread, 'json'))).toEqual(thread);
  });

  it('names the file like the page, posts at the top, other types in their collection', () => {
    expect(commentsPathOf('_posts/2012-11-20-time.md', 'post', 'posts', '_data', 'json')).toBe('_data/comments/time.json');
    expect(commentsPathOf('content/pages/about/index.md', 'page', 'pages', 'data', 'yaml')).toBe('data/comments/pages/about.yaml');
    expect(commentsPathOf('posts/x.md', 'post', 'posts', '', 'json')).toBe('comments/x.json');
  });
});
