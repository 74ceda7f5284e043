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

/** Saves text as a file through an object URL and <a download>: no downloads permission needed. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
