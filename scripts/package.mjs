#!/usr/bin/env node
/**
 * `npm run package`: the store packages, byte-identical from the same source.
 *
 *   dist/iot-doctor-chrome-<version>.zip    the Chrome Web Store / Edge upload (dist/chrome)
 *   dist/iot-doctor-firefox-<version>.zip   the addons.mozilla.org upload (dist/firefox)
 *   dist/iot-doctor-source-<version>.zip    the source AMO asks for: what is needed to rebuild
 *   dist/iot-doctor-<version>.sha256        their sha256, `sha256sum -c` format
 *
 * The source is the last commit (`git archive HEAD`, or `--ref <commit>`), not the working
 * tree, so that nothing uncommitted slips into a release; `--worktree` packages the working
 * tree instead (tracked and untracked-not-ignored files). Outside a git checkout (an unpacked
 * source zip) the source is the directory itself. It is copied to a temporary directory and built there with this
 * checkout's node_modules, the release checks run on that build (`--no-checks` skips them),
 * and each zip is written by `writeZip` below (into dist/, or `--out <dir>`): files in byte
 * order of their paths, one fixed time (SOURCE_DATE_EPOCH if set, else 1980-01-01 00:00 UTC),
 * mode 0644, no directory entries, no extra fields. The vite build itself is deterministic (same hashes from the same
 * source in any directory); the deflate output depends on Node's zlib, so the same Node
 * major version gives the same bytes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What AMO's reviewers do not need to rebuild the extension: tests, CI, store artwork. */
export const NOT_IN_SOURCE_ZIP = [/^test\//, /^\.ci\//, /^\.github\//, /^popup\/dev\//, /^store-assets\/(?!icons\/)/, /\.test\.tsx?$/];

/** Never copied from a directory that is not a git checkout. */
const NEVER = new Set(['node_modules', 'dist', '.git', 'test-results', '.lab']);

// ---------------------------------------------------------------------------------------
// The zip writer: stored or deflated entries, fixed order, time and mode. No zip64 (the
// stores' limits are far below 4 GiB), no data descriptors, no comments.

const DOS_EPOCH = Date.UTC(1980, 0, 1);

/** MS-DOS date and time fields of a UTC instant (2-second resolution, years 1980-2107). */
export function dosDateTime(ms) {
  const d = new Date(Math.max(DOS_EPOCH, Math.min(ms, Date.UTC(2107, 11, 31, 23, 59, 58))));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** The one timestamp every entry carries. */
export function releaseTime(env = process.env) {
  const s = env.SOURCE_DATE_EPOCH;
  if (s === undefined || s === '') return DOS_EPOCH;
  if (!/^\d+$/.test(s)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, got ${JSON.stringify(s)}`);
  return Number(s) * 1000;
}

/**
 * A zip of `entries` ({ name: 'a/b.js', data: Buffer }), as one Buffer. Entries are sorted by
 * name here, so the caller's order does not matter; duplicate or unsafe names throw.
 */
export function writeZip(entries, { mtimeMs = DOS_EPOCH, level = 9 } = {}) {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const { time, date } = dosDateTime(mtimeMs);
  const locals = [];
  const centrals = [];
  let offset = 0;
  let previous;
  for (const { name, data } of sorted) {
    if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').some((p) => p === '' || p === '.' || p === '..')) throw new Error(`unsafe zip entry name: ${JSON.stringify(name)}`);
    if (name === previous) throw new Error(`zip entry twice: ${name}`);
    previous = name;
    const nameBytes = Buffer.from(name, 'utf8');
    const utf8 = nameBytes.length !== name.length ? 0x0800 : 0;
    const deflated = zlib.deflateRawSync(data, { level });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = zlib.crc32(data) >>> 0;
    if (offset + body.length > 0xfffffff0 || data.length > 0xfffffff0) throw new Error('zip too large (zip64 not written)');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the mode below is read)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(utf8, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Every file under `dir`, as zip entries named relative to it ('/' separators). */
export function entriesOf(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ name: relative(dir, p).split(sep).join('/'), data: readFileSync(p) });
      else throw new Error(`not a regular file: ${p}`);
    }
  };
  walk(dir);
  return out;
}

export const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// ---------------------------------------------------------------------------------------
// The source

const isGitCheckout = (dir) => spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8' }).stdout?.trim() === 'true';

/** Relative paths of the source files, and a function reading one. */
function sourceFiles(root, mode, ref) {
  if (mode === 'head' || mode === 'worktree') {
    if (mode === 'head') {
      const tmp = mkdtempSync(join(tmpdir(), 'iot-doctor-head-'));
      execFileSync('sh', ['-c', `git archive --format=tar "$0" | tar -x -C "${tmp}"`, ref], { cwd: root });
      return { dir: tmp, files: listDir(tmp), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
    }
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
    const files = listed.split('\0').filter((f) => f && existsSync(join(root, f)) && statSync(join(root, f)).isFile());
    return { dir: root, files: [...new Set(files)], cleanup: () => undefined };
  }
  return { dir: root, files: listDir(root), cleanup: () => undefined };
}

function listDir(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (NEVER.has(e.name)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

// ---------------------------------------------------------------------------------------

function main(argv) {
  const mode = argv.includes('--worktree') ? 'worktree' : isGitCheckout(ROOT) ? 'head' : 'directory';
  const checks = !argv.includes('--no-checks');
  const out = argv.indexOf('--out');
  const outDir = out >= 0 && argv[out + 1] ? resolve(argv[out + 1]) : join(ROOT, 'dist');
  const modules = join(ROOT, 'node_modules');
  if (!existsSync(join(modules, 'vite'))) throw new Error('node_modules is missing: run `npm ci` first');
  const mtimeMs = releaseTime();

  const refAt = argv.indexOf('--ref');
  const ref = refAt >= 0 ? argv[refAt + 1] : 'HEAD';
  if (!ref || ref.startsWith('-')) throw new Error('--ref needs a commit');
  const src = sourceFiles(ROOT, mode, mode === 'head' ? execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim() : ref);
  const work = mkdtempSync(join(tmpdir(), 'iot-doctor-package-'));
  try {
    if (mode === 'head') {
      const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
      if (dirty) console.warn(`Packaging the last commit; these uncommitted changes are NOT in it (use --worktree to include them):\n${dirty}`);
    }
    console.log(`source: ${mode === 'head' ? `git ${ref} ${execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim()}` : mode === 'worktree' ? 'working tree' : ROOT} (${src.files.length} files)`);
    for (const f of src.files) {
      mkdirSync(dirname(join(work, f)), { recursive: true });
      cpSync(join(src.dir, f), join(work, f));
    }
    symlinkSync(modules, join(work, 'node_modules'), 'dir');

    // NODE_ENV decides JSX dev mode: under a test runner (NODE_ENV=test) the bundle would carry
    // every source file's absolute path and hook names, so the bytes would depend on where it ran.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: work, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (checks) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/release-checks.ts'), join(work, 'dist')], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('release checks failed: no package written (see above; --no-checks to package anyway)');
    }

    const version = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8')).version;
    const pkgVersion = JSON.parse(readFileSync(join(work, 'package.json'), 'utf8')).version;
    if (version !== pkgVersion) throw new Error(`manifest.json version ${version} differs from package.json version ${pkgVersion}`);

    const zips = {
      [`iot-doctor-chrome-${version}.zip`]: entriesOf(join(work, 'dist', 'chrome')),
      [`iot-doctor-firefox-${version}.zip`]: entriesOf(join(work, 'dist', 'firefox')),
      [`iot-doctor-source-${version}.zip`]: src.files.filter((f) => !NOT_IN_SOURCE_ZIP.some((re) => re.test(f))).map((f) => ({ name: f, data: readFileSync(join(src.dir, f)) })),
    };
    mkdirSync(outDir, { recursive: true });
    const sums = [];
    for (const [name, entries] of Object.entries(zips)) {
      const zip = writeZip(entries, { mtimeMs });
      writeFileSync(join(outDir, name), zip);
      sums.push(`${sha256(zip)}  ${name}`);
      console.log(`${relative(process.cwd(), join(outDir, name))}  ${entries.length} files, ${(zip.length / 1024).toFixed(0)} KiB`);
    }
    writeFileSync(join(outDir, `iot-doctor-${version}.sha256`), sums.join('\n') + '\n');
    console.log(`\nsha256 (${relative(process.cwd(), join(outDir, `iot-doctor-${version}.sha256`))}):\n${sums.join('\n')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    src.cleanup();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`package: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
