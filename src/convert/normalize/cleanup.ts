import type { Normalizer } from './types.js';

/**
 * What has no place in a Markdown body, dropped on purpose: scripts and styles (embed loaders,
 * a gallery's inline <style>), forms (contact forms as a theme drew them), Word's `<o:p>` and
 * `<meta>`/`<link>` debris. TinyMCE's spans for underline, bold and italic become <u>, <strong>, <em>.
 */
export const cleanup: Normalizer = {
  name: 'cleanup',
  appliesTo: /<(?:script|style|template|form|input|button|select|textarea|meta|link|o:p|noscript)\b|<span[^>]*style=/i,
  apply($) {
    $('script, style, template, form, input, button, select, textarea, meta, link, o\\:p').each((_, el) => {
      if (el.tagName === 'o:p' && $(el).text().replace(/[\s\u00a0]/g, '')) $(el).replaceWith($(el).contents());
      else $(el).remove();
    });
    // A lazy-loading fallback duplicates the image before it.
    $('noscript').each((_, el) => {
      if ($(el).prev('img').length || $(el).parent().find('img').not($(el).find('img')).length) $(el).remove();
      else $(el).replaceWith($(el).contents());
    });
    $('span[style]').each((_, el) => {
      const style = el.attribs['style'] ?? '';
      if (/text-decoration:\s*underline/i.test(style)) el.tagName = 'u';
      else if (/font-weight:\s*(?:bold|[6-9]00)/i.test(style)) el.tagName = 'strong';
      else if (/font-style:\s*italic/i.test(style)) el.tagName = 'em';
    });
  },
};
