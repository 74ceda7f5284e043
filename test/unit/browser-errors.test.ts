import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/browser-errors.json' with { type: 'json' };
import { classifyBrowserError } from '../../src/net/browser-errors';
import { DIAGNOSES } from '../../src/diagnoses/registry';

describe('the browser error table', () => {
  for (const browser of ['chromium', 'firefox'] as const) {
    for (const [raw, kind] of Object.entries(fixtures[browser])) {
      it(`${browser}: ${raw} -> ${kind}`, () => expect(classifyBrowserError(raw)).toBe(kind));
    }
  }
  it('keeps unknown codes unknown, and unknown localized TLS sentences as certificate problems', () => {
    expect(classifyBrowserError('net::ERR_SOMETHING_NEW')).toBe('unknown');
    expect(classifyBrowserError('NS_ERROR_SOMETHING_NEW')).toBe('unknown');
    expect(classifyBrowserError('net::ERR_CERT_SOMETHING_NEW')).toBe('cert-other');
    expect(classifyBrowserError("Le certificat de l'homologue a expiré.")).toBe('cert-other');
  });
  it('every failure kind the table produces leads to at least one diagnosis', () => {
    const kinds = new Set([...Object.values(fixtures.chromium), ...Object.values(fixtures.firefox)]);
    const covered = new Set([...DIAGNOSES.values()].flatMap((d) => d.from));
    for (const k of kinds) expect(covered, k).toContain(k);
  });
});
