/**
 * What the administrator's policy sets, as the options page shows it (`config.managed` from the
 * worker, src/policy/types.ts; absent without a policy). Pure: the view asks these questions and
 * renders the texts; the worker alone decides what is managed.
 */
import type { Config } from '../src/model';
import type { ValidationError } from '../src/config/validate';
import type { HiddenDevice, ManagedInfo, ManagedSetting, PolicyIssue } from '../src/policy/types';
import type { Translate } from '../src/view/i18n';
import { problemText, PROBLEM_CODES } from './problems';

/** The code the worker answers when the administrator's lock refuses a save or an import. */
export const LOCKED = 'locked-by-policy';

export interface ManagedView {
  /** True when a policy is in force (something to show in the administrator's section). */
  present: boolean;
  /** The device is set by the policy: read-only, marked. */
  device(id: string): boolean;
  /** The setting is set by the policy: disabled, marked. */
  setting(key: ManagedSetting): boolean;
  /** No device may be added, found in Odoo or imported. */
  locked: boolean;
  hidden: HiddenDevice[];
  /** Host access the administrator's devices still need (one click asks for all). */
  missingOrigins: string[];
  issues: PolicyIssue[];
}

export function managedView(config: (Config & { managed?: ManagedInfo | undefined }) | null | undefined): ManagedView {
  const m = config?.managed;
  const ids = new Set([...(m?.boxes ?? []), ...(m?.printers ?? [])]);
  const settings = new Set<string>(m?.settings ?? []);
  return {
    present: !!m,
    device: (id) => ids.has(id),
    setting: (key) => settings.has(key),
    locked: !!m?.locked,
    hidden: m?.hidden ?? [],
    missingOrigins: m?.missingOrigins ?? [],
    issues: m?.issues ?? [],
  };
}

/** The policy codes of src/policy/merge.ts; the others are validate.ts codes the page already explains. */
export const POLICY_CODES = ['not-a-list', 'not-an-object', 'wrong-type', 'unknown-key', 'bad-id', 'duplicate-id', 'duplicate', 'too-many'] as const;
export const policyKey = (code: string): string => `opt_policy_err_${code.replace(/-/g, '_')}`;

/** The JSON types merge.ts names in `wrong-type`. */
const TYPE_KEY: Record<string, string> = { string: 'opt_policy_type_string', integer: 'opt_policy_type_integer', boolean: 'opt_policy_type_boolean' };

/** Where an issue is, in the administrator's words: "Printer 3 of the policy", "Policy key “dohUrl”". */
export function issuePlace(field: string, t: Translate): string {
  const m = /^(boxes|printers)(?:\.(\d+))?(?:\.(.+))?$/.exec(field);
  if (m && m[2] !== undefined) {
    const n = String(Number(m[2]) + 1);
    const where = t(m[1] === 'boxes' ? 'opt_policy_at_box' : 'opt_policy_at_printer', [n]);
    return m[3] ? t('opt_policy_at_key_of', [where, m[3]]) : where;
  }
  return t('opt_policy_at_key', [field]);
}

/** What is wrong with one part of the policy. */
export function issueProblem(issue: Pick<PolicyIssue, 'error' | 'args'>, t: Translate): string {
  if (issue.error === 'wrong-type') return t(policyKey('wrong-type'), [t(TYPE_KEY[issue.args?.[0] ?? ''] ?? 'opt_policy_type_other', [issue.args?.[0] ?? '?'])]);
  if ((POLICY_CODES as readonly string[]).includes(issue.error)) return t(policyKey(issue.error), issue.args ?? []);
  return problemText(issue, t);
}

/** One line per issue: where, what, and whether the extension left it out or applied it. */
export function issueText(issue: PolicyIssue, t: Translate): { place: string; problem: string; outcome: string } {
  return { place: issuePlace(issue.field, t), problem: issueProblem(issue, t), outcome: t(issue.ignored ? 'opt_policy_ignored' : 'opt_policy_applied') };
}

export function hiddenReason(h: HiddenDevice, t: Translate): string {
  return t(h.reason === 'locked' ? 'opt_hidden_locked' : 'opt_hidden_same');
}

/** saveConfig answers `field: code` strings. */
export function parseSaveErrors(errors: string[]): ValidationError[] {
  return errors.map((s) => {
    const i = s.lastIndexOf(': ');
    return i > 0 ? { field: s.slice(0, i), error: s.slice(i + 2) } : { field: 'form', error: s };
  });
}

/** A refused save as one sentence per distinct reason (the administrator's lock told once). */
export function saveErrorText(errors: string[], t: Translate): string {
  const texts = parseSaveErrors(errors).map((e) => ((PROBLEM_CODES as readonly string[]).includes(e.error) ? problemText(e, t) : `${e.field}: ${e.error}`));
  return [...new Set(texts)].join(' ');
}

export const isLockedAnswer = (errors: string[]): boolean => parseSaveErrors(errors).some((e) => e.error === LOCKED);

/** An import the worker refused because of the lock throws `locked-by-policy: <devices>`. */
export const isLockedError = (message: string): boolean => message.startsWith(`${LOCKED}:`) || message === LOCKED;

