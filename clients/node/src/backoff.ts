/**
 * Reconnect delays: exponential from `minMs` up to `maxMs`, each drawn at random from the upper half of its
 * step, so that many clients dropped by one hub restart do not come back in the same millisecond.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {
    if (minMs < 0 || maxMs < minMs) {
      throw new RangeError(`backoff needs 0 <= minMs <= maxMs, got ${minMs} and ${maxMs}`);
    }
  }

  /** The delay before the next attempt; each call doubles the step until `maxMs`. */
  next(): number {
    const step = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(step / 2 + (this.random() * step) / 2);
  }

  /** After a session is up again: the next failure starts from `minMs`. */
  reset(): void {
    this.attempt = 0;
  }
}
