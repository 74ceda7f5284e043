import type { GuideKey } from '../diagnoses/types';
export type OsId = 'windows' | 'macos' | 'linux' | 'chromeos' | 'android' | 'ios';
export type BrowserId = 'chrome' | 'edge' | 'firefox' | 'safari';
/** Something a step's button does; the view wires it (open a tab on the device, re-check...). */
export type StepAction = 'open-printer' | 'open-box-name' | 'open-box-ip' | 'check-again' | 'copy-report' | 'open-options' | 'pos-allow' | 'pos-add-missing' | 'cert-imported' | 'open-site-settings';
/**
 * One numbered step (its number is its place in the array). `key` is a locale key whose text may
 * use `$1` = the device's address (printer IP, box hostname or IP), nothing else.
 * `warn` marks a step to show as a warning.
 */
export interface GuideStep { key: string; warn?: boolean; action?: StepAction; }
/**
 * A titled group of steps. With `os` / `browser` set it applies to those systems only: shown
 * first when it matches the user's detected system, one click away otherwise (see `sectionsFor`).
 * Without filters it applies to everyone.
 */
export interface GuideSection { key: string; os?: OsId[]; browser?: BrowserId[]; steps: GuideStep[]; }
/** A fix guide; `title`, `intro` and every section and step `key` are locale keys (`g_<guide>_...`). */
export interface Guide { key: GuideKey; title: string; intro: string; sections: GuideSection[]; }
