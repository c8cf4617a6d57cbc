/**
 * A commands worker in Node: answers the slash command /ping with "pong" through Discord's interaction callback.
 *
 *   HUB_URL=ws://127.0.0.1:3282/ws/v1 HUB_SECRET=… DISCORD_TOKEN=… node slash-commands.js
 *
 * DISCORD_API_BASE points it at another Discord (the simulated one in the tests). Every EXECUTE_COMMAND is
 * acknowledged when the listener's promise settles, so a worker that dies mid-command gets it redelivered to
 * another worker (then `event.redelivered` is true and the callback may already have been sent: Discord answers
 * 40060, which is fine).
 */
import { HubClient } from '@hubcord/client';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const api = env('DISCORD_API_BASE', 'https://discord.com/api/v10');
const token = env('DISCORD_TOKEN');

async function discord(method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(api + path, {
    method,
    headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

const hub = new HubClient({
  urls: env('HUB_URL', 'ws://127.0.0.1:3282/ws/v1').split(','),
  type: 'commands',
  secret: env('HUB_SECRET'),
  name: 'node-slash-commands',
  compression: 'zstd',
});

hub.onEvent('EXECUTE_COMMAND', async (event) => {
  const { command, interaction, ids } = event.data;
  if (!interaction || command !== 'ping') return; // acknowledged all the same: this worker has nothing to do for it
  try {
    await discord('POST', `/interactions/${interaction.id}/${interaction.token}/callback`, {
      type: 4,
      data: { content: `pong (shard ${ids.shard})` },
    });
    console.log(`answered /ping ${interaction.id}`);
  } catch (error) {
    console.error(`/ping ${interaction.id}${event.redelivered ? ' (redelivered)' : ''}: ${String(error)}`);
  }
});
hub.on('error', (error) => console.error(`hub: ${error.kind}: ${error.message}`));

const identified = await hub.connect();
console.log(`ready: session ${identified.session}`);
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
