import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { ROOT } from './session';

/**
 * `npm run package` is reproducible: packaging the same commit twice gives byte-identical
 * zips, and so does packaging the SOURCE zip it wrote (unpacked where there is no git), which
 * is what an AMO reviewer rebuilds from. Release checks are skipped here (--no-checks): they
 * have their own tests; this is about bytes.
 */
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function pack(cwd: string, out: string, extra: string[] = []): Record<string, string> {
  const r = spawnSync(process.execPath, ['scripts/package.mjs', '--no-checks', '--out', out, ...extra], { cwd, encoding: 'utf8', timeout: 300_000 });
  expect(r.status, `package in ${cwd}:\n${r.stdout}\n${r.stderr}`).toBe(0);
  return Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.endsWith('.zip'))
      .sort()
      .map((f) => [f, sha(join(out, f))]),
  );
}

/** Unpacks a zip written by our writer (stored or deflated entries, no zip64). */
function unzip(file: string, dir: string): number {
  const buf = readFileSync(file);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), method === 8 ? inflateRawSync(body) : body);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return count;
}

describe('npm run package is reproducible', () => {
  const committed = spawnSync('git', ['cat-file', '-e', 'HEAD:scripts/package.mjs'], { cwd: ROOT }).status === 0;
  if (!committed) {
    it.skip('SKIPPED: scripts/package.mjs is not committed yet (it packages the last commit)', () => {});
    return;
  }

  it('same commit twice, then its source zip unpacked elsewhere: the same bytes every time', () => {
    // One commit for both runs: others may commit in between.
    const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    const base = mkdtempSync(join(tmpdir(), 'iot-doctor-repro-'));
    const first = pack(ROOT, join(base, 'a'), ['--ref', commit]);
    const second = pack(ROOT, join(base, 'b'), ['--ref', commit]);
    console.log(`package sha256 (commit ${commit.slice(0, 7)}):\n${Object.entries(first).map(([f, h]) => `  ${h}  ${f}`).join('\n')}`);
    expect(Object.keys(first)).toHaveLength(3);
    expect(second).toEqual(first);

    const source = Object.keys(first).find((f) => f.includes('-source-'))!;
    const unpacked = join(base, 'source');
    expect(unzip(join(base, 'a', source), unpacked)).toBeGreaterThan(20);
    expect(existsSync(join(unpacked, '.git'))).toBe(false);
    symlinkSync(join(ROOT, 'node_modules'), join(unpacked, 'node_modules'), 'dir');
    const rebuilt = pack(unpacked, join(base, 'c'));
    expect(rebuilt).toEqual(first);
  });
});
