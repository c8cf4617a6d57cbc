import { HubClientError } from './errors.js';

interface Pending {
  resolve(data: Record<string, unknown>): void;
  reject(error: HubClientError): void;
  timer: NodeJS.Timeout;
}

/**
 * Requests waiting for their REPLY, by nonce. Bound policy: at most `capacity` at once; past it a new request is
 * refused at once (its promise rejects with BUFFER_FULL) rather than growing the map.
 */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly capacity: number) {}

  /** Registers a nonce; the promise settles on `complete`, on the timeout, or on `failAll`. */
  register(nonce: string, event: string, timeoutMs: number): Promise<Record<string, unknown>> {
    if (this.pending.size >= this.capacity) {
      return Promise.reject(new HubClientError('BUFFER_FULL', `${this.capacity} requests already wait for a reply`));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(nonce);
        reject(new HubClientError('REQUEST_FAILED', `${event}: no REPLY within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(nonce, { resolve, reject, timer });
    });
  }

  /** A REPLY arrived: true when it answered a request of ours. */
  complete(nonce: unknown, data: Record<string, unknown>): boolean {
    const p = typeof nonce === 'string' ? this.pending.get(nonce) : undefined;
    if (!p) {
      return false;
    }
    this.pending.delete(nonce as string);
    clearTimeout(p.timer);
    p.resolve(data);
    return true;
  }

  fail(nonce: string, error: HubClientError): void {
    const p = this.pending.get(nonce);
    if (p) {
      this.pending.delete(nonce);
      clearTimeout(p.timer);
      p.reject(error);
    }
  }

  failAll(error: HubClientError): void {
    for (const nonce of [...this.pending.keys()]) {
      this.fail(nonce, error);
    }
  }

  size(): number {
    return this.pending.size;
  }
}
