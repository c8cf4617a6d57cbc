package dev.hubcord.cache;

import java.nio.charset.StandardCharsets;

/** Builds op 5 payloads as JSON bytes, in the shape sharders send. */
final class Payloads {

    private Payloads() {
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] member(long guild, long user, String username, String nickname, String roles) {
        return json("""
                {"type":"member","id":"%s","guildID":"%s","nickname":%s,"roles":[%s],
                 "joinedAt":"2022-10-13T14:35:40.794000+00:00",
                 "user":{"id":"%s","username":"%s","discriminator":"0","globalName":null,"avatar":null,"bot":false}}
                """.formatted(Long.toUnsignedString(user), Long.toUnsignedString(guild),
                nickname == null ? "null" : "\"" + nickname + "\"", roles, Long.toUnsignedString(user), username));
    }

    static byte[] role(long guild, long role, String name, long permissions) {
        return json("""
                {"type":"role","id":"%d","guildID":"%d","name":"%s","color":0,"position":1,"permissions":"%d"}
                """.formatted(role, guild, name, permissions));
    }

    static byte[] channel(long guild, long channel, int channelType, String overwrites) {
        return json("""
                {"type":"channel","id":"%d","guildID":"%d","channelType":%d,"position":0,"name":"c%d",
                 "nsfw":false,"overwrites":[%s],"parentID":null}
                """.formatted(channel, guild, channelType, channel, overwrites));
    }

    static String overwrite(long id, String type, long allow, long deny) {
        return """
                {"id":"%d","type":"%s","allow":"%d","deny":"%d"}""".formatted(id, type, allow, deny);
    }
}
