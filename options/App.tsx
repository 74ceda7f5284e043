/**
 * The options page as a pure view of one data object (OptionsModel): it renders what the worker
 * answered and sends actions back. Only what is on screen (which form is open) is its own.
 */
import { useState } from 'preact/hooks';
import { t } from '../src/view/i18n';
import { extensionUrl } from './browser';
import { DeviceList } from './DeviceList';
import { Discovery } from './Discovery';
import type { DeviceKind } from './draft';
import { managedView } from './managed';
import { ManagedAccess, ManagedSection } from './ManagedParts';
import { SettingsForm } from './SettingsForm';
import { Transfer } from './Transfer';
import type { OptionsActions, OptionsModel } from './types';

export function App({ model, actions }: { model: OptionsModel; actions: OptionsActions }) {
  const [editing, setEditing] = useState<{ kind: DeviceKind; index: number | null } | null>(null);
  const c = model.config;
  const managed = managedView(c);
  // The administrator's devices have their own "Allow access" (managed.missingOrigins); this banner is for the user's.
  const missing = c ? [...c.boxes, ...c.printers].filter((d) => model.access[d.id] === false && !managed.device(d.id)) : [];
  return (
    <div class="page">
      <header class="page-head">
        <img src="/store-assets/icons/icon-48.png" width="40" height="40" alt="" />
        <div>
          <h1>{t('opt_title')}</h1>
          <p class="hint">{t('opt_intro')}</p>
        </div>
      </header>
      {!c ? (
        <main>
          <p class={model.loadError ? 'msg msg-error' : 'muted'} role="status">
            {model.loadError ?? t('opt_loading')}
          </p>
        </main>
      ) : (
        <main>
          <ManagedAccess view={managed} onGrant={actions.grantManaged} />
          {missing.length > 1 && (
            <div class="banner" role="region" aria-label={t('opt_access_banner_label')} data-testid="access-banner">
              <p>{t('opt_access_banner', [String(missing.length)])}</p>
              <button type="button" class="primary" data-testid="grant-all" onClick={() => actions.grantAccess(missing.map((d) => d.id))}>
                {t('opt_grant_all', [String(missing.length)])}
              </button>
            </div>
          )}
          <ManagedSection view={managed} />
          <Discovery view={model.discovery} locked={managed.locked} actions={actions} />
          <DeviceList kind="box" devices={c.boxes} managed={managed} model={model} actions={actions} editing={editing} setEditing={setEditing} />
          <DeviceList kind="printer" devices={c.printers} managed={managed} model={model} actions={actions} editing={editing} setEditing={setEditing} />
          <SettingsForm settings={c.settings} managed={managed} actions={actions} />
          <Transfer view={model.importView} hasDevices={c.boxes.length + c.printers.length > 0} locked={managed.locked} actions={actions} />
        </main>
      )}
      <footer class="page-foot">
        <a href={extensionUrl('privacy/index.html')} target="_blank" rel="noopener" data-testid="privacy-link">
          {t('opt_privacy_link')}
        </a>
        <a href={extensionUrl('audit/index.html')} target="_blank" rel="noopener" data-testid="audit-link">
          {t('opt_audit_link')}
        </a>
      </footer>
      <p class={`notice${model.notice ? ` notice-${model.notice.tone}` : ''}`} role="status" aria-live="polite" data-testid="notice">
        {model.notice?.text}
      </p>
    </div>
  );
}
