package dev.hubcord.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.cache.ingest.CachePayload;
import dev.hubcord.cache.ingest.PayloadReader;
import dev.hubcord.cache.json.CacheJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Fuzz target for the hub's op 5 ingest: what a sharder sends as {@code d} is read, applied to a
 * cache and read back the way the REST resources do. Each payload either applies or is refused with
 * {@link CacheException} (close code 4005 / HTTP 400); any other exception is a finding. The input
 * is several payloads, one per line, applied to the same cache so that later ones meet the state
 * earlier ones built (a member of a guild with roles and channels, then its deletion, ...).
 */
class CacheIngestFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A small cache (few stripes, small budgets): cheap to build per input, and eviction is reached. */
    @FuzzTest
    void op5Payloads(byte[] data) throws IOException {
        DiscordCache cache = new DiscordCache(new CacheConfig(64, 16, 4, Clock.systemUTC()));
        PayloadReader reader = new PayloadReader(MAPPER);
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                if (i > start) {
                    applyAndReadBack(cache, reader, data, start, i - start);
                }
                start = i + 1;
            }
        }
    }

    private static void applyAndReadBack(DiscordCache cache, PayloadReader reader, byte[] data, int offset, int length)
            throws IOException {
        CachePayload payload;
        try {
            payload = reader.read(data, offset, length);
        } catch (CacheException expected) {
            // The byte-range entry point the hub uses must refuse it the same way.
            CacheException again = catchThrowableOfType(CacheException.class,
                    () -> cache.apply(data, offset, length));
            assertThat(again.kind()).isEqualTo(expected.kind());
            return;
        }
        cache.apply(payload);
        long[] ids = ids(payload);
        long guild = ids[0];
        long user = ids[1];
        try (JsonGenerator g = MAPPER.createGenerator(OutputStream.nullOutputStream())) {
            g.writeStartArray();
            cache.guild(guild).ifPresent(x -> write(() -> CacheJsonWriter.guild(g, x)));
            cache.channels(guild).ifPresent(l -> l.forEach(c -> write(() -> CacheJsonWriter.channel(g, c))));
            cache.roles(guild).ifPresent(l -> l.forEach(r -> write(() -> CacheJsonWriter.role(g, r))));
            cache.voiceStates(guild).ifPresent(l -> l.forEach(v -> write(() -> CacheJsonWriter.voiceState(g, v))));
            cache.member(guild, user).ifPresent(m -> write(() -> CacheJsonWriter.member(g, m)));
            cache.user(user).ifPresent(u -> write(() -> CacheJsonWriter.user(g, u)));
            cache.searchMembers(guild, "a", 5).ifPresent(l -> assertThat(l).hasSizeLessThanOrEqualTo(5));
            cache.permissions(guild, user);
            cache.channels(guild).ifPresent(l -> l.forEach(c -> cache.permissions(guild, user, c.id())));
            g.writeEndArray();
        }
        assertThat(cache.stats()).isNotNull();
    }

    /** The guild and user a payload is about (0 when it has none), to read them back. */
    private static long[] ids(CachePayload payload) {
        return switch (payload) {
            case CachePayload.MemberUpsert m -> new long[] {m.member().guildId(), m.member().userId()};
            case CachePayload.MemberDelete m -> new long[] {m.guildId(), m.userId()};
            case CachePayload.UserUpsert u -> new long[] {0, u.user().id()};
            case CachePayload.UserDelete u -> new long[] {0, u.userId()};
            case CachePayload.RoleUpsert r -> new long[] {r.role().guildId(), 0};
            case CachePayload.RoleDelete r -> new long[] {r.guildId(), 0};
            case CachePayload.ChannelUpsert c -> new long[] {c.channel().guildId(), 0};
            case CachePayload.ChannelDelete c -> new long[] {c.guildId(), 0};
            case CachePayload.VoiceUpsert v -> new long[] {v.state().guildId(), v.state().userId()};
            case CachePayload.VoiceDelete v -> new long[] {v.guildId(), v.userId()};
            case CachePayload.GuildUpsert g -> new long[] {g.guild().id(),
                g.members().isEmpty() ? 0 : g.members().getFirst().userId()};
            case CachePayload.GuildDelete g -> new long[] {g.guildId(), 0};
        };
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void write(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
