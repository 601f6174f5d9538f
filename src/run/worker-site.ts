import type { PostRecord } from '../model/post.js';
import type { Attachments } from '../model/attachment-index.js';
import type { AttachmentInfo, SiteIndex } from '../model/site.js';

/**
 * What of the site a worker holds. Attachments are most of a large site's index (a photo blog has
 * several per post): a copy per worker would cost memory that grows with the export, and
 * `attachmentsOf()` scans them all at every gallery. So workers get the site once without its
 * attachments, and each batch brings the attachments its records can refer to.
 *
 * Content names attachments by number only: `[gallery ids="12,13"]`, `[gallery id="40"]` (the
 * attachments of post 40), `wp-image-12`, `{"id":12}`, `attachment_12`, a reusable block that
 * does so, or implicitly the post's own attachments. So a record can refer to the attachments
 * whose id, or whose parent, is a number written in its body, excerpt, meta or comments (or in a
 * reusable block it uses), and to its own attachments. Converters must look attachments up that
 * way (by id, or by parent with attachmentsOf()), never by scanning for other properties: the
 * pool test checks that workers and the main thread give the same bytes.
 */
export function siteWithoutAttachments(site: SiteIndex): SiteIndex {
  return { ...site, attachments: new Map() };
}

export class AttachmentSlicer {
  /** parent id -> ids of its attachments (ids only: the index holds the attachments). */
  private byParent: ChildrenByParent | undefined;

  constructor(private readonly site: SiteIndex) {}

  /** The attachments the records of one batch can refer to. */
  forRecords(records: readonly PostRecord[]): AttachmentInfo[] {
    const { attachments, reusableBlocks } = this.site;
    if (attachments.size === 0) return [];
    const byParent = (this.byParent ??= indexByParent(attachments));
    const found = new Map<number, AttachmentInfo>();
    const blocksSeen = new Set<number>();
    // A number is looked at once per batch (bodies repeat ids, years, sizes).
    const numbersSeen = new Set<number>();
    const visit = (n: number): void => {
      if (numbersSeen.has(n)) return;
      numbersSeen.add(n);
      const attachment = attachments.get(n);
      if (attachment) found.set(n, attachment);
      byParent.forEach(n, (child) => {
        if (found.has(child)) return;
        const info = attachments.get(child);
        if (info) found.set(child, info);
      });
      const block = reusableBlocks.get(n);
      if (block !== undefined && !blocksSeen.has(n)) {
        blocksSeen.add(n);
        numbersIn(block, visit);
      }
    };
    for (const record of records) {
      if (record.wordpressId !== undefined) visit(record.wordpressId);
      numbersIn(record.body, visit);
      if (record.excerpt) numbersIn(record.excerpt, visit);
      for (const value of Object.values(record.meta)) numbersIn(value, visit);
      for (const comment of record.comments) numbersIn(comment.content, visit);
    }
    return [...found.values()];
  }
}

function indexByParent(attachments: Attachments): ChildrenByParent {
  const parents: number[] = [];
  const children: number[] = [];
  for (const attachment of attachments.values()) {
    parents.push(attachment.parent);
    children.push(attachment.id);
  }
  return new ChildrenByParent(parents, children);
}

/**
 * Attachment ids by parent, in two sorted arrays of numbers (16 bytes an attachment) rather than
 * a Map of arrays (about 80 bytes a parent): at 50,000 posts it is held for the whole run.
 * A parent's children keep the order of the attachments.
 */
class ChildrenByParent {
  private readonly parents: Float64Array;
  private readonly children: Float64Array;

  constructor(parents: number[], children: number[]) {
    const order = parents.map((_, index) => index).sort((a, b) => parents[a]! - parents[b]! || a - b);
    this.parents = Float64Array.from(order, (index) => parents[index]!);
    this.children = Float64Array.from(order, (index) => children[index]!);
  }

  forEach(parent: number, visit: (child: number) => void): void {
    let low = 0;
    let high = this.parents.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.parents[middle]! < parent) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < this.parents.length && this.parents[index] === parent; index++) visit(this.children[index]!);
  }
}

/** Calls `visit` with every run of digits in `text` (re-entrant: a visit may scan a reusable block). */
function numbersIn(text: string, visit: (n: number) => void): void {
  const digits = /\d+/g;
  for (let match = digits.exec(text); match !== null; match = digits.exec(text)) {
    if (match[0].length <= 15) visit(Number(match[0]));
  }
}
