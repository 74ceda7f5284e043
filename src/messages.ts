/**
 * The one contract between the views (popup, options, audit) and the background worker.
 * Each message type maps to its request and its response; handlers are registered against
 * this map (background/handlers.ts) and views call `send()` (src/platform/send.ts).
 */
import type { CheckResult, Config } from './model';
import type { ConfigCheck, ImportResult } from './config/transfer';
import type { DiscoveryResult, OdooTab } from './discovery/types';
import type { ManagedConfig } from './policy/types';
import type { HistoryEntry } from './store/db';

/** What the popup renders: the worker decides everything, the view only shows it. */
export interface PopupState {
  /** The configuration in force; `config.managed` marks what the administrator's policy sets (absent without a policy). */
  config: ManagedConfig;
  /** Last finished check, restored from storage on open (while a check runs, progress events carry the partial one). */
  last: CheckResult | null;
  /** True while a check runs; `last` then updates as devices finish. */
  running: boolean;
  /** Detected platform for guide tailoring. */
  platform: { os: string; browser: string };
  /** Per device, its last changes of diagnosis, newest first (support's timeline). */
  timeline?: Record<string, import('./report/timeline').Change[]>;
  /** Something about the store the user must be told (it had to be reset). */
  notice?: import('./store/schema').StoreNotice | null;
}

export interface MessageMap {
  ping: { req: Record<string, never>; res: { version: string } };
  getState: { req: Record<string, never>; res: PopupState };
  /** Starts a check (or joins the running one) and resolves when it ends. */
  checkNow: { req: Record<string, never>; res: CheckResult };
  /** The configuration in force; `managed` marks what the administrator's policy sets (read-only in the views). */
  getConfig: { req: Record<string, never>; res: ManagedConfig };
  /** Replaces the configuration after validation; answers the saved config or the errors. */
  saveConfig: { req: { config: Config }; res: { ok: true; config: ManagedConfig } | { ok: false; errors: string[] } };
  /** Plain-text and JSON report of the last check, for support. */
  /** The user read the store notice. */
  dismissNotice: { req: Record<string, never>; res: null };
  getReport: { req: Record<string, never>; res: { text: string; json: string } | null };
  /** Options page: validates without saving, for per-field messages and the "saved as" preview. */
  checkConfig: { req: { config: Config }; res: ConfigCheck };
  /** Options page: adds or updates the devices of an exported JSON file; any wrong entry saves nothing. */
  importDevices: { req: { json: string }; res: ImportResult };
  /** Options page: open tabs that look like Odoo (needs the optional "tabs" permission). */
  findOdooTabs: { req: Record<string, never>; res: OdooTab[] };
  /** Options page: the boxes and Epson printers the Odoo database of that tab knows (needs host access to it). */
  discoverFromTab: { req: { tabId: number }; res: DiscoveryResult };
  /** Audit page: the stored verdicts of these devices (oldest first), for "last change". */
  getHistory: { req: { deviceIds: string[] }; res: Record<string, HistoryEntry[]> };
  /** Popup: the user clicked Allow for this Odoo site; its POS tab is read from the next check on (the popup asks the browser for access in the same click). */
  posWatch: { req: { origin: string }; res: { ok: boolean } };
  /** Popup: adds the devices the POS uses that the list lacks (as its tab last said); the popup asks for their access in the same click. */
  posAddMissing: { req: Record<string, never>; res: { added: number; errors: string[] } };
  /** Popup: "I imported the certificate" for this printer; a check that still finds it untrusted then says why. */
  markCertImported: { req: { deviceId: string }; res: { ok: true } };
}

export type MessageType = keyof MessageMap;
export type Request<T extends MessageType> = { type: T } & MessageMap[T]['req'];
export type Response<T extends MessageType> = MessageMap[T]['res'];

/** Worker -> views broadcast while a check runs. */
export interface ProgressEvent {
  type: 'progress';
  result: CheckResult;
  running: boolean;
}

export function isMessage(value: unknown): value is { type: MessageType } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Worker -> offscreen document (Chromium): fetch from a document context. */
export interface OffscreenFetch {
  target: 'offscreen';
  type: 'fetch';
  req: import('./net/http').HttpRequest;
}
export type OffscreenAnswer = { ok: true; status: number; text: string } | { ok: false; raw: string };
