import type { Config, Settings } from '../model';

/**
 * The managed-storage policy as an administrator writes it (managed_schema.json): top-level
 * keys, so that chrome://policy and the Windows registry show one row per setting. Anything
 * may arrive here (Firefox does not check policies against the schema), so it is read as unknown.
 */
export const POLICY_KEYS = ['boxes', 'printers', 'intervalMinutes', 'dohUrl', 'notifications', 'allowUserDevices'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** The settings a policy may set; each one set is read-only for the user. */
export const MANAGED_SETTINGS = ['intervalMinutes', 'dohUrl', 'notifications'] as const satisfies ReadonlyArray<keyof Settings>;
export type ManagedSetting = (typeof MANAGED_SETTINGS)[number];

/**
 * One part of the policy that was not applied as written. `field` names it as in the policy
 * (`printers.2.ip`, `intervalMinutes`), `error` is a code of src/config/validate.ts or one of
 * this module's (`not-a-list`, `not-an-object`, `wrong-type`, `unknown-key`, `bad-id`,
 * `duplicate`, `too-many`); `ignored` says whether the entry was left out or applied anyway.
 */
export interface PolicyIssue {
  field: string;
  error: string;
  args?: string[];
  ignored: boolean;
}

/** A device the user added that is not checked while the policy is in force. */
export interface HiddenDevice {
  id: string;
  label: string;
  /** `locked`: the administrator allows only their own list; `same-as-managed`: the policy sets the same device. */
  reason: 'locked' | 'same-as-managed';
}

/** What the administrator decided, for the views: what to show as "set by your administrator". */
export interface ManagedInfo {
  /** Ids of the boxes the policy sets: read-only in the options page. */
  boxes: string[];
  /** Ids of the printers the policy sets: read-only. */
  printers: string[];
  /** The settings the policy sets: read-only. */
  settings: ManagedSetting[];
  /** True: users may not add, edit or remove devices; the devices they had added are hidden. */
  locked: boolean;
  /** Devices the user added that are kept in storage but not checked while the policy is in force. */
  hidden: HiddenDevice[];
  /** Host permissions the managed devices need (`http://<ip>/*`, `https://<ip>/*`). */
  origins: string[];
  /** Of `origins`, those not granted yet (filled by the worker; no policy can grant them). */
  missingOrigins?: string[];
  issues: PolicyIssue[];
}

/** The configuration as the worker answers it: merged, with the administrator's part marked. */
export type ManagedConfig = Config & { managed?: ManagedInfo };
