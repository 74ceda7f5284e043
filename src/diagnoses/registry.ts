import type { DiagnosisDef } from './types';
import boxReach from './box-reach';
import boxDns from './box-dns';
import boxCert from './box-cert';
import printerCert from './printer-cert';
import printerStatus from './printer-status';
import printerReach from './printer-reach';
import computer from './computer';
import generic from './generic';
import pos from './pos';
import certImported from './cert-imported';

/** Every diagnosis, keyed by code. Families live in one file each beside this one. */
export const DIAGNOSES: ReadonlyMap<string, DiagnosisDef> = new Map(
  [boxReach, boxDns, boxCert, printerCert, printerStatus, printerReach, computer, generic, pos, certImported]
    .flat()
    .map((d) => [d.code, d]),
);

export function diagnosis(code: string): DiagnosisDef {
  const def = DIAGNOSES.get(code);
  if (!def) throw new Error(`Unknown diagnosis code ${code}`);
  return def;
}
