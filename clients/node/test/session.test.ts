/** Identify, heartbeats, compression, close codes and bad input, against a real hub process. */
import assert from 'node:assert/strict';
import { WebSocketServer } from 'ws';
import { after, afterEach, before, describe, it } from 'node:test';
import { CloseCode, HubClientError, type Compression } from '@hubcord/client';
import { Clients, closeCodes, collect, type Hub, Proxy, SECRET, startHub, waitFor } from './harness.js';

describe('a session', () => {
  let hub: Hub;
  const clients = new Clients();

  before(async () => {
    hub = await startHub({ HUB_HEARTBEAT_INTERVAL_MS: '500' });
  });
  afterEach(() => clients.closeAll());
  after(() => hub.stop());

  it('identifies and gets IDENTIFIED with a session and the heartbeat interval', async () => {
    const client = clients.create({ urls: hub.url, type: 'commands', name: 'node-1' });
    const identified = await client.connect();
    assert.match(identified.session, /^[0-9a-f-]{36}$/);
    assert.equal(identified.type, 'commands');
    assert.equal(identified.heartbeatInterval, 500);
    assert.ok(identified.resumeTimeout > 0);
    assert.equal(client.state, 'connected');
    assert.equal(client.sessionId, identified.session);
  });

  it('heartbeats with statistics and gets HEARTBEAT_ACKs', async () => {
    const client = clients.create({ urls: hub.url, type: 'audio', statistics: () => ({ players: 2, playingPlayers: 1 }) });
    const errors: HubClientError[] = [];
    client.on('error', (e) => errors.push(e));
    await client.connect();
    const closes = closeCodes(client);
    await waitFor('an acknowledged heartbeat', () => client.latencyMs() >= 0, 5_000);
    // the hub took the statistics: /v1/services shows them
    let services = '';
    await waitFor('the statistics in /v1/services', () => services.includes('"players":2'), 5_000, async () => {
      const r = await fetch(`http://127.0.0.1:${hub.port}/v1/services`, { headers: { authorization: SECRET } });
      services = await r.text();
    });
    assert.match(services, /"playingPlayers":1/);
    assert.deepEqual(closes, []);
    assert.deepEqual(errors, []);
  });

  it('closes a link whose HEARTBEAT_ACKs stop coming with 4999 and resumes on a new connection', async () => {
    const proxy = await Proxy.start(hub.port);
    try {
      const client = clients.create({ urls: proxy.url, type: 'commands' });
      const errors: string[] = [];
      client.on('error', (e) => errors.push(e.kind));
      const resumed = collect(client, 'RESUMED');
      const identified = await client.connect();
      proxy.freeze();
      await waitFor('the resume after a dead link', () => resumed.length === 1, 5_000);
      assert.ok(errors.includes('HEARTBEAT_TIMEOUT'), `errors: ${errors}`);
      assert.equal(client.sessionId, identified.session);
      assert.equal(proxy.connections, 2);
    } finally {
      await proxy.close();
    }
  });

  for (const compression of ['zstd', 'zlib'] as Compression[]) {
    it(`receives ${compression}-compressed payloads, IDENTIFIED first, then events`, async () => {
      const worker = clients.create({ urls: hub.url, type: 'commands', compression });
      const sharder = clients.create({ urls: hub.url, type: 'sharder' });
      const commands = collect<{ command: string; raw: string }>(worker, 'EXECUTE_COMMAND');
      await worker.connect();
      await sharder.connect();
      const raw = 'x'.repeat(5_000);
      for (let i = 0; i < 20; i++) {
        sharder.send('EXECUTE_COMMAND', { command: `c${i}`, raw, ids: { message: String(i) } });
      }
      await waitFor('20 commands', () => commands.length === 20);
      assert.deepEqual(commands.map((e) => e.data.command), Array.from({ length: 20 }, (_, i) => `c${i}`));
      assert.equal(commands[19].data.raw, raw);
      await waitFor('every command acknowledged', () => worker.inFlight() === 0);
      // HELLO is the only text frame: IDENTIFIED and everything after it came compressed
      const frames = worker.framesReceived();
      assert.equal(frames.text, 1);
      assert.ok(frames.binary >= 21, `binary frames: ${frames.binary}`);
    });
  }

  it('stops for good on a wrong secret (4001) and rejects connect()', async () => {
    const client = clients.create({ urls: hub.url, type: 'commands', secret: 'wrong' });
    const closes = closeCodes(client);
    await assert.rejects(client.connect(), (e: HubClientError) => e.kind === 'AUTHENTICATION_FAILED' && e.code === 4001);
    assert.equal(client.state, 'failed');
    assert.deepEqual(closes, [CloseCode.AUTHENTICATION_FAILED]);
  });

  it('is closed with 4005 for an unknown event and resumes its session', async () => {
    const client = clients.create({ urls: hub.url, type: 'commands' });
    const closes = closeCodes(client);
    const resumed = collect(client, 'RESUMED');
    const identified = await client.connect();
    assert.throws(() => client.send('NO_SUCH_EVENT', {}), (e: HubClientError) => e.kind === 'INVALID_ARGUMENT');
    client.sendRaw({ op: 2, t: 'NO_SUCH_EVENT', d: {} });
    await waitFor('the resume after 4005', () => resumed.length === 1);
    assert.deepEqual(closes, [CloseCode.INVALID_PAYLOAD]);
    assert.equal(client.sessionId, identified.session);
  });

  it('is closed with 4006 for an event its type may not send', async () => {
    const client = clients.create({ urls: hub.url, type: 'commands' });
    const closes = closeCodes(client);
    const errors: HubClientError[] = [];
    client.on('error', (e) => errors.push(e));
    await client.connect();
    assert.throws(() => client.send('EXECUTE_COMMAND', { command: 'x' }), /may not send EXECUTE_COMMAND/);
    assert.throws(() => client.sendCache({ type: 'role', id: '1', guildID: '2' }), /may not send this op 5/);
    client.sendRaw({ op: 2, t: 'EXECUTE_COMMAND', d: { command: 'x', raw: '', ids: {} } });
    await waitFor('the 4006 close', () => closes.length === 1);
    assert.equal(closes[0], CloseCode.CANT_SEND);
    assert.ok(errors.some((e) => e.kind === 'PROTOCOL_ERROR' && e.code === 4006 && e.message.includes('EXECUTE_COMMAND')));
    await waitFor('connected again', () => client.state === 'connected');
  });

  it('moves on to the next hub URL when one cannot be reached', async () => {
    const dead = await Proxy.start(1); // nothing listens on port 1: every connection through it fails
    dead.block();
    try {
      const client = clients.create({ urls: [dead.url, hub.url, dead.url], type: 'audio' });
      const identified = await client.connect();
      assert.equal(identified.type, 'audio');
    } finally {
      await dead.close();
    }
  });

  it('gives up on a hub that accepts the WebSocket but never says HELLO, and tries again', async () => {
    const silent = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    let connections = 0;
    silent.on('connection', () => connections++);
    await new Promise((r) => silent.once('listening', r));
    try {
      const port = (silent.address() as { port: number }).port;
      const client = clients.create({ urls: `ws://127.0.0.1:${port}/ws/v1`, type: 'commands', connectTimeoutMs: 300 });
      const errors: string[] = [];
      client.on('error', (e) => errors.push(e.message));
      void client.connect().catch(() => {});
      await waitFor('a second attempt', () => connections >= 2, 10_000);
      assert.ok(errors.some((m) => m.includes('no HELLO within 300 ms')), `errors: ${errors}`);
      await client.close();
      assert.throws(() => client.send('LEASE_RELEASE', { name: 'x' }), /the client is closed/);
    } finally {
      await new Promise((r) => silent.close(r));
    }
  });
});
