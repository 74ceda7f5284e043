/**
 * At most one request at a time per device, with a pause between two requests to the same
 * device: Epson printers wedge when hammered. Different devices run in parallel.
 */
export class HostQueue {
  private tails = new Map<string, Promise<unknown>>();
  constructor(private gapMs: number, private sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(host) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(
      () => this.sleep(this.gapMs),
      () => this.sleep(this.gapMs),
    );
    this.tails.set(host, tail);
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return result;
  }
}
