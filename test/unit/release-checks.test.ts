import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BUILDS,
  ROOT,
  allowlistProblems,
  codeProblems,
  cspProblems,
  describeLint,
  firstTable,
  lintFirefox,
  missingReferences,
  permissionDiff,
  permissionsTable,
  readAllowlist,
  readManifest,
  readmeSection,
  sortWarnings,
  unusedPermissions,
  urlsInCode,
} from '../../scripts/release-checks';

/**
 * What a store reviewer would reject, on the extension `npm test` just built (dist/). The
 * same checks gate `npm run package`; see scripts/release-checks.ts.
 */
const DIST = process.env.RELEASE_DIST ?? join(ROOT, 'dist');
const built = BUILDS.every((b) => existsSync(join(DIST, b, 'manifest.json')));
const allow = readAllowlist();

describe('permissions.allowlist.json and README', () => {
  it('gives every entry one browser at least and a one-line reason', () => {
    expect(allowlistProblems(allow)).toEqual([]);
  });

  it("README's permissions table is the allow-list, reason for reason", () => {
    const section = readmeSection(readFileSync(join(ROOT, 'README.md'), 'utf8'), /^permissions/i);
    expect(section, 'README.md has a "## Permissions" section').toBeDefined();
    expect(firstTable(section!), 'print the expected table: node --import tsx scripts/release-checks.ts --readme-table').toBe(permissionsTable(allow));
  });

  it('no source sets dangerouslySetInnerHTML (why the linter innerHTML warning in preact is accepted)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(tsx?|jsx?|mjs)$/.test(name) && /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    for (const dir of ['background', 'src', 'popup', 'options', 'offscreen', 'privacy', 'audit']) walk(join(ROOT, dir));
    expect(offenders.filter((p) => !/\.test\.tsx?$/.test(p))).toEqual([]);
  });

  it('manifest.json and package.json carry the same version', () => {
    const m = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
    const p = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(m.version).toBe(p.version);
  });
});

describe('the checks themselves, on a bad build', () => {
  const bad = mkdtempSync(join(tmpdir(), 'release-bad-'));
  const put = (f: string, text: string): void => {
    mkdirSync(dirname(join(bad, f)), { recursive: true });
    writeFileSync(join(bad, f), text);
  };
  const manifest = {
    manifest_version: 3,
    name: '__MSG_extName__',
    default_locale: 'en',
    icons: { 16: 'icons/16.png', 128: 'icons/128.png' },
    action: { default_popup: 'popup.html' },
    background: { service_worker: 'sw.js' },
    permissions: ['storage', 'alarms', 'cookies'],
    host_permissions: ['<all_urls>'],
    content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'self'" },
  };
  put('manifest.json', JSON.stringify(manifest));
  put('_locales/en/messages.json', '{"extDescription":{"message":"x"}}');
  put('icons/16.png', '');
  put('popup.html', '<script src="popup.js"></script><script>alert(1)</script><script src="https://cdn.example/x.js"></script><button onclick="go()">');
  put('sw.js', 'const f = new Function("return 1"); eval(code); import("https://cdn.example/m.js"); chrome.alarms.create("a", {});');

  it('finds missing files, missing locale keys, a loose CSP, eval and remote code, extra and unused permissions', () => {
    expect(missingReferences(bad)).toEqual([
      'icons.128: icons/128.png is missing',
      'popup.html loads popup.js, which is missing',
      'popup.html loads https://cdn.example/x.js, which is missing',
      'manifest uses __MSG_extName__, which _locales/en/messages.json lacks',
    ]);
    expect(cspProblems(manifest)).toEqual(["CSP script-src allows 'unsafe-eval'", 'CSP script-src allows https://cdn.example']);
    expect(cspProblems({})).toEqual(['content_security_policy.extension_pages is not set']);
    const code = codeProblems(bad).map((p) => p.replace(/ at offset.*/s, ''));
    expect(code).toEqual(
      expect.arrayContaining([
        'popup.html: inline script (the CSP blocks it)',
        'popup.html: loads a remote script https://cdn.example/x.js',
        'popup.html: inline event handler attribute (the CSP blocks it)',
        'sw.js: eval(',
        'sw.js: new Function(',
        'sw.js: import() of a remote URL',
      ]),
    );
    expect(permissionDiff(manifest, allow, 'chrome')).toEqual(
      expect.arrayContaining([
        'chrome permissions: "cookies" is not in permissions.allowlist.json',
        'chrome permissions: "offscreen" is allow-listed but the build does not ask for it',
        'chrome host_permissions: "<all_urls>" is not in permissions.allowlist.json',
      ]),
    );
    expect(unusedPermissions(bad)).toEqual([
      'storage: asked for, but no built script uses it (/\\??\\.storage\\??\\.(?:local|sync|session|managed|onChanged)\\b/)',
      'cookies: no usage pattern in scripts/release-checks.ts API_USE; add one',
    ]);
  });
});

if (!built) {
  describe('release checks on dist/', () => {
    it.skip(`SKIPPED: ${DIST}/chrome and ${DIST}/firefox are not built. Run \`npm run build\` first (npm test builds before vitest).`, () => {});
  });
} else {
  for (const build of BUILDS) {
    describe(`release checks on dist/${build}`, () => {
      const dir = join(DIST, build);
      const m = readManifest(dir);

      it('has every file the manifest references (icons, pages and what they load, background, default locale, __MSG_ keys)', () => {
        expect(missingReferences(dir)).toEqual([]);
      });

      it('asks for exactly the allow-listed permissions and host permissions', () => {
        expect(permissionDiff(m, allow, build)).toEqual([]);
      });

      it('uses every API permission it asks for', () => {
        expect(unusedPermissions(dir)).toEqual([]);
      });

      it("has a strict CSP for its pages: 'self' only, no unsafe-eval, no remote source", () => {
        expect(cspProblems(m)).toEqual([]);
      });

      it('has no eval, new Function, string timers, remote scripts or inline scripts', () => {
        expect(codeProblems(dir)).toEqual([]);
        // For the record: every absolute URL in the code (XML namespaces, the default DoH, URL templates).
        console.log(`${build}: absolute URLs in the built JS:\n  ${urlsInCode(dir).join('\n  ')}`);
      });
    });
  }

  describe('web-ext lint (addons-linter, offline) on dist/firefox', () => {
    it('reports no error, and no warning we have not accepted with a reason', () => {
      const dir = join(DIST, 'firefox');
      const report = lintFirefox(dir);
      const { accepted, rejected } = sortWarnings(report, dir);
      console.log(
        [
          `web-ext lint: ${report.errors.length} error(s), ${report.warnings.length} warning(s), ${report.notices.length} notice(s)`,
          ...accepted.map(({ w, why }) => `  accepted warning ${describeLint(w)}\n    why: ${why}`),
          ...rejected.map((w) => `  WARNING ${describeLint(w)}`),
          ...report.notices.map((n) => `  notice ${describeLint(n)}`),
        ].join('\n'),
      );
      expect(report.errors.map(describeLint)).toEqual([]);
      expect(rejected.map(describeLint)).toEqual([]);
    }, 120_000);
  });
}
