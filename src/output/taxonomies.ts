import type { TermRef } from '../model/post.js';
import type { SiteIndex } from '../model/site.js';
import { termKey } from '../model/site.js';

export interface TaxonomyTerm {
  slug: string;
  name: string;
  parent?: string;
  description?: string;
  count: number;
}

/**
 * Counts term use over written records, then lists every term of every taxonomy (those of the
 * export's dictionary, used or not, and those only items mention), sorted by taxonomy and slug.
 */
export class TermCounter {
  private readonly counts = new Map<string, number>();
  private readonly seen = new Map<string, TermRef>();

  add(terms: TermRef[]): void {
    for (const term of terms) {
      const key = termKey(term.taxonomy, term.slug);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      if (!this.seen.has(key)) this.seen.set(key, term);
    }
  }

  render(site: SiteIndex): Record<string, TaxonomyTerm[]> {
    const all = new Map<string, TaxonomyTerm & { taxonomy: string }>();
    for (const [key, term] of site.terms) {
      all.set(key, {
        taxonomy: term.taxonomy,
        slug: term.slug,
        name: term.name,
        ...(term.parent ? { parent: term.parent } : {}),
        ...(term.description ? { description: term.description } : {}),
        count: 0,
      });
    }
    for (const [key, term] of this.seen) {
      if (!all.has(key)) all.set(key, { taxonomy: term.taxonomy, slug: term.slug, name: term.name, count: 0 });
    }
    const out: Record<string, TaxonomyTerm[]> = {};
    const keys = [...all.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const { taxonomy, ...term } = all.get(key)!;
      if (taxonomy === 'nav_menu') continue; // menus are not content taxonomies
      (out[taxonomy] ??= []).push({ ...term, count: this.counts.get(key) ?? 0 });
    }
    return out;
  }
}
