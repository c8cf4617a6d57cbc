// discord.js 14 scenarios against discord-sim, one scenario per process: `node scenarios.mjs <scenario>`.
// Configuration comes from the environment (DiscordJsIT sets it): SIM_API (REST base without the version,
// e.g. http://127.0.0.1:PORT/api), SIM_TOKEN, and per scenario the IDs it acts on.
// Output, one line each, read by DiscordJsIT: `READY`, `EVENT <json>`, `PASS`, `FAIL <reason>`.
// The client is configured only as discord.js documents it: the REST `api` option; the gateway URL comes from
// GET /gateway/bot, as it does against Discord.
import { Client, EmbedBuilder, Events, GatewayIntentBits, MessageFlags, Routes } from 'discord.js';

const scenario = process.argv[2];
const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing environment variable ${name}`);
  }
  return value;
};
const emit = (event) => console.log(`EVENT ${JSON.stringify(event)}`);
const fail = (reason) => {
  console.log(`FAIL ${reason instanceof Error ? reason.stack.replace(/\n/g, ' | ') : reason}`);
  process.exit(1);
};
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);

const client = new Client({
  intents: [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMembers,
    GatewayIntentBits.GuildModeration,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.MessageContent,
    // @discordjs/voice's adapter needs the bot's own VOICE_STATE_UPDATE
    ...(scenario === 'voice' ? [GatewayIntentBits.GuildVoiceStates] : []),
  ],
  shards: [0, 1],
  shardCount: 2,
  rest: { api: env('SIM_API'), version: '10' },
});

// Every REST answer, so a scenario can report the 429s discord.js met (and retried).
const statuses = [];
client.rest.on('response', (request, response) => {
  statuses.push({ method: request.method, route: request.route, status: response.status });
});
client.on(Events.Error, (error) => emit({ error: String(error) }));
// discord.js's own trace, to stderr (DiscordJsIT keeps it in target/node-<scenario>.stderr.log)
client.on(Events.Debug, (message) => console.error(`${new Date().toISOString()} ${message}`));

const finish = async () => {
  console.log('PASS');
  await client.destroy();
  process.exit(0);
};

/** Two shards, every guild, and every member of one guild per shard through op 8 (chunked). */
async function login() {
  client.once(Events.ClientReady, async () => {
    const perShard = {};
    for (const guild of client.guilds.cache.values()) {
      perShard[guild.shardId] = (perShard[guild.shardId] ?? 0) + 1;
    }
    emit({ ready: true, user: client.user.id, guilds: client.guilds.cache.size, perShard });
    for (const id of env('MEMBER_GUILDS').split(',')) {
      const guild = client.guilds.cache.get(id);
      const members = await guild.members.fetch();
      emit({ members: id, shard: guild.shardId, count: members.size, cached: guild.members.cache.size });
    }
    await finish();
  });
}

/** A user's message answered by a reply with an embed. */
async function messages() {
  client.on(Events.MessageCreate, async (message) => {
    if (message.author.id === client.user.id || message.content !== '!embed') {
      return;
    }
    const embed = new EmbedBuilder().setTitle('Pong').setDescription('from discord.js').setColor(0x5865f2);
    const sent = await message.reply({ embeds: [embed] });
    emit({
      received: message.id,
      sent: sent.id,
      type: sent.type,
      reference: sent.reference?.messageId ?? null,
      embeds: sent.embeds.map((e) => ({ title: e.title, description: e.description, color: e.color })),
    });
    await finish();
  });
  client.once(Events.ClientReady, () => console.log('READY'));
}

/** `ping` is answered at once, its answer fetched and deleted; `slow` is deferred, edited and followed up. */
async function interactions() {
  let done = 0;
  client.on(Events.InteractionCreate, async (interaction) => {
    if (!interaction.isChatInputCommand()) {
      return;
    }
    if (interaction.commandName === 'ping') {
      await interaction.reply({ content: 'pong' });
      const fetched = await interaction.fetchReply();
      await interaction.deleteReply();
      emit({ replied: interaction.id, fetched: fetched.id, fetchedContent: fetched.content });
    } else if (interaction.commandName === 'slow') {
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'done' });
      const followUp = await interaction.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
      emit({ deferred: interaction.id, edited: edited.id, editedContent: edited.content, followUp: followUp.id });
    }
    if (++done === 2) {
      await finish();
    }
  });
  client.once(Events.ClientReady, () => console.log('READY'));
}

/** Ban, kick and a 10-minute timeout, by IDs. */
async function moderation() {
  client.once(Events.ClientReady, async () => {
    const guild = client.guilds.cache.get(env('GUILD_ID'));
    await guild.members.ban(env('BAN_USER'), { reason: 'discord.js scenario' });
    await guild.members.kick(env('KICK_USER'), 'discord.js scenario');
    const member = await guild.members.fetch(env('TIMEOUT_USER'));
    const timedOut = await member.timeout(10 * 60 * 1000, 'discord.js scenario');
    emit({ timeoutUntil: timedOut.communicationDisabledUntilTimestamp });
    await finish();
  });
}

/** Op 7, op 9 (resumable) and a 4000 close: each followed by a resume; messages keep arriving. */
async function resume() {
  client.on(Events.ShardResume, (shard, replayed) => emit({ resumed: shard, replayed }));
  client.on(Events.MessageCreate, (message) => {
    if (message.author.id !== client.user.id) {
      emit({ message: message.content, shard: message.guild.shardId });
      if (message.content === 'last') {
        finish();
      }
    }
  });
  client.once(Events.ClientReady, () => console.log('READY'));
}

/**
 * On `!burst`: MESSAGES sends to SAME_CHANNEL at once (one bucket, whose X-RateLimit-* headers discord.js must
 * follow); on `!spread`: one send to each of SPREAD_CHANNELS at once (separate buckets, only a global limit the
 * client cannot know of holds them back: 429s it must wait out and retry).
 */
async function rateLimits() {
  client.on(Events.MessageCreate, async (message) => {
    if (message.author.id === client.user.id) {
      return;
    }
    if (message.content === '!burst') {
      const count = Number(env('MESSAGES'));
      const same = client.channels.cache.get(env('SAME_CHANNEL'));
      const sent = await Promise.all(Array.from({ length: count }, (_, i) => same.send(`same ${i}`)));
      emit({ same: sent.length, tooMany: statuses.filter((s) => s.status === 429).length });
    } else if (message.content === '!spread') {
      const spread = env('SPREAD_CHANNELS').split(',').map((id) => client.channels.cache.get(id));
      const sent = await Promise.all(spread.map((channel, i) => channel.send(`spread ${i}`)));
      emit({ spread: sent.length, tooMany: statuses.filter((s) => s.status === 429).length });
      await finish();
    }
  });
  client.once(Events.ClientReady, () => console.log('READY'));
}

/**
 * REST routes a bot calls beyond the basics, one step each (STEPS, comma-separated, picks which): every step
 * reports `{step, ok, error?}` and the scenario passes only if all of them worked.
 */
async function routes() {
  const steps = {
    self: async () => {
      const me = await client.rest.get(Routes.user());
      const app = await client.application.fetch();
      return { user: me.id, application: app.id };
    },
    messages: async () => {
      const channel = await client.channels.fetch(env('CHANNEL_ID'), { force: true });
      await channel.sendTyping();
      const sent = await channel.send('to edit');
      const fetched = await channel.messages.fetch({ message: sent.id, force: true });
      const edited = await fetched.edit('edited');
      await edited.react('👍');
      await edited.delete();
      return { channel: channel.id, message: sent.id, content: edited.content };
    },
    files: async () => {
      const channel = await client.channels.fetch(env('CHANNEL_ID'), { force: true });
      const sent = await channel.send({
        content: 'with a file',
        files: [{ attachment: Buffer.from('bytes from discord.js'), name: 'djs.txt' }],
      });
      const file = sent.attachments.first();
      const downloaded = Buffer.from(await (await fetch(file.url)).arrayBuffer()).toString();
      return { message: sent.id, name: file.name, size: file.size, downloaded };
    },
    commands: async () => {
      const set = await client.application.commands.set([
        { name: 'ping', description: 'Replies with pong' },
        { name: 'ban', description: 'Bans a member', options: [{ type: 6, name: 'user', description: 'who', required: true }] },
      ]);
      const fetched = await client.application.commands.fetch({ force: true });
      return { registered: [...set.keys()], fetched: [...fetched.keys()] };
    },
    roles: async () => {
      const guild = client.guilds.cache.get(env('GUILD_ID'));
      const member = await guild.members.fetch(env('ROLE_USER'));
      await member.roles.add(env('ROLE_ID'));
      const removed = await member.roles.remove(env('ROLE_ID'));
      return { roles: [...removed.roles.cache.keys()] };
    },
  };
  client.once(Events.ClientReady, async () => {
    let failed = 0;
    for (const name of env('STEPS').split(',')) {
      try {
        emit({ step: name, ok: true, ...(await steps[name]()) });
      } catch (error) {
        failed++;
        emit({
          step: name,
          ok: false,
          request: error.url ? `${error.method} ${new URL(error.url).pathname}` : null,
          status: error.status ?? null,
          error: String(error.message ?? error),
        });
      }
    }
    if (failed > 0) {
      fail(`${failed} step(s) failed`);
    }
    await finish();
  });
}

/** Payload shapes: the reply's embed is `rich`; the messages answering an interaction are type 20 with metadata. */
async function shapes() {
  client.on(Events.MessageCreate, async (message) => {
    if (message.author.id !== client.user.id && message.content === '!embed') {
      const sent = await message.reply({ embeds: [new EmbedBuilder().setTitle('Pong')] });
      emit({ embedType: sent.embeds[0]?.data.type ?? null });
    }
  });
  client.on(Events.InteractionCreate, async (interaction) => {
    await interaction.deferReply();
    const response = await interaction.editReply({ content: 'done' });
    const followUp = await interaction.followUp({ content: 'more' });
    const describe = (m) => ({ type: m.type, metadata: m.interactionMetadata?.id ?? null });
    emit({ interaction: interaction.id, response: describe(response), followUp: describe(followUp) });
    await finish();
  });
  client.once(Events.ClientReady, () => console.log('READY'));
}

const scenarios = {
  login, messages, interactions, moderation, resume, rateLimits, routes, shapes,
  // loaded only here, so the other scenarios never load @discordjs/voice or davey's native module
  voice: async () => (await import('./voice.mjs')).voice(client, { env, emit, finish }),
};
if (!scenarios[scenario]) {
  fail(`unknown scenario ${scenario}; known: ${Object.keys(scenarios).join(', ')}`);
}
await scenarios[scenario]();
await client.login(env('SIM_TOKEN'));
