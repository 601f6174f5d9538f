import type { CheerioAPI } from 'cheerio';
import { load as loadParsed } from 'cheerio/slim';
import { Document, isDocument, type AnyNode, type ChildNode, type Element } from 'domhandler';
import { parse, parseFragment, serializeOuter, type ParserOptions } from 'parse5';
import { adapter, type Htmlparser2TreeAdapterMap } from 'parse5-htmlparser2-tree-adapter';

/**
 * `cheerio.load()` as cheerio's main entry point builds it (parse5 parses, as a browser does;
 * parse5 serializes), assembled from `cheerio/slim`. The main entry point also loads what
 * cheerio's fromURL() needs (undici, an encoding sniffer with iconv-lite...): 250 ms of CPU and
 * 14 MB of memory in every thread that imports it, for a function unpress never calls.
 *
 * `fast`: tried first for fragments parsed without a context element (simple-html.ts); it
 * returns the nodes parse5 would build, or undefined to let parse5 do it.
 */
export function loadHtml(html: string, isDocument: boolean, fast?: (html: string) => ChildNode[] | undefined): CheerioAPI {
  const $ = loadParsed(parseHtml(html, isDocument, null), null, isDocument);
  const proto = $.fn as unknown as CheerioInternals;
  const parseNodes = proto._parse;
  proto._parse = function (this: unknown, content, options, asDocument, context) {
    if (typeof content !== 'string') return parseNodes.call(this, content, options, asDocument, context);
    if (fast && !asDocument && context == null) {
      const nodes = fast(content);
      if (nodes !== undefined) {
        const fragment = new Document(nodes);
        for (const node of nodes) node.parent = fragment;
        return fragment;
      }
    }
    return parseHtml(content, asDocument, context);
  };
  proto._render = render;
  return $;
}

/** What loadHtml replaces in the class cheerio defines for each load(): `fn` is its prototype, for plugins. */
interface CheerioInternals {
  _parse(content: unknown, options: unknown, isDocument: boolean, context: Element | null): Document;
  _render(dom: ArrayLike<AnyNode> | AnyNode): string;
}

/** A fragment's nodes as parse5 builds them (no context element), detached. */
export function parseFragmentNodes(html: string): ChildNode[] {
  const nodes = parseFragment(null, html, OPTIONS).children;
  for (const node of nodes) node.parent = null;
  return nodes;
}

const OPTIONS: ParserOptions<Htmlparser2TreeAdapterMap> = { treeAdapter: adapter, scriptingEnabled: true };
const RENDER = { treeAdapter: adapter };

function parseHtml(html: string, isDocument: boolean, context: Element | null): Document {
  return isDocument ? parse(html, OPTIONS) : parseFragment(context, html, OPTIONS);
}

/** As cheerio's renderWithParse5: a document stands for its children. */
function render(dom: ArrayLike<AnyNode> | AnyNode): string {
  const nodes: ArrayLike<AnyNode> = 'length' in dom ? dom : [dom];
  let out = '';
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (isDocument(node)) for (const child of node.children) out += serializeOuter(child, RENDER);
    else out += serializeOuter(node, RENDER);
  }
  return out;
}
