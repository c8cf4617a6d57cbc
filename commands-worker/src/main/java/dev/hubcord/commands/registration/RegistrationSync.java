package dev.hubcord.commands.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.Replay;
import dev.hubcord.discordrest.RestRequest;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Discord's registered application commands the declared ones, once per deployment: the worker asks the hub
 * for the lease {@value #LEASE} (60 s) and only the one granted it syncs (the others log that the holder does it and
 * skip). For each scope, global and each guild of {@code COMMANDS_REGISTRATION_GUILDS}, it reads what is registered,
 * computes the {@link CommandDiff}, and sends nothing (no change), the one call (POST, PATCH or DELETE), or the bulk
 * overwrite PUT when more than one thing changed. It logs one line per scope with what changed and releases the
 * lease. Failures are logged; the worker serves commands either way.
 */
public final class RegistrationSync {

    private static final Logger log = LoggerFactory.getLogger(RegistrationSync.class);
    public static final String LEASE = "commands-registration";
    static final long LEASE_TTL_MS = 60_000;
    /** Discord error: Unknown application command (a repeated delete). */
    static final int UNKNOWN_COMMAND = 10063;

    /** What one sync did in one scope ({@code guild} null for global). */
    public record Outcome(String guild, int created, int edited, int deleted, boolean bulk) {}

    private final DiscordRest rest;
    private final HubClient hub;
    private final List<CommandSpec> specs;
    private final List<String> guilds;

    public RegistrationSync(DiscordRest rest, HubClient hub, List<CommandSpec> specs, List<String> guilds) {
        this.rest = rest;
        this.hub = hub;
        this.specs = specs.stream().filter(s -> s.declaration().slash()).toList();
        this.guilds = List.copyOf(guilds);
    }

    /**
     * Takes the lease and syncs; returns what was done per scope, or an empty list when another worker holds the
     * lease (or the hub did not answer).
     */
    public List<Outcome> run(String applicationId) {
        if (!acquire()) {
            return List.of();
        }
        try {
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(sync(applicationId, null, specs.stream().filter(s -> !s.declaration().guildScoped())
                    .toList()));
            List<CommandSpec> scoped = specs.stream().filter(s -> s.declaration().guildScoped()).toList();
            if (!scoped.isEmpty() && guilds.isEmpty()) {
                log.warn("registration: {} guild-scoped commands but COMMANDS_REGISTRATION_GUILDS is empty: not"
                        + " registered", scoped.size());
            }
            for (String guild : guilds) {
                outcomes.add(sync(applicationId, guild, scoped));
            }
            return outcomes;
        } finally {
            ObjectNode release = Json.mapper().createObjectNode().put("name", LEASE);
            hub.send("LEASE_RELEASE", release);
        }
    }

    private boolean acquire() {
        ObjectNode request = Json.mapper().createObjectNode().put("name", LEASE).put("ttlMs", LEASE_TTL_MS);
        try {
            JsonNode reply = hub.request("LEASE", request, Duration.ofSeconds(10)).get(15,
                    java.util.concurrent.TimeUnit.SECONDS);
            if (reply.path("granted").asBoolean(false)) {
                return true;
            }
            log.info("registration: skipped, the lease {} is held by {} (it syncs)", LEASE,
                    reply.path("holder").asText("another worker"));
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("registration: skipped, the hub did not grant the lease {}: {}", LEASE, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One scope: read, diff, send the changes. */
    Outcome sync(String app, String guild, List<CommandSpec> declared) {
        String path = "/applications/" + app + (guild == null ? "" : "/guilds/" + guild) + "/commands";
        List<ObjectNode> local = declared.stream().map(CommandJson::of).toList();
        JsonNode registered = rest.call(RestRequest.of("GET", path));
        CommandDiff diff = CommandDiff.of(local, registered);
        String scope = guild == null ? "global" : "guild " + guild;
        if (diff.empty()) {
            log.info("registration {}: {} commands, no change", scope, local.size());
            return new Outcome(guild, 0, 0, 0, false);
        }
        if (diff.bulkIsCheaper()) {
            ArrayNode all = Json.mapper().createArrayNode();
            local.forEach(all::add);
            rest.call(RestRequest.of("PUT", path).withBody(all));
        } else {
            // Creating is an upsert by name, an edit sets the same content: both may be repeated.
            diff.create().forEach(c -> rest.call(RestRequest.of("POST", path).withBody(c).withReplay(Replay.SAFE)));
            diff.edit().forEach((id, c) -> rest.call(RestRequest.of("PATCH", path + "/" + id).withBody(c)
                    .withReplay(Replay.SAFE)));
            diff.delete().forEach(id -> rest.execute(RestRequest.of("DELETE", path + "/" + id)
                    .withReplay(Replay.doneIf(UNKNOWN_COMMAND))));
        }
        log.info("registration {}: created {}, edited {}, deleted {} ({})", scope, names(diff.create()),
                diff.edit().values().stream().map(c -> c.path("name").asText()).toList(), diff.delete().size(),
                diff.bulkIsCheaper() ? "one bulk overwrite" : diff.calls() + " call");
        return new Outcome(guild, diff.create().size(), diff.edit().size(), diff.delete().size(),
                diff.bulkIsCheaper());
    }

    private static List<String> names(List<ObjectNode> commands) {
        return commands.stream().map(c -> c.path("name").asText()).toList();
    }
}
