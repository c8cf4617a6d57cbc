// lavalink-client (a Lavalink v4 client library with its own queue) with the hub as its one node: join a voice
// channel through the discord.js bot, search local files, play, seek, filter, pause, skip to the queued track,
// destroy. Every step is checked on the client's side and at the simulated voice server.
import { LavalinkManager } from 'lavalink-client';
import { Events } from 'discord.js';
import { check, discordClient, emit, env, fail, finish, next, simVoice, sleep, until } from './common.mjs';

const client = discordClient();
const guildId = env('GUILD_ID');
const frames = async () => (await simVoice(guildId)).frames ?? 0;
const manager = new LavalinkManager({
  nodes: [{ id: 'hubcord', host: '127.0.0.1', port: Number(env('HUB_PORT')), authorization: env('HUB_SECRET'),
    retryAmount: 3, retryDelay: 1000 }],
  sendToShard: (id, payload) => client.guilds.cache.get(id)?.shard?.send(payload),
  autoSkip: true,
  playerOptions: { onEmptyQueue: { destroyAfterMs: -1 } },
});
client.on('raw', (d) => manager.sendRawData(d));
manager.nodeManager.on('error', (node, error) => emit({ nodeError: String(error) }));
manager.on('debug', (event, data) => console.error(`${new Date().toISOString()} lavalink-client: ${event} ${data?.message}`));
const closed = [];
manager.on('playerSocketClosed', (player, payload) => closed.push(payload));
manager.on('trackError', (player, track, payload) => emit({ trackError: payload?.exception ?? String(payload) }));

async function scenario() {
  await until('the node\'s session', 10_000, async () => manager.nodeManager.nodes.get('hubcord')?.sessionId);
  const player = manager.createPlayer({ guildId, voiceChannelId: env('VOICE_CHANNEL_ID'), selfDeaf: true, volume: 100 });
  await player.connect();
  const first = await player.search({ query: env('TRACK_A'), source: 'local' }, { id: 'tester' });
  const second = await player.search({ query: env('TRACK_B'), source: 'local' }, { id: 'tester' });
  check(first.loadType === 'track' && second.loadType === 'track',
    `both tracks load: ${first.loadType}, ${second.loadType}`);
  await player.queue.add([first.tracks[0], second.tracks[0]]);
  const started = next(manager, 'trackStart');
  await player.play();
  const start = await started;
  check(start.guildId === guildId, 'trackStart for the guild');
  await until('frames at the voice server', 15_000, async () => (await frames()) > 100);
  emit({ playing: await frames() });

  await player.seek(20_000);
  await until('the position past 20 s', 10_000, async () => {
    const p = await player.node.fetchPlayer(guildId);
    return p.state.position >= 20_000 && p.state.connected && p.state.position;
  });
  emit({ seeked: (await player.node.fetchPlayer(guildId)).state.position });

  await player.filterManager.setPitch(1.5);
  const filtered = await player.node.fetchPlayer(guildId);
  check(filtered.filters?.timescale?.pitch === 1.5, `filters applied: ${JSON.stringify(filtered.filters)}`);
  emit({ filtered: filtered.filters });

  await player.pause();
  await sleep(500);
  const pausedAt = await frames();
  await sleep(1500);
  const whilePaused = (await frames()) - pausedAt;
  check(whilePaused < 20, `no audio while paused (${whilePaused} frames in 1.5 s)`);
  check((await player.node.fetchPlayer(guildId)).paused === true, 'the node says paused');
  await player.resume();
  await until('audio again after resume', 10_000, async () => (await frames()) > pausedAt + 50);
  emit({ paused: whilePaused });

  const nextStarted = next(manager, 'trackStart', (p, track) => track?.info?.duration === second.tracks[0].info.duration);
  await player.skip();
  await nextStarted;
  emit({ skipped: true });

  await player.destroy('test over');
  await until('the voice connection closed', 10_000, async () => !(await simVoice(guildId)).connected);
  const players = await player.node.fetchAllPlayers();
  check(Array.isArray(players) && players.length === 0, `no players after destroy: ${JSON.stringify(players)}`);
  emit({ destroyed: true, closed });
  check(closed.length === 0, 'no WebSocketClosedEvent');
  await finish(client);
}

client.once(Events.ClientReady, async () => {
  manager.nodeManager.once('connect', () => scenario().catch(fail));
  await manager.init({ id: client.user.id, username: client.user.username });
});
await client.login(env('SIM_TOKEN'));
