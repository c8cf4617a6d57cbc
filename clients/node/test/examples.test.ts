/**
 * The examples as a user runs them: the simulated Discord, the hub and a sharder from their jars, the example as
 * a Node process; a simulated user runs /ping and /counter, clicks a button and writes a message through the
 * simulator's control API.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { HubRestClient } from '@hubcord/client';
import { type Hub, jar, JAVA_OPTS, javaBinary, launch, type Launched, SECRET, startHub, waitFor } from './harness.js';

const TOKEN = 'node-examples-token';
const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), 'examples');

interface SimMessage {
  id: string;
  kind: string;
  interaction_id: string | null;
  content: string;
  history: string[];
  components: { type: number; components?: { type: number; custom_id?: string; label?: string }[] }[];
}

interface SimInteraction {
  callback_type: number | null;
  message_id: string | null;
  response: { id: string; content: string } | null;
}

describe('the examples', () => {
  let sim: Launched;
  let simBase: string;
  let hub: Hub;
  let sharder: Launched;
  let channel: string;
  let user: string;

  const control = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${simBase}/_sim${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    assert.ok(r.ok, `${method} ${route}: ${r.status} ${await r.clone().text()}`);
    return (await r.json()) as T;
  };
  const example = (file: string) =>
    launch(process.execPath, [path.join(examples, file)], {
      HUB_URL: hub.url, HUB_SECRET: SECRET, DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: `${simBase}/api/v10`,
    }, /ready: session/, file);

  before(async () => {
    sim = await launch(javaBinary(), [...JAVA_OPTS, '-jar', jar('discord-sim'), '--port', '0', '--guilds', '1', '--seed', '7', '--token', TOKEN],
      {}, /DISCORD_SIM_PORT=(\d+)/, 'discord-sim');
    simBase = `http://127.0.0.1:${sim.match[1]}`;
    hub = await startHub();
    sharder = await launch(javaBinary(), [...JAVA_OPTS, '-jar', jar('sharder')], {
      HUB_URL: hub.url, HUB_SECRET: SECRET, DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: `${simBase}/api/v10`,
      SHARDER_DISPATCH_EVENTS: 'MESSAGE_CREATE', SHARDER_MEMBER_REQUESTS: 'none',
    }, /hub|shard/i, 'sharder');
    const [guild] = await control<{ id: string }[]>('GET', '/guilds');
    const detail = await control<{ channels: { id: string; type: number }[]; members: { user_id: string; bot: boolean }[] }>(
      'GET', `/guilds/${guild.id}?members=5`);
    channel = detail.channels.find((c) => c.type === 0)!.id;
    user = detail.members.find((m) => !m.bot)!.user_id;
    // the sharder is up once the hub reports its shard ready
    const rest = new HubRestClient({ baseUrl: `http://127.0.0.1:${hub.port}`, secret: SECRET });
    let shards: { status: string }[] = [];
    const ready = () => shards.length > 0 && shards.every((shard) => /^ready$/i.test(shard.status));
    await waitFor('every shard ready', ready, 60_000, async () => {
      shards = await rest.listShards();
    });
  });
  after(async () => {
    await sharder?.stop();
    await hub?.stop();
    await sim?.stop();
  });

  it('slash-commands answers /ping with an interaction response', async () => {
    const worker = await example('slash-commands.js');
    try {
      const interaction = await control<{ id: string }>('POST', '/interactions', { channel_id: channel, user_id: user, name: 'ping' });
      let answer: SimMessage | undefined;
      await waitFor(`the response to ${interaction.id}`, () => answer !== undefined, 20_000, async () => {
        const messages = await control<SimMessage[]>('GET', `/messages?channel_id=${channel}`);
        answer = messages.find((m) => m.kind === 'interaction_response' && m.interaction_id === interaction.id);
      });
      assert.ok(answer, `no response to ${interaction.id}; worker said:\n${worker.output()}`);
      assert.equal(answer.content, 'pong (shard 0)');
      await waitFor('the worker log', () => worker.output().includes(`answered /ping ${interaction.id}`));
    } finally {
      await worker.stop();
    }
  });

  it('button answers /counter with a button and updates the message on every click', async () => {
    const worker = await example('button.js');
    try {
      const command = await control<{ id: string }>('POST', '/interactions', { channel_id: channel, user_id: user, name: 'counter' });
      const response = async (): Promise<SimMessage | undefined> =>
        (await control<SimMessage[]>('GET', `/messages?channel_id=${channel}`))
          .find((m) => m.kind === 'interaction_response' && m.interaction_id === command.id);
      let message: SimMessage | undefined;
      await waitFor(`the response to ${command.id}`, () => message !== undefined, 20_000, async () => {
        message = await response();
      });
      assert.ok(message, `no response to ${command.id}; worker said:\n${worker.output()}`);
      assert.equal(message.content, 'Clicked 0 times');
      const button = () => message!.components[0]?.components?.[0];
      assert.deepEqual([button()?.type, button()?.label, button()?.custom_id], [2, '+1', 'counter:0']);

      // two clicks, each on the button as the previous update left it
      for (const expected of [1, 2]) {
        const click: { id: string; type: number } = await control('POST', '/interactions/component', {
          message_id: message.id, user_id: user, custom_id: button()!.custom_id,
        });
        assert.equal(click.type, 3);
        let state: SimInteraction | undefined;
        await waitFor(`the update for click ${click.id}`, () => state?.callback_type != null, 20_000, async () => {
          state = await control<SimInteraction>('GET', `/interactions/${click.id}`);
        });
        assert.equal(state!.callback_type, 7, `click ${click.id}; worker said:\n${worker.output()}`);
        assert.equal(state!.message_id, message.id);
        message = await response();
        assert.ok(message);
        const text = `Clicked ${expected} time${expected === 1 ? '' : 's'}`;
        assert.equal(message.content, text, 'the same message, edited in place');
        assert.equal(state!.response?.content, text);
        assert.equal(button()?.custom_id, `counter:${expected}`);
      }
      assert.deepEqual(message.history, ['Clicked 0 times', 'Clicked 1 time']);
      assert.equal((await control<SimMessage[]>('GET', `/messages?channel_id=${channel}`))
        .filter((m) => m.interaction_id === command.id).length, 1, 'no second message');
      await waitFor('the worker log', () => worker.output().includes('counter is 2'));
    } finally {
      await worker.stop();
    }
  });

  it('event-listener prints the messages users write', async () => {
    const listener = await example('event-listener.js');
    try {
      await control('POST', '/messages', { channel_id: channel, author_id: user, content: 'hello from a simulated user' });
      await waitFor('the message printed', () => listener.output().includes(`#${channel}`) &&
        listener.output().includes(': hello from a simulated user'), 20_000);
      assert.match(listener.output(), /MESSAGE_CREATE shard 0 #\d+ \S+: hello from a simulated user/);
    } finally {
      await listener.stop();
    }
  });
});
