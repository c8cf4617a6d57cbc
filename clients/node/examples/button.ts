/**
 * A commands worker in Node with a button: the slash command /counter answers with a message that carries a "+1"
 * button, and every click on it updates that message in place (interaction callback type 7) to the new count.
 *
 *   HUB_URL=ws://127.0.0.1:3282/ws/v1 HUB_SECRET=… DISCORD_TOKEN=… node button.js
 *
 * DISCORD_API_BASE points it at another Discord (the simulated one in the tests). A click arrives as an
 * EXECUTE_COMMAND like a slash command does, with `interaction.type` 3 and `command` the button's custom ID. The
 * count lives in that custom ID (`counter:<n>`), not in this process: any worker of the deployment can answer any
 * click, also after a restart or a redelivery.
 */
import { HubClient } from '@hubcord/client';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const api = env('DISCORD_API_BASE', 'https://discord.com/api/v10');
const token = env('DISCORD_TOKEN');

/** Discord's interaction types and callback types this example uses. */
const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const CHANNEL_MESSAGE_WITH_SOURCE = 4;
const UPDATE_MESSAGE = 7;
/** A custom ID is at most 100 characters; Discord echoes it back verbatim on a click. */
const COUNTER = /^counter:(\d{1,15})$/;

async function callback(interaction: { id: string; token: string }, body: unknown): Promise<void> {
  const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
  const response = await fetch(api + path, {
    method: 'POST',
    headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

/** The message for a count: its text and one action row (type 1) holding one primary button (type 2, style 1). */
function counterMessage(count: number) {
  return {
    content: `Clicked ${count} time${count === 1 ? '' : 's'}`,
    components: [{ type: 1, components: [{ type: 2, style: 1, label: '+1', custom_id: `counter:${count}` }] }],
  };
}

const hub = new HubClient({
  urls: env('HUB_URL', 'ws://127.0.0.1:3282/ws/v1').split(','),
  type: 'commands',
  secret: env('HUB_SECRET'),
  name: 'node-button',
  compression: 'zstd',
});

hub.onEvent('EXECUTE_COMMAND', async (event) => {
  const { command, interaction } = event.data;
  if (!interaction) return; // a prefix command: nothing to do for it here (acknowledged all the same)
  try {
    if (interaction.type === APPLICATION_COMMAND && command === 'counter') {
      await callback(interaction, { type: CHANNEL_MESSAGE_WITH_SOURCE, data: counterMessage(0) });
      console.log(`answered /counter ${interaction.id}`);
      return;
    }
    const clicked = interaction.type === MESSAGE_COMPONENT ? COUNTER.exec(command) : null;
    if (clicked) {
      const count = Number(clicked[1]) + 1;
      await callback(interaction, { type: UPDATE_MESSAGE, data: counterMessage(count) });
      console.log(`click ${interaction.id}: counter is ${count}`);
    }
  } catch (error) {
    // a redelivered event may have been answered already: Discord says 40060 then, which is fine
    console.error(`${command} ${interaction.id}${event.redelivered ? ' (redelivered)' : ''}: ${String(error)}`);
  }
});
hub.on('error', (error) => console.error(`hub: ${error.kind}: ${error.message}`));

const identified = await hub.connect();
console.log(`ready: session ${identified.session}`);
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
