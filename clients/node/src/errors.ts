/** What went wrong, as a closed set: callers switch on `kind`. */
export type ErrorKind =
  /** A call the hub would punish: unknown event, an event your type may not send, a payload over the limit. */
  | 'INVALID_ARGUMENT'
  | 'CONNECTION_FAILED'
  | 'CONNECTION_LOST'
  /** No HEARTBEAT_ACK before the next heartbeat was due: the client closed the link with 4999 and resumes. */
  | 'HEARTBEAT_TIMEOUT'
  /** 4009: the session could not be resumed; the client identifies afresh. */
  | 'SESSION_INVALIDATED'
  /** The hub closed for a protocol error (4000, 4002–4008, 4010), or sent something undecodable. */
  | 'PROTOCOL_ERROR'
  /** 4001: the client stops for good. */
  | 'AUTHENTICATION_FAILED'
  /** The send buffer is full: the newest payload was refused. */
  | 'BUFFER_FULL'
  /** A request got no REPLY in time, or the client closed first. */
  | 'REQUEST_FAILED'
  /** An event listener threw or its promise rejected. */
  | 'LISTENER_FAILED';

export class HubClientError extends Error {
  readonly kind: ErrorKind;
  /** The WebSocket close code, when the error comes from a close. */
  readonly code: number | undefined;

  constructor(kind: ErrorKind, message: string, code?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HubClientError';
    this.kind = kind;
    this.code = code;
  }
}
