package dev.hubcord.hub.rest;

import dev.hubcord.hub.core.HubCore;
import java.util.List;

/**
 * Matches {@code /v1} requests to resources. The Discord cache paths ({@code /v1/discord/...}) are
 * served by a delegate set when a store is attached.
 */
public final class ApiRouter implements RestHandler {

    private final ServicesResource services;
    private final PlayersResource players;
    private final StatusResource status;
    private final OpenApiResource openApi = new OpenApiResource();
    private final RestHandler discord;

    public ApiRouter(HubCore core, RestHandler discord) {
        this.services = new ServicesResource(core);
        this.players = new PlayersResource(core);
        this.status = new StatusResource(core, services);
        this.discord = discord;
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> s = request.segments();
        if (s.size() == 2 && s.get(1).equals("services")) {
            return get(request, services::services);
        }
        if (s.size() == 2 && s.get(1).equals("shards")) {
            return get(request, services::shards);
        }
        if (s.size() == 2 && s.get(1).equals("status")) {
            return get(request, status::status);
        }
        if (s.size() == 2 && s.get(1).equals("openapi.json")) {
            return get(request, openApi::openApi);
        }
        if (s.size() == 3 && s.get(1).equals("players")) {
            return get(request, () -> players.player(s.get(2)));
        }
        if (s.size() >= 2 && s.get(1).equals("discord") && discord != null) {
            return discord.handle(request);
        }
        return RestResponse.notFound("no such endpoint: " + request.path());
    }

    private static RestResponse get(RestRequest request, java.util.function.Supplier<RestResponse> answer) {
        return request.method().equals("GET") ? answer.get() : RestResponse.methodNotAllowed(request.method(), request.path());
    }
}
