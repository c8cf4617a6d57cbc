// What every scenario shares: configuration from the environment (LavalinkClientsIT sets it), the discord.js client
// logged in to discord-sim, the output protocol read by the Java side (`READY`, `EVENT <json>`, `PASS`,
// `FAIL <reason>`), and the simulated voice server's view of a guild (GET /_sim/voice/{guild}).
import { Client, Events, GatewayIntentBits } from 'discord.js';

export const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing environment variable ${name}`);
  }
  return value;
};
export const emit = (event) => console.log(`EVENT ${JSON.stringify(event)}`);
export const fail = (reason) => {
  console.log(`FAIL ${reason instanceof Error ? reason.stack.replace(/\n/g, ' | ') : reason}`);
  process.exit(1);
};
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);

export const check = (condition, what) => {
  if (!condition) {
    throw new Error(`check failed: ${what}`);
  }
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 100 ms until it returns a truthy value; throws with `what` after `ms`. */
export async function until(what, ms, probe) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    }
    await sleep(100);
  }
}

/** The simulated voice server's state of the guild: connected, frames, silence_frames, session.ssrc, … */
export async function simVoice(guildId) {
  const response = await fetch(`${env('SIM_CONTROL')}/voice/${guildId}`);
  return response.json();
}

/** A once-style wait for the next event `name` on `emitter` that satisfies `match`. */
export function next(emitter, name, match = () => true, ms = 15_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(name, listener);
      reject(new Error(`no ${name} event within ${ms} ms`));
    }, ms);
    const listener = (...args) => {
      if (match(...args)) {
        clearTimeout(timer);
        emitter.off(name, listener);
        resolve(args[0]);
      }
    };
    emitter.on(name, listener);
  });
}

/** The discord.js client as its documentation configures it, against the sim's REST API; not logged in yet. */
export function discordClient() {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
    shards: [0, 1],
    shardCount: 2,
    rest: { api: env('SIM_API'), version: '10' },
  });
  client.on(Events.Error, (error) => emit({ error: String(error) }));
  client.on(Events.Debug, (message) => console.error(`${new Date().toISOString()} discord.js: ${message}`));
  return client;
}

export const finish = async (client) => {
  console.log('PASS');
  await client.destroy();
  process.exit(0);
};
