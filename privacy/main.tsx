/**
 * The privacy statement inside the extension (PRIVACY.md says the same for the stores). Texts
 * are `privacy_*` in _locales/<lang>/privacy.json; the only live value is the resolver the
 * options hold now, asked from the worker.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '../src/model';
import { api } from '../src/platform/api';
import { send } from '../src/platform/send';
import { t, uiLanguage } from '../src/view/i18n';
import './privacy.css';

/** undefined while asking, null when the worker did not answer. */
type DohSetting = string | null | undefined;

function DohNow({ url }: { url: DohSetting }) {
  if (url === undefined || url === null) return null;
  return <span>{url ? t('privacy_doh_now', [url]) : t('privacy_doh_off')}</span>;
}

function Privacy() {
  const [doh, setDoh] = useState<DohSetting>(undefined);
  useEffect(() => {
    send('getConfig').then(
      (c) => setDoh(c.settings.dohUrl),
      () => setDoh(null),
    );
  }, []);
  return (
    <>
      <h1>
        <img src="../store-assets/icons/icon-128.png" alt="" />
        {t('privacy_title')}
      </h1>
      <p>{t('privacy_intro')}</p>

      <h2>{t('privacy_contacts_h')}</h2>
      <ul>
        <li>{t('privacy_contacts_box')}</li>
        <li>{t('privacy_contacts_printers')}</li>
      </ul>
      <p>{t('privacy_contacts_when')}</p>

      <h2>{t('privacy_outside_h')}</h2>
      <p>{t('privacy_outside_what', [DEFAULT_SETTINGS.dohUrl])}</p>
      <ul>
        <li>{t('privacy_outside_name')}</li>
        <li>{t('privacy_outside_clock')}</li>
      </ul>
      <p>{t('privacy_outside_seen')}</p>
      <p class="setting" data-testid="doh-setting">
        <DohNow url={doh} />
        <button type="button" onClick={() => void api.runtime.openOptionsPage()}>
          {t('privacy_change')}
        </button>
      </p>

      <h2>{t('privacy_stored_h')}</h2>
      <ul>
        <li>{t('privacy_stored_devices')}</li>
        <li>{t('privacy_stored_results')}</li>
        <li>{t('privacy_stored_certs')}</li>
        <li>{t('privacy_stored_notified')}</li>
        <li>{t('privacy_stored_pos')}</li>
      </ul>
      <p>{t('privacy_stored_where')}</p>

      <h2>{t('privacy_discovery_h')}</h2>
      <p>{t('privacy_discovery')}</p>

      <h2>{t('privacy_pos_h')}</h2>
      <p>{t('privacy_pos')}</p>

      <h2>{t('privacy_reports_h')}</h2>
      <p>{t('privacy_reports')}</p>
      <p class="muted">{t('privacy_links')}</p>
    </>
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('privacy_title');
render(<Privacy />, document.getElementById('app')!);
