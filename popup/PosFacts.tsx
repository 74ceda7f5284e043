import type { PosSummary } from '../src/pos/types';
import { LNA_NAMES, ODOO_LNA_NAME } from '../src/pos/types';
import { formatLocal } from '../src/report';
import { t } from '../src/view/i18n';

/**
 * The point of sale part of the support view: the site, when its tab was read, its scheme, each
 * Local Network Access name's state (Odoo reads only one of them) and how the POS reaches each
 * device. Only named fields, as the rest of the support view.
 */
export function PosFacts({ pos, zone }: { pos: PosSummary | undefined; zone: string }) {
  if (!pos) return null;
  const read = pos.live ? t('pos_sup_read_now') : pos.seenAt ? t('pos_sup_read_before', [formatLocal(pos.seenAt, zone)]) : t('pos_sup_read_never');
  return (
    <div class="sup-device" data-testid="support-pos">
      <p class="sup-title">
        <strong>{t('pos_sup_title')}</strong>
      </p>
      <dl class="kv">
        <Item k={t('pos_sup_site')} v={pos.origin} />
        <Item k={t('pos_sup_read')} v={read} />
        {pos.scheme && <Item k={t('pos_sup_scheme')} v={`${pos.scheme}${pos.secure ? ', secure context' : ', not a secure context'}${pos.pageSpace ? `, ${pos.pageSpace}` : ''}`} />}
        {pos.lna && (
          <Item k={t('pos_sup_lna')} v={`${LNA_NAMES.map((n) => `${n}=${pos.lna![n]}`).join(' ')} (${t('pos_sup_lna_odoo', [ODOO_LNA_NAME])})`} />
        )}
        {pos.odooVersion && <Item k={t('pos_sup_odoo')} v={pos.odooVersion} />}
        {pos.paths.length > 0 && (
          <>
            <dt>{t('pos_sup_path')}</dt>
            <dd>
              {pos.paths.map((p) => (
                <div key={p.deviceId}>{`${p.deviceId}: ${p.path} ${p.url}${p.lna ? ` [${p.lna.name}=${p.lna.state}]` : ''}`}</div>
              ))}
            </dd>
          </>
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
