/**
 * What a store reviewer would reject, checked on a built extension (dist/chrome, dist/firefox).
 * test/unit/release-checks.test.ts runs each check as a test on dist/ after `npm test` built
 * it; `npm run package` runs them all on its own build through the command line below:
 *
 *   node --import tsx scripts/release-checks.ts [distDir]   every check, exit 1 on a problem
 *   node --import tsx scripts/release-checks.ts --readme-table   the README permissions table
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILDS = ['chrome', 'firefox'] as const;
export type Build = (typeof BUILDS)[number];

export type Manifest = Record<string, any>;

export const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Every file under `dir`, relative, '/' separators. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------------------------------
// Files the manifest names

/** Every file the manifest references, with where it does so. */
export function manifestReferences(m: Manifest): Array<{ where: string; file: string }> {
  const refs: Array<{ where: string; file: string }> = [];
  const add = (where: string, file: unknown): void => {
    if (typeof file === 'string' && file) refs.push({ where, file: file.replace(/^\//, '') });
  };
  const icons = (where: string, v: unknown): void => {
    if (typeof v === 'string') add(where, v);
    else if (v && typeof v === 'object') for (const [size, f] of Object.entries(v)) add(`${where}.${size}`, f);
  };
  icons('icons', m.icons);
  icons('action.default_icon', m.action?.default_icon);
  add('action.default_popup', m.action?.default_popup);
  add('options_ui.page', m.options_ui?.page);
  add('options_page', m.options_page);
  add('background.service_worker', m.background?.service_worker);
  add('background.page', m.background?.page);
  for (const [i, s] of (m.background?.scripts ?? []).entries()) add(`background.scripts[${i}]`, s);
  add('side_panel.default_path', m.side_panel?.default_path);
  add('devtools_page', m.devtools_page);
  add('storage.managed_schema', m.storage?.managed_schema);
  for (const [i, cs] of (m.content_scripts ?? []).entries()) for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) add(`content_scripts[${i}]`, f);
  if (m.default_locale) add('default_locale', `_locales/${m.default_locale}/messages.json`);
  return refs;
}

/** Scripts and styles an HTML page loads, resolved against the page. */
export function pageReferences(html: string, page: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']?([^"' >]+)/gi)) {
    const ref = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) {
      out.push(ref); // remote or another scheme: reported as missing, and by remoteScriptProblems
      continue;
    }
    out.push(ref.startsWith('/') ? ref.slice(1) : posix.normalize(posix.join(posix.dirname(page), ref)));
  }
  return out;
}

/** Referenced files missing from the build (also what each page loads), and `__MSG_x__` the default locale lacks. */
export function missingReferences(dir: string): string[] {
  const m = readManifest(dir);
  const problems: string[] = [];
  for (const { where, file } of manifestReferences(m)) {
    if (!existsSync(join(dir, file))) problems.push(`${where}: ${file} is missing`);
  }
  // Every page, named by the manifest or opened by the extension itself (offscreen, privacy).
  for (const page of filesUnder(dir).filter((f) => /\.html$/.test(f))) {
    for (const ref of pageReferences(readFileSync(join(dir, page), 'utf8'), page)) if (!existsSync(join(dir, ref))) problems.push(`${page} loads ${ref}, which is missing`);
  }
  const localeFile = join(dir, '_locales', String(m.default_locale ?? 'en'), 'messages.json');
  const messages = existsSync(localeFile) ? (JSON.parse(readFileSync(localeFile, 'utf8')) as Record<string, unknown>) : {};
  const lower = new Set(Object.keys(messages).map((k) => k.toLowerCase()));
  for (const [, key] of JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)) if (!lower.has(key!.toLowerCase())) problems.push(`manifest uses __MSG_${key}__, which _locales/${m.default_locale}/messages.json lacks`);
  return problems;
}

// ---------------------------------------------------------------------------------------
// Content Security Policy and code

/** Directives that decide what code may run; each may name only the package itself. */
const CODE_DIRECTIVES = ['default-src', 'script-src', 'script-src-elem', 'script-src-attr', 'object-src', 'worker-src'];

/** The extension pages' CSP must be explicit and allow code from the package only ('self'). */
export function cspProblems(m: Manifest): string[] {
  const csp: unknown = m.content_security_policy?.extension_pages;
  if (typeof csp !== 'string' || !csp.trim()) return ['content_security_policy.extension_pages is not set'];
  const problems: string[] = [];
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!.toLowerCase(), d.slice(1)] as const),
  );
  for (const name of ['script-src', 'object-src']) if (!directives.has(name) && !directives.has('default-src')) problems.push(`CSP has neither ${name} nor default-src`);
  for (const [name, sources] of directives) {
    if (!CODE_DIRECTIVES.includes(name)) continue;
    for (const s of sources) if (s !== "'self'" && s !== "'none'") problems.push(`CSP ${name} allows ${s}`);
  }
  if (m.content_security_policy?.sandbox) problems.push('content_security_policy.sandbox is set: review it');
  return problems;
}

/** eval, new Function, string timers, remote scripts and build paths in the built JS and HTML. */
export function codeProblems(dir: string): string[] {
  const problems: string[] = [];
  const rules: Array<[RegExp, string]> = [
    [/(?<![\w$.])eval\s*\(/, 'eval('],
    [/\bnew\s+Function\s*\(/, 'new Function('],
    [/(?<![\w$])Function\s*\(\s*["'`]/, 'Function("...")'],
    [/\bset(?:Timeout|Interval)\s*\(\s*["'`]/, 'a string timer'],
    [/\bimport\s*\(\s*["'`](?:https?:)?\/\//, 'import() of a remote URL'],
    [/\bfrom\s*["'`](?:https?:)?\/\//, 'a static import of a remote URL'],
    [/\bimportScripts\s*\(\s*["'`](?:https?:)?\/\//, 'importScripts of a remote URL'],
    [/["'`](?:https?:)?\/\/[^"'`\s]+\.m?js(?:[?#][^"'`\s]*)?["'`]/, 'a remote .js URL'],
  ];
  // The folder the build ran in (dist/<browser> sits in it): found in a bundle, it means a
  // development build (JSX fileName), which also makes the bytes depend on where it was built.
  const buildRoot = dirname(dirname(resolve(dir)));
  for (const file of filesUnder(dir)) {
    if (/\.m?js$/.test(file)) {
      const text = readFileSync(join(dir, file), 'utf8');
      if (text.includes(buildRoot + '/')) problems.push(`${file}: contains the build folder ${buildRoot} (a development build? NODE_ENV=${process.env.NODE_ENV ?? ''})`);
      for (const [re, what] of rules) {
        const m = re.exec(text);
        if (m) problems.push(`${file}: ${what} at offset ${m.index}: …${text.slice(Math.max(0, m.index - 40), m.index + 60)}…`);
      }
    } else if (/\.html?$/.test(file)) {
      const html = readFileSync(join(dir, file), 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const src = /\bsrc\s*=\s*["']?([^"' >]+)/i.exec(m[1]!)?.[1];
        if (src && /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) problems.push(`${file}: loads a remote script ${src}`);
        if (!src && m[2]!.trim()) problems.push(`${file}: inline script (the CSP blocks it)`);
      }
      if (/\son[a-z]+\s*=\s*["']/i.test(html)) problems.push(`${file}: inline event handler attribute (the CSP blocks it)`);
    }
  }
  return problems;
}

/** Every absolute URL in the built JS, for the record (none may be a script). */
export function urlsInCode(dir: string): string[] {
  const urls = new Set<string>();
  for (const file of filesUnder(dir).filter((f) => /\.m?js$/.test(f))) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\bhttps?:\/\/[A-Za-z0-9.-]+[^\s"'`$)\\]*/g)) urls.add(m[0]);
  }
  return [...urls].sort();
}

// ---------------------------------------------------------------------------------------
// Permissions

export const GRANT_KEYS = ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'] as const;
export type GrantKey = (typeof GRANT_KEYS)[number];
export interface AllowEntry {
  name: string;
  browsers: Build[];
  reason: string;
}
export type Allowlist = Record<GrantKey, AllowEntry[]>;

export const readAllowlist = (file = join(ROOT, 'permissions.allowlist.json')): Allowlist => {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Allowlist>;
  return Object.fromEntries(GRANT_KEYS.map((k) => [k, raw[k] ?? []])) as Allowlist;
};

/** Malformed entries: no reason, a reason on several lines, an unknown browser, a name twice. */
export function allowlistProblems(a: Allowlist): string[] {
  const problems: string[] = [];
  for (const key of GRANT_KEYS) {
    const seen = new Set<string>();
    for (const e of a[key]) {
      if (seen.has(e.name)) problems.push(`${key}: ${e.name} listed twice`);
      seen.add(e.name);
      if (typeof e.reason !== 'string' || !e.reason.trim() || /[\n|]/.test(e.reason)) problems.push(`${key}: ${e.name} needs a one-line reason without "|"`);
      if (!Array.isArray(e.browsers) || !e.browsers.length || e.browsers.some((b) => !BUILDS.includes(b))) problems.push(`${key}: ${e.name} browsers must be among ${BUILDS.join(', ')}`);
    }
  }
  return problems;
}

/** Differences between one build's manifest and the allow-list, as sentences. */
export function permissionDiff(m: Manifest, a: Allowlist, build: Build): string[] {
  const problems: string[] = [];
  for (const key of GRANT_KEYS) {
    const have = new Set<string>(m[key] ?? []);
    const allowed = new Set(a[key].filter((e) => e.browsers.includes(build)).map((e) => e.name));
    for (const p of have) if (!allowed.has(p)) problems.push(`${build} ${key}: ${JSON.stringify(p)} is not in permissions.allowlist.json`);
    for (const p of allowed) if (!have.has(p)) problems.push(`${build} ${key}: ${JSON.stringify(p)} is allow-listed but the build does not ask for it`);
  }
  return problems;
}

/**
 * How the built code shows it uses each API permission: a store reviewer rejects a permission
 * the code never calls. A permission missing here fails the check until its pattern is added.
 */
export const API_USE: Record<string, RegExp> = {
  storage: /\??\.storage\??\.(?:local|sync|session|managed|onChanged)\b/,
  alarms: /\??\.alarms\??\.\w/,
  notifications: /\??\.notifications\??\.\w/,
  webRequest: /\??\.webRequest\??\.\w/,
  webRequestBlocking: /["'`]blocking["'`]/,
  offscreen: /\??\.offscreen\??\.\w/,
  dns: /\??\.dns\b/,
  scripting: /\??\.scripting\??\.\w/,
  tabs: /\??\.tabs\??\.(?:query|get)\b/,
};

/** API permissions (required or optional) that no built script uses. */
export function unusedPermissions(dir: string): string[] {
  const m = readManifest(dir);
  const code = filesUnder(dir)
    .filter((f) => /\.m?js$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const out: string[] = [];
  for (const p of [...(m.permissions ?? []), ...(m.optional_permissions ?? [])] as string[]) {
    const re = API_USE[p];
    if (!re) out.push(`${p}: no usage pattern in scripts/release-checks.ts API_USE; add one`);
    else if (!re.test(code)) out.push(`${p}: asked for, but no built script uses it (${re})`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// README

const KIND: Record<GrantKey, string> = {
  permissions: 'asked at install',
  optional_permissions: 'optional, asked when needed',
  host_permissions: 'host, asked at install',
  optional_host_permissions: 'host, optional, asked when needed',
};
const BROWSER: Record<Build, string> = { chrome: 'Chromium', firefox: 'Firefox' };

/** The README's permissions table, as the allow-list renders it. */
export function permissionsTable(a: Allowlist): string {
  const rows = GRANT_KEYS.flatMap((key) => a[key].map((e) => `| \`${e.name}\` | ${KIND[key]} | ${e.browsers.map((b) => BROWSER[b]).join(', ')} | ${e.reason} |`));
  return ['| permission | when | browsers | why |', '|---|---|---|---|', ...rows].join('\n');
}

/** The Markdown section under `## <title...>` (up to the next `## `), or undefined. */
export function readmeSection(readme: string, title: RegExp): string | undefined {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^## /.test(l) && title.test(l.slice(3)));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The first Markdown table of a text, as its lines. */
export const firstTable = (text: string): string => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith('|'));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && !l.trimStart().startsWith('|'));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .map((l) => l.trim())
    .join('\n');
};

// ---------------------------------------------------------------------------------------
// addons-linter, offline

export interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}
export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Warnings we accept, each with why. `applies` looks at the flagged code itself, so a new
 * warning of the same kind elsewhere is not accepted by accident.
 */
export const ACCEPTED_WARNINGS: Array<{ code: string; why: string; applies(w: LintMessage, dir: string): boolean }> = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "preact's renderer assigns innerHTML only for the dangerouslySetInnerHTML prop, which none of our sources uses (release-checks test 'no source sets dangerouslySetInnerHTML')",
    applies: (w, dir) => /innerHTML/.test(w.message) && flaggedCode(dir, w).includes('__html'),
  },
  {
    code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
    why: 'AMO needs browser_specific_settings.gecko.data_collection_permissions for a NEW listing (since 2025-11-03); manifest.json is not ours to edit: asked its owner to add { "required": ["none"] } before the first AMO upload',
    applies: () => true,
  },
];

/** The built code around a lint message's line and column. */
function flaggedCode(dir: string, w: LintMessage): string {
  if (!w.file || !existsSync(join(dir, w.file))) return '';
  const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[(w.line ?? 1) - 1] ?? '';
  const col = w.column ?? 0;
  return line.slice(Math.max(0, col - 200), col + 80);
}

let offlineWrapper: string[] | undefined;
/** `unshare -n` (a network namespace with no interface) when we may: the linter then cannot reach anything. */
function offline(): string[] {
  if (offlineWrapper) return offlineWrapper;
  const probe = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
  return (offlineWrapper = probe.status === 0 ? ['unshare', '-n'] : []);
}

/** `web-ext lint` (addons-linter) on a Firefox build, offline, no update check, no config files. */
export function lintFirefox(dir: string): LintReport {
  const bin = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
  const cmd = [...offline(), process.execPath, bin, 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, timeout: 120_000 });
  const start = r.stdout?.indexOf('{') ?? -1;
  if (start < 0) throw new Error(`web-ext lint printed no JSON (exit ${r.status}): ${r.stderr || r.error}`);
  const j = JSON.parse(r.stdout.slice(start)) as Partial<LintReport>;
  return { errors: j.errors ?? [], warnings: j.warnings ?? [], notices: j.notices ?? [] };
}

export const describeLint = (w: LintMessage): string => `${w.code}: ${w.message}${w.file ? ` (${w.file}${w.line ? `:${w.line}:${w.column ?? 0}` : ''})` : ''}`;

/** Splits warnings into accepted (with why) and not. */
export function sortWarnings(report: LintReport, dir: string): { accepted: Array<{ w: LintMessage; why: string }>; rejected: LintMessage[] } {
  const accepted: Array<{ w: LintMessage; why: string }> = [];
  const rejected: LintMessage[] = [];
  for (const w of report.warnings) {
    const rule = ACCEPTED_WARNINGS.find((a) => a.code === w.code && a.applies(w, dir));
    if (rule) accepted.push({ w, why: rule.why });
    else rejected.push(w);
  }
  return { accepted, rejected };
}

// ---------------------------------------------------------------------------------------
// Command line

/** Every check on `<dist>/chrome` and `<dist>/firefox`; the problems found. */
export function checkAll(dist: string, log: (s: string) => void = console.log): string[] {
  const problems: string[] = [];
  const allow = readAllowlist();
  problems.push(...allowlistProblems(allow));
  for (const build of BUILDS) {
    const dir = join(dist, build);
    if (!existsSync(join(dir, 'manifest.json'))) {
      problems.push(`${dir} is not built`);
      continue;
    }
    const m = readManifest(dir);
    problems.push(...missingReferences(dir).map((p) => `${build}: ${p}`));
    problems.push(...cspProblems(m).map((p) => `${build}: ${p}`));
    problems.push(...codeProblems(dir).map((p) => `${build}: ${p}`));
    problems.push(...permissionDiff(m, allow, build));
    problems.push(...unusedPermissions(dir).map((p) => `${build}: ${p}`));
  }
  const table = firstTable(readmeSection(readFileSync(join(ROOT, 'README.md'), 'utf8'), /^permissions/i) ?? '');
  if (table !== permissionsTable(allow)) problems.push('README.md: the Permissions table differs from permissions.allowlist.json (print it with --readme-table)');
  const ff = join(dist, 'firefox');
  if (existsSync(join(ff, 'manifest.json'))) {
    const lint = lintFirefox(ff);
    const { accepted, rejected } = sortWarnings(lint, ff);
    for (const { w, why } of accepted) log(`lint warning accepted: ${describeLint(w)}\n  why: ${why}`);
    problems.push(...lint.errors.map((e) => `web-ext lint error: ${describeLint(e)}`), ...rejected.map((w) => `web-ext lint warning: ${describeLint(w)}`));
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--readme-table')) {
    console.log(permissionsTable(readAllowlist()));
  } else {
    const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist');
    const problems = checkAll(dist);
    for (const p of problems) console.error(`✗ ${p}`);
    console.log(problems.length ? `release checks: ${problems.length} problem(s) in ${dist}` : `release checks: all passed on ${dist}`);
    process.exit(problems.length ? 1 : 0);
  }
}
