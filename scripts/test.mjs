#!/usr/bin/env node
// `npm test`: installs what is missing (system packages), type-checks, builds both browsers'
// extensions, runs every tier (unit, lab, end-to-end in Chromium and Firefox) and ends with
// the plain line "N passed, N failed" counted over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const unitOnly = args.includes('--unit-only');
let passed = 0;
let failed = 0;

const step = (name, cmd, cmdArgs, opts = {}) => {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  return r.status === 0;
};

mkdirSync(join(root, 'test-results'), { recursive: true });

if (!unitOnly) {
  if (!step('system packages (chromium, firefox-esr, libnss3-tools)', 'bash', ['scripts/ensure-system-deps.sh'])) {
    console.error('Cannot run the end-to-end tests without the browsers; see the message above.');
    failed++;
  }
}
if (!e2eOnly) {
  if (step('type-check', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'])) passed++;
  else failed++;
}
if (!unitOnly) {
  if (step('build dist/chrome and dist/firefox', process.execPath, ['scripts/build.mjs'])) passed++;
  else failed++;
}

const report = join(root, 'test-results', 'vitest.json');
const projects = e2eOnly ? ['--project', 'e2e'] : unitOnly ? ['--project', 'unit'] : [];
step('vitest', process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load has no failed test but must count: one failure per such file.
  const loadErrors = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + loadErrors;
  if (r.numTotalTests === 0) failed++;
} else {
  console.error('vitest wrote no report');
  failed++;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
