import { describe, expect, it } from 'vitest';
import { parseDriversData, parseHomepage } from '../../src/probes/box-status';

describe('box status readers', () => {
  it('reads 19 /iot_drivers/data and drops secrets', () => {
    const s = parseDriversData(JSON.stringify({ version: '19.0', ip: '192.168.1.143', certificate_end_date: '2027-01-20 10:00:00', db_uuid: 'SECRET', enterprise_code: 'SECRET' }));
    expect(s).toEqual({ version: '19.0', ip: '192.168.1.143', certEnd: '2027-01-20T10:00:00.000Z' });
    expect(JSON.stringify(s)).not.toContain('SECRET');
  });
  it('rejects what is not box JSON', () => {
    expect(parseDriversData('<html>')).toBeUndefined();
    expect(parseDriversData('[1,2]')).toBeUndefined();
    expect(parseDriversData('{"hello": 1}')).toBeUndefined();
    expect(parseDriversData('null')).toBeUndefined();
  });
  it('reads the 16 homepage certificate row', () => {
    const html = '<tr><td>HTTPS certificate</td><td>Error code: ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 403</td></tr>';
    expect(parseHomepage(html)?.certError).toEqual({ code: 'ERR_IOT_HTTPS_LOAD_REQUEST_STATUS', detail: '403' });
    expect(parseHomepage('<tr><td>HTTPS certificate</td><td>OK</td></tr>')?.certOk).toBe(true);
    expect(parseHomepage('<html>nothing here</html>')).toBeUndefined();
  });
  it('never throws on garbage (fuzz)', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['{', '}', '"version"', ':', '"', 'certificate_end_date', '2026-13-45', 'HTTPS certificate', 'Error code:', 'ERR_IOT_HTTPS_', '<td>', 'null', ',', '[', ']'];
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: rnd(25) }, () => pieces[rnd(pieces.length)]).join('');
      parseDriversData(s);
      parseHomepage(s);
    }
  });
});
