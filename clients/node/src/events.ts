import type { BotInfo, Identified, Resumed } from './protocol.js';

/** `d` of EXECUTE_COMMAND (sharder → commands, delivery `one`). */
export interface ExecuteCommand {
  /** The command's name (lower case) for a prefix command and interaction types 2 and 4; the component's or
   * modal's `custom_id`, as it is, for types 3 and 5. */
  command: string;
  /** A prefix command's text after its name; for an interaction, Discord's whole interaction object (`data`,
   * `member`, and for a component the `message` it sits on). */
  raw: string | Record<string, unknown>;
  ids: { message?: string | null; author?: string; channel?: string; guild?: string; shard?: number };
  /** Interactions only; `type` is Discord's interaction type: 2 application command, 3 message component,
   * 4 autocomplete, 5 modal submit. */
  interaction?: { id: string; token: string; applicationID: string; type: number };
  options?: unknown;
  redelivered?: boolean;
  [field: string]: unknown;
}

/** `d` of DISPATCH: a Discord dispatch a client subscribed to with `events` in IDENTIFY. */
export interface Dispatch {
  shard: number;
  t: string;
  d: unknown;
  redelivered?: boolean;
}

/** Any event's data: an object whose fields the protocol document lists per event. */
export type EventData = Record<string, unknown>;

/** The events whose `d` this package types; every other event name is delivered as {@link EventData}. */
export interface HubEventMap {
  IDENTIFIED: Identified;
  RESUMED: Resumed;
  SHARDS_ASSIGNED: { shards: number[]; shardCount: number; maxConcurrency: number };
  BOT_INFO: BotInfo;
  IDENTIFY_GRANTED: { shard: number };
  PLAYER_RELEASED: { guildID: string };
  EXECUTE_COMMAND: ExecuteCommand;
  DISPATCH: Dispatch;
  REPLY: { nonce: string } & EventData;
}

export type DataOf<K extends string> = K extends keyof HubEventMap ? HubEventMap[K] : EventData;

/** What the client does for an event it delivered: acknowledge it, or answer it. */
export interface EventOwner {
  acknowledge(event: HubEvent<unknown>): void;
  replyTo(nonce: string, data: EventData): boolean;
}

/**
 * One op 2 from the hub as the listeners see it. Events delivered as `one`, `guild` or `DISPATCH` need an ACK:
 * by default the client sends it once every listener has returned (and the promises they returned have
 * settled); a listener that calls {@link deferAck} takes that over and calls {@link ack} when its work is done.
 */
export class HubEvent<D = EventData> {
  private acked = false;
  private deferred = false;

  constructor(
    readonly name: string,
    readonly data: D,
    /** The hub's sequence number of this event in its session. */
    readonly s: number,
    /** The session the event belongs to: an ACK is only sent within it. */
    readonly session: string,
    /** False for the hub's direct events (IDENTIFIED, REPLY, …), which are never acknowledged. */
    readonly needsAck: boolean,
    /** The request's nonce, only for events the protocol treats as requests (a `nonce` in others is the sender's). */
    readonly nonce: string | undefined,
    private readonly owner: EventOwner,
  ) {}

  /** True when the hub delivers this event again because the session it first went to ended. */
  get redelivered(): boolean {
    const d = this.data as { redelivered?: unknown } | null;
    return typeof d === 'object' && d !== null && d.redelivered === true;
  }

  /** Takes the acknowledgement over from the client: call {@link ack} when the work is done. */
  deferAck(): void {
    this.deferred = true;
  }

  get isDeferred(): boolean {
    return this.deferred;
  }

  get isAcked(): boolean {
    return this.acked;
  }

  /** Sends op 7 for this event (once; later calls do nothing). Harmless for events that need none. */
  ack(): void {
    if (this.acked || !this.needsAck) {
      this.acked = true;
      return;
    }
    this.acked = true;
    this.owner.acknowledge(this as HubEvent<unknown>);
  }

  /** Answers a request with REPLY carrying its nonce; false when this event is no request or the buffer is full. */
  reply(data: EventData): boolean {
    return this.nonce !== undefined && this.owner.replyTo(this.nonce, data);
  }
}
