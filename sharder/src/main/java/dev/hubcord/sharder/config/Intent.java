package dev.hubcord.sharder.config;

import dev.hubcord.sharder.SharderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Discord's gateway intents by name, so {@code DISCORD_INTENTS} can read {@code GUILDS,GUILD_MEMBERS,...} as well as
 * a number. Three are privileged: Discord closes with 4014 when the application's settings do not allow them.
 */
public enum Intent {
    GUILDS(0, false),
    GUILD_MEMBERS(1, true),
    GUILD_MODERATION(2, false),
    GUILD_EXPRESSIONS(3, false),
    GUILD_INTEGRATIONS(4, false),
    GUILD_WEBHOOKS(5, false),
    GUILD_INVITES(6, false),
    GUILD_VOICE_STATES(7, false),
    GUILD_PRESENCES(8, true),
    GUILD_MESSAGES(9, false),
    GUILD_MESSAGE_REACTIONS(10, false),
    GUILD_MESSAGE_TYPING(11, false),
    DIRECT_MESSAGES(12, false),
    DIRECT_MESSAGE_REACTIONS(13, false),
    DIRECT_MESSAGE_TYPING(14, false),
    MESSAGE_CONTENT(15, true),
    GUILD_SCHEDULED_EVENTS(16, false),
    AUTO_MODERATION_CONFIGURATION(20, false),
    AUTO_MODERATION_EXECUTION(21, false),
    GUILD_MESSAGE_POLLS(24, false),
    DIRECT_MESSAGE_POLLS(25, false);

    private final int bit;
    private final boolean privileged;

    Intent(int bit, boolean privileged) {
        this.bit = bit;
        this.privileged = privileged;
    }

    public int mask() {
        return 1 << bit;
    }

    public boolean privileged() {
        return privileged;
    }

    /** Whether {@code intents} includes this one. */
    public boolean in(int intents) {
        return (intents & mask()) != 0;
    }

    /**
     * A number ({@code 33411}) or comma-separated names ({@code GUILDS, guild_members}).
     *
     * @throws SharderException {@code CONFIG} for an unknown name or a negative number
     */
    public static int parse(String value) {
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw invalid("DISCORD_INTENTS is too large: " + v);
            }
        }
        int mask = 0;
        for (String part : v.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                mask |= valueOf(name).mask();
            } catch (IllegalArgumentException e) {
                throw invalid("DISCORD_INTENTS: unknown intent '" + part.trim() + "' (a number or names such as "
                        + "GUILDS,GUILD_MEMBERS,GUILD_VOICE_STATES,GUILD_MESSAGES,MESSAGE_CONTENT)");
            }
        }
        return mask;
    }

    /** The names of the privileged intents in {@code intents}, for the 4014 log line. */
    public static List<String> privilegedIn(int intents) {
        List<String> names = new ArrayList<>();
        for (Intent i : values()) {
            if (i.privileged && i.in(intents)) {
                names.add(i.name());
            }
        }
        return names;
    }

    private static SharderException invalid(String message) {
        return new SharderException(SharderException.Kind.CONFIG, message);
    }
}
