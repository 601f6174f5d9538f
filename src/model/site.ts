import { AttachmentIndex, type Attachments } from './attachment-index.js';

/**
 * What one export (or a set of split files of one export) says about the whole site, gathered
 * before items are converted: the few site-wide facts an item can refer to.
 */
export interface TermInfo {
  taxonomy: string;
  slug: string;
  name: string;
  /** Parent slug, empty at the top level. */
  parent: string;
  description?: string;
}

export interface AttachmentInfo {
  id: number;
  url: string;
  parent: number;
  title: string;
  /** The attachment's caption (its post_excerpt). */
  caption: string;
  alt: string;
  menuOrder: number;
}

export interface SiteIndex {
  title?: string;
  baseUrl?: string;
  language?: string;
  /** author login -> display name */
  authors: Map<string, string>;
  /** `${taxonomy}\u0000${slug}` -> term */
  terms: Map<string, TermInfo>;
  /** id -> attachment: an AttachmentIndex for the run, a Map in a worker's batch. */
  attachments: Attachments;
  /** wp_block (reusable block) id -> its content */
  reusableBlocks: Map<number, string>;
}

export function emptySiteIndex(): SiteIndex {
  return { authors: new Map(), terms: new Map(), attachments: new AttachmentIndex(), reusableBlocks: new Map() };
}

export function termKey(taxonomy: string, slug: string): string {
  return `${taxonomy}\u0000${slug}`;
}

/** Attachments uploaded to a post, in gallery order (menu_order, then id), as [gallery] uses them. */
export function attachmentsOf(site: SiteIndex, parentId: number): AttachmentInfo[] {
  return [...site.attachments.values()]
    .filter((a) => a.parent === parentId)
    .sort((a, b) => a.menuOrder - b.menuOrder || a.id - b.id);
}
