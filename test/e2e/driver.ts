/**
 * The one interface the end-to-end tests use to drive the BUILT extension in a real browser.
 * `chromium.ts` (Playwright) and `firefox.ts` (puppeteer-core over WebDriver BiDi) implement it.
 *
 * Members marked "optional" are extras an implementation may offer; tests that use them must
 * check they exist (or run in the one browser that has them).
 */

export interface ExtensionSession {
  browser: 'chromium' | 'firefox';
  /** Send one message to the extension background as an extension page would (runtime.sendMessage), return the raw answer. */
  message<T = unknown>(msg: { type: string; [k: string]: unknown }): Promise<T>;
  /** Open an extension page (path relative to the extension root, e.g. 'popup/index.html') in a tab of the given size. */
  openPage(path: string, size?: { width: number; height: number }): Promise<ExtensionPage>;
  /** Open an ordinary URL in a tab (e.g. https://127.0.0.33/ to reach a certificate warning page). */
  openUrl(url: string): Promise<ExtensionPage>;
  close(): Promise<void>;

  /** Optional. The extension's root URL, e.g. 'moz-extension://<uuid>/' or 'chrome-extension://<id>/'. */
  baseUrl?: string;
  /**
   * Optional. Evaluate a JS expression (source) with the BACKGROUND's globals in scope, awaited,
   * JSON result: `fetch`, `browser`/`chrome` are the background's, so requests it makes are the
   * background's own (webRequest tabId -1). Firefox: the event page, woken if suspended.
   */
  evaluateInBackground?<T = unknown>(expression: string): Promise<T>;
  /**
   * Optional. Grant optional host permissions at runtime as a user would (match patterns such
   * as 'https://127.0.0.33/*'); resolves once granted, throws if the browser refused.
   */
  grantHostPermissions?(origins: string[]): Promise<void>;
}

export interface ExtensionPage {
  screenshot(file: string): Promise<void>; // PNG, full page
  click(selector: string): Promise<void>;
  text(selector: string): Promise<string>; // innerText
  evaluate<T>(fn: string): Promise<T>; // JS expression source evaluated in the page, awaited, JSON result
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string; // absolute path of the built extension
  profileDir?: string; // throwaway profile dir (created if absent)
  caCertPath?: string; // PEM of a test CA to trust in THIS profile only (certutil -A -d sql:<profile> -t "C,," -n lab-ca -i ...)
  firefoxPrefs?: Record<string, string | number | boolean>; // extra prefs (the lab's TRR/DNS prefs)
  chromiumArgs?: string[]; // only for chromium

  /** Optional. false = show the browser window (needs a display). Default: headless. */
  headless?: boolean;
  /** Optional. Browser binary (Firefox: else $FIREFOX_BIN, else Debian's firefox-esr). */
  executablePath?: string;
  /** Optional. Optional host permissions to grant right after install, as `grantHostPermissions` does. */
  grantHostPermissions?: string[];
  /** Optional. How long starting the browser and installing the extension may take (Firefox: 90 s a try, 2 tries). */
  launchTimeoutMs?: number;
}
