package dev.hubcord.systemtests.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people of one simulated guild, and what they see of the bot: the replies it posts to their messages and the
 * answers to their slash commands.
 */
public final class Users {

    /** VIEW_CHANNEL, SEND_MESSAGES and READ_MESSAGE_HISTORY: what the bot needs to reply in a channel. */
    private static final long REPLY_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 16);

    private final SimApi sim;
    private final HubApi hub;
    private final JsonNode guild;
    private List<String> answerable;

    public Users(Deployment system, String guildId) {
        this.sim = system.sim();
        this.hub = system.hub();
        this.guild = sim.guild(guildId);
    }

    /** The first guild with at least this many members. */
    public static Users ofLargeGuild(Deployment system, int minMembers) {
        for (JsonNode g : system.sim().guilds()) {
            if (g.path("member_count").asInt() >= minMembers) {
                return new Users(system, g.path("id").asText());
            }
        }
        throw new IllegalStateException("no guild with " + minMembers + " members");
    }

    public String guildId() {
        return guild.path("id").asText();
    }

    public JsonNode guild() {
        return guild;
    }

    /**
     * The text channels where the bot may reply, as an operator sees them in the hub's computed permissions (the
     * simulated guilds have channels the bot cannot see, as real ones do).
     */
    public synchronized List<String> textChannels() {
        if (answerable == null) {
            String bot = bot();
            List<String> out = new ArrayList<>();
            for (JsonNode c : guild.path("channels")) {
                if (c.path("type").asInt() != 0) {
                    continue;
                }
                String id = c.path("id").asText();
                long permissions = Long.parseLong(hub.get("/v1/discord/guilds/" + guildId() + "/members/" + bot
                        + "/permissions?channel=" + id).path("permissions").asText());
                if ((permissions & REPLY_PERMISSIONS) == REPLY_PERMISSIONS) {
                    out.add(id);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("the bot may reply in no text channel of guild " + guildId());
            }
            answerable = List.copyOf(out);
        }
        return answerable;
    }

    public String textChannel() {
        return textChannels().getFirst();
    }

    /** The bot's user ID, as the guild's member list shows it. */
    public String bot() {
        for (JsonNode m : guild.path("members")) {
            if (m.path("bot").asBoolean()) {
                return m.path("user_id").asText();
            }
        }
        throw new IllegalStateException("the bot is not a member of guild " + guildId());
    }

    /** Human members (not bots), in the simulator's order. */
    public List<JsonNode> people() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : guild.path("members")) {
            if (!m.path("bot").asBoolean()) {
                out.add(m);
            }
        }
        return out;
    }

    /** A member holding a role with ADMINISTRATOR (the owner otherwise): allowed to moderate. */
    public String moderator() {
        return guild.path("owner_id").asText();
    }

    /** The reply the bot posted to a message, once it exists. */
    public Optional<String> replyTo(String channelId, String messageId) {
        return replies(channelId, messageId).stream().findFirst();
    }

    /** Every successful reply the bot posted to a message (Discord dropped duplicates are not counted). */
    public List<String> replies(String channelId, String messageId) {
        return sim.requests("POST", "/channels/" + channelId + "/messages").stream()
                .filter(r -> r.status() == 200 && r.body() != null)
                .filter(r -> r.body().path("message_reference").path("message_id").asText().equals(messageId))
                .map(SimApi.Request::content).toList();
    }

    public String awaitReply(String channelId, String messageId) {
        return await("the bot's reply to " + messageId).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> replyTo(channelId, messageId), Optional::isPresent).orElseThrow();
    }

    /** A user says something and waits for the bot's reply. */
    public String command(String channelId, String authorId, String content) {
        String id = sim.say(channelId, authorId, content).path("id").asText();
        return awaitReply(channelId, id);
    }

    /** The content the bot answered an interaction with (callback, or the edit of a deferred one). */
    public Optional<String> interactionAnswer(String interactionId, String token) {
        for (SimApi.Request r : sim.requests()) {
            if (r.body() == null || r.status() / 100 != 2) {
                continue;
            }
            if (r.path().contains("/interactions/" + interactionId + "/")) {
                String content = r.body().path("data").path("content").asText("");
                if (!content.isEmpty()) {
                    return Optional.of(content);
                }
            } else if (r.path().contains("/webhooks/") && r.path().contains(token)) {
                String content = r.content();
                if (!content.isEmpty()) {
                    return Optional.of(content);
                }
            }
        }
        return Optional.empty();
    }

    /** A user runs a slash command and waits for its answer. */
    public String slash(String channelId, String userId, String name, JsonNode options) {
        JsonNode payload = sim.slash(channelId, userId, name, options);
        String id = payload.path("id").asText();
        String token = payload.path("token").asText();
        return await("the answer to /" + name).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> interactionAnswer(id, token), Optional::isPresent).orElseThrow();
    }
}
