/**
 * CSV as RFC 4180 writes it and Excel opens it: comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, a quote or a line break (quotes doubled), and a UTF-8 byte
 * order mark first, without which Excel reads UTF-8 as the local code page.
 */
export const BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

/**
 * One field. A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR
 * first: a device name typed as `=HYPERLINK(...)`) gets a leading `'`, as OWASP advises.
 */
export function csvField(value: CsvValue): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: BOM, then one CRLF-ended line per row. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return BOM + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** The reverse, for tests and for anyone re-importing an export: RFC 4180 fields, BOM dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
