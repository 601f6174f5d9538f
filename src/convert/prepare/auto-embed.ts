import { decodeHTML } from 'entities';
import { embedLinkHtml } from '../shortcodes/embed.js';

/**
 * WordPress's auto-embeds (WP_Embed::autoembed): a bare URL alone on its line, or alone in a
 * paragraph, becomes the provider's player. Here it becomes a link on its own line, so that the
 * URL is neither escaped nor lost. Runs on text with code hidden.
 */
const IN_PARAGRAPH = /<p(?: [^>]*)?>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/gi;
const ON_ITS_LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)[ \t]*$/gim;

export function autoEmbeds(text: string): string {
  return text
    .replace(IN_PARAGRAPH, (_, url: string) => embedLinkHtml(decodeHTML(url)))
    .replace(ON_ITS_LINE, (_, _indent: string, url: string) => embedLinkHtml(decodeHTML(url)));
}
