import type { Config } from '../model';
import { planImport, type ConfigCheck, type ImportResult } from './transfer';
import { validateConfig } from './validate';

/** The worker's side of the options page beyond saveConfig: dry-run validation and import. */
export function createConfigService(deps: { getConfig(): Promise<Config>; setConfig(c: Config): Promise<void>; onConfigChanged(): void }) {
  return {
    async check(config: Config): Promise<ConfigCheck> {
      const { settings } = await deps.getConfig();
      const r = validateConfig(config, settings);
      return { ok: r.errors.length === 0, ...r };
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
