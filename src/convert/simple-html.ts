import { Parser } from 'htmlparser2';
import { DomHandler, type ChildNode } from 'domhandler';

/**
 * A fast path for parsing body HTML. parse5 builds the tree a browser builds, and it is the most
 * expensive step of converting a post; htmlparser2 is several times faster but builds a different
 * tree for HTML that is not tidy (an implicit <tbody>, a <p> a <div> closes, misnested <em>, the
 * newline after <pre>...). Most bodies are tidy: every element is closed by its own end tag,
 * in order, and uses only common tags. For those, and only those, both parsers build the same
 * tree. parseSimpleFragment() parses with htmlparser2 while checking that the input is of that
 * kind, and gives up (undefined: parse with parse5) at the first sign it is not.
 *
 * The checks mirror where the HTML standard's tree construction ("in body") departs from a plain
 * stack of open elements; tests/convert/simple-html.test.ts compares both parsers on the corpus
 * and on generated tag soup.
 */
export function parseSimpleFragment(html: string): ChildNode[] | undefined {
  const parsed = parseChecked(html);
  return typeof parsed === 'string' ? undefined : parsed;
}

/** Why parseSimpleFragment() leaves `html` to parse5 (undefined: it does not). */
export function whyNotSimple(html: string): string | undefined {
  const parsed = parseChecked(html);
  return typeof parsed === 'string' ? parsed : undefined;
}

function parseChecked(html: string): ChildNode[] | string {
  if (html.includes('\0')) return 'U+0000';
  const syntax = UNSUPPORTED_SYNTAX.exec(html);
  if (syntax) return `syntax ${syntax[0]}`;
  // Input that ends inside a tag or comment (`<br/`, `<s`, `</p x`, `<!--`): the standard drops
  // the unfinished token, htmlparser2 may keep a piece of it as text.
  const lastOpen = html.lastIndexOf('<');
  if (lastOpen !== -1 && html.indexOf('>', lastOpen) === -1) return 'unfinished tag at the end';
  // The HTML standard's input preprocessing: CR LF and lone CR become LF.
  const source = html.includes('\r') ? html.replace(/\r\n?/g, '\n') : html;
  const handler = new CheckingHandler(source);
  new WatchingParser(handler, source).end(source);
  if (handler.reason !== undefined) return handler.reason;
  const nodes = handler.root.children;
  for (const node of nodes) node.parent = null;
  return nodes;
}

/** `<?`, `<!` other than a comment, `</` not followed by a letter: parsed differently. */
const UNSUPPORTED_SYNTAX = /<\?|<!(?!--)|<\/(?![A-Za-z])/;

/**
 * Tags whose handling is the same in both parsers when they are properly nested. Anything else
 * (tables, forms, raw-text elements, SVG and MathML, <object>, <nobr>...) goes to parse5.
 */
const ALLOWED = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em',
  'font', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong',
  'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul',
  'audio', 'video', 'source', 'track', 'picture', 'embed', 'iframe',
]);

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** A custom element (unpress's own markers are): an ordinary element for both parsers. */
const CUSTOM_ELEMENT = /^[a-z][a-z0-9]*-[-a-z0-9]*$/;

const VOID = new Set(['br', 'wbr', 'img', 'hr', 'source', 'track', 'embed']);

/** Start tags that close an open <p> in the HTML standard (htmlparser2 closes it only when it is the current element). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl',
  'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p',
  'search', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form',
  'li', 'dd', 'dt', 'plaintext', 'table', 'hr', 'xmp',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A start tag both tokenizers read the same way: plain attribute names, values quoted or
 * unquoted without quotes, `<`, `=` or backticks (HTML's whitespace, after CR normalization).
 */
const STRICT_START_TAG = /^<[A-Za-z][-A-Za-z0-9]*(?:[ \t\n\f]+[A-Za-z_:][-A-Za-z0-9_:.]*(?:[ \t\n\f]*=[ \t\n\f]*(?:"[^"]*"|'[^']*'|[^ \t\n\f"'=<>`]+))?)*[ \t\n\f]*\/?>$/;

/**
 * Also read differently in a start tag: an attribute named `__proto__` (htmlparser2 stores
 * attributes in a plain object, where it sets the prototype), and a character reference without
 * `;` in a value (htmlparser2 10 decodes `title="&notin"`, which the standard keeps as written;
 * `?a=1&b=2` is fine: a reference followed by `=` is never decoded in either).
 */
const UNSAFE_IN_START_TAG = /__proto__|&[A-Za-z0-9]+(?![A-Za-z0-9;=])/i;

/** Builds the DOM as DomHandler does and records whether the input stayed tidy. */
class CheckingHandler extends DomHandler {
  /** Set at the first sign the input is not tidy. */
  reason: string | undefined;
  private readonly open: string[] = [];
  /** Inside an <iframe>: the standard reads its content as text, htmlparser2 as HTML; only an empty one is simple. */
  private inIframe = false;
  private parserRef: Parser | null = null;

  constructor(private readonly source: string) {
    super();
  }

  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.parserRef = parser;
  }

  override onopentag(name: string, attribs: Record<string, string>, isImplied?: boolean): void {
    if (this.reason === undefined) this.check(name, isImplied === true);
    // Built as parse5's tree adapter builds elements (attributes in objects without prototype,
    // the namespace fields), so that the passes see one shape of element whichever parser ran.
    const attributes: Record<string, string> = Object.create(null);
    const namespaces: Record<string, undefined> = Object.create(null);
    const prefixes: Record<string, undefined> = Object.create(null);
    for (const attribute in attribs) {
      attributes[attribute] = attribs[attribute]!;
      namespaces[attribute] = undefined;
      prefixes[attribute] = undefined;
    }
    super.onopentag(name, attributes);
    const element = this.tagStack[this.tagStack.length - 1] as unknown as Record<string, unknown>;
    element.namespace = HTML_NAMESPACE;
    element['x-attribsNamespace'] = namespaces;
    element['x-attribsPrefix'] = prefixes;
    if (!VOID.has(name)) this.open.push(name);
  }

  override onclosetag(name?: string, isImplied?: boolean): void {
    if (isImplied && !VOID.has(name ?? '')) this.reason ??= `implied end of <${name}>`;
    if (name === 'iframe') this.inIframe = false;
    if (!VOID.has(name ?? '')) this.open.pop();
    super.onclosetag();
  }

  override ontext(data: string): void {
    if (this.inIframe) this.reason ??= 'text in <iframe>';
    super.ontext(data);
  }

  override oncomment(data: string): void {
    // `<!-->`, `<!--->` and `--!>` end a comment in the standard, not in htmlparser2; so does the end of the input.
    const end = this.parserRef?.endIndex ?? 0;
    if (this.inIframe || data.startsWith('>') || data.startsWith('->') || data.includes('--!>') || this.source.slice(end - 2, end + 1) !== '-->') {
      this.reason ??= 'comment syntax';
    }
    super.oncomment(data);
  }

  override oncdatastart(): void {
    this.reason ??= 'CDATA';
    super.oncdatastart();
  }

  override onprocessinginstruction(name: string, data: string): void {
    this.reason ??= `declaration ${name}`;
    super.onprocessinginstruction(name, data);
  }

  /** A stray end tag (nothing to close, or a void element's): the standard may build something. */
  strayEndTag(name: string): void {
    this.reason ??= `stray </${name}>`;
  }

  /** An end tag with more than its name (`</p >`, `</p class=x>`). */
  endTagSyntax(name: string): void {
    this.reason ??= `</${name}> syntax`;
  }

  private check(name: string, isImplied: boolean): void {
    this.reason = this.departure(name, isImplied);
    if (name === 'iframe') this.inIframe = true;
  }

  private departure(name: string, isImplied: boolean): string | undefined {
    const open = this.open;
    const parser = this.parserRef!;
    if (isImplied) return `implied <${name}>`;
    if (this.inIframe) return 'element in <iframe>';
    if (!ALLOWED.has(name) && !CUSTOM_ELEMENT.test(name)) return `<${name}>`;
    if (CLOSES_P.has(name) && open.includes('p')) return `<${name}> in <p>`;
    if (HEADINGS.has(name) && open.some((tag) => HEADINGS.has(tag))) return `<${name}> in a heading`;
    if (name === 'a' && open.includes('a')) return '<a> in <a>';
    if (name === 'li' && openBefore(open, 'li', ['ul', 'ol'])) return '<li> in <li>';
    if ((name === 'dd' || name === 'dt') && (openBefore(open, 'dd', ['dl']) || openBefore(open, 'dt', ['dl']))) return `<${name}> in <dd> or <dt>`;
    // The standard drops a newline right after <pre> (a character reference may be one).
    const next = this.source.charCodeAt(parser.endIndex + 1);
    if (name === 'pre' && (next === 0x0a || next === 0x26)) return '<pre> then a newline';
    const tag = this.source.slice(parser.startIndex, parser.endIndex + 1);
    if (!STRICT_START_TAG.test(tag) || UNSAFE_IN_START_TAG.test(tag)) return `<${name}> syntax`;
    return undefined;
  }
}

/** Whether `tag` is open above (more recently than) every element in `boundaries`. */
function openBefore(open: string[], tag: string, boundaries: string[]): boolean {
  for (let index = open.length - 1; index >= 0; index--) {
    if (open[index] === tag) return true;
    if (boundaries.includes(open[index]!)) return false;
  }
  return false;
}

/** The parser's stack of open elements: private in htmlparser2's typings (there since htmlparser2 3). */
interface ParserInternals {
  stack: string[];
}

/**
 * htmlparser2 ignores an end tag with nothing to close (and makes an element of `</p>` and
 * `</br>`) without telling its handler: its tokenizer calls the parser's onclosetag(start, end)
 * for every end tag, which this parser checks first. (A method, not a per-parse closure: a
 * closure stored on each parser made V8 keep the trees being built through young collections.)
 */
class WatchingParser extends Parser {
  constructor(private readonly checker: CheckingHandler, private readonly source: string) {
    super(checker, { decodeEntities: true });
  }

  override onclosetag(start: number, end: number): void {
    const name = this.source.slice(start, end).toLowerCase();
    if (VOID.has(name) || !(this as unknown as ParserInternals).stack.includes(name)) this.checker.strayEndTag(name);
    // `</span x=">">`: the standard reads attributes in an end tag, htmlparser2 stops at the first `>`.
    else if (this.source.charCodeAt(end) !== 0x3e) this.checker.endTagSyntax(name);
    super.onclosetag(start, end);
  }
}
