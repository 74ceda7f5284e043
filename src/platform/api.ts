/**
 * The extension API namespace. Firefox has `browser` natively; Chromium's MV3 `chrome`
 * namespace returns promises too, so no polyfill is needed for what we use.
 */
type Api = typeof chrome;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };
export const api: Api = (g.browser ?? g.chrome) as Api;
export const isFirefox = typeof (globalThis as { browser?: unknown }).browser !== 'undefined' && /Firefox\//.test(navigator.userAgent);
