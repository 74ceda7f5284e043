import { describe, expect, it } from 'vitest';
import { HostQueue } from '../../src/probes/host-queue';

describe('one request at a time per device', () => {
  it('serializes per host and runs hosts in parallel', async () => {
    const q = new HostQueue(5);
    let inFlight = 0;
    let max = 0;
    const order: string[] = [];
    const task = (name: string) => async () => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      order.push(name);
      inFlight--;
      return name;
    };
    const a = Promise.all([q.run('a', task('a1')), q.run('a', task('a2')), q.run('a', task('a3'))]);
    await a;
    expect(max).toBe(1);
    expect(order).toEqual(['a1', 'a2', 'a3']);
    inFlight = 0;
    max = 0;
    await Promise.all([q.run('x', task('x')), q.run('y', task('y'))]);
    expect(max).toBe(2);
  });
  it('a failing task does not block the next one', async () => {
    const q = new HostQueue(0);
    await expect(q.run('a', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(q.run('a', async () => 'next')).resolves.toBe('next');
  });
});
