package dev.hubcord.hub.rest.discord;

import dev.hubcord.cache.DiscordCache;
import dev.hubcord.hub.rest.RestHandler;
import dev.hubcord.hub.rest.RestRequest;
import dev.hubcord.hub.rest.RestResponse;
import java.util.List;

/**
 * {@code /v1/discord/...}: finds the route from the path's shape, answers 404 for an unknown path,
 * 405 for a method the route does not take, 400 for a malformed ID, then lets the route's resource
 * answer (which gives 404 for an entity the cache does not hold).
 */
public final class DiscordApi implements RestHandler {

    /** The routes of contract section 9; {@code deletable} ones take DELETE as well as GET. */
    private enum Route {
        GUILD(true), CHANNELS(false), CHANNEL(true), CHANNEL_MEMBERS(false), ROLES(false), ROLE(true),
        VOICE_STATES(false), VOICE_STATE(true), MEMBERS(false), MEMBER(true), PERMISSIONS(false),
        USERS(false), USER(false);

        final boolean deletable;

        Route(boolean deletable) {
            this.deletable = deletable;
        }
    }

    private final GuildResource guilds;
    private final MemberResource members;
    private final VoiceAndUserResource voiceAndUsers;

    public DiscordApi(DiscordCache cache) {
        this.guilds = new GuildResource(cache);
        this.members = new MemberResource(cache, new SearchWorkers());
        this.voiceAndUsers = new VoiceAndUserResource(cache);
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> s = request.segments();
        Route route = route(s);
        if (route == null) {
            return RestResponse.notFound("no such endpoint: " + request.path());
        }
        boolean delete = request.method().equals("DELETE");
        if (!request.method().equals("GET") && !(delete && route.deletable)) {
            return RestResponse.methodNotAllowed(request.method(), request.path());
        }
        // Segments: v1 discord guilds {guild} {collection} {id} {sub}, or v1 discord users {user}.
        String first = s.size() > 3 ? s.get(3) : null;
        String second = s.size() > 5 ? s.get(5) : null;
        if (first != null && !Ids.valid(first)) {
            return malformed(first);
        }
        if (second != null && !Ids.valid(second)) {
            return malformed(second);
        }
        long a = first == null ? 0 : Ids.parse(first);
        long b = second == null ? 0 : Ids.parse(second);
        return switch (route) {
            case GUILD -> delete ? guilds.deleteGuild(a) : guilds.guild(a);
            case CHANNELS -> guilds.channels(a);
            case CHANNEL -> delete ? guilds.deleteChannel(a, b) : guilds.channel(a, b);
            case CHANNEL_MEMBERS -> voiceAndUsers.voiceStatesIn(a, b);
            case ROLES -> guilds.roles(a);
            case ROLE -> delete ? guilds.deleteRole(a, b) : guilds.role(a, b);
            case VOICE_STATES -> voiceAndUsers.voiceStates(a);
            case VOICE_STATE -> delete ? voiceAndUsers.deleteVoiceState(a, b) : voiceAndUsers.voiceState(a, b);
            case MEMBERS -> members.search(a, request.queryParam("query"), request.queryParam("limit"));
            case MEMBER -> delete ? members.deleteMember(a, b) : members.member(a, b);
            case PERMISSIONS -> members.permissions(a, b, request.queryParam("channel"));
            case USERS -> voiceAndUsers.userCount();
            case USER -> voiceAndUsers.user(a);
        };
    }

    /** The route for a path's segments (the first two are {@code v1}, {@code discord}), or null. */
    private static Route route(List<String> s) {
        int n = s.size();
        if (n < 3) {
            return null;
        }
        switch (s.get(2)) {
            case "users" -> {
                return n == 3 ? Route.USERS : n == 4 ? Route.USER : null;
            }
            case "guilds" -> {
                if (n == 4) {
                    return Route.GUILD;
                }
                if (n < 5 || n > 7) {
                    return null;
                }
                String collection = s.get(4);
                return switch (n) {
                    case 5 -> switch (collection) {
                        case "channels" -> Route.CHANNELS;
                        case "roles" -> Route.ROLES;
                        case "voicestates" -> Route.VOICE_STATES;
                        case "members" -> Route.MEMBERS;
                        default -> null;
                    };
                    case 6 -> switch (collection) {
                        case "channels" -> Route.CHANNEL;
                        case "roles" -> Route.ROLE;
                        case "voicestates" -> Route.VOICE_STATE;
                        case "members" -> Route.MEMBER;
                        default -> null;
                    };
                    default -> collection.equals("channels") && s.get(6).equals("members") ? Route.CHANNEL_MEMBERS
                            : collection.equals("members") && s.get(6).equals("permissions") ? Route.PERMISSIONS
                            : null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    private static RestResponse malformed(String id) {
        return RestResponse.badRequest("malformed ID \"" + Ids.shown(id) + "\": IDs are decimal snowflakes");
    }
}
