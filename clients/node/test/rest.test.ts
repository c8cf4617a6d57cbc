/** The typed REST client, generated from the hub's /v1/openapi.json, against a real hub's Discord cache. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HubRestClient, HubRestError } from '@hubcord/client';
import { Clients, type Hub, SECRET, startHub, waitFor } from './harness.js';

const GUILD = '254768930223161344';
const USER = '479455578708639755';

describe('the REST client', () => {
  let hub: Hub;
  let rest: HubRestClient;
  const clients = new Clients();

  before(async () => {
    hub = await startHub();
    rest = new HubRestClient({ baseUrl: `http://127.0.0.1:${hub.port}`, secret: SECRET });
    const sharder = clients.create({ urls: hub.url, type: 'sharder', publishAcks: true });
    await sharder.connect();
    sharder.sendCache({ type: 'guild', id: GUILD, name: 'Oxyl', ownerID: USER });
    sharder.sendCache({
      type: 'member', id: USER, guildID: GUILD, nickname: 'Al', roles: [], joinedAt: '2022-10-13T14:35:40.794000+00:00',
      communicationDisabledUntil: null,
      user: { id: USER, username: 'alice', discriminator: '0', globalName: 'Alice', avatar: null, bot: false },
    });
    await waitFor('the cache entities taken', () => sharder.unconfirmed().payloads === 0);
  });
  after(async () => {
    await clients.closeAll();
    await hub.stop();
  });

  it('reads what a sharder cached, typed', async () => {
    const guild = await rest.getGuild(GUILD);
    assert.equal(guild.name, 'Oxyl');
    assert.equal(guild.cachedMemberCount, 1);
    const member = await rest.getMember(GUILD, USER);
    assert.equal(member.nickname, 'Al');
    assert.equal(member.user?.username, 'alice');
    const found = await rest.searchMembers(GUILD, { query: 'ali', limit: 5 });
    assert.deepEqual(found.map((m) => m.id), [USER]);
    assert.deepEqual(await rest.countUsers(), { users: 1 });
    const permissions = await rest.getPermissions(GUILD, USER);
    assert.equal(permissions.permissions, '9007199254740991'); // the owner has every bit
    const services = await rest.listServices();
    assert.ok(services.some((s) => s.type === 'sharder' && s.connected));
  });

  it('deletes from the cache and reports errors with their code', async () => {
    await rest.deleteMember(GUILD, USER);
    await assert.rejects(rest.getMember(GUILD, USER), (e: HubRestError) => e.status === 404 && e.code === 'NOT_FOUND');
    await assert.rejects(rest.getGuild('not-an-id'), (e: HubRestError) => e.status === 400 && e.code === 'BAD_REQUEST');
    const wrong = new HubRestClient({ baseUrl: `http://127.0.0.1:${hub.port}/`, secret: 'wrong' });
    await assert.rejects(wrong.countUsers(), (e: HubRestError) => e.status === 401 && e.code === 'UNAUTHORIZED');
  });

  it('fetches the description it was generated from', async () => {
    const spec = (await rest.getOpenApi()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(spec.openapi, '3.1.0');
    assert.ok('/v1/discord/guilds/{guild}/members/{user}' in spec.paths);
  });
});
