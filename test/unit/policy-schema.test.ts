/**
 * managed_schema.json: Chromium's rules, documented everywhere, in step with what the merge
 * reads, and every example policy file (as the browser on its OS would read it) valid against it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../../src/model';
import { schemaProblems, validate, type SubsetSchema } from '../../src/policy/json-schema';
import { BOX_FIELDS, PRINTER_FIELDS, SETTING_TYPES, mergePolicy } from '../../src/policy/merge';
import { POLICY_KEYS } from '../../src/policy/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'policies');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const schema = JSON.parse(read('managed_schema.json')) as SubsetSchema;
const manifest = JSON.parse(read('manifest.json')) as { storage?: { managed_schema?: string }; browser_specific_settings: { gecko: { id: string } } };
const GECKO_ID = manifest.browser_specific_settings.gecko.id;
const CHROME_ID = 'REPLACE_WITH_EXTENSION_ID';

/** Every schema with its dotted path (`printers[].ip`). */
function walk(s: SubsetSchema, path = ''): Array<{ path: string; s: SubsetSchema }> {
  const out = path ? [{ path, s }] : [];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...walk(v, path ? `${path}.${k}` : k));
  if (s.items) out.push(...walk(s.items, `${path}[]`).filter((x) => x.path !== `${path}[]`));
  return out;
}

describe('managed_schema.json', () => {
  it('is named by the manifest and copied into both builds', () => {
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
    expect(read('scripts/build.mjs')).toMatch(/copyFileSync\(join\(root, 'managed_schema\.json'\)/);
    for (const build of ['chrome', 'firefox']) {
      const dist = join(ROOT, 'dist', build);
      if (existsSync(join(dist, 'manifest.json'))) expect(readFileSync(join(dist, 'managed_schema.json'), 'utf8'), `dist/${build}`).toBe(read('managed_schema.json'));
    }
  });

  it("follows Chromium's rules for a managed-storage schema", () => {
    expect(schemaProblems(schema)).toEqual([]);
  });

  it('gives every property a title and a description', () => {
    const missing = walk(schema).filter(({ s }) => !s.title?.trim() || !s.description?.trim()).map(({ path }) => path);
    expect(missing).toEqual([]);
  });

  it('says exactly what the merge reads, with the same types', () => {
    expect(Object.keys(schema.properties!).sort()).toEqual([...POLICY_KEYS].sort());
    const types = (s: SubsetSchema | undefined) => Object.fromEntries(Object.entries(s?.properties ?? {}).map(([k, v]) => [k, v.type]));
    expect(types(schema.properties!.boxes!.items)).toEqual(BOX_FIELDS);
    expect(types(schema.properties!.printers!.items)).toEqual(PRINTER_FIELDS);
    const top = types(schema);
    expect(Object.fromEntries(Object.keys(SETTING_TYPES).map((k) => [k, top[k]]))).toEqual(SETTING_TYPES);
  });

  it('every property is explained in docs/fleet.md', () => {
    const doc = read('docs/fleet.md');
    const names = new Set(walk(schema).map(({ path }) => path.split(/[.[\]]+/).filter(Boolean).pop()!));
    expect([...names].filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });

  it('the validator catches what it should (so that the examples passing means something)', () => {
    expect(validate(schema, { printers: [{ ip: 5 }], intervalMinutes: 5000, colour: 'red', notifications: 'yes' })).toEqual([
      'printers[0].ip: expected string, got integer',
      'intervalMinutes: above 1440',
      'colour: not in the schema',
      'notifications: expected boolean, got string',
    ]);
    expect(schemaProblems({ type: 'object', additionalProperties: false, properties: { a: { type: 'array' }, b: { format: 'x', type: 'string' } } })).toEqual([
      '(top): Chromium refuses additionalProperties at the top level',
      'a: an array needs items',
      'b: "format" is outside the supported subset',
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// The example files, read as each OS hands them to the browser.

/** A .reg file (REG_SZ and REG_DWORD values only) as key path -> values. */
function parseReg(text: string): Map<string, Record<string, string | number>> {
  const keys = new Map<string, Record<string, string | number>>();
  let current: Record<string, string | number> | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  for (const line of lines.slice(1)) {
    if (!line.trim() || line.startsWith(';')) continue;
    const key = /^\[(.+)\]$/.exec(line);
    if (key) {
      keys.set(key[1]!, (current = {}));
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`not a value line: ${line}`);
    current[value[1]!] = value[3] !== undefined ? parseInt(value[3], 16) : value[2]!.replace(/\\(.)/g, '$1');
  }
  return keys;
}

/** What Chromium makes of registry values, per the schema: lists from JSON text, booleans and integers from DWORDs. */
function fromRegistry(values: Record<string, string | number>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const type = schema.properties?.[k]?.type;
      if ((type === 'array' || type === 'object') && typeof v === 'string') return [k, JSON.parse(v)];
      if (type === 'boolean' && typeof v === 'number') return [k, v !== 0];
      return [k, v];
    }),
  );
}

/** An XML property list (dict, array, key, string, integer, true, false) as JSON. */
function parsePlist(xml: string): unknown {
  const tokens = [...xml.replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)(\w+)(?:\s[^>]*?)?(\/?)>([^<]*)/g)].map((m) => ({ close: !!m[1], tag: m[2]!, empty: !!m[3], text: m[4]! }));
  let i = 0;
  const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const value = (): unknown => {
    const t = tokens[i++]!;
    if (t.tag === 'true' && t.empty) return true;
    if (t.tag === 'false' && t.empty) return false;
    if (t.tag === 'string' || t.tag === 'integer') {
      const text = t.text;
      i++; // its closing tag
      return t.tag === 'integer' ? Number(text) : unescape(text);
    }
    if (t.tag === 'array') {
      const out: unknown[] = [];
      while (!(tokens[i]!.close && tokens[i]!.tag === 'array')) out.push(value());
      i++;
      return out;
    }
    if (t.tag === 'dict') {
      const out: Record<string, unknown> = {};
      while (!(tokens[i]!.close && tokens[i]!.tag === 'dict')) {
        const k = tokens[i]!;
        expect(k.tag).toBe('key');
        i += 2;
        out[unescape(k.text)] = value();
      }
      i++;
      return out;
    }
    throw new Error(`unexpected <${t.close ? '/' : ''}${t.tag}>`);
  };
  expect(tokens[0]!.tag).toBe('plist');
  i = 1;
  return value();
}

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

/** The extension's policy in each example file, as the browser would hand it to managed storage. */
function examplePolicies(): Array<{ file: string; policy: unknown; install?: unknown }> {
  return files(EXAMPLES).map((path) => {
    const file = relative(EXAMPLES, path);
    const text = readFileSync(path, 'utf8');
    if (file.endsWith('.reg')) {
      const keys = parseReg(text);
      const root = [...keys.keys()].find((k) => k.endsWith('\\ExtensionInstallForcelist'))!.replace(/\\ExtensionInstallForcelist$/, '');
      const policyKey = `${root}\\3rdparty\\extensions\\${CHROME_ID}\\policy`;
      return { file, policy: fromRegistry(keys.get(policyKey) ?? {}), install: keys.get(`${root}\\ExtensionInstallForcelist`)?.['1'] };
    }
    if (file.endsWith('.mobileconfig')) {
      const profile = parsePlist(text) as { PayloadType: string; PayloadContent: Array<{ PayloadType: string; PayloadContent: Record<string, { Forced: Array<{ mcx_preference_settings: unknown }> }> }> };
      expect(profile.PayloadType).toBe('Configuration');
      const content = profile.PayloadContent[0]!.PayloadContent;
      const domain = Object.keys(content).find((d) => d.endsWith(`.extensions.${CHROME_ID}`))!;
      const browser = domain.replace(`.extensions.${CHROME_ID}`, '');
      return { file, policy: content[domain]!.Forced[0]!.mcx_preference_settings, install: content[browser]?.Forced[0]!.mcx_preference_settings };
    }
    const json = JSON.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (file === 'firefox/policies.json') return { file, policy: json.policies['3rdparty'].Extensions[GECKO_ID], install: json.policies.ExtensionSettings[GECKO_ID] };
    if (file.startsWith('firefox/managed-storage/')) {
      expect(json).toMatchObject({ name: GECKO_ID, type: 'storage' });
      expect(file).toBe(`firefox/managed-storage/${GECKO_ID}.json`);
      return { file, policy: json.data };
    }
    return { file, policy: json['3rdparty'].extensions[CHROME_ID], install: json.ExtensionSettings[CHROME_ID] };
  });
}

describe('examples/policies', () => {
  const examples = examplePolicies();

  it('covers Chrome, Chromium and Edge on Linux, Windows and macOS, and Firefox', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(
      ['chrome-linux/iot-doctor.json', 'chromium-linux/iot-doctor.json', 'edge-linux/iot-doctor.json', 'firefox/managed-storage/iot-doctor@iot-doctor.app.json', 'firefox/policies.json', 'macos/chrome.mobileconfig', 'macos/edge.mobileconfig', 'windows/chrome.reg', 'windows/edge.reg'].sort(),
    );
  });

  it.each(examples.map((e) => [e.file, e] as const))('%s validates against the schema and applies without an issue', (_file, { policy }) => {
    expect(validate(schema, policy)).toEqual([]);
    const merged = mergePolicy({ boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS } }, policy);
    expect(merged.managed?.issues).toEqual([]);
    expect(merged.boxes.length + merged.printers.length).toBeGreaterThan(0);
  });

  it('all hold the same shop, so that one edit reads the same everywhere', () => {
    const [first, ...rest] = examples;
    for (const e of rest) expect(e.policy, e.file).toEqual(first!.policy);
  });

  it('force-install the extension where the format allows it', () => {
    for (const e of examples.filter((x) => !x.file.startsWith('firefox/managed-storage/'))) {
      const install = JSON.stringify(e.install);
      expect(install, e.file).toMatch(/force_installed|;https:\/\//);
      expect(install, e.file).toMatch(e.file.startsWith('firefox') ? /addons\.mozilla\.org/ : e.file.includes('edge') ? /edge\.microsoft\.com/ : /clients2\.google\.com/);
    }
  });
});
