/**
 * The point of sale as IoT Doctor sees it from the open Odoo POS tab (with the user's consent):
 * the page's scheme, its Local Network Access permissions, and what the Odoo database says of
 * its devices. Plain JSON: stored, sent between contexts and put in reports as it is.
 */
import type { RawDiscovery } from '../discovery/types';

/**
 * Chromium's three names for Local Network Access (measured in Chromium 156): `local-network`
 * gates LAN (private) targets, `loopback-network` gates loopback targets, and the older
 * umbrella `local-network-access` reads the same but granting only it lets nothing through.
 * Firefox ESR 153 throws a TypeError for `local-network-access` and reads `prompt` for the others.
 */
export const LNA_NAMES = ['local-network-access', 'local-network', 'loopback-network'] as const;
export type LnaName = (typeof LNA_NAMES)[number];
/** `unsupported`: the browser does not know the name (the query throws). */
export type LnaState = 'granted' | 'prompt' | 'denied' | 'unsupported';
/** The only name Odoo's POS queries before warning (and deciding on its LNA mode). */
export const ODOO_LNA_NAME: LnaName = 'local-network-access';

/** What the script injected into the POS tab reads there (pos-probe/read-pos-page.ts). */
export interface PosPageReading {
  /** Origin and path of the tab (no query, no fragment). */
  url: string;
  /** `window.isSecureContext`: an http page on a public name is not, and can have no LNA permission. */
  secure: boolean;
  lna: Record<LnaName, LnaState>;
}

/** The Odoo site the user let IoT Doctor read, or that discovery suggested. */
export interface PosSite {
  origin: string;
  /** false: only suggested (discovery read this site once); the user has not said yes yet. */
  watched: boolean;
}

/** Everything known about the POS for one check. */
export interface PosContext {
  origin: string;
  watched: boolean;
  /** The browser holds the optional host permission for the site. */
  access: boolean;
  /** A tab of the site was read for this check; false: `page` / `odoo` are the last reading, of `seenAt`. */
  live: boolean;
  seenAt?: string;
  page?: PosPageReading;
  /** The POS configuration as the tab's own session read it (JSON-RPC, whitelisted fields). */
  odoo?: RawDiscovery;
}

/**
 * How the POS reaches one device, hence what IoT Doctor probes and judges:
 * - `https-name`: https://<odoo-iot hostname> (the box, from an https POS);
 * - `https-ip`: https://<IP> (an Epson printer from an https POS: its certificate matters);
 * - `lna-http`: http://<IP> in Odoo's Local Network Access mode (`use_lna`): no certificate, the
 *   browser's LNA permission matters;
 * - `http-ip`: http://<IP> from a POS page served over plain http.
 */
export type PosPath = 'https-name' | 'https-ip' | 'lna-http' | 'http-ip';

export interface PosDevicePath {
  deviceId: string;
  path: PosPath;
  /** The URL the POS calls, which is the one IoT Doctor probes. */
  url: string;
  /** Odoo's LNA mode is set for this device (it applies only where the browser has `local-network-access`). */
  useLna: boolean;
  /** The permission that lets the POS page reach this device (Chromium, public page), and its state. */
  lna?: { name: LnaName; state: LnaState };
}

/** What a check result keeps of the POS, for the support view and the report. */
export interface PosSummary {
  origin: string;
  access: boolean;
  live: boolean;
  seenAt?: string;
  scheme?: 'http' | 'https';
  secure?: boolean;
  /** Where the browser places the POS page: `public` (Chromium then gates local devices) or `local`. */
  pageSpace?: 'public' | 'local';
  lna?: Record<LnaName, LnaState>;
  odooVersion?: string;
  paths: PosDevicePath[];
}
