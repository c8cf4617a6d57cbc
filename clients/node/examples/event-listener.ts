/**
 * An event listener in Node: subscribes to Discord dispatches through the hub and prints them.
 *
 *   HUB_URL=ws://127.0.0.1:3282/ws/v1 HUB_SECRET=… node event-listener.js
 *
 * The sharder forwards the dispatches named in its SHARDER_DISPATCH_EVENTS; `events` below subscribes to them. A
 * `commands` client also takes its share of EXECUTE_COMMAND events, so in a real deployment this listener lives in
 * the commands worker's process (see slash-commands.ts) rather than beside it.
 */
import { HubClient } from '@hubcord/client';

interface Message {
  channel_id: string;
  content: string;
  author: { id: string; username: string };
}

const hub = new HubClient({
  urls: (process.env.HUB_URL ?? 'ws://127.0.0.1:3282/ws/v1').split(','),
  type: 'commands',
  secret: process.env.HUB_SECRET ?? '',
  name: 'node-event-listener',
  events: ['MESSAGE_CREATE', 'GUILD_MEMBER_ADD'],
});

hub.onEvent('DISPATCH', (event) => {
  const { t, d, shard } = event.data;
  if (t === 'MESSAGE_CREATE') {
    const message = d as Message;
    console.log(`MESSAGE_CREATE shard ${shard} #${message.channel_id} ${message.author.username}: ${message.content}`);
  } else {
    console.log(`${t} shard ${shard}`);
  }
});
hub.on('error', (error) => console.error(`hub: ${error.kind}: ${error.message}`));

const identified = await hub.connect();
console.log(`ready: session ${identified.session}`);
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
