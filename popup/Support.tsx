import type { CheckResult, DeviceDiagnosis } from '../src/model';
import { DIAGNOSES } from '../src/diagnoses/registry';
import { formatDay, formatLocal, formatSkew, safeFacts, zoneOrUtc } from '../src/report';
import { StatusIcon } from '../src/view/StatusIcon';
import { t } from '../src/view/i18n';
import { PosFacts } from './PosFacts';
import type { Change } from '../src/report/timeline';

/**
 * Everything support asks for, in one screenshot: when, which versions, and per device its
 * addresses, code, the browser's own error and certificate date. Only named fields: never a
 * dump of an object, so nothing secret can slip in.
 */
export function Support({ result, now, version, open, timeline }: { result: CheckResult | null; now: number; version: string; open: boolean; timeline?: Record<string, Change[]> }) {
  const env = result?.environment;
  const zone = zoneOrUtc(env?.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  return (
    <section id="support" class="support" data-testid="support" hidden={!open} aria-label={t('ui_support')}>
      <dl class="kv">
        <Item k={t('ui_sup_now')} v={formatLocal(new Date(now).toISOString(), zone)} />
        {result && <Item k={t('ui_sup_checked')} v={formatLocal(result.finishedAt, zone)} />}
        <Item k={t('ui_sup_zone')} v={zone} />
        <Item k={t('ui_sup_extension')} v={env?.extensionVersion ?? version} />
        {env && <Item k={t('ui_sup_browser')} v={env.browser} />}
        {env && <Item k={t('ui_sup_os')} v={env.os} />}
        {env?.clockSkewMs !== undefined && <Item k={t('ui_sup_skew')} v={formatSkew(env.clockSkewMs)} />}
      </dl>
      {!result && <p>{t('ui_never_checked')}</p>}
      <PosFacts pos={result?.pos} zone={zone} />
      {result?.devices.map((d) => <DeviceFacts d={d} changes={timeline?.[d.deviceId]} zone={zone} />)}
    </section>
  );
}

function DeviceFacts({ d, changes, zone }: { d: DeviceDiagnosis; changes?: Change[]; zone: string }) {
  const facts = safeFacts(d.facts);
  const shown = (DIAGNOSES.get(d.code)?.facts ?? []).filter((n) => n !== 'ip' && n !== 'hostname' && facts[n]);
  return (
    <div class="sup-device" data-testid={`support-${d.deviceId}`}>
      <p class="sup-title">
        <StatusIcon status={d.severity} /> <strong>{d.label}</strong> <span class="muted">{d.kind}</span> <code>{d.code}</code>
      </p>
      <dl class="kv">
        {d.ip && <Item k={t('ui_sup_ip')} v={d.ip} />}
        {d.hostname && <Item k={t('ui_sup_host')} v={d.hostname} />}
        {d.raw && <Item k={t('ui_sup_error')} v={d.raw} />}
        {d.cert?.notAfter && <Item k={t('ui_sup_cert')} v={formatDay(d.cert.notAfter) + (d.cert.exception ? ` (${t('ui_sup_exception')})` : '')} />}
        {d.version && <Item k={t('ui_sup_version')} v={d.version} />}
        {shown.length > 0 && <Item k={t('ui_sup_facts')} v={shown.map((n) => `${n}=${facts[n]}`).join(' ')} />}
        {/* Only when it changed: "PRINTER_OK until yesterday 18:02" is what support asks about. */}
        {changes && changes.length > 1 && (
          <Item k={t('ui_sup_changes')} v={changes.slice(1).map((c) => t('ui_sup_was', [c.code, formatLocal(c.until, zone)])).join('; ')} />
        )}
      </dl>
    </div>
  );
}

const Item = ({ k, v }: { k: string; v: string }) => (
  <>
    <dt>{k}</dt>
    <dd>{v}</dd>
  </>
);
