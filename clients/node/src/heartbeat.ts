/**
 * The client's heartbeat: one op 1 every interval from HELLO (the first one interval after HELLO), and dead-link
 * detection: when the next heartbeat is due and the previous one got no op 4, `onDead` runs instead of sending.
 * While reading is paused for backpressure an op 4 may wait unread in the socket, so the check is skipped then.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private awaitingAck = false;
  /** Round trip of the last acknowledged heartbeat, ms; -1 before the first. */
  latencyMs = -1;
  private sentAt = 0;

  constructor(
    private readonly send: () => void,
    private readonly onDead: () => void,
    private readonly readingPaused: () => boolean,
  ) {}

  start(intervalMs: number): void {
    this.stop();
    this.awaitingAck = false;
    this.timer = setInterval(() => this.beat(false), intervalMs);
  }

  /** The hub asked for a heartbeat now (op 1 with `d: null`). */
  now(): void {
    this.beat(true);
  }

  acknowledged(): void {
    this.awaitingAck = false;
    this.latencyMs = Date.now() - this.sentAt;
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private beat(requested: boolean): void {
    if (!requested && this.awaitingAck && !this.readingPaused()) {
      this.stop();
      this.onDead();
      return;
    }
    this.awaitingAck = true;
    this.sentAt = Date.now();
    this.send();
  }
}
