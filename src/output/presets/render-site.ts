import type { SiteOptions } from '../../config.js';
import type { convertBody as ConvertBody } from '../../convert/convert-body.js';
import type { Comment, PostRecord } from '../../model/post.js';
import type { SiteIndex } from '../../model/site.js';
import type { ConvertedRecord } from '../../run/events.js';
import { commentsPathOf, renderComments, threadComments } from '../comments.js';
import { renderFrontMatter, type FrontMatter } from '../front-matter.js';
import type { Manifest, ManifestRecord } from '../manifest.js';
import { MediaLibrary, type MediaReport } from '../media/library.js';
import { localizeMedia } from '../media/localize.js';
import { localKeyOf } from '../media/media-urls.js';
import { LinkIndex, rewriteInternalLinks } from '../redirects-links.js';
import { NETLIFY_FILE, NGINX_MAP, REDIRECTS_JSON, renderNetlifyRedirects, renderNginxMap, renderRedirectsJson } from '../redirects-render.js';
import { aliasPathsOf, oldUrlsOf, RedirectBook } from '../redirects.js';
import { ReportBodies } from '../report/bodies.js';
import { REPORT_FILE, renderReport } from '../report/render-report.js';
import { collectionOf, PathPlanner } from '../target-path.js';
import { isPublished } from './common.js';
import { presetNamed, type Preset } from './index.js';
import { renderTomlFrontMatter } from './toml.js';

/** A record as written, for library users (`migrate({ onRecord })`). */
export interface RenderedRecord {
  record: PostRecord;
  /** The body as written (references rewritten). */
  markdown: string;
  path: string;
  /** The whole file: front matter and body. */
  content: string;
}

export interface SiteRendererContext {
  readonly out: string;
  readonly check: boolean;
  /** Filled by the sources stage; complete once records flow. */
  readonly site: SiteIndex;
  /** The output writer (text files). */
  write(path: string, content: string): Promise<void>;
  onRecord?(rendered: RenderedRecord): void | Promise<void>;
}

/** What the manifest gains when options ask for more than Markdown files. */
export interface SiteExtras {
  media?: MediaReport;
  /** Files written besides the records (comments, redirects, report): unpress's on the next run. */
  files?: string[];
}

/** The body converter, imported once, by the first comments file written (writeComments). */
let converter: Promise<typeof import('../../convert/convert-body.js')> | undefined;

/** Records being rendered at once (media downloads wait in their own queue). */
const MAX_PENDING = 32;

/**
 * The output stage for the chosen preset: the path layout, front matter, media, links between
 * posts, comments, and the files written once at the end (redirects, report). With the default
 * options (plain, media kept, no extras) a record's file is what `renderMarkdownFile` always wrote.
 */
export class SiteRenderer {
  readonly preset: Preset;
  readonly links: LinkIndex | undefined;
  /** Records that could not be rendered: the pipeline fails them like unwritable files. */
  readonly failures: Array<{ path: string; error: string }> = [];
  private readonly media: MediaLibrary | undefined;
  private readonly bodies: ReportBodies | undefined;
  private readonly redirects = new RedirectBook();
  private readonly urlsById = new Map<number, string>();
  private readonly commentFiles = new Set<string>();
  private readonly extraFiles: string[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly options: SiteOptions,
    private readonly context: SiteRendererContext,
  ) {
    this.preset = presetNamed(options.preset);
    this.links = options.links === 'rewrite' ? new LinkIndex() : undefined;
    this.media = options.media === 'keep' ? undefined : new MediaLibrary({ mode: options.media, mirrors: options.mediaFrom, download: options.download }, context.out, context.check);
    this.bodies = options.report ? new ReportBodies() : undefined;
  }

  /** A path planner with the preset's layout (and, for generators, distinct URLs too). */
  planner(): PathPlanner {
    const { preset } = this;
    const bundles = this.options.bundles;
    return new PathPlanner((record, stem) => preset.path(record, stem, { bundles }), preset.name === 'plain' ? undefined : (record, path) => preset.url(record, path));
  }

  /** Files every run with these options writes, whatever the records (for the writer's ownership check). */
  fixedFiles(): string[] {
    const files: string[] = [];
    if (this.options.redirects) files.push(REDIRECTS_JSON, NGINX_MAP, this.netlifyPath());
    if (this.options.report) files.push(REPORT_FILE);
    return files;
  }

  /** Media placed in check mode that are not in the output folder. */
  get differences(): readonly string[] {
    return this.media?.differences ?? [];
  }

  /** First pass (links): a record's old URLs lead to `path`. */
  noteLinkTarget(record: PostRecord, path: string, siteBase: string | undefined): void {
    if (!this.links) return;
    const target = { path, url: this.preset.url(record, path) };
    for (const { url } of oldUrlsOf(record, siteBase)) this.links.add(url, target);
  }

  /**
   * Renders and writes one record; returns once there is room for the next (back-pressure), with
   * `rendered`, which settles (never rejects) when the record is written and its manifest entry
   * final (media warnings arrive late).
   */
  async add(converted: ConvertedRecord, path: string, manifestRecord: ManifestRecord): Promise<{ rendered: Promise<void> }> {
    const { record } = converted;
    const url = this.preset.url(record, path);
    // Only redirects use it (an attachment page leads to its post): not kept otherwise.
    if (this.options.redirects && record.wordpressId !== undefined) this.urlsById.set(record.wordpressId, url);
    if (this.options.redirects && isPublished(record)) {
      for (const old of oldUrlsOf(record, this.context.site.baseUrl)) this.redirects.add(old.url, url, old.type, record.wordpressId);
    }
    // Decided here, in input order, not when a record's media arrive: names and the report's
    // comparisons do not depend on timing.
    const extras = {
      comments: this.options.comments && record.comments.length ? this.claimCommentsPath(record, path) : undefined,
      compare: this.bodies?.admit(record.body.length, converted.markdown.length) ?? false,
    };
    const task = this.render(converted, path, url, manifestRecord.warnings, extras).catch((error: Error) => {
      this.failures.push({ path, error: error.message });
    });
    if (!this.media) {
      await task;
      return { rendered: task };
    }
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
    while (this.pending.size >= MAX_PENDING) await Promise.race(this.pending);
    return { rendered: task };
  }

  async drain(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async render(
    { record, markdown }: ConvertedRecord,
    path: string,
    url: string,
    warnings: ManifestRecord['warnings'],
    extras: { comments: string | undefined; compare: boolean },
  ): Promise<void> {
    let body = markdown;
    let featuredImage = record.featuredImage;
    if (this.media) {
      const bundle = this.options.bundles && path.endsWith('/index.md');
      const placement = { path, staticDir: this.preset.staticDir, bundle, linksTo: this.preset.linksTo };
      const localized = await localizeMedia(record, body, this.media, placement, this.context.site.baseUrl);
      body = localized.markdown;
      featuredImage = localized.featuredImage ?? featuredImage;
      warnings.push(...localized.warnings);
    }
    if (this.links) body = rewriteInternalLinks(body, this.links, path, this.preset.linksTo, record.originalUrl ?? this.context.site.baseUrl);
    const aliases = this.preset.name !== 'plain' && isPublished(record) ? aliasPathsOf(record, url) : [];
    const fm = this.preset.frontMatter(record, { url, aliases, ...(featuredImage !== undefined ? { featuredImage } : {}) });
    const content = this.renderFile(fm, body);
    await this.context.write(path, content);
    if (extras.comments) await this.writeComments(record, extras.comments);
    if (extras.compare) this.bodies?.set(path, record.body, content);
    await this.context.onRecord?.({ record, markdown: body, path, content });
  }

  private renderFile(fm: FrontMatter, body: string): string {
    const head = this.options.frontMatter === 'toml' ? renderTomlFrontMatter(fm) : renderFrontMatter(fm);
    return `${head}${body ? `\n${body}` : ''}`;
  }

  /** The record's comments file, named like its page; a name already taken gets the post's id. */
  private claimCommentsPath(record: PostRecord, path: string): string {
    const format = this.options.comments || 'json';
    let file = commentsPathOf(path, record.type, collectionOf(record.type), this.preset.dataDir, format);
    if (this.commentFiles.has(file.toLowerCase())) file = file.replace(/(\.\w+)$/, `-${record.wordpressId ?? this.commentFiles.size}$1`);
    this.commentFiles.add(file.toLowerCase());
    this.extraFiles.push(file);
    return file;
  }

  private async writeComments(record: PostRecord, file: string): Promise<void> {
    const format = this.options.comments || 'json';
    // The body converter, loaded only here: without --comments, this thread never needs it (its
    // workers convert the bodies), and loading it cost the run's start a third of a second.
    const { convertBody } = await (converter ??= import('../../convert/convert-body.js'));
    const toMarkdown = (comment: Comment): string => commentMarkdown(convertBody, comment, record, this.context.site);
    const thread = threadComments(record.comments, { private: this.options.commentsPrivate, toMarkdown });
    await this.context.write(file, renderComments(thread, format));
  }

  /** finish() reads the manifest's records and skipped items (for the report) only with --report. */
  get needsManifestEntries(): boolean {
    return this.bodies !== undefined;
  }

  /** After the last record: attachments' files, redirects, the report. Returns what the manifest gains. */
  async finish(manifest: Manifest): Promise<SiteExtras> {
    await this.drain();
    const extras: SiteExtras = {};
    const attachmentUrls = this.media ? await this.placeAttachments() : new Map<number, string>();
    if (this.media) extras.media = await this.media.report();
    if (this.options.redirects) await this.writeRedirects(attachmentUrls);
    if (this.options.report && this.bodies) {
      const bodies = this.bodies;
      await this.context.write(REPORT_FILE, renderReport({ manifest, ...(extras.media ? { media: extras.media } : {}), bodyOf: (p) => bodies.get(p), droppedBodies: bodies.dropped }));
    }
    const files = [...this.fixedFiles(), ...this.extraFiles].sort();
    if (files.length) extras.files = files;
    return extras;
  }

  /** Every attachment of the media library, in the static folder; returns id -> its new URL. */
  private async placeAttachments(): Promise<Map<number, string>> {
    const media = this.media!;
    const urls = new Map<number, string>();
    const staticDir = this.preset.staticDir;
    await Promise.all(
      [...this.context.site.attachments.values()].map(async (attachment) => {
        const found = await media.find(attachment.url);
        if ('error' in found) {
          media.noteMissing(attachment.url, found.error, `attachment ${attachment.id}`);
          return;
        }
        const key = localKeyOf(found.url);
        const error = await media.place(found, staticDir ? `${staticDir}/${key}` : key);
        if (error === undefined) urls.set(attachment.id, `/${staticDir && this.preset.linksTo === 'files' ? `${staticDir}/` : ''}${key}`);
      }),
    );
    return urls;
  }

  private async writeRedirects(attachmentUrls: Map<number, string>): Promise<void> {
    for (const attachment of [...this.context.site.attachments.values()].sort((a, b) => a.id - b.id)) {
      const to = attachmentUrls.get(attachment.id) ?? this.urlsById.get(attachment.parent);
      const origin = originOf(this.context.site.baseUrl) ?? originOf(attachment.url);
      if (!to || !origin) continue;
      // The attachment page's own permalink, when the sources stage knows it.
      const link = (attachment as { link?: string }).link;
      if (link) this.redirects.add(link, to, 'attachment', attachment.id);
      this.redirects.add(`${origin}/?attachment_id=${attachment.id}`, to, 'attachment', attachment.id);
    }
    const list = this.redirects.redirects;
    await this.context.write(REDIRECTS_JSON, renderRedirectsJson(list));
    await this.context.write(this.netlifyPath(), renderNetlifyRedirects(list));
    await this.context.write(NGINX_MAP, renderNginxMap(list));
  }

  private netlifyPath(): string {
    return this.preset.staticDir ? `${this.preset.staticDir}/${NETLIFY_FILE}` : NETLIFY_FILE;
  }
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** A comment's HTML -> Markdown with the body converter: stored comments are not autop'd (classic). */
function commentMarkdown(convertBody: typeof ConvertBody, comment: Comment, record: PostRecord, site: SiteIndex): string {
  const body = comment.content;
  const asRecord: PostRecord = { ...record, body, bodyFormat: record.source.kind === 'html' ? 'rendered' : 'classic', meta: {}, comments: [] };
  return convertBody(asRecord, site).markdown.trimEnd();
}

