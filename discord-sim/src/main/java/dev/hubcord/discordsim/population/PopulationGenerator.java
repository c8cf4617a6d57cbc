package dev.hubcord.discordsim.population;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Builds a {@link Population} from a seed. Kept apart from Population so the model stays free of generation noise. */
final class PopulationGenerator {

    private static final long Y2016 = 1_451_606_400_000L;
    private static final long Y2018 = 1_514_764_800_000L;
    private static final long Y2020 = 1_577_836_800_000L;
    private static final long EVERYONE_PERMS = 1L | (1L << 6) | Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES
            | Permissions.EMBED_LINKS | Permissions.ATTACH_FILES | Permissions.READ_MESSAGE_HISTORY
            | Permissions.CONNECT | Permissions.SPEAK | Permissions.USE_VAD | (1L << 26)
            | Permissions.USE_APPLICATION_COMMANDS;
    private static final long MOD_PERMS = Permissions.KICK_MEMBERS | Permissions.BAN_MEMBERS
            | Permissions.MODERATE_MEMBERS | Permissions.MANAGE_NICKNAMES | (1L << 13) | Permissions.MOVE_MEMBERS;
    private static final long BOT_PERMS = MOD_PERMS | Permissions.MANAGE_ROLES | Permissions.MANAGE_CHANNELS
            | Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES | Permissions.EMBED_LINKS | Permissions.ATTACH_FILES
            | Permissions.READ_MESSAGE_HISTORY | Permissions.CONNECT | Permissions.SPEAK | Permissions.USE_VAD;
    private static final String[] STATUSES = {"online", "idle", "dnd"};

    private final PopulationConfig config;
    private final SplittableRandom random;
    private final Snowflakes userIds;
    private final Snowflakes guildIds;
    private final Snowflakes objectIds;

    PopulationGenerator(PopulationConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        this.userIds = new Snowflakes(config.seed() ^ 0x1111L, Y2016);
        this.guildIds = new Snowflakes(config.seed() ^ 0x2222L, Y2018);
        this.objectIds = new Snowflakes(config.seed() ^ 0x3333L, Y2020);
    }

    Population generate() {
        SimUser bot = new SimUser(userIds.next(), config.botName(), null, null, true);
        Population population = new Population(bot, config.seed());
        int poolSize = Math.max(config.users(), Math.max(config.membersPerGuild(), config.largeGuildMembers()) + 1);
        List<SimUser> pool = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            String avatar = random.nextInt(3) == 0 ? null : hex(16);
            SimUser user = new SimUser(userIds.next(), "user" + i, "User " + i, avatar, false);
            pool.add(user);
            population.putUser(user);
        }
        for (int g = 0; g < config.guilds(); g++) {
            population.putGuild(guild(g, bot, pool));
        }
        return population;
    }

    private SimGuild guild(int index, SimUser bot, List<SimUser> pool) {
        long guildId = guildIds.next();
        SimUser owner = pool.get((index * 31) % pool.size());
        long joinedAt = Snowflakes.timestampMillis(guildId) + Duration.ofDays(1 + random.nextInt(300)).toMillis();
        SimGuild guild = new SimGuild(guildId, "Sim Guild " + index, owner.id(), joinedAt);

        int extras = config.extraRolesPerGuild();
        guild.putRole(new SimRole(guildId, "@everyone", 0, 0, EVERYONE_PERMS, false, false, false, 0, false));
        List<Long> extraRoles = new ArrayList<>();
        for (int r = 0; r < extras; r++) {
            long id = objectIds.next();
            extraRoles.add(id);
            guild.putRole(new SimRole(id, "Role " + r, random.nextInt(0xFFFFFF), r + 1, 0, r == 0, false, true, 0,
                    false));
        }
        long booster = objectIds.next();
        guild.putRole(new SimRole(booster, "Server Booster", 0xF47FFF, extras + 1, 0, false, true, false, 0, true));
        long moderator = objectIds.next();
        guild.putRole(new SimRole(moderator, "Moderator", 0x3498DB, extras + 2, MOD_PERMS, true, false, true, 0,
                false));
        long botRole = objectIds.next();
        guild.putRole(new SimRole(botRole, bot.username(), 0, extras + 3, BOT_PERMS, false, true, false, bot.id(),
                false));
        long admin = objectIds.next();
        guild.putRole(new SimRole(admin, "Admin", 0xE74C3C, extras + 4, Permissions.ADMINISTRATOR, true, false, false,
                0, false));

        List<SimMember> members = members(index, guild, bot, owner, pool, botRole, admin, moderator, booster,
                extraRoles);
        members.forEach(guild::putMember);
        List<SimChannel> voice = channels(guild, moderator, extraRoles, members);
        voiceStates(guild, members, voice);
        return guild;
    }

    private List<SimMember> members(int index, SimGuild guild, SimUser bot, SimUser owner, List<SimUser> pool,
            long botRole, long admin, long moderator, long booster, List<Long> extraRoles) {
        boolean large = config.largeGuildEvery() > 0 && index % config.largeGuildEvery() == 0;
        int count = large ? config.largeGuildMembers() : config.membersPerGuild();
        long joined = guild.snapshot().joinedAtMillis();
        List<SimMember> members = new ArrayList<>(count);
        members.add(new SimMember(bot.id(), null, List.of(botRole), joined, 0, false, false, "online"));
        members.add(member(owner.id(), List.of(), joined));
        int start = (index * 7919) % pool.size();
        for (int k = 0; members.size() < count && k < pool.size(); k++) {
            SimUser user = pool.get((start + k) % pool.size());
            if (user.id() == owner.id()) {
                continue;
            }
            int ordinal = members.size();
            List<Long> roles = new ArrayList<>();
            if (ordinal == 2) {
                roles.add(admin);
            } else if (ordinal == 3) {
                roles.add(moderator);
            } else {
                for (long r : extraRoles) {
                    if (random.nextInt(4) == 0) {
                        roles.add(r);
                    }
                }
                if (random.nextInt(20) == 0) {
                    roles.add(booster);
                }
            }
            members.add(member(user.id(), roles, joined + Duration.ofHours(ordinal).toMillis()));
        }
        return members;
    }

    private SimMember member(long userId, List<Long> roles, long joinedAt) {
        String nick = random.nextInt(5) == 0 ? "nick" + random.nextInt(10_000) : null;
        String status = random.nextInt(100) < config.onlinePercent() ? STATUSES[random.nextInt(3)] : "offline";
        return new SimMember(userId, nick, roles, joinedAt, 0, false, false, status);
    }

    /** Creates categories, text and voice channels with overwrites; returns the voice channels. */
    private List<SimChannel> channels(SimGuild guild, long moderator, List<Long> extraRoles,
            List<SimMember> members) {
        long everyone = guild.id();
        List<Long> categories = new ArrayList<>();
        for (int c = 0; c < config.categoriesPerGuild(); c++) {
            long id = objectIds.next();
            categories.add(id);
            List<SimChannel.Overwrite> ow = c == 0 && !extraRoles.isEmpty()
                    ? List.of(new SimChannel.Overwrite(extraRoles.getFirst(), 0, Permissions.EMBED_LINKS, 0))
                    : List.of();
            guild.putChannel(new SimChannel(id, SimChannel.CATEGORY, "Category " + c, c, 0, ow, 0, 0, null));
        }
        for (int t = 0; t < config.textChannelsPerGuild(); t++) {
            long parent = categories.isEmpty() ? 0 : categories.get(t % categories.size());
            List<SimChannel.Overwrite> ow = switch (t) {
                case 1 -> List.of(new SimChannel.Overwrite(everyone, 0, 0, Permissions.VIEW_CHANNEL),
                        new SimChannel.Overwrite(moderator, 0, Permissions.VIEW_CHANNEL, 0));
                case 2 -> members.size() > 4
                        ? List.of(new SimChannel.Overwrite(members.get(4).userId(), 1, 0, Permissions.SEND_MESSAGES))
                        : List.of();
                default -> List.of();
            };
            String name = switch (t) {
                case 0 -> "general";
                case 1 -> "staff";
                default -> "text-" + t;
            };
            guild.putChannel(new SimChannel(objectIds.next(), SimChannel.TEXT, name, t, parent, ow, 0, 0,
                    "Topic of " + name));
        }
        List<SimChannel> voice = new ArrayList<>();
        for (int v = 0; v < config.voiceChannelsPerGuild(); v++) {
            long parent = categories.isEmpty() ? 0 : categories.getLast();
            // The second voice channel is small, so tests can fill it and see Discord's silence on joining.
            int limit = v == 1 ? 2 : 0;
            SimChannel channel = new SimChannel(objectIds.next(), SimChannel.VOICE, "Voice " + v, v, parent,
                    List.of(), limit, 64_000, null);
            voice.add(channel);
            guild.putChannel(channel);
        }
        return voice;
    }

    private void voiceStates(SimGuild guild, List<SimMember> members, List<SimChannel> voice) {
        if (voice.isEmpty()) {
            return;
        }
        for (int i = 0; i < config.voiceStatesPerGuild() && 5 + i < members.size(); i++) {
            SimMember m = members.get(5 + i);
            guild.putVoiceState(new SimVoiceState(m.userId(), voice.getFirst().id(), hex(16), random.nextBoolean(),
                    false, false));
        }
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
