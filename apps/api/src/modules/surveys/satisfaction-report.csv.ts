/**
 * CSV for Excel (RFC 4180): UTF-8 with a byte-order mark so Excel reads Chinese, CRLF line ends,
 * fields quoted when they hold a quote, comma or line break. Text that a spreadsheet would run
 * as a formula (starting with = + - @, or a tab / carriage return) gets a leading apostrophe
 * (OWASP "CSV injection"): customers type free text, and a comment must never become a formula.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One field. Numbers are written as they are; text is guarded and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRow(values: CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * `attachment` with an ASCII fallback `filename` and the real (Chinese) name as RFC 5987/6266
 * `filename*=UTF-8''…`, percent-encoding everything outside RFC 5987's attr-char.
 */
export function attachmentDisposition(asciiName: string, utf8Name: string): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
