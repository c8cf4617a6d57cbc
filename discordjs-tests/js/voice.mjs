// The `voice` scenario: @discordjs/voice joins a voice channel as its documentation says (joinVoiceChannel with the
// guild's voiceAdapterCreator; DAVE through @snazzah/davey, on by default), reaches Ready, and on `!play` plays
// FRAMES Opus frames from a stream (StreamType.Opus: no encoder or FFmpeg needed), then leaves.
// The voice gateway is wss://, like Discord's; Node trusts the sim's CA through NODE_EXTRA_CA_CERTS.
import { Readable } from 'node:stream';
import {
  AudioPlayerStatus,
  StreamType,
  VoiceConnectionStatus,
  createAudioPlayer,
  createAudioResource,
  entersState,
  joinVoiceChannel,
} from '@discordjs/voice';
import { Events } from 'discord.js';

/**
 * FRAMES Opus packets, one per 20 ms as the player pulls them: a CELT fullband 20 ms TOC byte (config 31, stereo,
 * one frame) and a changing body. The sim neither decodes Opus nor needs it to be music; it counts and decrypts.
 */
function opusFrames(count) {
  let i = 0;
  return new Readable({
    objectMode: true,
    read() {
      if (i === count) {
        this.push(null);
        return;
      }
      const frame = Buffer.alloc(60, i & 0xff);
      frame[0] = 0xfc;
      frame.writeUInt32BE(i, 1);
      i++;
      this.push(frame);
    },
  });
}

export async function voice(client, { env, emit, finish }) {
  let connection;
  client.once(Events.ClientReady, async () => {
    const guild = client.guilds.cache.get(env('GUILD_ID'));
    connection = joinVoiceChannel({
      guildId: guild.id,
      channelId: env('VOICE_CHANNEL_ID'),
      adapterCreator: guild.voiceAdapterCreator,
      selfDeaf: true,
      debug: true,
    });
    connection.on('debug', (message) => console.error(`${new Date().toISOString()} voice: ${message}`));
    connection.on('error', (error) => emit({ voiceError: String(error) }));
    await entersState(connection, VoiceConnectionStatus.Ready, 30_000);
    emit({ voiceReady: guild.id, privacyCode: connection.voicePrivacyCode ?? null });
    console.log('READY');
  });
  client.on(Events.MessageCreate, async (message) => {
    if (message.author.id === client.user.id || message.content !== '!play') {
      return;
    }
    const frames = Number(env('FRAMES'));
    const player = createAudioPlayer();
    player.on('error', (error) => emit({ playerError: String(error) }));
    connection.subscribe(player);
    player.play(createAudioResource(opusFrames(frames), { inputType: StreamType.Opus }));
    await entersState(player, AudioPlayerStatus.Playing, 10_000);
    await entersState(player, AudioPlayerStatus.Idle, frames * 20 + 10_000);
    emit({ played: frames, privacyCode: connection.voicePrivacyCode ?? null });
    connection.destroy();
    await finish();
  });
}
