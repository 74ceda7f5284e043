/**
 * Reads the configuration out of a database this version cannot open normally (newer
 * version, broken upgrade): opens it at whatever version it has, without upgrading, and
 * reads the one value worth saving. Plain IndexedDB: idb's wrapper needs a version.
 */
export function readConfigAnyVersion(name: string, factory: IDBFactory = indexedDB): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onupgradeneeded = () => {
      // The database did not exist at all: nothing to keep.
      req.transaction?.abort();
      resolve(undefined);
    };
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      try {
        if (!db.objectStoreNames.contains('kv')) {
          db.close();
          return resolve(undefined);
        }
        const get = db.transaction('kv', 'readonly').objectStore('kv').get('config');
        get.onsuccess = () => {
          db.close();
          resolve(get.result);
        };
        get.onerror = () => {
          db.close();
          reject(get.error);
        };
      } catch (e) {
        db.close();
        reject(e);
      }
    };
  });
}
