import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeT, type Translate } from '../../src/view/i18n';

export const ROOT = join(__dirname, '..', '..');
type Messages = Record<string, { message: string; description?: string }>;

export const optionsMessages = (): Messages => JSON.parse(readFileSync(join(ROOT, '_locales/en/options.json'), 'utf8')) as Messages;

/** English texts of every fragment, substituted like the browsers do ($1..$9, $$). */
export function englishT(): Translate {
  const all: Messages = {};
  for (const f of readdirSync(join(ROOT, '_locales/en')).filter((f) => f.endsWith('.json'))) Object.assign(all, JSON.parse(readFileSync(join(ROOT, '_locales/en', f), 'utf8')));
  return makeT((key, subs) => all[key]?.message.replace(/\$(\d)/g, (_, n: string) => String(subs?.[Number(n) - 1] ?? '')).replace(/\$\$/g, '$'));
}
