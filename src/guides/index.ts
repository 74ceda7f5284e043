import type { GuideKey } from '../diagnoses/types';
import type { Guide, GuideSection } from './types';
import dnsRebinding from './dns-rebinding';
import boxName from './box-name';
import boxCertificate from './box-certificate';
import boxStaleName from './box-stale-name';
import boxUnreachable from './box-unreachable';
import printerCertificate from './printer-certificate';
import printerStatus from './printer-status';
import printerUnreachable from './printer-unreachable';
import computerOffline from './computer-offline';
import computerClock from './computer-clock';
import permission from './permission';
import support from './support';
import posAccess from './pos-access';
import posHttps from './pos-https';
import posCertificates from './pos-certificates';
import posPrinterAddress from './pos-printer-address';
import posBoxAddress from './pos-box-address';
import posMissing from './pos-missing';
import certImported from './cert-imported';
import posLna from './pos-lna';

export type { BrowserId, Guide, GuideSection, GuideStep, OsId, StepAction } from './types';

/** Every fix guide, by the key that the diagnosis registry names. */
export const GUIDES: Record<GuideKey, Guide> = {
  'dns-rebinding': dnsRebinding,
  'box-name': boxName,
  'box-certificate': boxCertificate,
  'box-stale-name': boxStaleName,
  'box-unreachable': boxUnreachable,
  'printer-certificate': printerCertificate,
  'printer-status': printerStatus,
  'printer-unreachable': printerUnreachable,
  'computer-offline': computerOffline,
  'computer-clock': computerClock,
  permission,
  support,
  'pos-access': posAccess,
  'pos-https': posHttps,
  'pos-certificates': posCertificates,
  'pos-printer-address': posPrinterAddress,
  'pos-box-address': posBoxAddress,
  'pos-missing': posMissing,
  'cert-imported': certImported,
  'pos-lna': posLna,
};

/** Every locale key a guide uses, in reading order: title, intro, then each section and its steps. */
export function guideMessageKeys(guide: Guide): string[] {
  return [guide.title, guide.intro, ...guide.sections.flatMap((s) => [s.key, ...s.steps.map((st) => st.key)])];
}

/** Whether a section applies to this system (unfiltered sections apply everywhere). */
export function sectionMatches(section: GuideSection, os?: string, browser?: string): boolean {
  const osOk = !section.os || (os !== undefined && (section.os as string[]).includes(os));
  const browserOk = !section.browser || (browser !== undefined && (section.browser as string[]).includes(browser));
  return osOk && browserOk;
}

/**
 * Splits a guide's sections for the detected system: `shown` = the sections that apply (the
 * unfiltered ones and the matching filtered ones), `other` = the filtered ones for other systems,
 * to keep one click away. Both keep the guide's order, which is the order of the procedure.
 */
export function sectionsFor(guide: Guide, os?: string, browser?: string): { shown: GuideSection[]; other: GuideSection[] } {
  const shown: GuideSection[] = [];
  const other: GuideSection[] = [];
  for (const s of guide.sections) (sectionMatches(s, os, browser) ? shown : other).push(s);
  return { shown, other };
}
