import type { Compression, GatewayInfo, ServiceType } from './protocol.js';

export interface HubClientOptions {
  /** One hub URL (`ws://host:3282/ws/v1`) or several (a clustered hub): the client starts at a random one and
   * moves to the next when one cannot be reached or shuts down (1001). */
  urls: string | string[];
  type: ServiceType;
  secret: string;
  /** Shown in `/v1/services`; defaults to the type. */
  name?: string;
  /** Compression of what the hub sends; what the client sends is always text. Default `none`. */
  compression?: Compression;
  /** Discord dispatch names to receive as DISPATCH events. */
  events?: string[];
  /** Sharders: what Discord's `GET /gateway/bot` said. */
  gateway?: GatewayInfo;
  /** Ask for publisher acknowledgements (op 8): every op 2/op 5 is held until the hub confirms it. */
  publishAcks?: boolean;
  /** Your heartbeat statistics (non-negative integers), merged over `heapUsed` (and `inFlight` for commands
   * workers, which the client counts itself). Must be fast. */
  statistics?: () => Record<string, number>;
  /** `auto` (default): ACK after the listeners unless one deferred; `manual`: only when you call `event.ack()`. */
  ackMode?: 'auto' | 'manual';
  /** Payloads the send buffer holds at most (default 10,000); past it `send` returns false. */
  sendBufferCapacity?: number;
  /** Bytes of JSON the send buffer holds at most (default 64 MiB). */
  sendBufferBytes?: number;
  /** Events delivered but not yet acknowledged at most (default 1,000); past it the client stops reading from
   * the socket until half of them are acknowledged (backpressure: the hub keeps the rest). */
  maxInFlight?: number;
  /** Requests waiting for a REPLY at most (default 10,000); past it `request` rejects with BUFFER_FULL. */
  maxPendingRequests?: number;
  /** The largest payload sent or accepted, in bytes (default 8 MiB, the hub's default limit). */
  maxPayloadBytes?: number;
  /** Reconnect backoff: first delay and cap, ms (defaults 1,000 and 60,000), jittered. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** WebSocket opening handshake timeout, and then the wait for HELLO, ms (default 10,000). */
  connectTimeoutMs?: number;
}

export type ResolvedOptions = Required<Omit<HubClientOptions, 'urls' | 'gateway' | 'events' | 'statistics'>> &
  Pick<HubClientOptions, 'gateway' | 'events' | 'statistics'> & { urls: string[] };

export function resolveOptions(o: HubClientOptions): ResolvedOptions {
  const urls = Array.isArray(o.urls) ? [...o.urls] : [o.urls];
  if (urls.length === 0) {
    throw new RangeError('urls: at least one hub URL is needed');
  }
  const positive = (name: string, value: number | undefined, fallback: number): number => {
    const v = value ?? fallback;
    if (!Number.isInteger(v) || v <= 0) {
      throw new RangeError(`${name} must be a positive integer, got ${v}`);
    }
    return v;
  };
  return {
    urls,
    type: o.type,
    secret: o.secret,
    name: o.name ?? o.type,
    compression: o.compression ?? 'none',
    events: o.events,
    gateway: o.gateway,
    publishAcks: o.publishAcks ?? false,
    statistics: o.statistics,
    ackMode: o.ackMode ?? 'auto',
    sendBufferCapacity: positive('sendBufferCapacity', o.sendBufferCapacity, 10_000),
    sendBufferBytes: positive('sendBufferBytes', o.sendBufferBytes, 64 * 1024 * 1024),
    maxInFlight: positive('maxInFlight', o.maxInFlight, 1_000),
    maxPendingRequests: positive('maxPendingRequests', o.maxPendingRequests, 10_000),
    maxPayloadBytes: positive('maxPayloadBytes', o.maxPayloadBytes, 8 * 1024 * 1024),
    reconnectMinMs: positive('reconnectMinMs', o.reconnectMinMs, 1_000),
    reconnectMaxMs: positive('reconnectMaxMs', o.reconnectMaxMs, 60_000),
    connectTimeoutMs: positive('connectTimeoutMs', o.connectTimeoutMs, 10_000),
  };
}
