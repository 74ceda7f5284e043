import type { CertInfo } from '../model';
import { t } from './i18n';

interface Props {
  cert: CertInfo;
  /** Present where the browser gave the certificate itself (Firefox): saves it as a .crt. */
  onDownload?: () => void;
}

/**
 * What the browser showed of a device's certificate: who it names, who signed it, until when,
 * its SHA-256 fingerprint (to compare with the OS import dialog) and whether the browser really
 * trusts it or only lets it through under the user's exception.
 */
export function CertDetails({ cert, onDownload }: Props) {
  const day = (iso?: string): string => (iso ? iso.slice(0, 10) : '—');
  return (
    <section class="cert" data-testid="cert-details" aria-label={t('ui_cert_title')}>
      <h3 class="cert-title">{t('ui_cert_title')}</h3>
      <dl class="cert-facts">
        {cert.subject && (
          <>
            <dt>{t('ui_cert_subject')}</dt>
            <dd>{cert.subject}</dd>
          </>
        )}
        {cert.issuer && (
          <>
            <dt>{t('ui_cert_issuer')}</dt>
            <dd>{cert.issuer}</dd>
          </>
        )}
        <dt>{t('ui_cert_valid')}</dt>
        <dd>
          {day(cert.notBefore)} → {day(cert.notAfter)}
        </dd>
        {cert.sha256 && (
          <>
            <dt>SHA-256</dt>
            <dd class="mono" data-testid="cert-sha256">
              {cert.sha256}
            </dd>
          </>
        )}
        {cert.source === 'browser' && (
          <>
            <dt>{t('ui_cert_trust')}</dt>
            <dd>{t(cert.exception ? 'ui_cert_exception' : 'ui_cert_trusted')}</dd>
          </>
        )}
      </dl>
      {onDownload && (
        <>
          <button type="button" class="step-action" data-testid="download-cert" onClick={onDownload}>
            {t('ui_cert_download')}
          </button>
          <p class="muted small">{t('ui_cert_compare')}</p>
        </>
      )}
    </section>
  );
}
