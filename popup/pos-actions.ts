/**
 * The popup's buttons for the POS guide steps, on one diagnosed row: each appears only where
 * the row carries what it needs (the Odoo site, the devices to add, a printer).
 */
import type { DeviceDiagnosis } from '../src/model';
import type { OtherActions } from '../src/view/guide-actions';
import { t } from '../src/view/i18n';
import type { PopupActions } from './App';

type PosStepAction = 'pos-allow' | 'pos-add-missing' | 'cert-imported' | 'open-site-settings';

/** The settings page of one site, where Chrome and Edge keep its "Local network" permission. */
export function siteSettingsUrl(origin: string, browser: string): string {
  return `${browser === 'edge' ? 'edge' : 'chrome'}://settings/content/siteDetails?site=${encodeURIComponent(origin)}`;
}

export function posActions(d: DeviceDiagnosis, browser: string, actions: PopupActions): Pick<OtherActions, PosStepAction> {
  const origin = d.facts.origin;
  const addresses = d.facts.addresses?.split(/,\s*/).filter(Boolean) ?? [];
  return {
    ...(origin && d.kind === 'pos' ? { 'pos-allow': { label: t('pos_act_allow'), run: () => actions.allowPos(origin) } } : {}),
    ...(addresses.length ? { 'pos-add-missing': { label: t('pos_act_add_missing'), run: () => actions.addPosMissing(addresses) } } : {}),
    ...(d.kind === 'printer' ? { 'cert-imported': { label: t('pos_act_cert_imported'), run: () => actions.markCertImported(d.deviceId) } } : {}),
    ...(origin && (d.kind === 'pos' || d.code === 'LNA_BLOCKED') && browser !== 'firefox' && browser !== 'safari'
      ? { 'open-site-settings': { label: t('pos_act_site_settings'), run: () => actions.openUrl(siteSettingsUrl(origin, browser)) } }
      : {}),
  };
}
