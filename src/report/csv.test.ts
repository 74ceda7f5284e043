import { describe, expect, it } from 'vitest';
import { BOM, csvField, parseCsv, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Kitchen printer')).toBe('Kitchen printer');
    expect(csvField('192.168.1.50')).toBe('192.168.1.50');
    expect(csvField(443)).toBe('443');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });
  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('CN=EPSON3C1A2B, O=SEIKO EPSON CORPORATION')).toBe('"CN=EPSON3C1A2B, O=SEIKO EPSON CORPORATION"');
    expect(csvField('the "bar" printer')).toBe('"the ""bar"" printer"');
    expect(csvField('"')).toBe('""""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('Café «Zürich» 東京')).toBe('Café «Zürich» 東京');
  });
  it('never lets a spreadsheet run a cell as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-2)).toBe('-2');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv([['Name', 'IP'], ['Bar, upstairs', '10.0.0.5'], ['Q "2"', '']]);
    expect(text).toBe(`${BOM}Name,IP\r\n"Bar, upstairs",10.0.0.5\r\n"Q ""2""",\r\n`);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
  it('reads back what it wrote, line breaks inside fields included', () => {
    const rows = [['a', 'b,c', 'd"e'], ['multi\r\nline', '', 'x\ny'], ['', '', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
