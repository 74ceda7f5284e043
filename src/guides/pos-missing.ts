import type { Guide } from './types';

/** Devices the POS uses that IoT Doctor does not check yet: add them in one click. Texts: _locales/en/messages.json, keys g_pos_missing_*. */
const guide: Guide = {
  key: 'pos-missing',
  title: 'g_pos_missing_title',
  intro: 'g_pos_missing_intro',
  sections: [
    {
      key: 'g_pos_missing_add',
      steps: [
        { key: 'g_pos_missing_add_click', action: 'pos-add-missing' },
        { key: 'g_pos_missing_add_box' },
        { key: 'g_pos_missing_add_options', action: 'open-options' },
        { key: 'g_pos_missing_add_policy' },
        { key: 'g_pos_missing_add_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
