import type { Guide } from './types';

/** The computer's clock is wrong: every certificate looks expired. Texts: _locales/en/messages.json, keys g_computer_clock_*. */
const guide: Guide = {
  key: 'computer-clock',
  title: 'g_computer_clock_title',
  intro: 'g_computer_clock_intro',
  sections: [
    {
      key: 'g_computer_clock_windows',
      os: ['windows'],
      steps: [
        { key: 'g_computer_clock_windows_open' },
        { key: 'g_computer_clock_windows_auto' },
        { key: 'g_computer_clock_windows_sync' },
      ],
    },
    {
      key: 'g_computer_clock_macos',
      os: ['macos'],
      steps: [
        { key: 'g_computer_clock_macos_open' },
        { key: 'g_computer_clock_macos_auto' },
      ],
    },
    {
      key: 'g_computer_clock_linux',
      os: ['linux'],
      steps: [
        { key: 'g_computer_clock_linux_open' },
        { key: 'g_computer_clock_linux_auto' },
        { key: 'g_computer_clock_linux_cli' },
      ],
    },
    {
      key: 'g_computer_clock_chromeos',
      os: ['chromeos'],
      steps: [
        { key: 'g_computer_clock_chromeos_online' },
        { key: 'g_computer_clock_chromeos_zone' },
      ],
    },
    {
      key: 'g_computer_clock_android',
      os: ['android'],
      steps: [
        { key: 'g_computer_clock_android_open' },
        { key: 'g_computer_clock_android_auto' },
      ],
    },
    {
      key: 'g_computer_clock_ios',
      os: ['ios'],
      steps: [
        { key: 'g_computer_clock_ios_open' },
        { key: 'g_computer_clock_ios_auto' },
      ],
    },
    {
      key: 'g_computer_clock_after',
      steps: [
        { key: 'g_computer_clock_after_reload' },
        { key: 'g_computer_clock_after_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
