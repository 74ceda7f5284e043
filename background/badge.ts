import type { CheckResult } from '../src/model';
import { api } from '../src/platform/api';
import { factValues } from '../src/report/sanitize';

const COLORS = { ok: '#1a7f37', warn: '#b25e00', error: '#c62828' } as const;
const TEXT = { ok: '', warn: '!', error: '✕' } as const;

/** The toolbar icon tells the worst state without opening the popup. */
export async function showOnBadge(result: CheckResult | null, running: boolean): Promise<void> {
  const action = api.action;
  if (!result) {
    await action.setBadgeText({ text: running ? '…' : '' });
    await action.setTitle({ title: api.i18n.getMessage('extName') });
    return;
  }
  const bad = result.devices.filter((d) => d.severity === result.worst && d.severity !== 'ok');
  await action.setBadgeBackgroundColor({ color: COLORS[result.worst] });
  if ('setBadgeTextColor' in action) await action.setBadgeTextColor({ color: '#ffffff' }).catch(() => undefined);
  const count = bad.length > 1 ? String(bad.length) : TEXT[result.worst];
  await action.setBadgeText({ text: running ? '…' : count });
  const lines = result.devices.map((d) => `${d.label}: ${api.i18n.getMessage(`dx_${d.code}_verdict`, factValues(d)) || d.code}`);
  await action.setTitle({ title: [api.i18n.getMessage('extName'), ...lines].join('\n') });
}
