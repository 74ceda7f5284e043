import { define } from './types';

/** When a device answers something we cannot read, or the browser says something we do not know. */
export default define([
  { code: 'UNEXPECTED_ANSWER', severity: 'error', guide: 'support', from: [], facts: ['detail'], lab: 'printer-garbage' },
  { code: 'UNKNOWN_ERROR', severity: 'error', guide: 'support', from: ['unknown'], facts: ['raw'], lab: 'unknown-error' },
]);
