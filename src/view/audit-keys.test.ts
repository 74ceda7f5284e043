import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PADLOCKS } from '../diagnoses/padlock';
import { eposKey, padlockKey, type EposStatus } from './audit-rows';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = [
  ...readdirSync(join(root, 'audit')).filter((f) => /\.tsx?$/.test(f)).map((f) => join(root, 'audit', f)),
  join(root, 'src/view/audit-rows.ts'),
  join(root, 'popup/App.tsx'),
];
const sources = files.map((f) => readFileSync(f, 'utf8')).join('\n');
const audit = JSON.parse(readFileSync(join(root, '_locales/en/audit.json'), 'utf8')) as Record<string, { message: string; description?: string }>;
const EPOS: EposStatus[] = ['ready', 'paper-low', 'paper-out', 'cover-open', 'offline', 'wrong-devid', 'error', 'unexpected', 'no-answer'];
// Built from a padlock state or an ePOS status in src/view/audit-rows.ts and audit/App.tsx.
const dynamic = [...PADLOCKS.flatMap((p) => [padlockKey(p), `${padlockKey(p)}_hint`]), ...EPOS.map(eposKey)];

describe('_locales/en/audit.json', () => {
  it('has every audit_ key the audit page and the popup link use, and no other', () => {
    const used = new Set([...sources.matchAll(/'(audit_[a-z0-9_]+)'/g)].map((m) => m[1]!));
    for (const k of dynamic) used.add(k);
    expect([...used].filter((k) => !(k in audit)).sort()).toEqual([]);
    expect(Object.keys(audit).filter((k) => !used.has(k)).sort()).toEqual([]);
  });
  it('describes every text for translators and keeps its own prefix', () => {
    for (const [k, v] of Object.entries(audit)) {
      expect(k).toMatch(/^audit_/);
      expect(v.message.trim()).not.toBe('');
      expect(v.description?.trim(), k).toBeTruthy();
    }
  });
});
