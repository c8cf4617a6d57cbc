/**
 * The wire vocabulary of hub protocol v1 (docs/protocol.md): opcodes, close codes, payload shapes and which
 * service type may send which event. Kept apart from the client so that tests and tools can use it alone.
 */

/** Opcodes (protocol.md, *Frames and payloads*). */
export const Op = {
  IDENTIFY: 0,
  HEARTBEAT: 1,
  EVENT: 2,
  HELLO: 3,
  HEARTBEAT_ACK: 4,
  CACHE: 5,
  RESUME: 6,
  ACK: 7,
  PUBLISH_ACK: 8,
} as const;
export type Opcode = (typeof Op)[keyof typeof Op];

/** Close codes (protocol.md, *Close codes*). 4999 is the client's own: a dead link it closes itself. */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  NOT_IDENTIFIED: 4000,
  AUTHENTICATION_FAILED: 4001,
  ALREADY_IDENTIFIED: 4002,
  UNKNOWN_OPCODE: 4003,
  INVALID_JSON: 4004,
  INVALID_PAYLOAD: 4005,
  CANT_SEND: 4006,
  NO_HEARTBEAT: 4007,
  RATE_LIMITED: 4008,
  INVALID_SESSION: 4009,
  PAYLOAD_TOO_LARGE: 4010,
  DEAD_LINK: 4999,
} as const;

export type ServiceType = 'sharder' | 'commands' | 'audio';
export type Compression = 'none' | 'zstd' | 'zlib';

/** One JSON payload as it travels. `s` only on op 2 from the hub, `ps` only with publisher acknowledgements. */
export interface Payload {
  op: number;
  d: unknown;
  t?: string;
  s?: number;
  ps?: number;
}

export interface BotInfo {
  userID: string;
  applicationID: string;
}

/** `d` of IDENTIFIED. */
export interface Identified {
  session: string;
  type: ServiceType;
  heartbeatInterval: number;
  resumeTimeout: number;
  bot?: BotInfo;
  shards?: number[];
  shardCount?: number;
  maxConcurrency?: number;
  /** Only when publisher acknowledgements were asked for: the last `ps` taken (0 for a new session). */
  published?: number;
}

/** `d` of RESUMED. */
export interface Resumed {
  session: string;
  replayed: number;
  published?: number;
}

/** `d` of a `LEASE` request's REPLY (protocol.md, *Leases*). */
export interface LeaseReply {
  nonce: string;
  name: string;
  granted: boolean;
  holder: string | null;
  expiresInMs: number;
}

/** Sharders report what Discord told them (`gateway` in IDENTIFY). */
export interface GatewayInfo {
  shards: number;
  maxConcurrency: number;
  userID?: string;
  applicationID?: string;
}

/** Events the hub sends to one session only (delivery `direct`): they are never acknowledged. */
export const DIRECT_EVENTS: ReadonlySet<string> = new Set([
  'IDENTIFIED',
  'RESUMED',
  'SHARDS_ASSIGNED',
  'BOT_INFO',
  'IDENTIFY_GRANTED',
  'PLAYER_RELEASED',
  'REPLY',
]);

const PLAYER_COMMANDS = [
  'PLAYER_JOIN',
  'PLAYER_LEAVE',
  'PLAYER_PLAY',
  'PLAYER_STOP',
  'PLAYER_PAUSE',
  'PLAYER_SEEK',
  'PLAYER_VOLUME',
  'PLAYER_SKIP',
  'PLAYER_QUEUE',
] as const;

const ANY = ['LEASE', 'LEASE_RELEASE', 'REPLY'] as const;

/** Which events each service type may send (the event table's "from" column); anything else closes with 4005/4006. */
export const SENDABLE: Readonly<Record<ServiceType, ReadonlySet<string>>> = {
  sharder: new Set([
    'EXECUTE_COMMAND',
    'VOICE_STATE_UPDATE',
    'VOICE_SERVER_UPDATE',
    'IDENTIFY_REQUEST',
    'SHARD_STATUS',
    'DISPATCH',
    ...ANY,
  ]),
  commands: new Set(['GATEWAY_SEND', ...PLAYER_COMMANDS, 'LOAD_TRACKS', ...ANY]),
  audio: new Set([
    'GATEWAY_SEND',
    'TRACK_START',
    'TRACK_END',
    'TRACK_EXCEPTION',
    'TRACK_STUCK',
    'PLAYER_UPDATE',
    'VOICE_CLOSED',
    'PLAYER_RECOVER',
    ...ANY,
  ]),
};

/** Events the hub treats as requests: it routes their REPLY back to the sender by `d.nonce`. */
export const REQUEST_EVENTS: ReadonlySet<string> = new Set(['LOAD_TRACKS', 'PLAYER_RECOVER', 'LEASE', ...PLAYER_COMMANDS]);

/** The `compress` value of IDENTIFY and RESUME for a compression choice. */
export function compressField(compression: Compression): false | 'zstd' | 'zlib' {
  return compression === 'none' ? false : compression;
}
