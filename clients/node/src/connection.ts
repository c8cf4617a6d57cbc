import WebSocket from 'ws';
import { newInflater, type Inflater } from './codec.js';
import { HubClientError } from './errors.js';
import { CloseCode, type Compression, type Payload } from './protocol.js';

export interface ConnectionHandlers {
  payload(payload: Payload): void;
  error(error: HubClientError): void;
  closed(code: number, reason: string): void;
}

/** Bytes handed to the socket and not yet flushed, past which `write` reports the socket backed up. */
const WIRE_HIGH_WATER = 1024 * 1024;

/**
 * One WebSocket to the hub: decodes frames (text, or binary through this connection's own decompression stream)
 * into payloads and writes text frames. Knows nothing of sessions; the client makes a new one per attempt.
 */
export class Connection {
  private readonly ws: WebSocket;
  private readonly inflater: Inflater | null;
  private wireBytes = 0;
  private closedOnce = false;

  constructor(
    readonly url: string,
    compression: Compression,
    maxPayloadBytes: number,
    connectTimeoutMs: number,
    private readonly frames: { text: number; binary: number },
    private readonly handlers: ConnectionHandlers,
    private readonly startPaused: () => boolean,
    private readonly drained: () => void,
  ) {
    this.inflater = newInflater(compression, maxPayloadBytes);
    this.ws = new WebSocket(url, { handshakeTimeout: connectTimeoutMs, perMessageDeflate: false, maxPayload: maxPayloadBytes });
    this.ws.on('open', () => {
      if (this.startPaused()) this.ws.pause(); // still over the in-flight mark from the last connection
    });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    this.ws.on('error', (error) =>
      handlers.error(new HubClientError('CONNECTION_FAILED', `${url}: ${error.message}`, undefined, { cause: error })),
    );
    this.ws.on('close', (code, reason) => {
      if (!this.closedOnce) {
        this.closedOnce = true;
        handlers.closed(code, reason.toString());
      }
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** True when the socket has more than the high-water mark unflushed: stop writing until `drained` runs. */
  get backedUp(): boolean {
    return this.wireBytes > WIRE_HIGH_WATER;
  }

  /** Writes one payload's JSON text as a text frame. */
  write(text: string, bytes = Buffer.byteLength(text)): boolean {
    if (!this.open) return false;
    this.wireBytes += bytes;
    this.ws.send(text, () => {
      this.wireBytes -= bytes;
      if (this.wireBytes <= WIRE_HIGH_WATER / 2) this.drained();
    });
    return true;
  }

  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  /** Sends a close frame; the socket is destroyed if the hub has not answered within `forceMs`. */
  close(code: number, reason: string, forceMs = 2_000): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => this.ws.terminate(), forceMs);
      force.unref();
      this.ws.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      this.ws.close(code, reason);
    });
  }

  /** The handlers hear nothing more from this connection (the client has moved on). */
  detach(): void {
    this.closedOnce = true;
    this.ws.removeAllListeners('message');
    this.ws.on('error', () => {});
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closedOnce) return;
    this.frames[isBinary ? 'binary' : 'text']++;
    let payload: Payload;
    try {
      let text: string;
      if (isBinary) {
        if (!this.inflater) throw new Error('a binary frame on a connection without compression');
        text = this.inflater.inflate(data);
      } else {
        text = data.toString('utf8');
      }
      payload = JSON.parse(text) as Payload;
      if (typeof payload !== 'object' || payload === null || typeof payload.op !== 'number') {
        throw new Error('a payload without op');
      }
    } catch (error) {
      this.handlers.error(new HubClientError('PROTOCOL_ERROR', `undecodable frame from the hub: ${String(error)}`));
      void this.close(CloseCode.DEAD_LINK, 'undecodable frame');
      return;
    }
    this.handlers.payload(payload);
  }
}
