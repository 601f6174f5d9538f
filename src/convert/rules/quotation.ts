import { rule } from './types.js';

/** `<q>` is a quotation the browser puts in quotes. */
export const quotation = rule('quotation', {
  filter: 'q',
  replacement: (content) => `"${content}"`,
});
