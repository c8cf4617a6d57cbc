package dev.hubcord.cache.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.CacheException.Kind;
import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.VoiceState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one op 5 {@code d} object. Bytes are first tried as a member with the streaming parser
 * (members are most of the traffic); anything else is read as a tree and dispatched on
 * {@code type}. Thread-safe.
 */
public final class PayloadReader {

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public PayloadReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    public CachePayload read(byte[] json) {
        return read(json, 0, json.length);
    }

    /** Reads the object in {@code json[offset, offset + length)}, e.g. {@code d} inside a whole envelope. */
    public CachePayload read(byte[] json, int offset, int length) {
        try (JsonParser p = factory.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CacheException(Kind.NOT_AN_OBJECT, "op 5 d is not a JSON object");
            }
            CachePayload member = MemberParser.readTopLevel(p);
            if (member != null) {
                if (p.nextToken() != null) {
                    throw new CacheException(Kind.MALFORMED_JSON, "trailing data after the JSON object");
                }
                return member;
            }
        } catch (JsonProcessingException e) {
            throw new CacheException(Kind.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CacheException(Kind.MALFORMED_JSON, "unreadable JSON: " + e.getMessage(), e);
        }
        try {
            return read(mapper.readTree(json, offset, length));
        } catch (IOException e) {
            throw new CacheException(Kind.MALFORMED_JSON, "malformed JSON: " + e.getMessage(), e);
        }
    }

    public CachePayload read(JsonNode d) {
        TreeValues.requireObject(d, "op 5 d");
        JsonNode typeNode = d.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new CacheException(Kind.UNKNOWN_TYPE, "payload has no string type");
        }
        String type = typeNode.textValue();
        boolean delete = TreeValues.bool(d, "delete", "payload", false);
        return switch (type) {
            case "member" -> member(d);
            case "user" -> delete ? new CachePayload.UserDelete(TreeValues.snowflake(d, "id", "user")) : user(d);
            case "role" -> delete
                    ? new CachePayload.RoleDelete(TreeValues.snowflake(d, "guildID", "role"), TreeValues.snowflake(d, "id", "role"))
                    : new CachePayload.RoleUpsert(EntityParser.role(d, 0, "role"));
            case "channel" -> delete
                    ? new CachePayload.ChannelDelete(TreeValues.snowflake(d, "guildID", "channel"),
                            TreeValues.snowflake(d, "id", "channel"))
                    : new CachePayload.ChannelUpsert(EntityParser.channel(d, 0, "channel"));
            case "voiceState" -> voiceState(d, delete);
            case "guild" -> delete ? new CachePayload.GuildDelete(TreeValues.snowflake(d, "id", "guild")) : guild(d);
            default -> throw new CacheException(Kind.UNKNOWN_TYPE, "unknown cache type \"" + type + "\"");
        };
    }

    private CachePayload member(JsonNode d) {
        try (JsonParser p = mapper.treeAsTokens(d)) {
            p.nextToken();
            return MemberParser.readTopLevel(p);
        } catch (IOException e) {
            throw new CacheException(Kind.MALFORMED_JSON, "unreadable member: " + e.getMessage(), e);
        }
    }

    private CachePayload user(JsonNode d) {
        try (JsonParser p = mapper.treeAsTokens(d)) {
            p.nextToken();
            return new CachePayload.UserUpsert(MemberParser.readUser(p, "user"));
        } catch (IOException e) {
            throw new CacheException(Kind.MALFORMED_JSON, "unreadable user: " + e.getMessage(), e);
        }
    }

    private static CachePayload voiceState(JsonNode d, boolean delete) {
        if (delete) {
            long user = TreeValues.present(d, "userID") ? TreeValues.snowflake(d, "userID", "voiceState")
                    : TreeValues.snowflake(d, "id", "voiceState");
            return new CachePayload.VoiceDelete(TreeValues.snowflake(d, "guildID", "voiceState"), user);
        }
        VoiceState state = EntityParser.voiceState(d, 0, "voiceState");
        return state.channelId() == 0 ? new CachePayload.VoiceDelete(state.guildId(), state.userId())
                : new CachePayload.VoiceUpsert(state);
    }

    private CachePayload guild(JsonNode d) {
        GuildDraft guild = EntityParser.guild(d);
        long id = guild.id();
        List<Role> roles = null;
        JsonNode arr = TreeValues.array(d, "roles", "guild");
        if (arr != null) {
            roles = new ArrayList<>(arr.size());
            for (JsonNode r : arr) {
                roles.add(EntityParser.role(r, id, "guild.roles[]"));
            }
        }
        List<Channel> channels = null;
        arr = TreeValues.array(d, "channels", "guild");
        if (arr != null) {
            channels = new ArrayList<>(arr.size());
            for (JsonNode c : arr) {
                channels.add(EntityParser.channel(c, id, "guild.channels[]"));
            }
        }
        List<VoiceState> voice = null;
        arr = TreeValues.array(d, "voiceStates", "guild");
        if (arr != null) {
            voice = new ArrayList<>(arr.size());
            for (JsonNode v : arr) {
                VoiceState state = EntityParser.voiceState(v, id, "guild.voiceStates[]");
                if (state.channelId() != 0) {
                    voice.add(state);
                }
            }
        }
        List<MemberDraft> members = List.of();
        arr = TreeValues.array(d, "members", "guild");
        if (arr != null) {
            members = new ArrayList<>(arr.size());
            for (JsonNode m : arr) {
                TreeValues.requireObject(m, "guild.members[]");
                try (JsonParser p = mapper.treeAsTokens(m)) {
                    p.nextToken();
                    members.add(MemberParser.readEmbedded(p, id));
                } catch (IOException e) {
                    throw new CacheException(Kind.MALFORMED_JSON, "unreadable member: " + e.getMessage(), e);
                }
            }
        }
        return new CachePayload.GuildUpsert(guild, roles, channels, members, voice);
    }
}
