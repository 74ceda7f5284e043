import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/report/timeline';

const e = (at: string, code: string, severity = code === 'PRINTER_OK' ? 'ok' : 'error') => ({ deviceId: 'p', at, code, severity });

describe('timeline of changes', () => {
  it('keeps only the changes, newest first, with how long each lasted', () => {
    expect(
      timeline([e('2026-11-25T08:00Z', 'PRINTER_OK'), e('2026-11-25T18:02Z', 'PRINTER_OK'), e('2026-11-26T10:02Z', 'PRINTER_CERT_UNTRUSTED'), e('2026-11-26T10:17Z', 'PRINTER_CERT_UNTRUSTED')]),
    ).toEqual([
      { code: 'PRINTER_CERT_UNTRUSTED', severity: 'error', since: '2026-11-26T10:02Z', until: '2026-11-26T10:17Z' },
      { code: 'PRINTER_OK', severity: 'ok', since: '2026-11-25T08:00Z', until: '2026-11-25T18:02Z' },
    ]);
  });
  it('is bounded and empty without history', () => {
    expect(timeline([])).toEqual([]);
    const many = Array.from({ length: 10 }, (_, i) => e(`2026-11-2${i}T00:00Z`, i % 2 ? 'PRINTER_OK' : 'PRINTER_UNREACHABLE'));
    expect(timeline(many)).toHaveLength(3);
  });
});
