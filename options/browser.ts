/** What the options page asks of the browser itself: host permissions and file downloads. */
import { api } from '../src/platform/api';

type Req = { origins?: string[]; permissions?: string[] };

export const permissions = {
  /** True when every origin is held (no origin: nothing to hold). */
  async contains(origins: string[]): Promise<boolean> {
    if (!origins.length) return true;
    try {
      return await api.permissions.contains({ origins });
    } catch {
      return false;
    }
  },
  /**
   * Asks the user. Must be CALLED synchronously inside a click or submit handler (the browser
   * wants the user's gesture; Firefox does not carry it across an await): start it first, await later.
   */
  request(req: Req): Promise<boolean> {
    try {
      return Promise.resolve(api.permissions.request(req as chrome.permissions.Permissions)).catch(() => false);
    } catch {
      return Promise.resolve(false);
    }
  },
  /** Gives permissions back; required ones (a test build's manifest) cannot be and are kept. */
  async remove(req: Req): Promise<boolean> {
    try {
      return await api.permissions.remove(req as chrome.permissions.Permissions);
    } catch {
      return false;
    }
  },
  /** Calls back when the user grants or revokes anything (also from the browser's own settings). */
  onChange(cb: () => void): () => void {
    const ev = api.permissions;
    try {
      ev.onAdded.addListener(cb);
      ev.onRemoved.addListener(cb);
    } catch {
      return () => undefined;
    }
    return () => {
      ev.onAdded.removeListener(cb);
      ev.onRemoved.removeListener(cb);
    };
  },
};

export { download } from '../src/view/download';

/** An address inside the extension (privacy statement, padlock audit), for a link that opens in a tab. */
export function extensionUrl(path: string): string {
  try {
    return api.runtime.getURL(path);
  } catch {
    return `/${path}`;
  }
}
