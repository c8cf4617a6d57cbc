/** Delivery to one of several workers, acknowledgements, redelivery, resume with replay, requests and bounds. */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { HubClientError, LeaseReply } from '@hubcord/client';
import { Clients, collect, type Hub, Proxy, startHub, waitFor } from './harness.js';

const GUILD = '81384788765712384';

describe('delivery', () => {
  let hub: Hub;
  const clients = new Clients();
  const proxies: Proxy[] = [];

  before(async () => {
    hub = await startHub({ HUB_RESUME_TIMEOUT_MS: '1500', HUB_SHARD_COUNT: '1' });
  });
  afterEach(async () => {
    await clients.closeAll();
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });
  after(() => hub.stop());

  const proxy = async () => {
    const p = await Proxy.start(hub.port);
    proxies.push(p);
    return p;
  };

  it('hands each `one` event to exactly one of two workers, which acknowledge it', async () => {
    const a = clients.create({ urls: hub.url, type: 'commands', name: 'a' });
    const b = clients.create({ urls: hub.url, type: 'commands', name: 'b' });
    const sharder = clients.create({ urls: hub.url, type: 'sharder' });
    const atA = collect<{ command: string }>(a, 'EXECUTE_COMMAND');
    const atB = collect<{ command: string }>(b, 'EXECUTE_COMMAND');
    await Promise.all([a.connect(), b.connect(), sharder.connect()]);
    for (let i = 0; i < 10; i++) sharder.send('EXECUTE_COMMAND', { command: `c${i}`, raw: '', ids: {} });
    await waitFor('10 commands in all', () => atA.length + atB.length === 10);
    const names = [...atA, ...atB].map((e) => e.data.command).sort();
    assert.deepEqual(names, Array.from({ length: 10 }, (_, i) => `c${i}`).sort());
    assert.ok(atA.length > 0 && atB.length > 0, `a got ${atA.length}, b got ${atB.length}`);
    await waitFor('all acknowledged', () => a.inFlight() === 0 && b.inFlight() === 0);
  });

  it('acknowledges after the promise a listener returns, or when a deferring listener says so', async () => {
    const worker = clients.create({ urls: hub.url, type: 'commands' });
    const sharder = clients.create({ urls: hub.url, type: 'sharder' });
    let finish: () => void = () => {};
    const deferred: { ack(): void }[] = [];
    worker.onEvent('EXECUTE_COMMAND', (e) => {
      if (e.data.command === 'async') return new Promise<void>((resolve) => (finish = resolve));
      e.deferAck();
      deferred.push(e);
      return undefined;
    });
    await Promise.all([worker.connect(), sharder.connect()]);
    sharder.send('EXECUTE_COMMAND', { command: 'async', raw: '', ids: {} });
    sharder.send('EXECUTE_COMMAND', { command: 'deferred', raw: '', ids: {} });
    await waitFor('both in flight', () => worker.inFlight() === 2 && deferred.length === 1);
    finish();
    await waitFor('the async one acknowledged', () => worker.inFlight() === 1);
    deferred[0].ack();
    deferred[0].ack(); // idempotent
    assert.equal(worker.inFlight(), 0);
  });

  it('redelivers what a killed worker had not acknowledged to another, marked redelivered', async () => {
    const link = await proxy();
    const doomed = clients.create({ urls: link.url, type: 'commands', ackMode: 'manual' });
    const sharder = clients.create({ urls: hub.url, type: 'sharder' });
    const atDoomed = collect<{ command: string }>(doomed, 'EXECUTE_COMMAND');
    await Promise.all([doomed.connect(), sharder.connect()]);
    sharder.send('EXECUTE_COMMAND', { command: 'ban', raw: 'someone', ids: { message: '42' } });
    await waitFor('the command at the first worker', () => atDoomed.length === 1);
    assert.equal(atDoomed[0].redelivered, false);

    const survivor = clients.create({ urls: hub.url, type: 'commands' });
    const atSurvivor = collect<{ command: string; raw: string }>(survivor, 'EXECUTE_COMMAND');
    await survivor.connect();
    link.block(); // the process is gone: its socket dies and it never comes back
    link.cut();
    await waitFor('the redelivery after the resume timeout', () => atSurvivor.length === 1, 10_000);
    assert.equal(atSurvivor[0].data.command, 'ban');
    assert.equal(atSurvivor[0].data.raw, 'someone');
    assert.equal(atSurvivor[0].redelivered, true);
  });

  it('resumes after a dropped connection and gets the events it missed replayed, before RESUMED', async () => {
    const link = await proxy();
    const sharder = clients.create({ urls: link.url, type: 'sharder', compression: 'zstd' });
    const commands = clients.create({ urls: hub.url, type: 'commands', publishAcks: true });
    const order: string[] = [];
    const sends = collect<{ guildID: string; op: number }>(sharder, 'GATEWAY_SEND', () => order.push('GATEWAY_SEND'));
    const resumed = collect<{ replayed: number; session: string }>(sharder, 'RESUMED', () => order.push('RESUMED'));
    const identified = await sharder.connect();
    assert.deepEqual(identified.shards, [0]);
    const published = await commands.connect();
    assert.equal(published.published, 0);

    link.block();
    link.cut();
    await waitFor('the sharder to notice', () => sharder.state !== 'connected');
    for (let i = 0; i < 3; i++) {
      commands.send('GATEWAY_SEND', { guildID: GUILD, op: 4, d: { guild_id: GUILD, channel_id: null, self_mute: false, self_deaf: i > 0 } });
    }
    // publisher acknowledgements: the hub has routed all three (into the away sharder's replay buffer)
    await waitFor('the hub to confirm the three', () => commands.unconfirmed().payloads === 0);
    link.block(false);
    await waitFor('RESUMED', () => resumed.length === 1);
    assert.equal(resumed[0].data.session, identified.session);
    assert.equal(resumed[0].data.replayed, 3);
    assert.deepEqual(order, ['GATEWAY_SEND', 'GATEWAY_SEND', 'GATEWAY_SEND', 'RESUMED']);
    assert.deepEqual(sends.map((e) => e.data.guildID), [GUILD, GUILD, GUILD]);
    const seqs = sends.map((e) => e.s);
    assert.ok(seqs[0] < seqs[1] && seqs[1] < seqs[2] && seqs[2] < resumed[0].s, `s: ${seqs}, ${resumed[0].s}`);
    await waitFor('the replayed events acknowledged', () => sharder.inFlight() === 0);
  });

  it('with publisher acknowledgements sends again, after the resume, what the hub never took', async () => {
    const link = await proxy();
    const sharder = clients.create({ urls: link.url, type: 'sharder', publishAcks: true });
    const worker = clients.create({ urls: hub.url, type: 'commands' });
    const got = collect<{ command: string }>(worker, 'EXECUTE_COMMAND');
    const resumed = collect<{ published: number }>(sharder, 'RESUMED');
    await Promise.all([sharder.connect(), worker.connect()]);
    sharder.send('EXECUTE_COMMAND', { command: 'c0', raw: '', ids: {} });
    await waitFor('c0 confirmed', () => sharder.unconfirmed().payloads === 0 && got.length === 1);
    link.swallow(); // what the sharder writes from now on never reaches the hub
    sharder.send('EXECUTE_COMMAND', { command: 'c1', raw: '', ids: {} });
    sharder.send('EXECUTE_COMMAND', { command: 'c2', raw: '', ids: {} });
    assert.equal(sharder.unconfirmed().payloads, 2);
    link.cut();
    await waitFor('RESUMED', () => resumed.length === 1);
    assert.equal(resumed[0].data.published, 1);
    await waitFor('c1 and c2 delivered', () => got.length === 3);
    assert.deepEqual(got.map((e) => e.data.command), ['c0', 'c1', 'c2']);
    await waitFor('everything confirmed', () => sharder.unconfirmed().payloads === 0);
  });

  it('asks the hub for a lease and gets its REPLY by nonce', async () => {
    const first = clients.create({ urls: hub.url, type: 'commands', publishAcks: true });
    const second = clients.create({ urls: hub.url, type: 'commands' });
    const one = await first.connect();
    const two = await second.connect();
    const granted = await first.request<LeaseReply & Record<string, unknown>>('LEASE', { name: 'register-commands', ttlMs: 60_000 }, 5_000);
    assert.equal(granted.granted, true);
    assert.equal(granted.holder, one.session);
    const refused = await second.request<LeaseReply & Record<string, unknown>>('LEASE', { name: 'register-commands', ttlMs: 60_000 }, 5_000);
    assert.equal(refused.granted, false);
    assert.equal(refused.holder, one.session);
    first.send('LEASE_RELEASE', { name: 'register-commands' });
    await waitFor('the release taken', () => first.unconfirmed().payloads === 0);
    const regranted = await second.request<LeaseReply & Record<string, unknown>>('LEASE', { name: 'register-commands', ttlMs: 60_000 }, 5_000);
    assert.equal(regranted.holder, two.session);
    assert.throws(() => second.request('GATEWAY_SEND', {}), /not a request/);
  });

  it('fails a request that gets no REPLY in time', async () => {
    const client = clients.create({ urls: hub.url, type: 'commands' });
    await client.connect();
    // no audio worker is connected: the request waits in the hub and nobody answers
    await assert.rejects(client.request('LOAD_TRACKS', { identifier: 'x.mp3' }, 300), (e: HubClientError) => e.kind === 'REQUEST_FAILED');
  });

  it('refuses the newest payload when the send buffer is full, and sends what it took once up', async () => {
    const sharder = clients.create({ urls: hub.url, type: 'sharder', sendBufferCapacity: 3 });
    const worker = clients.create({ urls: hub.url, type: 'commands' });
    const errors: HubClientError[] = [];
    sharder.on('error', (e) => errors.push(e));
    const got = collect<{ command: string }>(worker, 'EXECUTE_COMMAND');
    const accepted = [0, 1, 2, 3].map((i) => sharder.send('EXECUTE_COMMAND', { command: `c${i}`, raw: '', ids: {} }));
    assert.deepEqual(accepted, [true, true, true, false]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].kind, 'BUFFER_FULL');
    await worker.connect();
    await sharder.connect();
    await waitFor('the three accepted', () => got.length === 3);
    assert.deepEqual(got.map((e) => e.data.command), ['c0', 'c1', 'c2']);
    assert.equal(sharder.unconfirmed().payloads, 0);
  });
});
