/**
 * The options page's wiring: ask the worker, ask the browser for permissions, turn the view's
 * actions into messages. The worker validates and stores; this file decides nothing about
 * what a valid device is.
 *
 * Host access is held for exactly the configured devices: asked when a device is saved (in the
 * same click, the browser wants the user's gesture), given back when no device uses the IP any
 * more. Discovery holds "tabs" and the Odoo site only for the time of one reading.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Config } from '../src/model';
import type { ManagedConfig } from '../src/policy/types';
import { configIps, deviceOrigins, originsForInputs, originsToDrop, sitePattern } from '../src/config/permissions';
import { exportDevices, exportFileName, MAX_IMPORT_BYTES } from '../src/config/transfer';
import type { BoxProposal, DiscoverySource, OdooTab, PrinterProposal } from '../src/discovery/types';
import { send } from '../src/platform/send';
import { t, uiLanguage } from '../src/view/i18n';
import { App } from './App';
import { download, permissions } from './browser';
import { configWithDraft, configWithout, problemsAt, settingsOf, warningsById, addressText, type BoxDraft, type DraftProblems, type PrinterDraft } from './draft';
import { isLockedAnswer, isLockedError, LOCKED, managedView, parseSaveErrors as parseErrors, saveErrorText } from './managed';
import type { DiscoveryView, ImportView, OptionsActions, OptionsModel } from './types';
import './options.css';

const uniq = (l: string[]): string[] => [...new Set(l)];
const hostOf = (origin: string): string => {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
};

function Root() {
  const [config, setConfig] = useState<ManagedConfig | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [access, setAccess] = useState<OptionsModel['access']>({});
  const [warnings, setWarnings] = useState<OptionsModel['warnings']>({});
  const [notice, setNotice] = useState<OptionsModel['notice']>();
  const [discovery, setDiscovery] = useState<DiscoveryView>({ step: 'idle' });
  const [importView, setImportView] = useState<ImportView>(null);
  const configRef = useRef<ManagedConfig | null>(null);
  configRef.current = config;
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const say = (text: string, tone: 'ok' | 'warn' | 'error' = 'ok'): void => {
    setNotice({ text, tone, at: Date.now() });
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(undefined), tone === 'ok' ? 6000 : 12000);
  };

  const refreshAccess = async (c: Config): Promise<void> => {
    const entries = await Promise.all([...c.boxes, ...c.printers].map(async (d) => [d.id, await permissions.contains(deviceOrigins(d))] as const));
    setAccess(Object.fromEntries(entries));
  };

  const adopt = (c: ManagedConfig): void => {
    configRef.current = c;
    setConfig(c);
    void refreshAccess(c);
    send('checkConfig', { config: c }).then(
      (check) => setWarnings(warningsById(check, c)),
      () => setWarnings({}),
    );
  };

  /** Asks the worker again: the administrator's part (what is still missing, a lock) is its to tell. */
  const reload = (): Promise<void> => send('getConfig').then(adopt, () => undefined);

  useEffect(() => {
    send('getConfig').then(adopt, () => setLoadError(t('opt_no_worker')));
    return permissions.onChange(() => {
      if (configRef.current?.managed) void reload();
      else if (configRef.current) void refreshAccess(configRef.current);
    });
  }, []);

  /** Origins just granted for a save that did not happen: give back what no saved device uses. */
  const giveBack = async (origins: string[]): Promise<void> => {
    const used = configRef.current ? configIps(configRef.current) : new Set<string>();
    const drop = origins.filter((o) => !used.has(hostOf(o.replace('/*', ''))));
    if (drop.length) await permissions.remove({ origins: drop });
  };

  const actions: OptionsActions = {
    async checkDevice(kind, index, values) {
      const saved = configRef.current!;
      const { config: draft, at } = configWithDraft(saved, kind, index, values);
      return problemsAt(await send('checkConfig', { config: draft }), at);
    },

    saveDevice(kind, index, values, ask) {
      const saved = configRef.current!;
      const inputs = kind === 'box' ? [(values as BoxDraft).address, (values as BoxDraft).ip] : [(values as PrinterDraft).ip];
      const origins = ask ? originsForInputs(inputs) : [];
      // First, synchronously: the permission prompt needs the click's user gesture.
      const granted = origins.length ? permissions.request({ origins }) : Promise.resolve(true);
      return (async (): Promise<DraftProblems | null> => {
        const { config: draft, at } = configWithDraft(saved, kind, index, values);
        const res = await send('saveConfig', { config: draft });
        if (!res.ok) {
          const problems = problemsAt(await send('checkConfig', { config: draft }), at);
          if (!Object.keys(problems.errors).length) problems.errors.form = parseErrors(res.errors);
          if (await granted) await giveBack(origins);
          if (isLockedAnswer(res.errors)) void reload();
          return problems;
        }
        // An edit that changed the address gives the old one back.
        const drop = originsToDrop(saved, res.config);
        if (drop.length) await permissions.remove({ origins: drop });
        const ok = await granted;
        adopt(res.config);
        say(ok ? t('opt_saved') : t('opt_saved_no_access'), ok ? 'ok' : 'warn');
        return null;
      })();
    },

    async removeDevice(kind, index) {
      const saved = configRef.current!;
      const list = kind === 'box' ? saved.boxes : saved.printers;
      const gone = list[index];
      const res = await send('saveConfig', { config: configWithout(saved, kind, index) });
      if (!res.ok) {
        say(t('opt_remove_failed', [saveErrorText(res.errors, t)]), 'error');
        if (isLockedAnswer(res.errors)) void reload();
        return;
      }
      const drop = originsToDrop(saved, res.config);
      if (drop.length) await permissions.remove({ origins: drop });
      adopt(res.config);
      say(t('opt_removed', [gone ? gone.name || addressText(kind, gone) : '']));
    },

    grantAccess(ids) {
      const c = configRef.current!;
      const origins = uniq([...c.boxes, ...c.printers].filter((d) => ids.includes(d.id)).flatMap((d) => deviceOrigins(d)));
      void permissions.request({ origins }).then(async (ok) => {
        await refreshAccess(configRef.current!);
        say(ok ? t('opt_access_granted') : t('opt_access_denied'), ok ? 'ok' : 'warn');
      });
    },

    grantManaged() {
      const origins = managedView(configRef.current).missingOrigins;
      if (!origins.length) return;
      // First, synchronously: the permission prompt needs the click's user gesture.
      const asked = permissions.request({ origins });
      void asked.then(async (ok) => {
        await reload();
        say(ok ? t('opt_access_granted') : t('opt_access_denied'), ok ? 'ok' : 'warn');
      });
    },

    async saveSettings(values) {
      const saved = configRef.current!;
      const next = { ...saved, settings: settingsOf(values) };
      const res = await send('saveConfig', { config: next });
      if (!res.ok) {
        if (isLockedAnswer(res.errors)) void reload();
        const check = await send('checkConfig', { config: next });
        const errors = check.errors.filter((e) => e.field === 'dohUrl' || e.field === 'intervalMinutes');
        return errors.length ? errors : parseErrors(res.errors);
      }
      adopt(res.config);
      say(t('opt_settings_saved'));
      return null;
    },

    exportDevices() {
      const c = configRef.current!;
      download(exportFileName(), exportDevices(c), 'application/json');
      say(t('opt_exported', [String(c.boxes.length + c.printers.length)]));
    },

    importFile(file) {
      void (async () => {
        if (file.size > MAX_IMPORT_BYTES) {
          setImportView({ file: file.name, errors: [{ field: 'file', error: 'import-too-big' }] });
          return;
        }
        let res;
        try {
          res = await send('importDevices', { json: await file.text() });
        } catch (e) {
          // The worker refuses any addition while the administrator locks the list (locked since the page was opened).
          if (isLockedError((e as Error).message)) {
            setImportView({ file: file.name, errors: [{ field: 'file', error: LOCKED }] });
            void reload();
            return;
          }
          say(t('opt_import_error', [(e as Error).message]), 'error');
          return;
        }
        if (!res.ok) {
          setImportView({ file: file.name, errors: res.errors });
          return;
        }
        setImportView({ file: file.name, added: res.added, updated: res.updated, warnings: res.warnings });
        adopt(res.config);
      })();
    },

    findOdooTabs() {
      const asked = permissions.request({ permissions: ['tabs'] });
      setDiscovery({ step: 'asking' });
      void (async () => {
        if (!(await asked)) {
          setDiscovery({ step: 'tabs-denied' });
          return;
        }
        try {
          setDiscovery({ step: 'tabs', tabs: await send('findOdooTabs') });
        } catch (e) {
          setDiscovery({ step: 'failed', detail: (e as Error).message });
        } finally {
          // Seeing every tab's address is needed only for this one look.
          await permissions.remove({ permissions: ['tabs'] });
        }
      })();
    },

    readTab(tab: OdooTab) {
      const tabs = 'tabs' in discovery ? discovery.tabs : [tab];
      const pattern = sitePattern(tab.origin);
      const asked = pattern ? permissions.request({ origins: [pattern] }) : Promise.resolve(false);
      setDiscovery({ step: 'reading', tabs, tab });
      void (async () => {
        if (!(await asked)) {
          setDiscovery({ step: 'read', tabs, tab, result: { ok: false, error: 'no-access' } });
          return;
        }
        let result;
        try {
          result = await send('discoverFromTab', { tabId: tab.tabId });
        } catch (e) {
          result = { ok: false as const, error: 'failed' as const, detail: (e as Error).message };
        }
        // The Odoo site was needed for this one reading: give it back unless a device lives there.
        if (pattern) await giveBack([pattern]);
        setDiscovery({ step: 'read', tabs, tab, result });
      })();
    },

    addDiscovered(boxes: BoxProposal[], printers: PrinterProposal[]) {
      if (discovery.step !== 'read') return;
      const saved = configRef.current!;
      const receiptName = (sources: DiscoverySource[]): string | undefined => {
        const pos = sources.find((s) => s.model === 'pos.config' && s.name);
        return pos ? t('opt_discover_receipt_name', [pos.name]).slice(0, 60) : undefined;
      };
      const newBoxes = boxes.flatMap((b) => (b.config ? [b.config] : []));
      const newPrinters = printers.flatMap((p) => (p.config ? [{ ...p.config, ...(p.config.name ? {} : { name: receiptName(p.sources) }) }] : []));
      const origins = uniq([...newBoxes, ...newPrinters].flatMap((d) => deviceOrigins(d)));
      const asked = origins.length ? permissions.request({ origins }) : Promise.resolve(true);
      const before = discovery;
      setDiscovery({ ...before, step: 'adding' });
      void (async () => {
        const res = await send('saveConfig', { config: { ...saved, boxes: [...saved.boxes, ...newBoxes], printers: [...saved.printers, ...newPrinters] } });
        const ok = await asked;
        if (!res.ok) {
          if (ok) await giveBack(origins);
          setDiscovery(before);
          say(t('opt_discover_add_failed', [saveErrorText(res.errors, t)]), 'error');
          if (isLockedAnswer(res.errors)) void reload();
          return;
        }
        adopt(res.config);
        setDiscovery({ step: 'idle' });
        const n = String(newBoxes.length + newPrinters.length);
        say(ok ? t('opt_discover_added', [n]) : `${t('opt_discover_added', [n])} ${t('opt_saved_no_access')}`, ok ? 'ok' : 'warn');
      })();
    },

    closeDiscovery() {
      setDiscovery({ step: 'idle' });
    },
  };

  const model: OptionsModel = { config, access, warnings, discovery, importView, ...(loadError ? { loadError } : {}), ...(notice ? { notice } : {}) };
  return <App model={model} actions={actions} />;
}

document.documentElement.lang = uiLanguage();
document.title = t('opt_page_title');
render(<Root />, document.getElementById('app')!);
