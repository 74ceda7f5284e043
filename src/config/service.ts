import type { Config } from '../model';
import type { ManagedConfig } from '../policy/types';
import { policyErrors } from '../policy/merge';
import { planImport, type ConfigCheck, type ImportResult } from './transfer';
import { validateConfig } from './validate';

/**
 * A configuration as saveConfig would take it: validated, then checked against the policy
 * (devices added while the administrator locks the list). Shared by every writer of the list.
 */
export function checkUnderPolicy(config: Config, current: ManagedConfig): ConfigCheck {
  const r = validateConfig(config, current.settings);
  const errors = [...r.errors, ...policyErrors(r.config, current)];
  return { ...r, ok: errors.length === 0, errors };
}

/** The worker's side of the options page beyond saveConfig: dry-run validation and import. */
export function createConfigService(deps: { getConfig(): Promise<ManagedConfig>; setConfig(c: Config): Promise<void>; onConfigChanged(): void }) {
  return {
    async check(config: Config): Promise<ConfigCheck> {
      return checkUnderPolicy(config, await deps.getConfig());
    },
    async importDevices(json: string): Promise<ImportResult> {
      const plan = planImport(json, await deps.getConfig());
      if (plan.ok) {
        await deps.setConfig(plan.config);
        deps.onConfigChanged();
      }
      return plan;
    },
  };
}
