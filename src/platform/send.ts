import type { MessageType, Request, Response } from '../messages';
import { api } from './api';

/** Sends one typed message to the worker and returns its typed answer. */
export async function send<T extends MessageType>(type: T, req: Omit<Request<T>, 'type'> = {} as Omit<Request<T>, 'type'>): Promise<Response<T>> {
  const res = (await api.runtime.sendMessage({ type, ...req })) as { ok: true; value: Response<T> } | { ok: false; error: string } | undefined;
  if (!res) throw new Error(`No answer to ${type}`);
  if (!res.ok) throw new Error(res.error);
  return res.value;
}
