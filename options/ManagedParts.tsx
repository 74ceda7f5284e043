import { t } from '../src/view/i18n';
import { hiddenReason, issueText, type ManagedView } from './managed';
import { Why } from './Why';

/** The mark of what the administrator's policy sets (a device row, a setting's label). */
export function AdminBadge() {
  return (
    <span class="badge badge-admin" data-testid="managed-badge">
      <svg class="badge-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M8 0 1.5 2.5v5C1.5 11.6 4.3 15 8 16c3.7-1 6.5-4.4 6.5-8.5v-5L8 0Zm0 1.6 5 1.9v4c0 3.3-2.1 6.1-5 7-2.9-.9-5-3.7-5-7v-4l5-1.9Z" />
      </svg>
      {t('opt_managed_badge')}
    </span>
  );
}

const hostOf = (origin: string): string => {
  try {
    return new URL(origin.replace('/*', '/')).hostname;
  } catch {
    return origin;
  }
};

/** No policy can grant optional host access: one click asks for every address the administrator's devices need. */
export function ManagedAccess({ view, onGrant }: { view: ManagedView; onGrant(): void }) {
  if (!view.missingOrigins.length) return null;
  const hosts = [...new Set(view.missingOrigins.map(hostOf))];
  return (
    <div class="banner" role="region" aria-label={t('opt_managed_access_label')} data-testid="managed-access">
      <p>{t('opt_managed_access', [hosts.join(', ')])}</p>
      <button type="button" class="primary" data-testid="grant-managed" aria-describedby="managed-access-why" onClick={onGrant}>
        {t('opt_managed_allow')}
      </button>
      <Why id="managed-access-why" text={t('opt_managed_access_why')} />
    </div>
  );
}

/** What the administrator decided: the lock, the user's devices it hides, and what in the policy was wrong. */
export function ManagedSection({ view }: { view: ManagedView }) {
  if (!view.present) return null;
  return (
    <section class="card admin" aria-labelledby="admin-head" data-testid="managed">
      <div class="card-head">
        <h2 id="admin-head">{t('opt_managed_title')}</h2>
        <p class="hint">{t('opt_managed_intro')}</p>
      </div>
      {view.locked && (
        <p class="msg msg-info" data-testid="locked-note">
          <span class="msg-icon" aria-hidden="true">
            i
          </span>
          <span>{t('opt_managed_locked')}</span>
        </p>
      )}
      {view.hidden.length > 0 && (
        <div class="admin-part" data-testid="hidden-devices">
          <h3 id="hidden-head">{t('opt_hidden_title')}</h3>
          <p class="hint">{t('opt_hidden_hint')}</p>
          <ul class="plain-list" aria-labelledby="hidden-head">
            {view.hidden.map((h) => (
              <li key={h.id} data-id={h.id} data-reason={h.reason}>
                <span class="device-name">{h.label}</span>
                <span class="muted"> – {hiddenReason(h, t)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.issues.length > 0 && (
        <div class="admin-part" data-testid="policy-issues">
          <h3 id="issues-head">{t('opt_issues_title', [String(view.issues.length)])}</h3>
          <p class="hint">{t('opt_issues_hint')}</p>
          <ul class="plain-list issues" aria-labelledby="issues-head">
            {view.issues.map((issue) => {
              const { place, problem, outcome } = issueText(issue, t);
              return (
                <li data-field={issue.field} data-code={issue.error} data-ignored={String(issue.ignored)}>
                  <span class={`pill ${issue.ignored ? 'pill-out' : 'pill-in'}`}>{outcome}</span> <strong>{place}</strong>: {problem}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
