import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSES } from '../../src/diagnoses/registry';
import { GUIDES } from '../../src/guides';
import { buildScenarios } from '../lab/scenarios';

/**
 * Every diagnosis is whole: texts in every language, a fix guide, and a lab case that an
 * end-to-end test reproduces in the real browsers (named in a test/e2e/*.e2e.test.ts file).
 */
const ROOT = join(__dirname, '..', '..');
const locales = readdirSync(join(ROOT, '_locales'));
const messages = (lang: string): Record<string, unknown> =>
  Object.assign({}, ...readdirSync(join(ROOT, '_locales', lang)).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(ROOT, '_locales', lang, f), 'utf8'))));
const e2eSources = readdirSync(join(ROOT, 'test', 'e2e'))
  .filter((f) => f.endsWith('.e2e.test.ts'))
  .map((f) => readFileSync(join(ROOT, 'test', 'e2e', f), 'utf8'))
  .join('\n');
const scenarioIds = new Set(buildScenarios().map((s) => s.id));

describe('every diagnosis', () => {
  for (const def of DIAGNOSES.values()) {
    describe(def.code, () => {
      it('has its verdict, explanation and action in every language', () => {
        for (const lang of locales) {
          const m = messages(lang);
          for (const part of ['verdict', 'explain', 'action']) expect(m, `${lang}: dx_${def.code}_${part}`).toHaveProperty(`dx_${def.code}_${part}`);
        }
      });
      it('has a fix guide (or is the all-good verdict)', () => {
        if (def.guide === null) expect(def.severity).toBe('ok');
        else expect(GUIDES[def.guide], def.guide).toBeDefined();
      });
      it('has a lab case reproduced by an end-to-end test', () => {
        expect(e2eSources, `no e2e test names lab case '${def.lab}'`).toContain(`'${def.lab}'`);
        if (scenarioIds.has(def.lab)) expect(buildScenarios().find((s) => s.id === def.lab)?.expect).toBe(def.code);
      });
    });
  }
});
