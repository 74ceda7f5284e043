import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSES } from '../diagnoses/registry';
import { GUIDES, guideMessageKeys, sectionsFor } from './index';
import type { BrowserId, Guide, OsId, StepAction } from './types';

interface Message { message: string; description?: string; placeholders?: unknown }
const messages = JSON.parse(
  readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, Message>;

/** The GuideKey union as written in src/diagnoses/types.ts (types vanish at run time). */
const guideKeysInSource = (): string[] => {
  const src = readFileSync(new URL('../diagnoses/types.ts', import.meta.url), 'utf8');
  const union = /export type GuideKey\s*=([^;]+);/.exec(src)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
};

const OS: OsId[] = ['windows', 'macos', 'linux', 'chromeos', 'android', 'ios'];
const BROWSERS: BrowserId[] = ['chrome', 'edge', 'firefox', 'safari'];
const ACTIONS: StepAction[] = ['open-printer', 'open-box-name', 'open-box-ip', 'check-again', 'copy-report', 'open-options', 'pos-allow', 'pos-add-missing', 'cert-imported', 'open-site-settings'];
const guides = Object.entries(GUIDES) as [string, Guide][];
const prefix = (g: Guide): string => `g_${g.key.replace(/-/g, '_')}_`;
/** $n numbers a message substitutes; `$$` is a literal dollar. */
const placeholders = (text: string): number[] => [...text.replace(/\$\$/g, '').matchAll(/\$(\d)/g)].map((m) => Number(m[1]));
const stepKeys = (g: Guide): string[] => g.sections.flatMap((s) => s.steps.map((st) => st.key));

describe('guides', () => {
  it('has one guide per GuideKey, under its own key', () => {
    const keys = guideKeysInSource();
    expect(keys.length).toBeGreaterThan(0);
    expect(Object.keys(GUIDES).sort()).toEqual([...keys].sort());
    for (const [key, guide] of guides) expect(guide.key).toBe(key);
  });

  it('has a guide for every guide a diagnosis names', () => {
    for (const def of DIAGNOSES.values()) if (def.guide) expect(GUIDES, def.code).toHaveProperty([def.guide]);
  });

  it('uses only locale keys that exist, once each, under its own prefix', () => {
    const all = guides.flatMap(([, g]) => guideMessageKeys(g));
    expect(new Set(all).size).toBe(all.length);
    for (const [, g] of guides) {
      for (const key of guideMessageKeys(g)) {
        expect(key.startsWith(prefix(g)), key).toBe(true);
        expect(messages[key]?.message, `missing ${key}`).toBeTruthy();
      }
    }
  });

  it('leaves no g_* locale key unused', () => {
    const used = new Set(guides.flatMap(([, g]) => guideMessageKeys(g)));
    const unused = Object.keys(messages).filter((k) => k.startsWith('g_') && !used.has(k));
    expect(unused).toEqual([]);
  });

  it('substitutes only $1 (the device address), and only in steps', () => {
    for (const [, g] of guides) {
      const steps = new Set(stepKeys(g));
      for (const key of guideMessageKeys(g)) {
        const used = placeholders(messages[key]!.message);
        if (steps.has(key)) expect(used.every((n) => n === 1), key).toBe(true);
        else expect(used, key).toEqual([]);
      }
    }
  });

  it('uses $1 only where every diagnosis leading there gives an address as its first fact', () => {
    // The view substitutes the diagnosis's facts in order, so $1 in a step is that diagnosis's first fact.
    for (const [key, g] of guides) {
      if (!stepKeys(g).some((k) => placeholders(messages[k]!.message).length)) continue;
      for (const def of DIAGNOSES.values()) {
        if (def.guide === key) expect(['ip', 'hostname'], `${def.code} -> ${key}`).toContain(def.facts[0]);
      }
    }
  });

  it('has well-formed sections and steps', () => {
    for (const [, g] of guides) {
      expect(g.sections.length, g.key).toBeGreaterThan(0);
      expect(stepKeys(g).length, g.key).toBeGreaterThanOrEqual(5);
      for (const s of g.sections) {
        expect(s.steps.length, s.key).toBeGreaterThan(0);
        for (const os of s.os ?? []) expect(OS).toContain(os);
        for (const b of s.browser ?? []) expect(BROWSERS).toContain(b);
        for (const st of s.steps) if (st.action) expect(ACTIONS).toContain(st.action);
      }
    }
  });

  describe('printer-certificate', () => {
    const g = GUIDES['printer-certificate'];
    const sections = (part: string) => g.sections.filter((s) => s.key.startsWith(`${prefix(g)}${part}_`));

    it.each(OS)('has an import section for %s', (os) => {
      expect(sections('import').some((s) => s.os?.includes(os))).toBe(true);
    });

    it.each(['chrome', 'edge', 'firefox'] as BrowserId[])('has an export section for %s', (browser) => {
      expect(sections('export').some((s) => s.browser?.includes(browser))).toBe(true);
    });

    it('warns that the certificate must be generated only once', () => {
      const warned = g.sections.flatMap((s) => s.steps).filter((st) => st.warn).map((st) => messages[st.key]!.message);
      expect(warned.some((t) => /ONCE/.test(t))).toBe(true);
    });

    it('offers to open the printer page where the steps need it', () => {
      const actions = g.sections.flatMap((s) => s.steps.map((st) => st.action));
      expect(actions).toContain('open-printer');
    });

    it('shows the sections for the detected system first, in procedure order', () => {
      const { shown, other } = sectionsFor(g, 'windows', 'chrome');
      const keys = shown.map((s) => s.key);
      expect(keys).toContain(`${prefix(g)}import_windows`);
      expect(keys).toContain(`${prefix(g)}export_chromium`);
      expect(keys).not.toContain(`${prefix(g)}import_macos`);
      expect(keys).not.toContain(`${prefix(g)}export_firefox`);
      expect(other.map((s) => s.key)).toContain(`${prefix(g)}import_ios`);
      expect(shown.length + other.length).toBe(g.sections.length);
      const order = g.sections.map((s) => s.key);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
    });

    it('keeps filtered sections one click away when the system is unknown', () => {
      const { shown, other } = sectionsFor(g);
      expect(shown.every((s) => !s.os && !s.browser)).toBe(true);
      expect(other.length).toBeGreaterThan(0);
    });
  });
});

describe('locale messages', () => {
  it('keeps the extension name and description', () => {
    expect(messages.extName?.message).toBeTruthy();
    expect(messages.extDescription?.message).toBeTruthy();
  });

  it('has severity words and device kinds', () => {
    for (const k of ['sev_ok', 'sev_warn', 'sev_error', 'kind_box', 'kind_printer', 'kind_computer']) {
      expect(messages[k]?.message, k).toBeTruthy();
    }
  });

  it('has a verdict, an explanation and an action for every diagnosis', () => {
    for (const def of DIAGNOSES.values()) {
      for (const part of ['verdict', 'explain', 'action']) {
        expect(messages[`dx_${def.code}_${part}`]?.message, `dx_${def.code}_${part}`).toBeTruthy();
      }
    }
  });

  it('has no dx_* texts for unknown codes', () => {
    const stray = Object.keys(messages).filter((k) => {
      const m = /^dx_(.+)_(verdict|explain|action)$/.exec(k);
      return k.startsWith('dx_') && (!m || !DIAGNOSES.has(m[1]!));
    });
    expect(stray).toEqual([]);
  });

  it('substitutes no more facts than the diagnosis gives', () => {
    for (const def of DIAGNOSES.values()) {
      for (const part of ['verdict', 'explain', 'action']) {
        const key = `dx_${def.code}_${part}`;
        for (const n of placeholders(messages[key]!.message)) {
          expect(n, `${key} uses $${n}, facts: ${def.facts.join(', ') || 'none'}`).toBeLessThanOrEqual(def.facts.length);
          expect(n).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('keeps verdicts and actions short', () => {
    for (const def of DIAGNOSES.values()) {
      expect(messages[`dx_${def.code}_verdict`]!.message.length, def.code).toBeLessThanOrEqual(60);
      expect(messages[`dx_${def.code}_action`]!.message.length, def.code).toBeLessThanOrEqual(120);
      const explain = messages[`dx_${def.code}_explain`]!.message;
      const sentences = explain.split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/).length;
      expect(sentences, def.code).toBeLessThanOrEqual(3);
    }
  });

  it('is valid for chrome.i18n and browser.i18n', () => {
    const lower = new Set<string>();
    for (const [key, m] of Object.entries(messages)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(lower.has(key.toLowerCase()), `${key} differs only by case`).toBe(false);
      lower.add(key.toLowerCase());
      expect(typeof m.message, key).toBe('string');
      expect(m.message.trim(), key).not.toBe('');
      expect(m.placeholders, key).toBeUndefined();
      // A lone `$` is either a substitution $1..$9 or an escaped `$$`; nothing else.
      expect(m.message.replace(/\$\$|\$[1-9]/g, ''), key).not.toContain('$');
    }
  });

  it('tells translators what each diagnosis and guide text is', () => {
    for (const [key, m] of Object.entries(messages)) {
      if (/^(dx|g|sev|kind)_/.test(key)) expect(m.description?.trim(), key).toBeTruthy();
      for (const n of new Set(placeholders(m.message))) expect(m.description, `${key} must explain $${n}`).toContain(`$${n} = `);
    }
  });
});
