import { define } from './types';

/** The computer running the POS: its own network, clock and permissions. */
export default define([
  { code: 'PC_OFFLINE', severity: 'error', guide: 'computer-offline', from: ['offline'], facts: [], lab: 'computer-offline' },
  { code: 'PC_CLOCK_WRONG', severity: 'error', guide: 'computer-clock', from: ['cert-date'], facts: ['skewDays'], lab: 'computer-clock' },
  { code: 'NEEDS_PERMISSION', severity: 'error', guide: 'permission', from: ['no-permission'], facts: ['origin'], lab: 'needs-permission' },
  // Decided from the POS tab's LNA permission states (src/pos/judge.ts); origin = the POS site.
  { code: 'LNA_BLOCKED', severity: 'error', guide: 'pos-lna', from: ['lna-blocked'], facts: ['origin'], lab: 'lna-blocked' },
]);
