import type { CheckResult } from '../src/model';
import type { Store } from '../src/store/db';
import { alertsFor, nextNotified } from '../src/watch';
import { factValues } from '../src/report/sanitize';
import { api } from '../src/platform/api';

/** Notifies what turned red or expires soon, once per state (src/watch.ts decides). */
export async function notifyChanges(result: CheckResult, store: Store, enabled: boolean): Promise<void> {
  const notified = await store.getNotified();
  const alerts = enabled ? alertsFor(result, notified, new Date()) : [];
  for (const a of alerts) {
    const verdict = api.i18n.getMessage(`dx_${a.device.code}_verdict`, factValues(a.device)) || a.device.code;
    const message = a.kind === 'cert-expiring' ? api.i18n.getMessage('notify_cert_expiring', [String(a.days ?? 0)]) || verdict : verdict;
    await api.notifications
      .create(`iot-doctor-${a.deviceId}`, {
        type: 'basic',
        iconUrl: api.runtime.getURL('store-assets/icons/icon-128.png'),
        title: `${a.device.label} — ${api.i18n.getMessage('extName')}`,
        message,
      })
      .catch(() => undefined);
  }
  await store.setNotified(nextNotified(result, notified, alerts));
}
