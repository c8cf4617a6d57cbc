/**
 * The bounded send buffer. Without publisher acknowledgements it holds what could not be written yet (no session
 * up) and forgets each payload once written. With them it numbers every op 2 and op 5 (`ps`, counting over the
 * client's whole life) and holds each one, written or not, until the hub confirms it with op 8 or `published`.
 *
 * Bound policy: at most `capacity` payloads and `maxBytes` bytes of JSON text held; when a new payload does not
 * fit, it is refused (`offer` returns false) and nothing already accepted is dropped, so what the application was
 * told was accepted is never lost silently.
 */
export interface OutboxEntry {
  /** The payload's JSON text, `ps` included when numbered. */
  readonly text: string;
  readonly bytes: number;
  /** 0 when not numbered. */
  readonly ps: number;
  written: boolean;
}

export class Outbox {
  private entries: OutboxEntry[] = [];
  private bytes = 0;
  private lastPs = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxBytes: number,
    readonly numbered: boolean,
  ) {}

  /** Accepts a payload (`ps` added when numbered); null when the buffer is full. */
  offer(payload: Record<string, unknown>): OutboxEntry | null {
    const ps = this.numbered ? this.lastPs + 1 : 0;
    const text = JSON.stringify(this.numbered ? { ps, ...payload } : payload);
    const bytes = Buffer.byteLength(text);
    if (this.entries.length >= this.capacity || this.bytes + bytes > this.maxBytes) {
      return null;
    }
    if (this.numbered) {
      this.lastPs = ps;
    }
    const entry: OutboxEntry = { text, bytes, ps, written: false };
    this.entries.push(entry);
    this.bytes += bytes;
    return entry;
  }

  /** Marks an entry written; without numbering it leaves the buffer now. */
  written(entry: OutboxEntry): void {
    entry.written = true;
    if (!this.numbered) {
      this.remove((e) => e === entry);
    }
  }

  /** op 8 `{s}` or `published`: the hub has taken every payload numbered up to `ps`. */
  confirm(ps: number): void {
    if (this.numbered) {
      this.remove((e) => e.ps <= ps);
    }
  }

  /** Forgets what was written (a hub that confirms nothing: keeping it would only fill the buffer). */
  dropWritten(): void {
    this.remove((e) => e.written);
  }

  /** A new connection: everything held must be written again (after `confirm` of what the hub reported taken). */
  rewind(): void {
    for (const e of this.entries) {
      e.written = false;
    }
  }

  /** The entries not yet written on the current connection, in order. */
  unwritten(): OutboxEntry[] {
    return this.entries.filter((e) => !e.written);
  }

  size(): number {
    return this.entries.length;
  }

  sizeBytes(): number {
    return this.bytes;
  }

  clear(): number {
    const n = this.entries.length;
    this.entries = [];
    this.bytes = 0;
    return n;
  }

  private remove(predicate: (e: OutboxEntry) => boolean): void {
    const kept: OutboxEntry[] = [];
    for (const e of this.entries) {
      if (predicate(e)) {
        this.bytes -= e.bytes;
      } else {
        kept.push(e);
      }
    }
    this.entries = kept;
  }
}
