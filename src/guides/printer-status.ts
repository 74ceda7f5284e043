import type { Guide } from './types';

/** The printer answers but reports paper, cover, offline, device id or mechanical problems. Texts: _locales/en/messages.json, keys g_printer_status_*. */
const guide: Guide = {
  key: 'printer-status',
  title: 'g_printer_status_title',
  intro: 'g_printer_status_intro',
  sections: [
    {
      key: 'g_printer_status_paper',
      steps: [
        { key: 'g_printer_status_paper_open' },
        { key: 'g_printer_status_paper_roll' },
        { key: 'g_printer_status_paper_close' },
        { key: 'g_printer_status_paper_low' },
      ],
    },
    {
      key: 'g_printer_status_cover',
      steps: [
        { key: 'g_printer_status_cover_close' },
        { key: 'g_printer_status_cover_caught' },
      ],
    },
    {
      key: 'g_printer_status_offline',
      steps: [
        { key: 'g_printer_status_offline_lights' },
        { key: 'g_printer_status_offline_fix' },
        { key: 'g_printer_status_offline_restart' },
      ],
    },
    {
      key: 'g_printer_status_jam',
      steps: [
        { key: 'g_printer_status_jam_off' },
        { key: 'g_printer_status_jam_clear' },
        { key: 'g_printer_status_jam_stuck' },
        { key: 'g_printer_status_jam_on' },
      ],
    },
    {
      key: 'g_printer_status_devid',
      steps: [
        { key: 'g_printer_status_devid_why' },
        { key: 'g_printer_status_devid_open', action: 'open-printer' },
        { key: 'g_printer_status_devid_check' },
        { key: 'g_printer_status_devid_save' },
      ],
    },
    {
      key: 'g_printer_status_test',
      steps: [
        { key: 'g_printer_status_test_probe' },
        { key: 'g_printer_status_test_odoo' },
        { key: 'g_printer_status_test_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
