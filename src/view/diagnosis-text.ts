import type { DeviceDiagnosis } from '../model';
import { DIAGNOSES } from '../diagnoses/registry';
import type { GuideKey } from '../diagnoses/types';
import { factValues } from '../report/sanitize';
import { displayFact } from './format';
import type { Translate } from './i18n';

export interface DiagnosisTexts {
  verdict: string;
  explain: string;
  action: string;
}

/** The three texts of a diagnosis, its facts quoted in the registry's order. */
export function diagnosisTexts(d: Pick<DeviceDiagnosis, 'code' | 'facts'>, t: Translate, lang: string): DiagnosisTexts {
  const subs = factValues(d).map((v) => displayFact(v, lang));
  return {
    verdict: t(`dx_${d.code}_verdict`, subs),
    explain: t(`dx_${d.code}_explain`, subs),
    action: t(`dx_${d.code}_action`, subs),
  };
}

/** The fix guide of a code; an unknown code (newer worker) that is not ok goes to the support guide. */
export function guideKeyOf(d: Pick<DeviceDiagnosis, 'code' | 'severity'>): GuideKey | null {
  const def = DIAGNOSES.get(d.code);
  if (def) return def.guide;
  return d.severity === 'ok' ? null : 'support';
}
