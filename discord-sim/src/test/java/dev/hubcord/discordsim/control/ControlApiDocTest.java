package dev.hubcord.discordsim.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.Sims;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's control-API tables describe nothing the simulator lacks: every documented route (and every documented
 * connection action) is answered by a route, never by "unknown control route" or "unknown action".
 */
class ControlApiDocTest {

    private static final Pattern ROUTE = Pattern.compile("^\\| `(GET|POST|DELETE) (/_sim/[^` \\[?]*)");
    private static final Pattern ACTION = Pattern.compile("`([a-z]+)[\\[`]");

    @Test
    void everyDocumentedRouteAndActionExists() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int start = indexOf(readme, "## Control API");
        int end = indexOf(readme, "**Errors**");
        List<String> routes = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        boolean inActions = false; // the paragraph "Actions: `close[?code=C]` (...), `drop` (...), ..."
        for (String line : readme.subList(start, end)) {
            Matcher m = ROUTE.matcher(line);
            if (m.find()) {
                routes.add(m.group(1) + " " + m.group(2));
            }
            inActions = line.startsWith("Actions:") || (inActions && !line.isBlank());
            if (inActions) {
                Matcher a = ACTION.matcher(line);
                while (a.find()) {
                    actions.add(a.group(1));
                }
            }
        }
        assertThat(routes).as("routes parsed from the README").hasSizeGreaterThan(20);
        assertThat(actions).containsExactlyInAnyOrder("close", "drop", "reconnect", "invalidate", "heartbeat");

        try (DiscordSim sim = Sims.start()) {
            SimGuild guild = sim.population().guilds().getFirst();
            String user = Long.toUnsignedString(guild.members().getLast().userId());
            for (String route : routes) {
                for (String action : route.contains("{action}") ? actions : List.of("")) {
                    String filled = route.replace("{id}", route.contains("connections") ? "1"
                                    : Long.toUnsignedString(guild.id()))
                            .replace("{guild}", Long.toUnsignedString(guild.id())).replace("{n}", "0")
                            .replace("{action}", action).replace("{name}", "messages")
                            .replace("{bucket}", "messages").replace("{user}", user);
                    String answer = call(sim, filled);
                    assertThat(answer).as(filled).doesNotContain("unknown control route")
                            .doesNotContain("unknown action");
                }
            }
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("README.md has no line starting with " + prefix);
    }

    /** Status and body of one call, with an empty JSON object as the body of a POST. */
    private static String call(DiscordSim sim, String methodAndPath) throws Exception {
        String[] mp = methodAndPath.split(" ", 2);
        URI uri = URI.create(sim.controlUrl() + mp[1].substring("/_sim".length()));
        HttpRequest req = HttpRequest.newBuilder(uri).method(mp[0], mp[0].equals("POST")
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
