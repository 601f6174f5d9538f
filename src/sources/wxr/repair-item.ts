/**
 * Lenient recovery for an item that is not well-formed XML, in the spirit of WordPress's importer
 * falling back to its tolerant parser. Each repair is named so the user is told what was changed.
 * Only text outside CDATA sections is touched.
 */
export interface Repaired {
  text: string;
  repairs: string[];
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const RAW_AMPERSAND = /&(?!(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});)/g;

export function repairItemXml(text: string): Repaired {
  const repairs = new Set<string>();
  let out = '';
  let pos = 0;
  while (pos < text.length) {
    const cdata = text.indexOf('<![CDATA[', pos);
    const outsideEnd = cdata === -1 ? text.length : cdata;
    out += repairOutside(text.slice(pos, outsideEnd), repairs);
    if (cdata === -1) break;
    const close = text.indexOf(']]>', cdata + 9);
    const end = close === -1 ? text.length : close + 3;
    let section = text.slice(cdata, end);
    if (close === -1) {
      section += ']]>';
      repairs.add('closed an unterminated CDATA section');
    }
    if (CONTROL.test(section)) {
      section = section.replace(CONTROL, '');
      repairs.add('removed control characters');
    }
    out += section;
    pos = end;
  }
  return { text: out, repairs: [...repairs] };
}

function repairOutside(text: string, repairs: Set<string>): string {
  let out = text;
  if (CONTROL.test(out)) {
    out = out.replace(CONTROL, '');
    repairs.add('removed control characters');
  }
  CONTROL.lastIndex = 0;
  if (RAW_AMPERSAND.test(out)) {
    out = out.replace(RAW_AMPERSAND, '&amp;');
    repairs.add('escaped raw "&" characters');
  }
  RAW_AMPERSAND.lastIndex = 0;
  return out;
}
