import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoxConfig, PrinterConfig } from '../src/model';
import { t } from '../src/view/i18n';
import { addressText, boxDraftOf, hasErrors, printerDraftOf, type BoxDraft, type DeviceKind, type DraftProblems, type DraftValues, type PrinterDraft } from './draft';
import { Field } from './Field';
import { Why } from './Why';
import { problemText } from './problems';
import type { OptionsActions } from './types';

interface Props {
  kind: DeviceKind;
  /** null: a new device. */
  index: number | null;
  device?: BoxConfig | PrinterConfig | undefined;
  actions: Pick<OptionsActions, 'checkDevice' | 'saveDevice'>;
  onDone(saved: boolean): void;
}

/**
 * Adds or edits one device. Every change is checked by the worker (debounced); problems show
 * once an input was left or Save was pressed. Save asks for the device's host access in the
 * same click, with the reason written next to the button.
 */
export function DeviceForm({ kind, index, device, actions, onDone }: Props) {
  const [values, setValues] = useState<DraftValues>(() => (kind === 'box' ? boxDraftOf(device as BoxConfig | undefined) : printerDraftOf(device as PrinterConfig | undefined)));
  const [problems, setProblems] = useState<DraftProblems | null>(null);
  /** The values `problems` was answered for: a stale answer must not decide anything. */
  const checkedFor = useRef<DraftValues | null>(null);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const seq = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);
  const id = `${kind}-form`;

  useEffect(() => {
    const n = ++seq.current;
    const timer = setTimeout(() => {
      actions.checkDevice(kind, index, values).then(
        (p) => {
          if (n !== seq.current) return;
          checkedFor.current = values;
          setProblems(p);
        },
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [values]);

  const set = (k: string, v: string): void => setValues({ ...values, [k]: v } as DraftValues);
  const show = (k: string): boolean => submitted || !!touched[k];
  const leave = (k: string) => () => setTouched({ ...touched, [k]: true });

  const submit = (e: Event): void => {
    e.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setSaving(true);
    // No await before this call: it asks for the host permission inside the user's gesture.
    // It asks unless the values are known to be wrong (a failed save gives the access back).
    const knownWrong = checkedFor.current === values && hasErrors(problems);
    const pending = actions.saveDevice(kind, index, values, !knownWrong);
    seq.current++;
    pending.then(
      (p) => {
        setSaving(false);
        if (p) {
          checkedFor.current = values;
          setProblems(p);
          formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
        } else onDone(true);
      },
      () => setSaving(false),
    );
  };

  const box = values as BoxDraft;
  const printer = values as PrinterDraft;
  const typed = (kind === 'box' ? box.address : printer.ip).trim();
  const preview = problems?.preview ? addressText(kind, problems.preview) : '';
  const previewDevId = kind === 'printer' && problems?.preview ? ((problems.preview as PrinterConfig).deviceId ?? 'local_printer') : '';
  const formErrors = submitted ? (problems?.errors.form ?? []) : [];
  const title = t(index === null ? (kind === 'box' ? 'opt_add_box' : 'opt_add_printer') : kind === 'box' ? 'opt_edit_box' : 'opt_edit_printer');

  return (
    <form ref={formRef} class="device-form" aria-labelledby={`${id}-title`} data-testid={`${kind}-form`} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone(false)} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      {kind === 'box' ? (
        <>
          <Field id={`${id}-address`} testid="input-address" label={t('opt_field_box_address')} hint={t('opt_field_box_address_hint')} placeholder="192-168-1-5.abcd1234.odoo-iot.com" mono required autoFocus value={box.address} onInput={(v) => set('address', v)} onBlur={leave('address')} show={show('address')} errors={problems?.errors.address} warnings={problems?.warnings.address} />
          <Field id={`${id}-ip`} testid="input-ip" label={t('opt_field_box_ip')} hint={t('opt_field_box_ip_hint')} placeholder="192.168.1.5" inputMode="decimal" mono value={box.ip} onInput={(v) => set('ip', v)} onBlur={leave('ip')} show={show('ip')} errors={problems?.errors.ip} warnings={problems?.warnings.ip} />
        </>
      ) : (
        <Field id={`${id}-ip`} testid="input-ip" label={t('opt_field_printer_ip')} hint={t('opt_field_printer_ip_hint')} placeholder="192.168.1.50" mono required autoFocus value={printer.ip} onInput={(v) => set('ip', v)} onBlur={leave('ip')} show={show('ip')} errors={problems?.errors.ip} warnings={problems?.warnings.ip} />
      )}
      <Field id={`${id}-name`} testid="input-name" label={t('opt_field_name')} hint={t(kind === 'box' ? 'opt_field_name_hint_box' : 'opt_field_name_hint_printer')} value={values.name} onInput={(v) => set('name', v)} onBlur={leave('name')} show={show('name')} errors={problems?.errors.name} />
      {kind === 'printer' && (
        <Field id={`${id}-devid`} testid="input-devid" label={t('opt_field_devid')} hint={t('opt_field_devid_hint')} placeholder="local_printer" mono value={printer.deviceId} onInput={(v) => set('deviceId', v)} onBlur={leave('deviceId')} show={show('deviceId')} errors={problems?.errors.deviceId} />
      )}
      {preview && typed && preview !== typed && (
        <p class="preview" data-testid="preview">
          {t('opt_saved_as', [kind === 'printer' && previewDevId !== 'local_printer' ? `${preview} (${previewDevId})` : preview])}
        </p>
      )}
      {formErrors.map((e) => (
        <p class="msg msg-error" role="alert">
          <span class="msg-icon" aria-hidden="true">✕</span>
          <span>{problemText(e, t)}</span>
        </p>
      ))}
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="save-device" aria-describedby={`${id}-why`} disabled={saving}>
          {t(saving ? 'opt_saving' : 'opt_save')}
        </button>
        <button type="button" data-testid="cancel-device" onClick={() => onDone(false)}>
          {t('opt_cancel')}
        </button>
        <Why id={`${id}-why`} text={t('opt_perm_explain')} />
      </div>
    </form>
  );
}
