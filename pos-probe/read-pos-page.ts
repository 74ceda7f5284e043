/**
 * The script IoT Doctor injects into the open Odoo POS tab (scripting.executeScript, main world,
 * only on the site the user allowed, only while a check runs). It reads what only that page can
 * tell: its own scheme and secure-context state, and the Local Network Access permissions of its
 * origin, and reports them back to the worker as its return value. It only READS: it never
 * fetches a device (that would make Chrome ask the cashier, or deny in a headless browser).
 *
 * Why an injected function rather than a registered content script: it runs exactly when a check
 * needs it, needs no `content_scripts` entry, no web-accessible file and no registration to keep
 * in sync with the permission. Measured (Chromium 156, Firefox ESR 153): the main and the
 * isolated world read the same states, those of the page's origin.
 *
 * It must stay self-contained (the browser serializes its source): no imports, no outer names.
 */
export async function readPosPage(names: readonly string[]): Promise<{ url: string; secure: boolean; lna: Record<string, string> }> {
  const lna: Record<string, string> = {};
  for (const name of names) {
    try {
      lna[name] = (await navigator.permissions.query({ name } as unknown as PermissionDescriptor)).state;
    } catch {
      lna[name] = 'unsupported'; // a name the browser does not know throws a TypeError
    }
  }
  return { url: location.origin + location.pathname, secure: globalThis.isSecureContext === true, lna };
}
