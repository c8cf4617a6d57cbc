package dev.hubcord.hub.rest.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;

/**
 * A sharder connection that pushes op 5 CACHE payloads, plus builders for those payloads in the
 * shape of contract section 7. {@link #sync()} is a barrier: the hub handles one connection's
 * payloads in order, so once the ACK of a heartbeat sent after them arrives, they are all stored.
 */
final class CacheFeed implements AutoCloseable {

    private final RawClient sharder;

    CacheFeed(TestHub hub) {
        this.sharder = RawClient.identified(hub, "sharder");
    }

    RawClient client() {
        return sharder;
    }

    /** Sends each payload as op 5, then waits until the hub has stored them. */
    CacheFeed push(String... payloads) {
        for (String d : payloads) {
            sharder.send(5, null, d);
        }
        return sync();
    }

    CacheFeed sync() {
        sharder.heartbeat();
        while (true) {
            JsonNode payload = sharder.next();
            if (payload.get("op").intValue() == 4) {
                return this;
            }
        }
    }

    @Override
    public void close() {
        sharder.close(1000);
    }

    static String member(long guild, long user, String username, String nickname, String roles) {
        return member(guild, user, username, "0", nickname, roles, null);
    }

    static String member(long guild, long user, String username, String discriminator, String nickname, String roles,
                         String timeoutUntil) {
        return """
                {"type":"member","id":"%d","guildID":"%d","nickname":%s,"roles":[%s],
                 "joinedAt":"2022-10-13T14:35:40.794000+00:00","communicationDisabledUntil":%s,
                 "user":{"id":"%d","username":"%s","discriminator":"%s","globalName":null,"avatar":null,"bot":false}}
                """.formatted(user, guild, quote(nickname), roles, quote(timeoutUntil), user, username, discriminator);
    }

    static String role(long guild, long role, String name, long permissions) {
        return """
                {"type":"role","id":"%d","guildID":"%d","name":"%s","color":0,"position":1,"permissions":"%d"}
                """.formatted(role, guild, name, permissions);
    }

    static String channel(long guild, long channel, int channelType, String overwrites) {
        return """
                {"type":"channel","id":"%d","guildID":"%d","channelType":%d,"position":0,"name":"c%d",
                 "nsfw":false,"overwrites":[%s],"parentID":null}
                """.formatted(channel, guild, channelType, channel, overwrites);
    }

    static String overwrite(long id, String type, long allow, long deny) {
        return """
                {"id":"%d","type":"%s","allow":"%d","deny":"%d"}""".formatted(id, type, allow, deny);
    }

    static String voiceState(long guild, long user, Long channel) {
        return """
                {"type":"voiceState","guildID":"%d","userID":"%d","channelID":%s,"deaf":false,"mute":false,
                 "selfDeaf":true,"selfMute":false,"sessionID":"s%d"}
                """.formatted(guild, user, channel == null ? "null" : "\"" + channel + "\"", user);
    }

    static String delete(String type, long guild, long id) {
        String idField = type.equals("voiceState") ? "userID" : "id";
        return """
                {"type":"%s","delete":true,"%s":"%d","guildID":"%d"}""".formatted(type, idField, id, guild);
    }

    static String deleteGuild(long guild) {
        return """
                {"type":"guild","delete":true,"id":"%d"}""".formatted(guild);
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
