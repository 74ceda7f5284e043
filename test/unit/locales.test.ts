import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every locale has exactly the keys of English, in every fragment file, with the same
 * placeholders: a missing or extra key, or a $2 that English does not have, fails here.
 */
const DIR = join(__dirname, '..', '..', '_locales');
const LOCALES = ['en', 'fr', 'es', 'de', 'nl', 'vi'];
type Messages = Record<string, { message: string; description?: string }>;
const read = (lang: string, file: string): Messages => JSON.parse(readFileSync(join(DIR, lang, file), 'utf8')) as Messages;
const placeholders = (s: string): string[] => [...new Set(s.match(/\$\d/g) ?? [])].sort();

describe('locales', () => {
  const files = readdirSync(join(DIR, 'en')).filter((f) => f.endsWith('.json'));
  it('ships every required language', () => {
    expect(readdirSync(DIR).sort()).toEqual([...LOCALES].sort());
  });
  for (const lang of LOCALES.filter((l) => l !== 'en')) {
    describe(lang, () => {
      it('has the same fragment files as English', () => {
        expect(readdirSync(join(DIR, lang)).filter((f) => f.endsWith('.json')).sort()).toEqual([...files].sort());
      });
      for (const file of files) {
        it(`${file}: same keys and placeholders as English, no empty text`, () => {
          const en = read('en', file);
          const tr = read(lang, file);
          expect(Object.keys(tr).sort()).toEqual(Object.keys(en).sort());
          for (const [key, m] of Object.entries(en)) {
            expect(tr[key]?.message.trim(), `${lang}/${key}`).toBeTruthy();
            expect(placeholders(tr[key]!.message), `${lang}/${key}`).toEqual(placeholders(m.message));
          }
        });
      }
    });
  }
});
