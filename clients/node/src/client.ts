import { randomUUID } from 'node:crypto';
import { Backoff } from './backoff.js';
import { Connection } from './connection.js';
import { TypedEmitter } from './emitter.js';
import { HubClientError } from './errors.js';
import { type DataOf, type EventData, type EventOwner, HubEvent } from './events.js';
import { Heartbeat } from './heartbeat.js';
import { type EventListener, Inbound } from './inbound.js';
import { resolveOptions, type HubClientOptions, type ResolvedOptions } from './options.js';
import { Outbox } from './outbox.js';
import {
  CloseCode,
  compressField,
  DIRECT_EVENTS,
  type Identified,
  Op,
  type Payload,
  REQUEST_EVENTS,
  type Resumed,
} from './protocol.js';
import { PendingRequests } from './requests.js';
import type { ClientEvents, ClientState } from './state.js';
import { checkSendable, checkSize, statistics } from './validate.js';

/** A connection to the hub that identifies, heartbeats, resumes and reconnects by itself (docs/protocol.md). */
export class HubClient implements EventOwner {
  private readonly options: ResolvedOptions;
  private readonly emitter = new TypedEmitter<ClientEvents>((e) => console.error('hubcord: a client listener threw', e));
  private readonly eventListeners = new Map<string, EventListener[]>();
  private readonly outbox: Outbox;
  private readonly requests: PendingRequests;
  private readonly inbound: Inbound;
  private readonly heartbeat: Heartbeat;
  private readonly backoff: Backoff;
  private connection: Connection | undefined;
  private urlIndex: number;
  private helloSeen = false;
  private sessionUp = false;
  private readonly frames = { text: 0, binary: 0 };
  private reconnectTimer: NodeJS.Timeout | undefined;
  private firstIdentified: { resolve(i: Identified): void; reject(e: HubClientError): void } | undefined;
  private current: ClientState = 'new';
  /** The session to resume, and the last `s` received in it. */
  sessionId: string | undefined;
  lastSequence = 0;

  constructor(options: HubClientOptions) {
    this.options = resolveOptions(options);
    this.outbox = new Outbox(this.options.sendBufferCapacity, this.options.sendBufferBytes, this.options.publishAcks);
    this.requests = new PendingRequests(this.options.maxPendingRequests);
    this.backoff = new Backoff(this.options.reconnectMinMs, this.options.reconnectMaxMs);
    this.urlIndex = Math.floor(Math.random() * this.options.urls.length);
    this.inbound = new Inbound(
      this.options.ackMode,
      this.options.maxInFlight,
      (name) => this.eventListeners.get(name) ?? [],
      (s) => this.writeNow({ op: Op.ACK, d: { s } }),
      () => this.connection?.pause(),
      () => this.connection?.resume(),
      (e) => this.emitter.emit('error', e),
    );
    this.heartbeat = new Heartbeat(
      () =>
        this.writeNow({
          op: Op.HEARTBEAT,
          d: statistics(this.options, this.inbound.count(), (e) => this.emitter.emit('error', e)),
        }),
      () => this.deadLink(),
      () => this.inbound.isPaused(),
    );
  }

  get state(): ClientState {
    return this.current;
  }

  /** Listens to the client itself: `state`, `error`, `identified`, `resumed`, `close`. Returns the remover. */
  on<K extends keyof ClientEvents>(name: K, listener: (value: ClientEvents[K]) => void): () => void {
    return this.emitter.on(name, listener);
  }

  /** Listens to an event from the hub by name. A listener may return a promise: the auto-ACK waits for it. */
  onEvent<K extends string>(name: K, listener: (event: HubEvent<DataOf<K>>) => unknown): () => void {
    const list = this.eventListeners.get(name) ?? [];
    list.push(listener as EventListener);
    this.eventListeners.set(name, list);
    return () => {
      const i = list.indexOf(listener as EventListener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Starts connecting (once); resolves with the first IDENTIFIED, rejects on 4001 or `close()`. */
  connect(): Promise<Identified> {
    if (this.current !== 'new') {
      return Promise.reject(new HubClientError('INVALID_ARGUMENT', `connect() called in state ${this.current}`));
    }
    const identified = new Promise<Identified>((resolve, reject) => (this.firstIdentified = { resolve, reject }));
    this.open();
    return identified;
  }

  /** Sends an event; queued while no session is up. False (and a BUFFER_FULL error) when the send buffer is full. */
  send(event: string, data: EventData): boolean {
    checkSendable(this.options, event, data);
    return this.enqueue({ op: Op.EVENT, t: event, d: data });
  }

  /** Sends a request (LOAD_TRACKS, PLAYER_RECOVER, LEASE, PLAYER_* with a nonce) and waits for its REPLY. */
  request<R extends EventData = EventData>(event: string, data: EventData, timeoutMs = 30_000): Promise<R> {
    if (!REQUEST_EVENTS.has(event)) {
      throw new HubClientError('INVALID_ARGUMENT', `${event} is not a request: nobody would answer it`);
    }
    this.checkOpen();
    const nonce = randomUUID();
    const body = { ...data, nonce };
    checkSendable(this.options, event, body);
    const reply = this.requests.register(nonce, event, timeoutMs);
    if (!this.enqueue({ op: Op.EVENT, t: event, d: body })) {
      this.requests.fail(nonce, new HubClientError('BUFFER_FULL', `${event}: the send buffer is full`));
    }
    return reply as Promise<R>;
  }

  /** Sends an entity for the hub's cache (op 5): sharders, and commands workers for member and user upserts. */
  sendCache(entity: EventData & { type: string }): boolean {
    const type = this.options.type;
    if (type === 'audio' || (type === 'commands' && (entity.delete === true || !['member', 'user'].includes(entity.type)))) {
      throw new HubClientError('INVALID_ARGUMENT', `a ${type} client may not send this op 5 (the hub closes with 4003)`);
    }
    checkSize(this.options.maxPayloadBytes, entity);
    return this.enqueue({ op: Op.CACHE, d: entity });
  }

  /** Writes a payload as given, unchecked and unbuffered: for conformance tests of the hub. False when no socket. */
  sendRaw(payload: Record<string, unknown>): boolean {
    return this.writeNow(payload);
  }

  /** Payloads held in the send buffer (with publisher acknowledgements: not yet confirmed) and their bytes. */
  unconfirmed(): { payloads: number; bytes: number } {
    return { payloads: this.outbox.size(), bytes: this.outbox.sizeBytes() };
  }

  /** Events delivered to listeners and not yet acknowledged. */
  inFlight(): number {
    return this.inbound.count();
  }

  /** Frames received over the client's life, by kind: compressed payloads arrive as binary frames. */
  framesReceived(): { text: number; binary: number } {
    return { ...this.frames };
  }

  /** Round trip of the last acknowledged heartbeat, ms (-1 before the first). */
  latencyMs(): number {
    return this.heartbeat.latencyMs;
  }

  /** Closes with 1000: the session ends at once on the hub. Pending requests fail, the send buffer is dropped. */
  async close(): Promise<void> {
    if (this.current === 'closed') return;
    clearTimeout(this.reconnectTimer);
    this.heartbeat.stop();
    const error = new HubClientError('REQUEST_FAILED', 'the client was closed');
    this.requests.failAll(error);
    this.firstIdentified?.reject(error);
    this.firstIdentified = undefined;
    const dropped = this.outbox.clear();
    if (dropped > 0) {
      console.warn(`hubcord: closed with ${dropped} payloads not sent or not confirmed`);
    }
    this.setState('closed');
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close(CloseCode.NORMAL, 'client closed');
  }

  // --- EventOwner

  acknowledge(event: HubEvent<unknown>): void {
    this.inbound.acknowledged(event, this.sessionUp && event.session === this.sessionId);
  }

  replyTo(nonce: string, data: EventData): boolean {
    return this.enqueue({ op: Op.EVENT, t: 'REPLY', d: { ...data, nonce } });
  }

  // --- sending

  private checkOpen(): void {
    if (this.current === 'closed' || this.current === 'failed') {
      throw new HubClientError('INVALID_ARGUMENT', `the client is ${this.current}: nothing more can be sent`);
    }
  }

  private enqueue(payload: Record<string, unknown>): boolean {
    this.checkOpen();
    const entry = this.outbox.offer(payload);
    if (!entry) {
      this.emitter.emit('error', new HubClientError('BUFFER_FULL', `the send buffer is full (${this.outbox.size()} payloads)`));
      return false;
    }
    this.flush();
    return true;
  }

  /** Writes what the send buffer holds, in order, while the session is up and the socket is not backed up. */
  private flush(): void {
    const connection = this.connection;
    if (!connection || !this.sessionUp) return;
    for (const entry of this.outbox.unwritten()) {
      if (connection.backedUp || !connection.write(entry.text, entry.bytes)) return;
      this.outbox.written(entry);
    }
  }

  /** Writes a control payload (heartbeat, ACK, IDENTIFY, RESUME) at once; false when no socket is open. */
  private writeNow(payload: Record<string, unknown>): boolean {
    return this.connection?.write(JSON.stringify(payload)) ?? false;
  }

  // --- the connection

  private open(): void {
    this.setState('connecting');
    this.helloSeen = false;
    this.sessionUp = false;
    const o = this.options;
    const connection: Connection = new Connection(
      o.urls[this.urlIndex],
      o.compression,
      o.maxPayloadBytes,
      o.connectTimeoutMs,
      this.frames,
      {
        payload: (p) => this.receive(p),
        error: (e) => this.emitter.emit('error', e),
        closed: (code, reason) => {
          if (this.connection === connection) this.closed(code, reason);
        },
      },
      () => this.inbound.isPaused(),
      () => this.flush(),
    );
    this.connection = connection;
    // a hub that accepts the WebSocket but never says HELLO is as dead as one that cannot be reached
    const helloTimer = setTimeout(() => {
      if (this.connection === connection && !this.helloSeen) {
        this.emitter.emit('error', new HubClientError('CONNECTION_FAILED', `no HELLO within ${o.connectTimeoutMs} ms`));
        void connection.close(CloseCode.DEAD_LINK, 'no hello', 1_000);
      }
    }, o.connectTimeoutMs);
    helloTimer.unref();
  }

  private receive(payload: Payload): void {
    switch (payload.op) {
      case Op.HELLO:
        this.hello(payload.d as { heartbeatInterval: number });
        break;
      case Op.HEARTBEAT:
        this.heartbeat.now();
        break;
      case Op.HEARTBEAT_ACK:
        this.heartbeat.acknowledged();
        break;
      case Op.PUBLISH_ACK:
        this.outbox.confirm((payload.d as { s: number }).s);
        break;
      case Op.EVENT:
        this.event(payload);
        break;
      default:
        break; // unknown ops from a newer hub are ignored, as unknown fields are
    }
  }

  private hello(d: { heartbeatInterval: number }): void {
    if (this.helloSeen) return;
    this.helloSeen = true;
    this.heartbeat.start(d.heartbeatInterval);
    const o = this.options;
    if (this.sessionId) {
      this.setState('resuming');
      this.writeNow({
        op: Op.RESUME,
        d: { secret: o.secret, session: this.sessionId, seq: this.lastSequence, compress: compressField(o.compression), publishAcks: o.publishAcks },
      });
    } else {
      this.setState('identifying');
      const d: Record<string, unknown> = { type: o.type, secret: o.secret, name: o.name, compress: compressField(o.compression) };
      if (o.events) d.events = o.events;
      if (o.gateway) d.gateway = o.gateway;
      if (o.publishAcks) d.publishAcks = true;
      this.writeNow({ op: Op.IDENTIFY, d });
    }
  }

  private event(payload: Payload): void {
    const name = payload.t ?? '';
    const s = payload.s ?? 0;
    const data = payload.d as EventData;
    if (s > this.lastSequence) this.lastSequence = s;
    if (name === 'IDENTIFIED') {
      this.sessionId = (data as unknown as Identified).session;
      this.lastSequence = s;
      this.inbound.sessionLost();
      this.sessionStarted(data.published, false);
      this.emitter.emit('identified', data as unknown as Identified);
      this.firstIdentified?.resolve(data as unknown as Identified);
      this.firstIdentified = undefined;
    } else if (name === 'RESUMED') {
      this.inbound.flushAcks(this.sessionId ?? '');
      this.sessionStarted(data.published, true);
      this.emitter.emit('resumed', data as unknown as Resumed);
    } else if (name === 'REPLY') {
      this.requests.complete(data?.nonce, data);
    }
    const nonce = REQUEST_EVENTS.has(name) && typeof data?.nonce === 'string' ? data.nonce : undefined;
    const event = new HubEvent(name, data, s, this.sessionId ?? '', !DIRECT_EVENTS.has(name), nonce, this);
    this.inbound.deliver(event as HubEvent<unknown>);
  }

  /** IDENTIFIED or RESUMED: drop what the hub reports taken, then write the rest of the send buffer in order. */
  private sessionStarted(published: unknown, resumed: boolean): void {
    if (this.options.publishAcks) {
      if (typeof published === 'number') {
        if (resumed) this.outbox.confirm(published);
      } else {
        // as without acknowledgements: what was written is gone, what was not is still to be sent
        console.warn('hubcord: the hub sent no `published`: it confirms nothing, so nothing written is held');
        this.outbox.dropWritten();
      }
    }
    this.outbox.rewind();
    this.sessionUp = true;
    this.backoff.reset();
    this.setState('connected');
    this.flush();
  }

  private deadLink(): void {
    this.emitter.emit('error', new HubClientError('HEARTBEAT_TIMEOUT', 'no HEARTBEAT_ACK before the next heartbeat: closing with 4999'));
    void this.connection?.close(CloseCode.DEAD_LINK, 'no heartbeat ack', 1_000);
  }

  private closed(code: number, reason: string): void {
    this.connection = undefined;
    this.sessionUp = false;
    this.heartbeat.stop();
    this.emitter.emit('close', { code, reason });
    if (this.current === 'closed') return;
    if (code === CloseCode.AUTHENTICATION_FAILED) {
      const error = new HubClientError('AUTHENTICATION_FAILED', `4001 ${reason}`, code);
      this.emitter.emit('error', error);
      this.requests.failAll(error);
      this.firstIdentified?.reject(error);
      this.firstIdentified = undefined;
      this.setState('failed');
      return;
    }
    if (code === CloseCode.INVALID_SESSION) {
      this.emitter.emit('error', new HubClientError('SESSION_INVALIDATED', `4009 ${reason}: identifying afresh`, code));
      this.sessionId = undefined;
      this.lastSequence = 0;
      this.inbound.sessionLost();
    } else if (code >= 4000 && code <= 4010) {
      this.emitter.emit('error', new HubClientError('PROTOCOL_ERROR', `${code} ${reason}`, code));
    } else if (code !== CloseCode.DEAD_LINK) {
      this.emitter.emit('error', new HubClientError('CONNECTION_LOST', `closed ${code} ${reason}`, code));
    }
    // another hub of the cluster when this one could not be reached or is shutting down
    if (!this.helloSeen || code === CloseCode.GOING_AWAY) {
      this.urlIndex = (this.urlIndex + 1) % this.options.urls.length;
    }
    this.setState('disconnected');
    this.reconnectTimer = setTimeout(() => this.open(), this.backoff.next());
  }

  private setState(state: ClientState): void {
    if (state === this.current) return;
    const previous = this.current;
    this.current = state;
    this.emitter.emit('state', { previous, state });
  }
}

