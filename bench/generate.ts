import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Deterministic synthetic WXR exports for the benchmark: a seeded generator writes an export of
 * `posts` posts (plus their attachments, a few pages, reusable blocks and comments) of about
 * 12.8 KB per post, straight to disk, a few hundred items at a time. Same seed, same bytes.
 *
 * Bodies look like a real French blog's: classic-editor posts (no <p>, autop needed, [caption],
 * [gallery], <!--more-->, Simple Footnotes [ref], &nbsp; before colons) and block-editor posts
 * (paragraph, heading, image with figcaption, nested gallery, list, quote, core footnotes with
 * their JSON meta, reusable block references).
 */

/** mulberry32: a tiny seeded PRNG, good enough to shuffle words. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'le la les un une des du de et à où en dans pour par sur avec sans sous chez entre vers ' +
  'été hiver printemps automne déjà très plus moins bien mieux aussi encore toujours jamais ' +
  'service client relation expérience qualité équipe entreprise métier marché stratégie ' +
  'réflexion étude recherche données résultat méthode modèle approche enjeu défi réussite ' +
  'hôpital école université théâtre musée bibliothèque château forêt rivière montagne village ' +
  'garçon œuvre cœur sœur fête Noël août décembre février année semaine journée soirée matin ' +
  'français européenne économique sociale culturelle numérique durable humaine première dernière ' +
  'élève maître créer développer améliorer comprendre apprendre découvrir réussir préférer ' +
  'souvent parfois ensemble peut-être c’est qu’il l’été d’abord aujourd’hui jusqu’à lorsqu’on ' +
  'idée problème question réponse raison façon manière moment histoire mémoire avenir passé'
).split(/\s+/);

const NAMES = ['Benoît', 'Élodie', 'François', 'Hélène', 'Jérôme', 'Chloé', 'Mathis', 'Léa', 'Noémie', 'Zoé', 'Raphaël', 'Cécile'];
const SURNAMES = ['Meyronin', 'Dupré', 'Lefèvre', 'Garçon', 'Béranger', 'Rousseau', 'Mercier', 'Lemaître', 'Fabre', 'Hébert'];

interface Term {
  slug: string;
  name: string;
  parent: string;
}

const CATEGORIES: Term[] = [
  { slug: 'non-classe', name: 'Non classé', parent: '' },
  { slug: 'points-de-vue', name: 'Points de vue', parent: '' },
  { slug: 'experts', name: 'Le point de vue d’un expert', parent: 'points-de-vue' },
  { slug: 'recherche', name: 'Recherche &amp; marketing', parent: '' },
  { slug: 'etudes-de-cas', name: 'Études de cas', parent: 'recherche' },
  { slug: 'sante', name: 'Santé', parent: '' },
  { slug: 'hopital', name: 'Hôpital', parent: 'sante' },
  { slug: 'culture', name: 'Culture', parent: '' },
  { slug: 'voyages', name: 'Voyages', parent: '' },
  { slug: 'europe', name: 'Europe', parent: 'voyages' },
  { slug: 'numerique', name: 'Numérique', parent: '' },
  { slug: 'management', name: 'Management', parent: '' },
];

const TAGS: Term[] = Array.from({ length: 40 }, (_, i) => ({ slug: `mot-cle-${i + 1}`, name: `mot-clé ${i + 1}`, parent: '' }));

const SITE = 'https://blog.example.fr';

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
const REUSABLE_BLOCKS = 3;

class Gen {
  readonly random: () => number;
  private nextId = 100;

  constructor(seed: number) {
    this.random = makeRandom(seed);
  }

  id(): number {
    return this.nextId++;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }

  sentence(): string {
    let text = this.words(this.int(6, 15));
    if (this.chance(0.3)) {
      const parts = text.split(' ');
      parts.splice(this.int(2, parts.length - 1), 0, '—');
      text = parts.join(' ');
    }
    if (this.chance(0.15)) text += ` « ${this.words(this.int(2, 5))} »`;
    text = text[0]!.toUpperCase() + text.slice(1);
    return text + this.pick(['.', '.', '.', '.', '&nbsp;!', '&nbsp;?', '…']);
  }

  /** A paragraph's HTML, inline markup included (no <p>). */
  inline(sentences: number): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) {
      let s = this.sentence();
      const roll = this.random();
      if (roll < 0.15) s = s.replace(/ (\S+) (\S+)/, ' <strong>$1 $2</strong>');
      else if (roll < 0.3) s = s.replace(/ (\S+)/, ' <em>$1</em>');
      else if (roll < 0.42) s = s.replace(/ (\S+ \S+)/, ` <a href="${SITE}/${this.int(2008, 2024)}/${slugify(this.words(2))}/">$1</a>`);
      else if (roll < 0.47) s += ` Voici la liste&nbsp;: ${this.words(3)}, ${this.words(2)} &amp; ${this.words(2)}.`;
      out.push(s);
    }
    return out.join(' ');
  }

  heading(): string {
    const text = this.words(this.int(3, 7));
    return text[0]!.toUpperCase() + text.slice(1);
  }
}

interface Image {
  id: number;
  url: string;
  alt: string;
  caption: string;
}

interface Footnote {
  id: string;
  content: string;
}

function uuid(gen: Gen): string {
  const hex = (n: number): string => Array.from({ length: n }, () => gen.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function makeImages(gen: Gen, count: number, year: number): Image[] {
  return Array.from({ length: count }, () => {
    const id = gen.id();
    const name = `photo-${id}`;
    return { id, url: `${SITE}/wp-content/uploads/${year}/0${gen.int(1, 9)}/${name}.jpg`, alt: gen.words(gen.int(2, 5)), caption: gen.inline(1) };
  });
}

/** Classic editor: paragraphs separated by blank lines, single newlines for <br>, shortcodes. */
function classicBody(gen: Gen, images: Image[]): string {
  const parts: string[] = [];
  const para = (): string => {
    let p = gen.inline(gen.int(2, 5));
    if (gen.chance(0.2)) p += `\n${gen.inline(1)}`;
    if (gen.chance(0.25)) p += ` [ref]${gen.inline(1)}[/ref]`;
    return p;
  };
  parts.push(para(), '<!--more-->', para());
  const remaining = [...images];
  const gallery = remaining.length >= 3 && gen.chance(0.5) ? remaining.splice(0, 3) : [];
  const sections = gen.int(2, 4);
  for (let s = 0; s < sections; s++) {
    parts.push(`<h2>${gen.heading()}</h2>`);
    for (let i = gen.int(2, 3); i > 0; i--) parts.push(para());
    const image = remaining.shift();
    if (image) {
      parts.push(
        `[caption id="attachment_${image.id}" align="aligncenter" width="640"]<img class="size-large wp-image-${image.id}" src="${image.url}" alt="${image.alt}" width="640" height="427" /> ${image.caption}[/caption]`,
      );
    }
    if (s === 1) parts.push(`<ul>\n${Array.from({ length: gen.int(3, 5) }, () => `\t<li>${gen.inline(1)}</li>`).join('\n')}\n</ul>`);
    if (s === 2 && gen.chance(0.5)) parts.push(`<blockquote>${gen.inline(2)}</blockquote>`);
  }
  if (gallery.length) parts.push(gen.chance(0.5) ? `[gallery ids="${gallery.map((i) => i.id).join(',')}"]` : '[gallery columns="3" link="file"]');
  return parts.join('\n\n');
}

function block(name: string, html: string, attrs?: Record<string, unknown>): string {
  const a = attrs ? ` ${JSON.stringify(attrs)}` : '';
  return `<!-- wp:${name}${a} -->\n${html}\n<!-- /wp:${name} -->`;
}

function imageBlock(image: Image): string {
  return block(
    'image',
    `<figure class="wp-block-image size-large"><img src="${image.url}" alt="${image.alt}" class="wp-image-${image.id}"/><figcaption class="wp-element-caption">${image.caption}</figcaption></figure>`,
    { id: image.id, sizeSlug: 'large', linkDestination: 'none' },
  );
}

/** Block editor: delimited blocks, never autop'd; footnotes live in the post's `footnotes` meta. */
function blockBody(gen: Gen, images: Image[], footnotes: Footnote[], reusable: number[]): string {
  const parts: string[] = [];
  const para = (): string => {
    let p = gen.inline(gen.int(2, 5));
    if (gen.chance(0.25)) {
      const note = { id: uuid(gen), content: gen.inline(1) };
      footnotes.push(note);
      p += `<sup data-fn="${note.id}" class="fn"><a href="#${note.id}" id="${note.id}-link">${footnotes.length}</a></sup>`;
    }
    return block('paragraph', `<p>${p}</p>`);
  };
  parts.push(para(), block('more', '<!--more-->'), para());
  const remaining = [...images];
  const gallery = remaining.length >= 3 && gen.chance(0.5) ? remaining.splice(0, 3) : [];
  const sections = gen.int(2, 4);
  for (let s = 0; s < sections; s++) {
    parts.push(block('heading', `<h2 class="wp-block-heading">${gen.heading()}</h2>`));
    for (let i = gen.int(2, 3); i > 0; i--) parts.push(para());
    const image = remaining.shift();
    if (image) parts.push(imageBlock(image));
    if (s === 1) {
      const items = Array.from({ length: gen.int(3, 5) }, () => block('list-item', `<li>${gen.inline(1)}</li>`));
      parts.push(block('list', `<ul class="wp-block-list">${items.join('\n\n')}</ul>`));
    }
    if (s === 2 && gen.chance(0.5)) parts.push(block('quote', `<blockquote class="wp-block-quote">${para()}</blockquote>`));
  }
  if (gallery.length) {
    const inner = gallery.map(imageBlock).join('\n\n');
    parts.push(block('gallery', `<figure class="wp-block-gallery has-nested-images columns-default is-cropped">${inner}</figure>`, { linkTo: 'none' }));
  }
  if (reusable.length && gen.chance(0.1)) parts.push(`<!-- wp:block {"ref":${gen.pick(reusable)}} /-->`);
  if (footnotes.length) parts.push('<!-- wp:footnotes /-->');
  return parts.join('\n\n');
}

const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function wpDate(ms: number): { local: string; gmt: string; rfc: string } {
  const d = new Date(ms);
  const fmt = (x: Date): string =>
    `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())} ${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}`;
  return { local: fmt(new Date(ms + 3_600_000)), gmt: fmt(d), rfc: d.toUTCString().replace('GMT', '+0000') };
}

interface ItemFields {
  id: number;
  title: string;
  slug: string;
  link: string;
  type: string;
  status: string;
  parent: number;
  date: number;
  creator: string;
  content: string;
  excerpt?: string;
  terms?: Array<{ domain: string; term: Term }>;
  meta?: Array<[string, string]>;
  comments?: string[];
  attachmentUrl?: string;
  menuOrder?: number;
}

function renderItem(f: ItemFields): string {
  const d = wpDate(f.date);
  const lines = [
    '\t<item>',
    `\t\t<title>${f.title}</title>`,
    `\t\t<link>${f.link}</link>`,
    `\t\t<pubDate>${d.rfc}</pubDate>`,
    `\t\t<dc:creator>${cdata(f.creator)}</dc:creator>`,
    `\t\t<guid isPermaLink="false">${SITE}/?p=${f.id}</guid>`,
    '\t\t<description></description>',
    `\t\t<content:encoded>${cdata(f.content)}</content:encoded>`,
    `\t\t<excerpt:encoded>${cdata(f.excerpt ?? '')}</excerpt:encoded>`,
    `\t\t<wp:post_id>${f.id}</wp:post_id>`,
    `\t\t<wp:post_date>${cdata(d.local)}</wp:post_date>`,
    `\t\t<wp:post_date_gmt>${cdata(f.status === 'draft' ? '0000-00-00 00:00:00' : d.gmt)}</wp:post_date_gmt>`,
    `\t\t<wp:post_modified>${cdata(d.local)}</wp:post_modified>`,
    `\t\t<wp:post_modified_gmt>${cdata(d.gmt)}</wp:post_modified_gmt>`,
    `\t\t<wp:comment_status>${cdata('open')}</wp:comment_status>`,
    `\t\t<wp:ping_status>${cdata('open')}</wp:ping_status>`,
    `\t\t<wp:post_name>${cdata(f.slug)}</wp:post_name>`,
    `\t\t<wp:status>${cdata(f.status)}</wp:status>`,
    `\t\t<wp:post_parent>${f.parent}</wp:post_parent>`,
    `\t\t<wp:menu_order>${f.menuOrder ?? 0}</wp:menu_order>`,
    `\t\t<wp:post_type>${cdata(f.type)}</wp:post_type>`,
    `\t\t<wp:post_password>${cdata('')}</wp:post_password>`,
    '\t\t<wp:is_sticky>0</wp:is_sticky>',
  ];
  if (f.attachmentUrl) lines.push(`\t\t<wp:attachment_url>${cdata(f.attachmentUrl)}</wp:attachment_url>`);
  for (const { domain, term } of f.terms ?? []) {
    lines.push(`\t\t<category domain="${domain}" nicename="${term.slug}">${cdata(term.name)}</category>`);
  }
  for (const [key, value] of f.meta ?? []) {
    lines.push(`\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>${cdata(key)}</wp:meta_key>\n\t\t\t<wp:meta_value>${cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>`);
  }
  lines.push(...(f.comments ?? []), '\t</item>\n');
  return lines.join('\n');
}

function comment(gen: Gen, id: number, postDate: number, parent: number): string {
  const d = wpDate(postDate + gen.int(1, 90) * 86_400_000);
  const pingback = gen.chance(0.08);
  const author = `${gen.pick(NAMES)} ${gen.pick(SURNAMES)}`;
  return [
    '\t\t<wp:comment>',
    `\t\t\t<wp:comment_id>${id}</wp:comment_id>`,
    `\t\t\t<wp:comment_author>${cdata(pingback ? `${gen.heading()} &#8211; Blog ami` : author)}</wp:comment_author>`,
    `\t\t\t<wp:comment_author_email>${cdata(pingback ? '' : 'lecteur@example.fr')}</wp:comment_author_email>`,
    `\t\t\t<wp:comment_author_url>${pingback ? `https://ami.example.org/${id}/` : ''}</wp:comment_author_url>`,
    `\t\t\t<wp:comment_author_IP>${cdata('192.0.2.' + gen.int(1, 254))}</wp:comment_author_IP>`,
    `\t\t\t<wp:comment_date>${cdata(d.local)}</wp:comment_date>`,
    `\t\t\t<wp:comment_date_gmt>${cdata(d.gmt)}</wp:comment_date_gmt>`,
    `\t\t\t<wp:comment_content>${cdata(pingback ? `[&#8230;] ${gen.inline(1)} [&#8230;]` : gen.inline(gen.int(1, 3)))}</wp:comment_content>`,
    `\t\t\t<wp:comment_approved>${cdata(gen.chance(0.9) ? '1' : '0')}</wp:comment_approved>`,
    `\t\t\t<wp:comment_type>${cdata(pingback ? 'pingback' : 'comment')}</wp:comment_type>`,
    `\t\t\t<wp:comment_parent>${parent}</wp:comment_parent>`,
    '\t\t\t<wp:comment_user_id>0</wp:comment_user_id>',
    '\t\t</wp:comment>',
  ].join('\n');
}

function header(): string {
  const terms = CATEGORIES.map(
    (c, i) =>
      `\t<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${cdata(c.slug)}</wp:category_nicename><wp:category_parent>${cdata(c.parent)}</wp:category_parent><wp:cat_name>${cdata(c.name)}</wp:cat_name></wp:category>`,
  );
  const tags = TAGS.map(
    (t, i) => `\t<wp:tag><wp:term_id>${i + 100}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name></wp:tag>`,
  );
  const authors = NAMES.slice(0, 4).map(
    (n, i) =>
      `\t<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(`auteur${i + 1}`)}</wp:author_login><wp:author_email>${cdata(`auteur${i + 1}@example.fr`)}</wp:author_email><wp:author_display_name>${cdata(`${n} ${SURNAMES[i]}`)}</wp:author_display_name></wp:author>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- generator="WordPress/6.5" created="2024-05-01 10:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>Carnet d’un blogueur &amp; de ses invités</title>
	<link>${SITE}</link>
	<description>Relation de service, expérience client et management</description>
	<pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate>
	<language>fr-FR</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${SITE}</wp:base_site_url>
	<wp:base_blog_url>${SITE}</wp:base_blog_url>

${authors.join('\n')}
${terms.join('\n')}
${tags.join('\n')}

	<generator>https://wordpress.org/?v=6.5</generator>

`;
}

/** One post (or page) and its attachments, as export text. */
function postItems(gen: Gen, n: number, date: number, reusable: number[]): string {
  const year = new Date(date).getUTCFullYear();
  const id = gen.id();
  const page = n % 50 === 49;
  const images = makeImages(gen, gen.chance(0.7) ? gen.int(1, 5) : 0, year);
  const isBlocks = gen.chance(0.45);
  const footnotes: Footnote[] = [];
  const content = isBlocks ? blockBody(gen, images, footnotes, reusable) : classicBody(gen, images);
  const titleWords = gen.heading();
  const title = gen.chance(0.1) ? `${titleWords} &amp; ${gen.words(2)}` : titleWords;
  const slug = slugify(titleWords);
  const status = gen.chance(0.04) ? 'draft' : gen.chance(0.01) ? 'private' : 'publish';
  const terms: Array<{ domain: string; term: Term }> = [];
  for (let i = gen.int(1, 2); i > 0; i--) terms.push({ domain: 'category', term: gen.pick(CATEGORIES) });
  for (let i = gen.int(0, 4); i > 0; i--) terms.push({ domain: 'post_tag', term: gen.pick(TAGS) });
  const unique = [...new Map(terms.map((t) => [`${t.domain}/${t.term.slug}`, t])).values()];
  const meta: Array<[string, string]> = [['_edit_last', '1']];
  if (images.length) meta.push(['_thumbnail_id', String(images[0]!.id)]);
  if (footnotes.length) meta.push(['footnotes', JSON.stringify(footnotes)]);
  if (gen.chance(0.05)) meta.push(['_wp_old_slug', `${slug}-ancien`]);
  const comments: string[] = [];
  let commentId = id * 10;
  for (let i = gen.chance(0.6) ? gen.int(1, 6) : 0; i > 0; i--) {
    const parent = comments.length && gen.chance(0.3) ? commentId : 0;
    comments.push(comment(gen, ++commentId, date, parent));
  }
  const path = page ? `${SITE}/${slug}/` : `${SITE}/${year}/${slug}/`;
  const out = [
    renderItem({
      id,
      title,
      slug,
      link: path,
      type: page ? 'page' : 'post',
      status,
      parent: 0,
      date,
      creator: `auteur${gen.int(1, 4)}`,
      content,
      excerpt: gen.chance(0.2) ? gen.inline(1) : '',
      terms: page ? [] : unique,
      meta,
      comments,
    }),
  ];
  // Attachments follow their post, as they often do in real exports (uploaded after it was
  // created): the first pass has to index them before the post is converted.
  images.forEach((image, i) =>
    out.push(
      renderItem({
        id: image.id,
        title: `photo-${image.id}`,
        slug: `photo-${image.id}`,
        link: `${path}photo-${image.id}/`,
        type: 'attachment',
        status: 'inherit',
        parent: id,
        date,
        creator: 'auteur1',
        content: '',
        excerpt: image.caption,
        attachmentUrl: image.url,
        menuOrder: i,
        meta: [
          ['_wp_attached_file', image.url.slice(image.url.indexOf('uploads/') + 8)],
          ['_wp_attachment_image_alt', image.alt],
        ],
      }),
    ),
  );
  return out.join('');
}

/**
 * Writes an export with `posts` posts and pages to `file`; returns its size in bytes. About 2 % of
 * the posts are pages, 4 % drafts; reusable blocks come first.
 */
export function writeSyntheticExport(file: string, posts: number, seed = 1): number {
  const gen = new Gen(seed);
  const fd = openSync(file, 'w');
  let bytes = 0;
  const write = (text: string): void => {
    bytes += writeSync(fd, text);
  };
  try {
    write(header());
    const reusable: number[] = [];
    for (let i = 0; i < REUSABLE_BLOCKS; i++) {
      const id = gen.id();
      reusable.push(id);
      const content = block('paragraph', `<p>${gen.inline(2)}</p>`);
      write(renderItem({ id, title: `Bloc ${i + 1}`, slug: `bloc-${i + 1}`, link: `${SITE}/?p=${id}`, type: 'wp_block', status: 'publish', parent: 0, date: Date.UTC(2019, 0, 1), creator: 'auteur1', content }));
    }
    let date = Date.UTC(2008, 0, 1, 8);
    let chunk: string[] = [];
    for (let n = 0; n < posts; n++) {
      date += gen.int(2, 30) * 3_600_000;
      chunk.push(postItems(gen, n, date, reusable));
      if (chunk.length === 200) {
        write(chunk.join(''));
        chunk = [];
      }
    }
    write(chunk.join(''));
    write('</channel>\n</rss>\n');
  } finally {
    closeSync(fd);
  }
  return bytes;
}
