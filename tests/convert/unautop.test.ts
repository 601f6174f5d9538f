import { describe, expect, it } from 'vitest';
import { unautopBlockShortcodes } from '../../src/convert/prepare/shortcodes.js';

/** WordPress's shortcode_unautop, for the shortcodes unpress turns into block-level HTML. */
describe('unautopBlockShortcodes', () => {
  it('takes a block shortcode alone in a paragraph out of its <p>', () => {
    expect(unautopBlockShortcodes('<p>[caption id="attachment_7" width="300"]<img src="a.jpg" /> Légende[/caption]</p>\n<p>Suite</p>')).toBe(
      '[caption id="attachment_7" width="300"]<img src="a.jpg" /> Légende[/caption]\n<p>Suite</p>',
    );
    expect(unautopBlockShortcodes('<p>&nbsp;[gallery ids="1,2"]\n</p>')).toBe('[gallery ids="1,2"]');
    expect(unautopBlockShortcodes('<p>[playlist ids="3"/]</p>')).toBe('[playlist ids="3"/]');
    expect(unautopBlockShortcodes('<p>[wp_caption]<img src="b.jpg" />[/wp_caption]</p>')).toBe('[wp_caption]<img src="b.jpg" />[/wp_caption]');
  });

  it('leaves a shortcode that shares its paragraph, and inline shortcodes', () => {
    for (const text of [
      '<p>Texte [caption]<img src="a.jpg" />[/caption]</p>',
      '<p>[caption]a[/caption] et [caption]b[/caption]</p>',
      '<p>[embed]https://example.org/[/embed]</p>',
      '<p>[captions]x[/captions]</p>',
      '<p>[caption]sans fin</p>',
    ]) {
      expect(unautopBlockShortcodes(text)).toBe(text);
    }
  });
});
