import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
// @ts-expect-error: plain JS module without types
import { NOT_IN_SOURCE_ZIP, dosDateTime, releaseTime, sha256, writeZip } from '../../scripts/package.mjs';

type Entry = { name: string; data: Buffer };

/** Python's zipfile as an independent reader: name, size, date, mode and sha256 of each entry. */
function readWithPython(zip: Buffer): Array<{ name: string; date: number[]; mode: string; sha: string }> | undefined {
  const file = join(mkdtempSync(join(tmpdir(), 'zip-test-')), 'a.zip');
  writeFileSync(file, zip);
  const py = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad: raise SystemExit('CRC error in ' + bad)
print(json.dumps([{"name": i.filename, "date": list(i.date_time), "mode": oct(i.external_attr >> 16), "sha": hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]))`;
  const r = spawnSync('python3', ['-c', py, file], { encoding: 'utf8' });
  if (r.error || (r.status !== 0 && /not found|No such file/.test(r.stderr))) return undefined;
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Array<{ name: string; date: number[]; mode: string; sha: string }>;
}

const entries: Entry[] = [
  { name: 'manifest.json', data: Buffer.from('{"manifest_version":3}\n') },
  { name: 'assets/a.js', data: Buffer.from('console.log(1);\n'.repeat(200)) },
  { name: 'store-assets/icons/icon-16.png', data: randomBytes(700) }, // incompressible: stored
  { name: '_locales/en/messages.json', data: Buffer.from('{}') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
  { name: 'dir/é.txt', data: Buffer.from('utf-8 name') },
];

describe('scripts/package.mjs zip writer', () => {
  it('writes the same bytes for the same files, whatever their order', () => {
    const a = writeZip(entries);
    const b = writeZip([...entries].reverse());
    expect(sha256(a)).toBe(sha256(b));
  });

  it('writes a zip another reader takes: contents, sorted order, 1980-01-01 00:00, mode 0644', (ctx) => {
    const listed = readWithPython(writeZip(entries));
    if (!listed) return ctx.skip();
    expect(listed.map((e) => e.name)).toEqual([...entries.map((e) => e.name)].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    for (const e of listed) {
      expect(e.date).toEqual([1980, 1, 1, 0, 0, 0]);
      expect(e.mode).toBe('0o100644');
      expect(e.sha).toBe(sha256(entries.find((x) => x.name === e.name)!.data));
    }
  });

  it('takes SOURCE_DATE_EPOCH when set, in UTC, and refuses anything but whole seconds', (ctx) => {
    expect(releaseTime({})).toBe(Date.UTC(1980, 0, 1));
    const t = releaseTime({ SOURCE_DATE_EPOCH: '1764151200' }); // 2025-11-26T10:00:00Z
    expect(dosDateTime(t)).toEqual({ time: (10 << 11) | (0 << 5) | 0, date: (45 << 9) | (11 << 5) | 26 });
    expect(() => releaseTime({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole seconds/);
    expect(dosDateTime(0)).toEqual(dosDateTime(Date.UTC(1980, 0, 1))); // clamped: DOS dates start in 1980
    const listed = readWithPython(writeZip(entries, { mtimeMs: t }));
    if (!listed) return ctx.skip();
    expect(listed[0]!.date).toEqual([2025, 11, 26, 10, 0, 0]);
  });

  it('refuses names that would escape the folder or repeat', () => {
    for (const name of ['../x', '/etc/x', 'a//b', 'a\\b', './a', '']) expect(() => writeZip([{ name, data: Buffer.from('') }])).toThrow(/unsafe/);
    expect(() => writeZip([entries[0]!, entries[0]!])).toThrow(/twice/);
  });

  it('keeps out of the source zip only tests, CI and store artwork (the icons stay: the manifest uses them)', () => {
    const out = (f: string): boolean => NOT_IN_SOURCE_ZIP.some((re: RegExp) => re.test(f));
    for (const f of ['test/lab/box.ts', 'src/report/report.test.ts', '.ci/run', 'store-assets/screenshots/popup.png', 'store-assets/promo-440x280.png', 'popup/dev/shoot.ts']) expect(out(f), f).toBe(true);
    for (const f of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'tsconfig.json', 'scripts/build.mjs', 'scripts/manifest-for.ts', 'README.md', 'store-assets/icons/icon-16.png', 'src/model.ts', '_locales/en/ui.json', 'privacy/main.tsx'])
      expect(out(f), f).toBe(false);
  });
});
