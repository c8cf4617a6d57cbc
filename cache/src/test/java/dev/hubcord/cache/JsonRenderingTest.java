package dev.hubcord.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.cache.json.CacheJsonWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonRenderingTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode render(CacheJsonWriter.Writer<DiscordCache> w, DiscordCache cache) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            w.write(g, cache);
        }
        return mapper.readTree(out.toString());
    }

    @Test
    void entitiesRenderInTheRestShape() throws Exception {
        DiscordCache cache = new DiscordCache(CacheConfig.defaults());
        cache.apply(CacheSemanticsTest.fullGuild());
        long g = CacheSemanticsTest.G;
        long alice = CacheSemanticsTest.ALICE;

        JsonNode member = render((gen, c) -> CacheJsonWriter.member(gen, c.member(g, alice).orElseThrow()), cache);
        assertEquals(mapper.readTree("""
                {"id":"479455578708639755","guildID":"254768930223161344","nickname":"Al","roles":["10"],
                 "joinedAt":"2022-10-13T14:35:40.794000+00:00","avatar":null,"communicationDisabledUntil":null,
                 "pending":false,"deaf":false,"mute":false,
                 "user":{"id":"479455578708639755","username":"alice","discriminator":"0","globalName":"Alice",
                         "avatar":"a_0123456789abcdef0123456789abcdef","bot":false}}"""), member);

        JsonNode channel = render((gen, c) -> CacheJsonWriter.channel(gen, c.channel(g, 21).orElseThrow()), cache);
        assertEquals(mapper.readTree("""
                {"id":"21","guildID":"254768930223161344","type":2,"position":2,"name":"Voice","nsfw":false,
                 "overwrites":[],"userLimit":5,"parentID":"22"}"""), channel);

        JsonNode roles = render((gen, c) -> CacheJsonWriter.array(gen, c.roles(g).orElseThrow(), CacheJsonWriter::role), cache);
        assertEquals("1024", roles.get(0).get("permissions").textValue());
        assertEquals("8192", roles.get(1).get("permissions").textValue());

        JsonNode guild = render((gen, c) -> CacheJsonWriter.guild(gen, c.guild(g).orElseThrow()), cache);
        assertEquals("155112606661607425", guild.get("ownerID").textValue());
        assertEquals(2, guild.get("memberCount").intValue());
        assertEquals(1, guild.get("cachedMemberCount").intValue());
        assertEquals(2, guild.get("channelCount").intValue());

        JsonNode voice = render((gen, c) -> CacheJsonWriter.voiceState(gen, c.voiceState(g, alice).orElseThrow()), cache);
        assertEquals("21", voice.get("channelID").textValue());
        assertEquals(true, voice.get("selfDeaf").booleanValue());

        JsonNode perms = render((gen, c) -> CacheJsonWriter.permissions(gen, Long.parseUnsignedLong("9007199254740991")), cache);
        assertEquals("9007199254740991", perms.get("permissions").textValue());
        assertEquals(1, render((gen, c) -> CacheJsonWriter.userCount(gen, c.userCount()), cache).get("users").intValue());
    }
}
