package dev.hubcord.discordsim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's table of REST routes and the sim's route registry agree both ways: every route in the code has a row
 * (method, path, bucket), and every row is a route in the code.
 */
class RouteTableTest {

    static final String HEADING = "## REST routes";

    @Test
    void readmeTableMatchesTheRouteRegistry() throws IOException {
        Set<String> documented = new LinkedHashSet<>(rows(Files.readAllLines(Path.of("README.md"))));
        Rest rest = new Rest(RestConfig.defaults(),
                c -> new RestContext(null, null, null, null, null, c, "token", 1, () -> "", null));
        Set<String> implemented = new LinkedHashSet<>();
        for (Rest.RouteInfo r : rest.routes()) {
            implemented.add(r.method() + " /" + r.template() + " " + (r.bucket() == null ? "-" : r.bucket()));
        }
        assertThat(documented).as("rows of the README table under '" + HEADING + "'").isNotEmpty();
        Set<String> missing = new LinkedHashSet<>(implemented);
        missing.removeAll(documented);
        Set<String> extra = new LinkedHashSet<>(documented);
        extra.removeAll(implemented);
        assertThat(missing).as("routes in the code but not in the README").isEmpty();
        assertThat(extra).as("README rows that are not routes in the code").isEmpty();
    }

    /** "METHOD /path bucket" of each row of the first table after the heading (cells 1-3, backticks removed). */
    static List<String> rows(List<String> lines) {
        List<String> rows = new ArrayList<>();
        int i = lines.indexOf(HEADING);
        if (i < 0) {
            return rows;
        }
        while (++i < lines.size() && !lines.get(i).startsWith("|")) {
            if (lines.get(i).startsWith("#")) {
                return rows;
            }
        }
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) { // skip header and separator
            String[] cells = lines.get(i).split("\\|");
            rows.add(cell(cells[1]) + " " + cell(cells[2]) + " " + cell(cells[3]));
        }
        return rows;
    }

    private static String cell(String raw) {
        return raw.replace("`", "").trim();
    }
}
