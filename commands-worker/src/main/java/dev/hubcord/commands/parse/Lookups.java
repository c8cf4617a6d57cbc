package dev.hubcord.commands.parse;

import dev.hubcord.commands.api.Resolver;
import dev.hubcord.commands.api.UsageException;
import dev.hubcord.commands.hub.HubChannel;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubRole;
import dev.hubcord.commands.hub.HubUser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds users, members, channels and roles from what people type, through the hub's cache (members and users with
 * Discord's REST API behind it: {@link Resolver#members()}). Mentions and IDs are
 * exact; names are matched exactly (ignoring case) before prefixes, and an ambiguous name is an error listing the
 * candidates rather than a guess (a moderation command must not hit the wrong person).
 */
public final class Lookups {

    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern CHANNEL_MENTION = Pattern.compile("<#(\\d{1,20})>");
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d{1,20})>");
    private static final Pattern ID = Pattern.compile("\\d{15,20}");
    private static final int SEARCH_LIMIT = 25;

    private Lookups() {
    }

    public static HubMember member(String text, Resolver r) {
        String guild = requireGuild(r);
        Optional<String> id = id(text, USER_MENTION);
        if (id.isPresent()) {
            return r.members().member(guild, id.get()).orElseThrow(() -> new UsageException(
                    "I can't find a member with ID `" + id.get() + "` in this server."));
        }
        return byName(text.startsWith("@") ? text.substring(1) : text, r, guild);
    }

    public static HubUser user(String text, Resolver r) {
        Optional<String> id = id(text, USER_MENTION);
        if (id.isPresent()) {
            Optional<HubMember> member = r.guildId() == null ? Optional.empty()
                    : r.members().member(r.guildId(), id.get());
            return member.map(HubMember::user).or(() -> r.members().user(id.get()))
                    .orElseThrow(() -> new UsageException("I can't find a user with ID `" + id.get() + "`."));
        }
        return byName(text.startsWith("@") ? text.substring(1) : text, r, requireGuild(r)).user();
    }

    private static HubMember byName(String name, Resolver r, String guild) {
        if (name.isBlank()) {
            throw new UsageException("Give a user: a mention, an ID or a name.");
        }
        List<HubMember> found = r.members().searchMembers(guild, name, SEARCH_LIMIT);
        int hash = name.lastIndexOf('#');
        if (hash > 0) {
            String username = name.substring(0, hash);
            String discriminator = name.substring(hash + 1);
            List<HubMember> tagged = found.stream().filter(m -> m.user() != null
                    && m.user().username().equalsIgnoreCase(username)
                    && discriminator.equals(m.user().discriminator())).toList();
            if (tagged.size() == 1) {
                return tagged.getFirst();
            }
        }
        List<HubMember> exact = found.stream().filter(m -> m.user() != null && (eq(m.user().username(), name)
                || eq(m.user().globalName(), name) || eq(m.nickname(), name))).toList();
        List<HubMember> pick = exact.isEmpty() ? found : exact;
        if (pick.size() == 1) {
            return pick.getFirst();
        }
        if (pick.isEmpty()) {
            throw new UsageException("I can't find a member called `" + name + "` in this server.");
        }
        throw new UsageException("`" + name + "` matches several members: " + pick.stream().limit(5)
                .map(m -> m.user().tag()).collect(Collectors.joining(", "))
                + (pick.size() > 5 ? ", ..." : "") + ". Use a mention or an ID.");
    }

    public static HubChannel channel(String text, Resolver r) {
        String guild = requireGuild(r);
        String name = text.startsWith("#") ? text.substring(1) : text;
        return one(r.hub().channels(guild), id(text, CHANNEL_MENTION), name, HubChannel::id, HubChannel::name,
                "channel");
    }

    public static HubRole role(String text, Resolver r) {
        String guild = requireGuild(r);
        String name = text.startsWith("@") ? text.substring(1) : text;
        return one(r.hub().roles(guild), id(text, ROLE_MENTION), name, HubRole::id, HubRole::name, "role");
    }

    private static <T> T one(List<T> all, Optional<String> id, String name, Function<T, String> idOf,
            Function<T, String> nameOf, String what) {
        if (id.isPresent()) {
            return all.stream().filter(x -> idOf.apply(x).equals(id.get())).findFirst()
                    .orElseThrow(() -> new UsageException("I can't find a " + what + " with ID `" + id.get() + "`."));
        }
        List<T> named = all.stream().filter(x -> eq(nameOf.apply(x), name)).toList();
        if (named.size() == 1) {
            return named.getFirst();
        }
        if (named.isEmpty()) {
            throw new UsageException("I can't find a " + what + " called `" + name + "`.");
        }
        throw new UsageException("Several " + what + "s are called `" + name + "`: use a mention or an ID.");
    }

    private static Optional<String> id(String text, Pattern mention) {
        Matcher m = mention.matcher(text);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        return ID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    private static boolean eq(String a, String b) {
        return a != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static String requireGuild(Resolver r) {
        if (r.guildId() == null) {
            throw new UsageException("That only works in a server.");
        }
        return r.guildId();
    }
}
