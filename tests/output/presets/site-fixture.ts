import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A small WordPress export of the site at `origin`, for the output tests:
 * - "Premier" (10, published) links to "Second" (which comes later) by permalink and by ?p=,
 *   shows a resized image of attachment 12 with a srcset, links to a PDF, has 12 as featured image;
 * - "Second" (11, published) was renamed from "deuxieme" (_wp_old_slug), has three approved
 *   comments (a reply among them) and one pending;
 * - "Brouillon" (13, draft) and the attachment 12 (photo.jpg, uploaded to 10).
 */
export function siteExport(origin: string, mediaOrigin = origin): string {
  const uploads = `${mediaOrigin}/wp-content/uploads/2020/01`;
  const item = (fields: string, extra = ''): string => `<item>${fields}${extra}</item>`;
  const post = (id: number, slug: string, title: string, link: string, status: string, content: string, extra = '', type = 'post'): string =>
    item(
      `<title>${title}</title><link>${link}</link><dc:creator><![CDATA[admin]]></dc:creator>
<content:encoded><![CDATA[${content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date><![CDATA[2020-01-0${id - 9} 10:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2020-01-0${id - 9} 09:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name><wp:status><![CDATA[${status}]]></wp:status><wp:post_parent>${type === 'attachment' ? 10 : 0}</wp:post_parent>
<wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[${type}]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password>`,
      extra,
    );
  const comment = (id: number, parent: number, author: string, approved: string, date: string, content: string): string =>
    `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[${author}]]></wp:comment_author>
<wp:comment_author_email><![CDATA[${author.toLowerCase().replace(/\W/g, '')}@example.com]]></wp:comment_author_email><wp:comment_author_url>http://${author.toLowerCase().replace(/\W/g, '')}.example</wp:comment_author_url>
<wp:comment_author_IP><![CDATA[192.0.2.${id}]]></wp:comment_author_IP><wp:comment_date><![CDATA[${date}]]></wp:comment_date><wp:comment_date_gmt><![CDATA[${date}]]></wp:comment_date_gmt>
<wp:comment_content><![CDATA[${content}]]></wp:comment_content><wp:comment_approved><![CDATA[${approved}]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type>
<wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`;
  const meta = (key: string, value: string): string => `<wp:postmeta><wp:meta_key><![CDATA[${key}]]></wp:meta_key><wp:meta_value><![CDATA[${value}]]></wp:meta_value></wp:postmeta>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>${origin}</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${origin}</wp:base_site_url><wp:base_blog_url>${origin}</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[Admin]]></wp:author_display_name></wp:author>
${post(10, 'premier', 'Premier', `${origin}/2020/01/01/premier/`, 'publish', `Voir <a href="${origin}/2020/01/02/second/#comments">le second</a> et <a href="${origin}/?p=11">encore</a>.

<img class="size-medium" src="${uploads}/photo-300x200.jpg" srcset="${uploads}/photo-300x200.jpg 300w, ${uploads}/photo-1024x683.jpg 1024w" alt="Photo" />

<a href="${uploads}/notes.pdf">Les notes</a> et <img src="${uploads}/absente.jpg" alt="Absente" />`, meta('_thumbnail_id', '12'))}
${post(12, 'photo', 'photo', `${origin}/2020/01/01/premier/photo/`, 'inherit', '', `<wp:attachment_url><![CDATA[${uploads}/photo.jpg]]></wp:attachment_url>`, 'attachment')}
${post(11, 'second', 'Second', `${origin}/2020/01/02/second/`, 'publish', `Retour au <a href="${origin}/2020/01/01/premier/">premier</a>.`, meta('_wp_old_slug', 'deuxieme') +
    comment(21, 0, 'Alice', '1', '2020-01-03 10:00:00', 'Bravo <strong>!</strong>') +
    comment(22, 21, 'Bob', '1', '2020-01-03 11:00:00', 'Merci Alice.') +
    comment(23, 0, 'Carole', '1', '2020-01-02 18:00:00', 'Première !') +
    comment(24, 0, 'Spam', '0', '2020-01-04 10:00:00', 'En attente'))}
${post(13, 'brouillon', 'Brouillon', `${origin}/?p=13`, 'draft', 'Pas fini.')}
</channel></rss>
`;
}

export async function writeSiteExport(dir: string, origin: string, mediaOrigin?: string): Promise<string> {
  const path = join(dir, 'export.xml');
  await writeFile(path, siteExport(origin, mediaOrigin));
  return path;
}
