import type { Guide } from './types';

/** Odoo set to Local Network Access in a browser without it (Firefox, Safari, iOS): certificates are needed. Texts: _locales/en/messages.json, keys g_pos_certificates_*. */
const guide: Guide = {
  key: 'pos-certificates',
  title: 'g_pos_certificates_title',
  intro: 'g_pos_certificates_intro',
  sections: [
    {
      key: 'g_pos_certificates_choose',
      steps: [
        { key: 'g_pos_certificates_choose_trust' },
        { key: 'g_pos_certificates_choose_chrome' },
        { key: 'g_pos_certificates_choose_ios' },
        { key: 'g_pos_certificates_choose_box' },
        { key: 'g_pos_certificates_choose_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
