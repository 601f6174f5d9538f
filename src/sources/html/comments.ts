import type { CheerioAPI } from 'cheerio';
import type { Comment } from '../../model/post.js';
import { classesOf, collapse, isAncestor, visibleText, type Element, type Nodes } from './dom.js';
import { parseDateText, parseIsoDate, type DateHints } from './dates.js';

/**
 * Comments listed on a single page, whatever the walker: core HTML5 (`li#comment-N >
 * article.comment-body`), core classic (`li#comment-N > div.comment-body`), Twenty Ten/Eleven
 * (`li#li-comment-N > div#comment-N`), block themes (`ol.wp-block-comment-template >
 * li#comment-N`), plugins such as Epoch (`div#comment-N > article`). A reply is nested inside its
 * parent's element (`ul.children`, `ol.children`, `div.epoch-child`), which gives `parent`.
 */
const COMMENT_ID = /^(?:li-)?comment-(\d+)$/;
const CONTAINERS = new Set(['li', 'div', 'article']);

/** Where comment-looking ids are not comments: sidebars' recent-comments widgets and the like. */
const NOT_COMMENTS = 'aside, nav, .widget, .widget-area, #sidebar, .sidebar, #secondary';

export function listedComments($: CheerioAPI, hints: DateHints, toSiteUrl: (href: string) => string | undefined): Comment[] {
  const byId = new Map<number, Element>();
  for (const el of $('[id]').toArray()) {
    const m = COMMENT_ID.exec(el.attribs['id'] ?? '');
    if (!m || !CONTAINERS.has(el.tagName) || $(el).closest(NOT_COMMENTS).length) continue;
    const id = Number(m[1]);
    const known = byId.get(id);
    // li#li-comment-N holds div#comment-N: the outer element is the comment.
    if (!known || isAncestor(el, known)) byId.set(id, el);
  }
  const elements = new Map([...byId].map(([id, el]) => [el, id]));
  const comments: Comment[] = [];
  for (const [id, el] of byId) {
    let parent = 0;
    for (let p = el.parent; p; p = p.parent) {
      const pid = p.type === 'tag' ? elements.get(p as Element) : undefined;
      if (pid !== undefined) {
        parent = pid;
        break;
      }
    }
    comments.push(readComment($, el, id, parent, hints, toSiteUrl));
  }
  return comments;
}

const CONTENT = '.comment-content, .epoch-comment-content, .wp-block-comment-content, .comment-text, .comment-entry, .commenttext';
/** What surrounds a comment's text in the walkers above. */
const COMMENT_CHROME =
  '.comment-author, .comment-meta, .commentmetadata, .comment-metadata, .reply, .comment-reply-link, .children, .avatar, .says, footer, .comment-awaiting-moderation, .jetpack-comment-likes-widget-wrapper, .comment-likes, .pmcc-comments-report-link, .epoch-comment-actions, script, style';

function readComment($: CheerioAPI, el: Element, id: number, parent: number, hints: DateHints, toSiteUrl: (href: string) => string | undefined): Comment {
  const own = $(el).clone();
  // Leave the replies out: they are comments of their own (but div#comment-N inside li#li-comment-N is this one).
  own.find('[id]').filter((_, d) => CONTAINERS.has(d.tagName) && Number(COMMENT_ID.exec(d.attribs['id'] ?? '')?.[1] ?? id) !== id).remove();
  own.find('.children, .epoch-child').remove();
  const classes = classesOf(el);
  const type = classes.includes('pingback') ? 'pingback' : classes.includes('trackback') ? 'trackback' : 'comment';
  // Pings have no author block: "Pingback: <a href>Other blog » Post</a>".
  const authorNode = type === 'comment' ? own.find('.fn, .epoch-author-link, .wp-block-comment-author-name, .comment-author-name').first() : own.find('a[href]').first();
  const author = authorNode.length ? visibleText(authorNode) : plainAuthor($, own);
  const link = authorNode.is('a') ? authorNode : authorNode.find('a[href]').first();
  const authorUrl = link.attr('href') ? toSiteUrl(link.attr('href')!) : undefined;
  const date = commentDate($, own, hints);
  let body = own.find(CONTENT).first();
  if (!body.length) body = own.find('.comment-body').first();
  if (!body.length) body = own;
  body = body.clone();
  body.find(COMMENT_CHROME).remove();
  body.find('*').addBack().contents().filter((_, n) => n.type === 'comment').remove();
  return {
    id,
    parent,
    type,
    author,
    ...(authorUrl ? { authorUrl } : {}),
    ...(date ? { date } : {}),
    content: (body.html() ?? '').trim(),
  };
}

function commentDate($: CheerioAPI, own: Nodes, hints: DateHints): string | undefined {
  for (const t of own.find('time[datetime]').toArray()) {
    const iso = parseIsoDate(t.attribs['datetime']);
    if (iso?.hasTime) return iso.value;
  }
  const meta = own.find('.comment-meta a, .commentmetadata a, .comment-metadata a, .epoch-comment-link, .comment-date').first();
  return meta.length ? parseDateText(visibleText(meta), hints) : undefined;
}


/** An author without a link or `.fn` (Epoch prints the bare name): the author block's own text. */
function plainAuthor($: CheerioAPI, own: Nodes): string {
  const block = own.find('.comment-author, .epoch-comment-author').first().clone();
  block.find('.says, .epoch-divide, .epoch-comment-link, time, img, .avatar, .comment-meta, .comment-metadata').remove();
  return collapse(block.text()).replace(/\s*(?:says|dit|sagt|disse|dice)\s*:?\s*$/i, '');
}
