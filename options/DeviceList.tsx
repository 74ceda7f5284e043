import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoxConfig, PrinterConfig } from '../src/model';
import { t } from '../src/view/i18n';
import { addressText, type DeviceKind } from './draft';
import { DeviceForm } from './DeviceForm';
import { AdminBadge } from './ManagedParts';
import type { ManagedView } from './managed';
import { problemText } from './problems';
import type { OptionsActions, OptionsModel } from './types';

interface Props {
  kind: DeviceKind;
  devices: Array<BoxConfig | PrinterConfig>;
  /** What the administrator sets: their devices are read-only, a locked list takes no new one. */
  managed: ManagedView;
  model: OptionsModel;
  actions: OptionsActions;
  /** Which form is open on the page (one at a time). */
  editing: { kind: DeviceKind; index: number | null } | null;
  setEditing(e: { kind: DeviceKind; index: number | null } | null): void;
}

/** One list (boxes or printers): rows with their access state, the add/edit form in place. */
export function DeviceList({ kind, devices, managed, model, actions, editing, setEditing }: Props) {
  const addRef = useRef<HTMLButtonElement>(null);
  const formOpen = editing?.kind === kind;
  const headId = `${kind}-head`;
  const close = (): void => {
    setEditing(null);
    setTimeout(() => addRef.current?.focus(), 0);
  };
  return (
    <section class="card" aria-labelledby={headId} data-testid={`${kind}-section`}>
      <div class="card-head">
        <h2 id={headId}>{t(kind === 'box' ? 'opt_boxes_title' : 'opt_printers_title')}</h2>
        <p class="hint">{t(kind === 'box' ? 'opt_boxes_hint' : 'opt_printers_hint')}</p>
      </div>
      {devices.length ? (
        <ul class="devices">
          {devices.map((d, i) =>
            formOpen && editing?.index === i ? (
              <li key={d.id} class="device editing">
                <DeviceForm kind={kind} index={i} device={d} actions={actions} onDone={close} />
              </li>
            ) : (
              <DeviceRow key={d.id} kind={kind} device={d} index={i} managed={managed.device(d.id)} model={model} actions={actions} onEdit={() => setEditing({ kind, index: i })} busy={formOpen} />
            ),
          )}
        </ul>
      ) : (
        !formOpen && <p class="empty">{t(managed.locked ? (kind === 'box' ? 'opt_boxes_empty_locked' : 'opt_printers_empty_locked') : kind === 'box' ? 'opt_boxes_empty' : 'opt_printers_empty')}</p>
      )}
      {formOpen && editing?.index === null ? (
        <DeviceForm kind={kind} index={null} actions={actions} onDone={close} />
      ) : (
        <div class="add-row">
          <button ref={addRef} type="button" class="add" data-testid={`add-${kind}`} disabled={formOpen || managed.locked} aria-describedby={managed.locked ? `${kind}-locked` : undefined} onClick={() => setEditing({ kind, index: null })}>
            <span aria-hidden="true">+ </span>
            {t(kind === 'box' ? 'opt_add_box' : 'opt_add_printer')}
          </button>
          {managed.locked && (
            <p id={`${kind}-locked`} class="hint" data-testid="locked-hint">
              {t('opt_locked_hint')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function DeviceRow({ kind, device, index, managed, model, actions, onEdit, busy }: { kind: DeviceKind; device: BoxConfig | PrinterConfig; index: number; managed: boolean; model: OptionsModel; actions: OptionsActions; onEdit(): void; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const address = addressText(kind, device);
  const label = device.name || address;
  const access = model.access[device.id];
  const devid = kind === 'printer' ? (device as PrinterConfig).deviceId : undefined;
  const warnings = model.warnings[device.id] ?? [];
  return (
    <li class={`device${managed ? ' device-managed' : ''}`} data-testid={`device-${device.id}`} data-access={access === undefined ? 'unknown' : access ? 'granted' : 'missing'} data-managed={managed ? 'true' : undefined}>
      <div class="device-main">
        {managed ? (
          <span class="device-title">
            <span class="device-name">{label}</span>
            <AdminBadge />
          </span>
        ) : (
          <span class="device-name">{label}</span>
        )}
        {device.name && <span class="device-addr mono">{address}</span>}
        {devid && <span class="device-extra">{t('opt_devid_label', [devid])}</span>}
        {warnings.map((w) => (
          <p class="msg msg-warn">
            <span class="msg-icon" aria-hidden="true">!</span>
            <span>{problemText(w, t)}</span>
          </p>
        ))}
      </div>
      <div class="device-access">
        {access === true && (
          <span class="badge badge-ok">
            <span aria-hidden="true">✓ </span>
            {t('opt_access_ok')}
          </span>
        )}
        {access === false && (
          <>
            <span class="badge badge-warn" title={t('opt_access_missing_long')}>
              <span aria-hidden="true">! </span>
              {t('opt_access_missing')}
            </span>
            {/* The administrator's devices: one "Allow access" above asks for all of them. */}
            {!managed && (
              <button type="button" class="small primary" data-testid="grant" aria-label={t('opt_grant_for', [label])} onClick={() => actions.grantAccess([device.id])}>
                {t('opt_grant')}
              </button>
            )}
          </>
        )}
      </div>
      <div class="device-actions">
        {managed ? null : confirming ? (
          <>
            <span class="confirm-text">{t('opt_remove_confirm', [label])}</span>
            <button
              ref={confirmRef}
              type="button"
              class="small danger"
              data-testid="confirm-remove"
              disabled={removing}
              onClick={() => {
                setRemoving(true);
                void actions.removeDevice(kind, index).finally(() => setRemoving(false));
              }}
            >
              {t('opt_remove_yes')}
            </button>
            <button type="button" class="small" onClick={() => setConfirming(false)}>
              {t('opt_cancel')}
            </button>
          </>
        ) : (
          <>
            <button type="button" class="small" data-testid="edit" disabled={busy} aria-label={t('opt_edit_named', [label])} onClick={onEdit}>
              {t('opt_edit')}
            </button>
            <button type="button" class="small" data-testid="remove" disabled={busy} aria-label={t('opt_remove_named', [label])} onClick={() => setConfirming(true)}>
              {t('opt_remove')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
