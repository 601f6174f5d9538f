import type TurndownService from 'turndown';

/** turndown's rule lists (Rules in turndown's source: `array`, then `_keep`, then `_remove`). */
interface RuleLists {
  array: TurndownService.Rule[];
  _keep?: TurndownService.Rule[];
  _remove?: TurndownService.Rule[];
  blankRule: TurndownService.Rule;
  defaultRule: TurndownService.Rule;
  options: TurndownService.Options;
  forNode(node: TurndownService.Node): TurndownService.Rule;
}

/** Distinct tag names remembered (a post's made-up tags cannot grow the cache without bound). */
const MAX_NAMES = 512;

/**
 * Makes `service` find the rule for an element the way turndown's Rules.forNode() does (the first
 * rule whose filter accepts the element, in the rules, then the kept, then the removed, else the
 * default rule) without testing every rule: per tag name, the candidates are the rules whose
 * string or array filter names that tag, and the rules with a function filter, in their order.
 * turndown lower-cases the tag name once per rule and element (some 40 rules): a tenth of a
 * converter's time went to finding rules. Call it once the rules are all added.
 */
export function dispatchRulesByName(service: TurndownService): void {
  const rules = service.rules as unknown as RuleLists;
  const all = [...rules.array, ...(rules._keep ?? []), ...(rules._remove ?? [])];
  const byName = new Map<string, TurndownService.Rule[]>();
  const candidates = (nodeName: string): TurndownService.Rule[] => {
    let list = byName.get(nodeName);
    if (list !== undefined) return list;
    const name = nodeName.toLowerCase();
    list = all.filter(({ filter }) => typeof filter === 'function' || filter === name || (Array.isArray(filter) && (filter as readonly string[]).includes(name)));
    if (byName.size < MAX_NAMES) byName.set(nodeName, list);
    return list;
  };
  rules.forNode = function forNode(node) {
    if ((node as { isBlank?: boolean }).isBlank) return this.blankRule;
    for (const rule of candidates(node.nodeName)) {
      const filter = rule.filter;
      if (typeof filter !== 'function' || filter.call(rule, node as HTMLElement, this.options)) return rule;
    }
    return this.defaultRule;
  };
}
