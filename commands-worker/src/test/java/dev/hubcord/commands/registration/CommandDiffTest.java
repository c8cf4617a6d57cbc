package dev.hubcord.commands.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.protocol.codec.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandDiffTest {

    private static final ObjectNode ROLL = CommandJson.of(CommandSpec.builder("roll").description("Rolls dice.")
            .arguments(Argument.of("sides", ArgumentTypes.integer(2, 100)).optional()).build());

    /** What Discord answers for ROLL: its fields plus what it fills in. */
    private static ObjectNode registered(ObjectNode declared, String id) {
        ObjectNode r = declared.deepCopy();
        r.put("id", id).put("application_id", "1").put("version", "99").putNull("name_localizations")
                .putNull("description_localizations").put("dm_permission", true).putArray("contexts").add(0).add(1)
                .add(2);
        r.putArray("integration_types").add(0);
        if (r.path("options").path(0).isObject()) {
            ((ObjectNode) r.path("options").path(0)).put("min_value", 2.0).putNull("name_localizations");
        }
        return r;
    }

    @Test
    void serverFilledFieldsAndDefaultsAreNoDifference() {
        ArrayNode remote = Json.mapper().createArrayNode().add(registered(ROLL, "10"));
        assertThat(CommandDiff.of(List.of(ROLL), remote).empty()).isTrue();
    }

    @Test
    void aChangeIsAnEditByIdAndUndeclaredCommandsAreDeleted() {
        ObjectNode changed = ROLL.deepCopy().put("description", "Rolls two dice.");
        ArrayNode remote = Json.mapper().createArrayNode().add(registered(ROLL, "10"))
                .add(registered(CommandJson.of(CommandSpec.builder("old").build()), "11"));
        CommandDiff diff = CommandDiff.of(List.of(changed), remote);
        assertThat(diff.edit()).containsOnlyKeys("10");
        assertThat(diff.delete()).containsExactly("11");
        assertThat(diff.create()).isEmpty();
        assertThat(diff.bulkIsCheaper()).isTrue();
        CommandDiff one = CommandDiff.of(List.of(changed), Json.mapper().createArrayNode().add(registered(ROLL, "10")));
        assertThat(one.calls()).isEqualTo(1);
        assertThat(one.bulkIsCheaper()).isFalse();
    }

    @Test
    void declaredContextsCountOnceDeclared() {
        ObjectNode withContexts = ROLL.deepCopy();
        withContexts.putArray("contexts").add(0);
        JsonNode remote = Json.mapper().createArrayNode().add(registered(ROLL, "10"));
        assertThat(CommandDiff.of(List.of(withContexts), remote).edit()).containsOnlyKeys("10");
    }
}
