package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.InteractionPayloads;
import dev.hubcord.discordsim.payload.UserPayloads;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimRole;
import dev.hubcord.discordsim.population.SimUser;
import java.util.Locale;

/**
 * An interaction's {@code resolved} data, built from the population as Discord builds it: {@code users} (full user
 * objects), {@code members} (partial: no {@code user}, with {@code permissions} in the interaction's channel),
 * {@code roles}, {@code channels} (partial, with the member's {@code permissions} there), {@code attachments} and
 * {@code messages}, each a map from ID to object; maps with nothing in them are left out. Options are normalised on
 * the way: snowflake values become strings, an attachment option's value names a file the user "uploaded".
 */
final class Resolver {

    private final Population population;
    private final SimGuild.Snapshot snap;
    private final long guildId;
    private final long userId;
    private final ObjectNode resolved = Json.obj();

    Resolver(Population population, SimGuild.Snapshot snap, long guildId, long userId) {
        this.population = population;
        this.snap = snap;
        this.guildId = guildId;
        this.userId = userId;
    }

    private ObjectNode map(String name) {
        return resolved.has(name) ? (ObjectNode) resolved.get(name) : resolved.putObject(name);
    }

    /** A user, and their member object when they are in the guild. */
    void user(long id, SimChannel channel) {
        SimUser u = population.user(id).orElseThrow(() -> notFound("unknown user " + Long.toUnsignedString(id)));
        map("users").set(Json.id(id), UserPayloads.user(u));
        snap.member(id).ifPresent(m -> {
            ObjectNode member = GuildPayloads.member(m, null);
            member.put("permissions", Long.toString(Permissions.inChannel(snap, m, channel,
                    System.currentTimeMillis())));
            map("members").set(Json.id(id), member);
        });
    }

    void role(long id) {
        SimRole r = snap.role(id).orElseThrow(() -> notFound("unknown role " + Long.toUnsignedString(id)));
        map("roles").set(Json.id(id), GuildPayloads.role(r));
    }

    void channel(long id) {
        SimChannel c = snap.channel(id).orElseThrow(() -> notFound("unknown channel " + Long.toUnsignedString(id)));
        long perms = snap.member(userId).map(m -> Permissions.inChannel(snap, m, c, System.currentTimeMillis()))
                .orElse(0L);
        map("channels").set(Json.id(id), InteractionPayloads.partialChannel(GuildPayloads.channel(c, guildId),
                guildId, perms));
    }

    /** A user or a role (a mentionable option or select): whichever the ID names. */
    void mentionable(long id, SimChannel channel) {
        if (snap.role(id).isPresent()) {
            role(id);
        } else {
            user(id, channel);
        }
    }

    /** An uploaded file named {@code filename}: a new attachment, its ID returned. */
    String attachment(String filename) {
        long id = population.newId();
        ObjectNode a = map("attachments").putObject(Json.id(id));
        a.put("id", Json.id(id));
        a.put("filename", filename);
        a.put("size", 1024);
        String lower = filename.toLowerCase(Locale.ROOT);
        a.put("content_type", lower.endsWith(".png") ? "image/png" : lower.endsWith(".txt")
                ? "text/plain; charset=utf-8" : "application/octet-stream");
        String url = "https://cdn.discordapp.com/ephemeral-attachments/" + guildId + "/" + id + "/" + filename;
        a.put("url", url);
        a.put("proxy_url", url.replace("cdn.discordapp.com", "media.discordapp.net"));
        a.put("ephemeral", true);
        return Json.id(id);
    }

    void message(ObjectNode message) {
        map("messages").set(message.path("id").asText(), message);
    }

    /**
     * A copy of chat-input options (any depth of subcommands and groups) with every user, channel, role,
     * mentionable and attachment value resolved; an unknown ID is a 404.
     */
    ArrayNode options(JsonNode options, SimChannel channel) {
        ArrayNode out = Json.arr();
        for (JsonNode o : options) {
            if (!o.isObject()) {
                throw new SimException(SimException.Kind.BAD_REQUEST, "an option must be an object");
            }
            ObjectNode copy = ((ObjectNode) o).deepCopy();
            int type = o.path("type").asInt(0);
            if (o.has("options")) {
                copy.set("options", options(o.path("options"), channel));
            }
            if (type >= 6 && type <= 9) {
                long id = Json.snowflake(o.path("value"));
                if (id < 0) {
                    throw new SimException(SimException.Kind.BAD_REQUEST, "option " + o.path("name").asText()
                            + " needs a snowflake value");
                }
                copy.put("value", Json.id(id));
                switch (type) {
                    case 6 -> user(id, channel);
                    case 7 -> channel(id);
                    case 8 -> role(id);
                    default -> mentionable(id, channel);
                }
            } else if (type == 11) {
                copy.put("value", attachment(o.path("value").asText("file.bin")));
            }
            out.add(copy);
        }
        return out;
    }

    /** The resolved object, or null when nothing was resolved. */
    ObjectNode build() {
        return resolved.isEmpty() ? null : resolved;
    }

    private static SimException notFound(String message) {
        return new SimException(SimException.Kind.NOT_FOUND, message);
    }
}
