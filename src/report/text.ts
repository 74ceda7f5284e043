/**
 * The plain-text report pasted into a support ticket: who/when/where first, then one block
 * per device with everything support asks for. Field names stay in English (support reads
 * them); the verdict and action are the user's own texts.
 */
import type { Attempt, CheckResult, DeviceDiagnosis } from '../model';
import { factValues, safeResult } from './sanitize';
import { formatDateTime, formatDay, formatSkew } from './format';
import { posBlock } from './pos';

export type ReportT = (key: string, subs?: string[]) => string;

export function reportText(result: CheckResult, t: ReportT): string {
  const r = safeResult(result);
  const env = r.environment;
  const lines: string[] = [
    'IoT Doctor report',
    `Checked:    ${formatDateTime(r.finishedAt, env.timeZone)}  [${r.finishedAt}]`,
    `Started:    ${formatDateTime(r.startedAt, env.timeZone)}`,
    `Extension:  ${env.extensionVersion}`,
    `Browser:    ${env.browser}`,
    `OS:         ${env.os}`,
    `Time zone:  ${env.timeZone}`,
  ];
  if (env.clockSkewMs !== undefined) lines.push(`Clock skew: ${formatSkew(env.clockSkewMs)} (this computer minus servers)`);
  lines.push(`Overall:    ${r.worst}`);
  if (!r.devices.length) lines.push('', 'No device checked.');
  if (r.pos) lines.push('', ...posBlock(r.pos));
  r.devices.forEach((d, i) => lines.push('', ...deviceBlock(d, i + 1, t)));
  return lines.join('\n') + '\n';
}

function deviceBlock(d: DeviceDiagnosis, n: number, t: ReportT): string[] {
  const subs = factValues(d);
  const out = [
    `== ${n}. ${d.label} (${d.kind}) ==`,
    `Code:       ${d.code}`,
    `Severity:   ${d.severity}`,
    `Verdict:    ${t(`dx_${d.code}_verdict`, subs)}`,
  ];
  if (d.severity !== 'ok') out.push(`Action:     ${t(`dx_${d.code}_action`, subs)}`);
  out.push(`IP:         ${d.ip ?? '-'}`, `Hostname:   ${d.hostname ?? '-'}`);
  if (d.raw) out.push(`Raw error:  ${d.raw}`);
  if (d.cert?.notAfter) out.push(`Cert until: ${formatDay(d.cert.notAfter)} (${d.cert.source})`);
  if (d.cert?.subject) out.push(`Cert name:  ${d.cert.subject}`);
  if (d.cert?.issuer) out.push(`Cert from:  ${d.cert.issuer}`);
  if (d.version) out.push(`Version:    ${d.version}`);
  const facts = Object.entries(d.facts);
  if (facts.length) out.push(`Facts:      ${facts.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out.push(`Checked at: ${d.checkedAt}`);
  if (d.attempts.length) {
    out.push('Tried:');
    for (const a of d.attempts) out.push(`  ${attemptLine(a)}`);
  }
  return out;
}

function attemptLine(a: Attempt): string {
  return a.ok ? `OK   ${a.url} -> HTTP ${a.status} (${a.ms} ms)` : `FAIL ${a.url} -> ${a.failure}: ${a.raw} (${a.ms} ms)`;
}
