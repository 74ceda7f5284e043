import { padlockSeverity } from '../src/diagnoses/padlock';
import { guideKeyOf } from '../src/view/diagnosis-text';
import { certNote, eposText, padlockKey, type AuditRow, type SortDir, type SortKey } from '../src/view/audit-rows';
import { t } from '../src/view/i18n';
import { dateOnly, dateTime } from './format';

interface Props {
  rows: AuditRow[];
  sort: { key: SortKey; dir: SortDir };
  onSort(sort: { key: SortKey; dir: SortDir }): void;
  /** The browser id the worker detected (what it can tell of certificates). */
  browser: string;
  lang: string;
  onGuide(id: string): void;
}

/** Column heading -> what it sorts by (null: not sortable). */
const COLUMNS: [string, SortKey | null][] = [
  ['audit_col_name', 'name'],
  ['audit_col_ip', 'ip'],
  ['audit_col_hostname', 'hostname'],
  ['audit_col_padlock', 'padlock'],
  ['audit_col_certificate', 'subject'],
  ['audit_col_validity', 'notAfter'],
  ['audit_col_sha256', null],
  ['audit_col_epos', 'epos'],
  ['audit_col_last_change', 'lastChange'],
  ['audit_col_fix', null],
];

/** Text that may wrap only after `sep` (fingerprints at their colons, names at their dots). */
function breakable(text: string, sep: string) {
  const parts = text.split(sep);
  return parts.map((part, i) => (i < parts.length - 1 ? [part + sep, <wbr key={i} />] : part));
}

export function AuditTable({ rows, sort, onSort, browser, lang, onGuide }: Props) {
  // Chromium never tells an extension a fingerprint: no empty column then.
  const showSha = rows.some((r) => r.cert?.sha256);
  const columns = COLUMNS.filter(([label]) => showSha || label !== 'audit_col_sha256');
  return (
    // A wide table scrolls on its own; the region is focusable so keyboards can scroll it too.
    <div class="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table class="audit-table" data-testid="audit-table">
        <caption id="audit-caption" class="sr-only">
          {t('audit_table_caption')}
        </caption>
        <thead>
          <tr>
            {columns.map(([label, key]) => {
              const active = key !== null && sort.key === key;
              return (
                <th key={label} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} class={label === 'audit_col_fix' ? 'no-print' : undefined}>
                  {key ? (
                    <button type="button" class="sort" title={t('audit_sort_hint')} data-sort={key} onClick={() => onSort({ key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}>
                      {t(label)}
                      <span class={`arrow${active ? ' on' : ''}`} aria-hidden="true">
                        {active && sort.dir === 'desc' ? '▼' : '▲'}
                      </span>
                    </button>
                  ) : (
                    t(label)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} row={r} browser={browser} lang={lang} showSha={showSha} onGuide={onGuide} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ row, browser, lang, showSha, onGuide }: { row: AuditRow; browser: string; lang: string; showSha: boolean; onGuide(id: string): void }) {
  const d = row.diagnosis;
  const note = certNote(row, browser);
  const c = row.cert;
  const guide = d ? guideKeyOf(d) : null;
  return (
    <tr data-testid={`audit-row-${row.id}`} data-padlock={row.padlock ?? ''} data-code={d?.code ?? ''} data-state={row.state} class={row.state === 'checking' ? 'stale' : undefined}>
      <th scope="row" class="name">
        <span class="device-name">{row.name}</span>
        <span class="kind">{t(`kind_${row.kind}`)}</span>
        {row.state === 'checking' && (
          <span class="checking">
            <span class="spinner" aria-hidden="true" />
            {t('audit_checking')}
          </span>
        )}
      </th>
      <td class="mono">{row.ip}</td>
      <td class="mono host">{breakable(row.hostname, '.')}</td>
      <td>
        {row.padlock ? (
          <span class={`pad pad-${padlockSeverity(row.padlock)}`} data-testid="padlock">
            {t(padlockKey(row.padlock))}
          </span>
        ) : (
          <span class="muted">{t('audit_not_checked')}</span>
        )}
      </td>
      <td class="cert">
        {c?.subject && <span class="mono">{c.subject}</span>}
        {c?.issuer && (
          <span class="issuer">
            <span class="muted">{t('audit_col_issuer')}: </span>
            <span class="mono">{c.issuer}</span>
          </span>
        )}
        {note && <span class="muted na">{t(note)}</span>}
      </td>
      <td class="dates">
        {c?.notBefore && <span>{dateOnly(c.notBefore, lang)} –</span>}
        {c?.notAfter && <span>{dateOnly(c.notAfter, lang)}</span>}
      </td>
      {showSha && <td class="mono sha">{breakable(c?.sha256 ?? '', ':')}</td>}
      <td>{eposText(row, t)}</td>
      <td class="change">
        {row.lastChange && (
          <>
            <span>{dateTime(row.lastChange.at, lang)}</span>
            <span class="muted">{row.lastChange.from ? t('audit_was', [row.lastChange.from]) : t('audit_unchanged')}</span>
          </>
        )}
      </td>
      <td class="no-print">
        {guide && (
          <button type="button" class="link" data-testid="fix" aria-label={t('audit_fix_for', [row.name])} onClick={() => onGuide(row.id)}>
            {t('audit_fix')}
          </button>
        )}
      </td>
    </tr>
  );
}
