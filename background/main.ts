import { api } from '../src/platform/api';

api.runtime.onMessage.addListener((msg: unknown, sender, reply) => {
  if (sender.id !== api.runtime.id) return false;
  if ((msg as { type?: string }).type === 'ping') {
    reply({ ok: true, value: { version: api.runtime.getManifest().version } });
  }
  return false;
});
