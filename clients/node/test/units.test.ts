/** The client's bounded parts on their own: backoff, send buffer, in-flight backpressure. No hub needed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Backoff } from '../dist/backoff.js';
import { HubEvent, type EventOwner } from '../dist/events.js';
import { Inbound } from '../dist/inbound.js';
import { Outbox } from '../dist/outbox.js';

describe('Backoff', () => {
  it('doubles up to the cap, each delay in the upper half of its step, and starts over after reset', () => {
    const low = new Backoff(100, 1_000, () => 0);
    assert.deepEqual([1, 2, 3, 4, 5].map(() => low.next()), [50, 100, 200, 400, 500]);
    const high = new Backoff(100, 1_000, () => 0.999999);
    assert.deepEqual([1, 2, 3, 4, 5].map(() => high.next()), [100, 200, 400, 800, 1_000]);
    high.reset();
    assert.equal(high.next(), 100);
  });
});

describe('Outbox', () => {
  it('refuses the newest payload past its count or byte bound and keeps what it took', () => {
    const box = new Outbox(2, 1_000, false);
    assert.ok(box.offer({ op: 2, t: 'A', d: {} }));
    assert.ok(box.offer({ op: 2, t: 'B', d: {} }));
    assert.equal(box.offer({ op: 2, t: 'C', d: {} }), null);
    assert.deepEqual(box.unwritten().map((e) => JSON.parse(e.text).t), ['A', 'B']);
    const bytes = new Outbox(10, 40, false);
    assert.ok(bytes.offer({ op: 2, t: 'A', d: {} }));
    assert.equal(bytes.offer({ op: 2, t: 'B', d: { x: 'y'.repeat(20) } }), null);
  });

  it('without numbering forgets a payload once written', () => {
    const box = new Outbox(2, 1_000, false);
    box.written(box.offer({ op: 2, t: 'A', d: {} })!);
    assert.equal(box.size(), 0);
    assert.equal(box.sizeBytes(), 0);
  });

  it('with publisher acknowledgements numbers payloads and holds them, written or not, until confirmed', () => {
    const box = new Outbox(10, 10_000, true);
    const entries = ['A', 'B', 'C'].map((t) => box.offer({ op: 2, t, d: {} })!);
    assert.deepEqual(entries.map((e) => e.ps), [1, 2, 3]);
    assert.equal(JSON.parse(entries[0].text).ps, 1);
    entries.forEach((e) => box.written(e));
    assert.equal(box.size(), 3);
    assert.deepEqual(box.unwritten(), []);
    box.confirm(2);
    assert.equal(box.size(), 1);
    box.rewind(); // a new connection: what is still held goes out again with the same ps
    assert.deepEqual(box.unwritten().map((e) => e.ps), [3]);
    assert.equal(box.offer({ op: 2, t: 'D', d: {} })!.ps, 4);
    // a hub that sends no `published`: what was written is dropped, what was not stays to be sent
    box.written(box.unwritten()[0]);
    box.dropWritten();
    assert.deepEqual(box.unwritten().map((e) => e.ps), [4]);
  });
});

describe('Inbound', () => {
  const owner = (inbound: () => Inbound): EventOwner => ({
    acknowledge: (e) => inbound().acknowledged(e, true),
    replyTo: () => true,
  });

  it('pauses reading at the in-flight mark and resumes when half are acknowledged', () => {
    const calls: string[] = [];
    const acks: number[] = [];
    const events: HubEvent<unknown>[] = [];
    const inbound: Inbound = new Inbound(
      'auto',
      4,
      () => [(e: HubEvent<never>) => { e.deferAck(); events.push(e as HubEvent<unknown>); }],
      (s) => { acks.push(s); return true; },
      () => calls.push('pause'),
      () => calls.push('resume'),
      () => {},
    );
    for (let s = 1; s <= 4; s++) {
      inbound.deliver(new HubEvent('EXECUTE_COMMAND', {}, s, 'x', true, undefined, owner(() => inbound)));
    }
    assert.deepEqual(calls, ['pause']);
    assert.equal(inbound.count(), 4);
    events[0].ack();
    assert.deepEqual(calls, ['pause']);
    events[1].ack();
    assert.deepEqual(calls, ['pause', 'resume']);
    assert.deepEqual(acks, [1, 2]);
  });

  it('holds ACKs made while the session is away and sends them for that session only', () => {
    const acks: number[] = [];
    const inbound = new Inbound('manual', 10, () => [], (s) => { acks.push(s); return true; }, () => {}, () => {}, () => {});
    const away: EventOwner = { acknowledge: (e) => inbound.acknowledged(e, false), replyTo: () => true };
    const a = new HubEvent('EXECUTE_COMMAND', {}, 5, 'old', true, undefined, away);
    const b = new HubEvent('EXECUTE_COMMAND', {}, 6, 'current', true, undefined, away);
    inbound.deliver(a);
    inbound.deliver(b);
    a.ack();
    b.ack();
    assert.deepEqual(acks, []);
    inbound.flushAcks('current');
    assert.deepEqual(acks, [6]);
  });

  it('reports a listener that throws and still acknowledges the event', () => {
    const errors: string[] = [];
    const acks: number[] = [];
    const inbound: Inbound = new Inbound(
      'auto',
      10,
      () => [() => { throw new Error('boom'); }],
      (s) => { acks.push(s); return true; },
      () => {},
      () => {},
      (e) => errors.push(e.kind),
    );
    inbound.deliver(new HubEvent('EXECUTE_COMMAND', {}, 9, 'x', true, undefined, owner(() => inbound)));
    assert.deepEqual(errors, ['LISTENER_FAILED']);
    assert.deepEqual(acks, [9]);
  });
});
