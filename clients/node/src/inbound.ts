import { HubClientError } from './errors.js';
import type { HubEvent } from './events.js';

export type EventListener = (event: HubEvent<never>) => unknown;

/**
 * Runs the listeners of each event from the hub, in arrival order, and tracks what is still to be acknowledged.
 *
 * Bound policy (inbound): at most `maxInFlight` events delivered and not yet acknowledged. At that mark the
 * client stops reading from the socket (`pause`): the hub's writes back up in TCP and the hub keeps the events,
 * which is the protocol's backpressure. Reading starts again (`resume`) when half of them are acknowledged. A few
 * events already read before the pause still arrive, so the count can pass the mark by what one read held.
 */
export class Inbound {
  private inFlight = 0;
  private paused = false;
  /** ACKs made while no connection was up: sent after RESUMED, dropped if the session is lost. At most one per
   * event in flight, so bounded by the same mark. */
  private heldAcks: HubEvent<unknown>[] = [];

  constructor(
    private readonly ackMode: 'auto' | 'manual',
    private readonly maxInFlight: number,
    private readonly listeners: (name: string) => EventListener[],
    private readonly writeAck: (s: number) => boolean,
    private readonly pause: () => void,
    private readonly resume: () => void,
    private readonly onError: (error: HubClientError) => void,
  ) {}

  deliver(event: HubEvent<unknown>): void {
    if (event.needsAck) {
      this.inFlight++;
      if (this.inFlight >= this.maxInFlight && !this.paused) {
        this.paused = true;
        this.pause();
      }
    }
    const pending: Promise<unknown>[] = [];
    for (const listener of this.listeners(event.name)) {
      try {
        const result = listener(event as HubEvent<never>);
        if (result instanceof Promise) {
          pending.push(result.catch((error: unknown) => this.listenerFailed(event, error)));
        }
      } catch (error) {
        this.listenerFailed(event, error);
      }
    }
    if (this.ackMode === 'manual' || !event.needsAck) {
      return;
    }
    if (pending.length === 0) {
      if (!event.isDeferred) {
        event.ack();
      }
    } else {
      void Promise.all(pending).then(() => {
        if (!event.isDeferred) {
          event.ack();
        }
      });
    }
  }

  /** `event.ack()` was called (once per event). */
  acknowledged(event: HubEvent<unknown>, sessionUp: boolean): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (!sessionUp || !this.writeAck(event.s)) {
      this.heldAcks.push(event);
    }
    if (this.paused && this.inFlight <= this.maxInFlight / 2) {
      this.paused = false;
      this.resume();
    }
  }

  /** The session is up again on a new connection: send the ACKs made meanwhile for that session. */
  flushAcks(session: string): void {
    const held = this.heldAcks;
    this.heldAcks = [];
    for (const event of held) {
      if (event.session === session && !this.writeAck(event.s)) {
        this.heldAcks.push(event);
      }
    }
  }

  /** The session is gone (4009, or closed): its events will be redelivered to someone, nothing to ACK. */
  sessionLost(): void {
    this.heldAcks = [];
    this.inFlight = 0;
    if (this.paused) {
      this.paused = false;
      this.resume();
    }
  }

  isPaused(): boolean {
    return this.paused;
  }

  count(): number {
    return this.inFlight;
  }

  private listenerFailed(event: HubEvent<unknown>, error: unknown): void {
    this.onError(
      new HubClientError('LISTENER_FAILED', `a listener of ${event.name} (s ${event.s}) failed: ${String(error)}`, undefined, {
        cause: error,
      }),
    );
  }
}
