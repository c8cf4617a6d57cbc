// shoukaku (a Lavalink v4 client library) with the hub as its one Lavalink node: join a voice channel through the
// discord.js bot, load tracks, play, seek, filter, pause, skip (play the next track), destroy. Every step is
// checked on the client's side and at the simulated voice server; the Java side checks the rest.
// `failover` mode instead plays until the Java side has killed the audio worker, then checks that nothing changed
// for the client.
import { Connectors, Shoukaku } from 'shoukaku';
import { Events } from 'discord.js';
import { check, discordClient, emit, env, fail, finish, next, simVoice, sleep, until } from './common.mjs';

const mode = process.argv[2] ?? 'scenario';
const client = discordClient();
const shoukaku = new Shoukaku(new Connectors.DiscordJS(client),
  [{ name: 'hubcord', url: `127.0.0.1:${env('HUB_PORT')}`, auth: env('HUB_SECRET') }],
  { resume: false, reconnectTries: 3, reconnectInterval: 1, restTimeout: 30 });
shoukaku.on('error', (name, error) => emit({ shoukakuError: String(error) }));
shoukaku.on('debug', (name, message) => console.error(`${new Date().toISOString()} shoukaku: ${message}`));

const guildId = env('GUILD_ID');
const frames = async () => (await simVoice(guildId)).frames ?? 0;

async function load(identifier) {
  const node = shoukaku.getIdealNode();
  const result = await node.rest.resolve(identifier);
  check(result?.loadType === 'track', `loadType track for ${identifier}, got ${JSON.stringify(result)}`);
  return result.data;
}

async function join() {
  const player = await shoukaku.joinVoiceChannel({
    guildId, channelId: env('VOICE_CHANNEL_ID'), shardId: client.guilds.cache.get(guildId).shardId, deaf: true,
  });
  const closed = [];
  player.on('closed', (event) => closed.push(event));
  player.on('exception', (event) => emit({ exception: event.exception }));
  return { player, closed };
}

async function scenario() {
  const { player, closed } = await join();
  const first = await load(env('TRACK_A'));
  const second = await load(env('TRACK_B'));
  emit({ loaded: [first.info.length, second.info.length] });
  const started = next(player, 'start');
  await player.playTrack({ track: { encoded: first.encoded } });
  const start = await started;
  check(start.track.info.length === first.info.length, 'TrackStartEvent for the first track');
  await until('frames at the voice server', 15_000, async () => (await frames()) > 100);
  emit({ playing: await frames() });

  await player.seekTo(20_000);
  const update = await next(player, 'update', (u) => u.state.position >= 20_000 && u.state.connected);
  emit({ seeked: update.state.position });

  await player.setTimescale({ pitch: 1.5 });
  const withFilter = await shoukaku.getIdealNode().rest.getPlayer(guildId);
  check(withFilter.filters?.timescale?.pitch === 1.5, `filters applied: ${JSON.stringify(withFilter.filters)}`);
  emit({ filtered: withFilter.filters });

  await player.setPaused(true);
  await sleep(500); // frames in flight when it paused
  const pausedAt = await frames();
  await sleep(1500);
  const whilePaused = (await frames()) - pausedAt;
  check(whilePaused < 20, `no audio while paused (${whilePaused} frames in 1.5 s)`);
  await player.setPaused(false);
  await until('audio again after resume', 10_000, async () => (await frames()) > pausedAt + 50);
  emit({ paused: whilePaused });

  // skip: play the next track now; the first one ends with `replaced`
  const ended = next(player, 'end');
  const nextStarted = next(player, 'start', (e) => e.track.info.length === second.info.length);
  await player.playTrack({ track: { encoded: second.encoded } });
  check((await ended).reason === 'replaced', 'the first track ended as replaced');
  await nextStarted;
  emit({ skipped: true });

  await shoukaku.leaveVoiceChannel(guildId);
  await until('the voice connection closed', 10_000, async () => !(await simVoice(guildId)).connected);
  const players = await shoukaku.getIdealNode().rest.getPlayers();
  check(players.length === 0, `no players after destroy: ${JSON.stringify(players)}`);
  emit({ destroyed: true, closed });
  check(closed.length === 0, 'no WebSocketClosedEvent');
  await finish(client);
}

async function failover() {
  const { player, closed } = await join();
  const track = await load(env('TRACK_A'));
  const started = next(player, 'start'); // listening first: the event may come before the PATCH's answer
  await player.playTrack({ track: { encoded: track.encoded } });
  await started;
  await player.setGlobalVolume(70);
  await player.setTimescale({ pitch: 1.25 });
  await player.seekTo(30_000);
  await until('audio', 15_000, async () => (await frames()) > 100);
  await sleep(2000); // a snapshot after the seek reaches the hub
  const before = await simVoice(guildId);
  const state = await shoukaku.getIdealNode().rest.getPlayer(guildId);
  emit({ beforeKill: { ssrc: before.session.ssrc, position: state.state.position } });
  console.log('READY'); // the Java side now kills the audio worker that plays the guild
  const killed = Date.now();
  await until('frames from another worker', 10_000, async () => {
    const v = await simVoice(guildId);
    return v.connected && v.session?.ssrc !== before.session.ssrc && v.last_frame_age_ms >= 0
      && v.last_frame_age_ms < 200;
  });
  const gapMs = Date.now() - killed;
  const after = await shoukaku.getIdealNode().rest.getPlayer(guildId);
  emit({ afterKill: { gapMs, position: after.state.position, volume: after.volume, paused: after.paused,
    filters: after.filters, closed } });
  check(after.volume === 70 && after.filters?.timescale?.pitch === 1.25 && !after.paused, 'the player as it was');
  check(after.state.position >= state.state.position, 'on from where it stood');
  check(closed.length === 0, 'no WebSocketClosedEvent');
  await shoukaku.leaveVoiceChannel(guildId);
  await finish(client);
}

client.once(Events.ClientReady, () => {
  shoukaku.once('ready', () => (mode === 'failover' ? failover() : scenario()).catch(fail));
});
await client.login(env('SIM_TOKEN'));
