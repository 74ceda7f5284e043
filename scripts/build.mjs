#!/usr/bin/env node
// Builds dist/chrome and dist/firefox, then merges each locale's fragments
// (_locales/<lang>/*.json) into the one messages.json the browsers read.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targets = process.argv.slice(2).filter((a) => a === 'chrome' || a === 'firefox');
for (const target of targets.length ? targets : ['chrome', 'firefox']) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    // production: under a test runner NODE_ENV=test would put dev-mode JSX (absolute paths) in the bundle.
    env: { ...process.env, TARGET: target, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  mergeLocales(join(root, '_locales'), join(root, 'dist', target, '_locales'));
  // crxjs does not copy the file named by storage.managed_schema (the administrator's policy schema).
  copyFileSync(join(root, 'managed_schema.json'), join(root, 'dist', target, 'managed_schema.json'));
  console.log(`built dist/${target}`);
}

export function mergeLocales(src, out) {
  for (const lang of readdirSync(src)) {
    const merged = {};
    for (const file of readdirSync(join(src, lang)).filter((f) => f.endsWith('.json')).sort()) {
      const part = JSON.parse(readFileSync(join(src, lang, file), 'utf8'));
      for (const [k, v] of Object.entries(part)) {
        if (k in merged) throw new Error(`_locales/${lang}: key ${k} defined twice (${file})`);
        merged[k] = v;
      }
    }
    if (existsSync(join(out, lang))) writeFileSync(join(out, lang, 'messages.json'), JSON.stringify(merged));
  }
}
