/**
 * The worker's POS actions, browser-independent: remember the Odoo site (suggested by discovery,
 * watched once the user clicked Allow), add the devices the POS uses to IoT Doctor's list, and
 * keep the "I imported the certificate" marks. The configuration is saved through the same
 * validation and policy rules as the options page's.
 */
import type { CheckResult, Config } from '../model';
import type { ManagedConfig } from '../policy/types';
import { checkUnderPolicy } from '../config/service';
import { keptImportMarks } from '../diagnoses/cert-imported';
import { missingDevices } from './config-issues';
import type { PosStore } from './store';

export interface PosServiceDeps {
  store: PosStore;
  getConfig(): Promise<ManagedConfig>;
  setConfig(config: Config): Promise<void>;
  onConfigChanged(): void;
  now?: () => Date;
}

/** `https://shop.odoo.com` from anything that parses as an http(s) URL; undefined otherwise. */
export function siteOrigin(input: string): string | undefined {
  try {
    const u = new URL(input.trim());
    return /^https?:$/.test(u.protocol) && u.hostname ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

export function createPosService(deps: PosServiceDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    /** Discovery read this Odoo site: offer to watch its POS (never replaces a watched site). */
    async suggest(input: string): Promise<void> {
      const origin = siteOrigin(input);
      const site = await deps.store.getSite();
      if (origin && !site?.watched) await deps.store.setSite({ origin, watched: false });
    },
    /** The user clicked Allow for this site (the popup asks the browser for access in the same click). */
    async watch(input: string): Promise<{ ok: boolean }> {
      const origin = siteOrigin(input);
      if (!origin) return { ok: false };
      await deps.store.setSite({ origin, watched: true });
      return { ok: true };
    },
    /** Adds what the POS uses and the list lacks, as read from the POS tab last time. */
    async addMissing(): Promise<{ added: number; errors: string[] }> {
      const ctx = await deps.store.getContext();
      const current = await deps.getConfig();
      const missing = missingDevices(ctx?.odoo, ctx?.origin ?? '', current);
      const added = missing.boxes.length + missing.printers.length;
      if (!added) return { added: 0, errors: [] };
      const next: Config = { ...current, boxes: [...current.boxes, ...missing.boxes], printers: [...current.printers, ...missing.printers] };
      const { config, errors } = checkUnderPolicy(next, current);
      if (errors.length) return { added: 0, errors: errors.map((e) => `${e.field}: ${e.error}`) };
      await deps.setConfig(config);
      deps.onConfigChanged();
      return { added, errors: [] };
    },
    async markImported(deviceId: string): Promise<void> {
      const config = await deps.getConfig();
      if (!config.printers.some((p) => p.id === deviceId)) return;
      await deps.store.setImports({ ...(await deps.store.getImports()), [deviceId]: now().toISOString() });
    },
    imports: (): Promise<Record<string, string>> => deps.store.getImports(),
    /** After a check: forget the marks of printers now trusted. */
    async settle(result: CheckResult): Promise<void> {
      const marks = await deps.store.getImports();
      if (Object.keys(marks).length) await deps.store.setImports(keptImportMarks(result, marks, now()));
    },
  };
}

export type PosService = ReturnType<typeof createPosService>;
