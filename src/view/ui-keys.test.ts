import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = ['popup', 'src/view']
  .flatMap((dir) => readdirSync(join(root, dir)).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.')).map((f) => join(root, dir, f)))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const ui = JSON.parse(readFileSync(join(root, '_locales/en/ui.json'), 'utf8')) as Record<string, { message: string; description?: string }>;
// Built from a step action's name in popup/DeviceRow.tsx.
const dynamic = ['ui_act_open_printer', 'ui_act_open_box_name', 'ui_act_open_box_ip'];

describe('_locales/en/ui.json', () => {
  it('has every ui_ key the views use, and no other', () => {
    const used = new Set([...sources.matchAll(/'(ui_[a-z_]+)'/g)].map((m) => m[1]!));
    for (const k of dynamic) used.add(k);
    expect([...used].filter((k) => !(k in ui)).sort()).toEqual([]);
    expect(Object.keys(ui).filter((k) => !used.has(k)).sort()).toEqual([]);
  });
  it('describes every text for translators and keeps its own prefix', () => {
    for (const [k, v] of Object.entries(ui)) {
      expect(k).toMatch(/^ui_/);
      expect(v.message.trim()).not.toBe('');
      expect(v.description?.trim()).toBeTruthy();
    }
  });
});
