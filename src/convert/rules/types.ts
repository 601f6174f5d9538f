import type TurndownService from 'turndown';

export type Rule = TurndownService.Rule;

/** A turndown rule; some need the service itself, to convert a part of the node on their own. */
export interface RuleDefinition {
  readonly name: string;
  create(service: TurndownService): Rule;
}

export function rule(name: string, definition: Rule): RuleDefinition {
  return { name, create: () => definition };
}

/** The node is (inside) an element with one of these tag names. */
export function hasAncestor(node: Node, names: readonly string[]): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (names.includes(p.nodeName)) return true;
  return false;
}
