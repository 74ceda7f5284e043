import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES, problemKey } from '../../options/problems';
import { POLICY_CODES, policyKey } from '../../options/managed';
import { optionsMessages, ROOT } from './options-i18n';

/**
 * The options page's texts: every opt_ key the page uses exists in _locales/en/options.json,
 * none there is unused, and every validation code the worker can answer has a sentence.
 */
const sources = (dir: string): string =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith('dev'))
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'))
    .join('\n');

describe('options texts', () => {
  const messages = optionsMessages();
  const keys = Object.keys(messages);
  const code = sources('options');
  const used = new Set([...code.matchAll(/'(opt_[a-z0-9_]+)'/g)].map((m) => m[1]!));
  for (const c of PROBLEM_CODES) used.add(problemKey(c));
  for (const c of POLICY_CODES) used.add(policyKey(c));

  it('only opt_ keys, lower case (Chrome keys are case-insensitive)', () => {
    for (const k of keys) expect(k).toMatch(/^opt_[a-z0-9_]+$/);
  });
  it('every key the page uses exists', () => {
    expect([...used].filter((k) => !(k in messages))).toEqual([]);
  });
  it('no unused key', () => {
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });
  it('every validation code of the worker has a text', () => {
    const worker = ['src/config/validate.ts', 'src/config/transfer.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const emitted = new Set([...worker.matchAll(/error: '([a-z0-9-]+)'/g), ...worker.matchAll(/fail\('([a-z0-9-]+)'/g)].map((m) => m[1]!));
    expect(emitted.size).toBeGreaterThan(20);
    expect([...emitted].filter((c) => !(PROBLEM_CODES as readonly string[]).includes(c))).toEqual([]);
    expect([...emitted, 'empty'].filter((c) => !(problemKey(c) in messages))).toEqual([]);
  });
  it('every code the policy reader and the lock answer has a text (src/policy/merge.ts)', () => {
    const merge = readFileSync(join(ROOT, 'src/policy/merge.ts'), 'utf8');
    const emitted = new Set([...merge.matchAll(/error: '([a-z0-9-]+)'/g)].map((m) => m[1]!));
    expect(emitted).toContain('locked-by-policy');
    const known = [...PROBLEM_CODES, ...POLICY_CODES] as readonly string[];
    expect([...emitted].filter((c) => !known.includes(c))).toEqual([]);
    expect([...POLICY_CODES].filter((c) => !(policyKey(c) in messages))).toEqual([]);
  });
  it('no stray $ (a literal dollar must be $$), every text described', () => {
    for (const [k, m] of Object.entries(messages)) {
      expect(m.message.replace(/\$\$|\$[1-9]/g, ''), k).not.toContain('$');
      expect(m.description, k).toBeTruthy();
    }
  });
});
