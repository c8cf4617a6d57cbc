package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.InteractionTypesTest.j;
import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Discord checks on message components (legacy rows and components v2), over HTTP: 50035 and its path. */
class MessageComponentValidationTest {

    private static SimRestFixture f;
    private static long general;

    @BeforeAll
    static void start() {
        f = new SimRestFixture();
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("messages", new RestConfig.BucketLimit(1000, 1_000, false)));
        general = f.channel("general");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static RestClient.Result send(String body) {
        return f.rest.call("POST", "/channels/" + id(general) + "/messages", j(body));
    }

    /** The first error code at {@code path} (dot-separated) of a 400/50035 answer. */
    private static String error(String body, String path) {
        RestClient.Result r = send(body);
        assertThat(r.status()).as(r.response().body()).isEqualTo(400);
        assertThat(r.json().path("code").asInt()).isEqualTo(50035);
        JsonNode node = r.json().path("errors");
        for (String key : path.split("\\.")) {
            node = node.path(key);
        }
        return node.path("_errors").get(0).path("code").asText();
    }

    private static String row(String... components) {
        return "{'type':1,'components':[" + String.join(",", components) + "]}";
    }

    private static String button(String customId) {
        return "{'type':2,'style':1,'label':'B','custom_id':'" + customId + "'}";
    }

    @Test
    void customIdsAreLimitedToOneHundredAndUniquePerMessage() {
        assertThat(error("{'content':'x','components':[" + row(button("a".repeat(101))) + "]}",
                "components.0.components.0.custom_id")).isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(error("{'content':'x','components':[" + row(button("a")) + "," + row(button("a")) + "]}",
                "components.1.components.0.custom_id")).isEqualTo("COMPONENT_CUSTOM_ID_DUPLICATED");
    }

    @Test
    void rowsButtonsAndSelectsKeepDiscordsLayout() {
        String six = String.join(",", java.util.Collections.nCopies(6, row(button("z"))));
        assertThat(error("{'content':'x','components':[" + six + "]}", "components"))
                .isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(error("{'content':'x','components':[" + row(button("1"), button("2"), button("3"),
                button("4"), button("5"), button("6")) + "]}", "components.0.components"))
                .isEqualTo("BASE_TYPE_BAD_LENGTH");
        String select = "{'type':5,'custom_id':'s'}";
        assertThat(error("{'content':'x','components':[" + row(select, button("b")) + "]}",
                "components.0.components")).isEqualTo("COMPONENT_LAYOUT_WIDTH_EXCEEDED");
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            options.append(i == 0 ? "" : ",").append("{'label':'L").append(i).append("','value':'v").append(i)
                    .append("'}");
        }
        assertThat(error("{'content':'x','components':[" + row("{'type':3,'custom_id':'s','options':[" + options
                + "]}") + "]}", "components.0.components.0.options")).isEqualTo("BASE_TYPE_BAD_LENGTH");
        assertThat(error("{'content':'x','components':[" + row("{'type':2,'style':1,'label':'" + "l".repeat(81)
                + "','custom_id':'c'}") + "]}", "components.0.components.0.label")).isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(error("{'content':'x','components':[" + row("{'type':2,'style':5,'label':'L','url':"
                + "'https://example.org','custom_id':'c'}") + "]}", "components.0.components.0.custom_id"))
                .isEqualTo("COMPONENT_FIELD_NOT_ALLOWED");
        assertThat(error("{'content':'x','components':[{'type':4,'custom_id':'t','style':1,'label':'L'}]}",
                "components.0.type")).isEqualTo("UNION_TYPE_CHOICES");
        RestClient.Result ok = send("{'content':'x','components':[" + row("{'type':2,'style':5,'label':'Docs',"
                + "'url':'https://example.org'}", "{'type':2,'style':6,'sku_id':'1234'}", button("go")) + "]}");
        assertThat(ok.status()).as(ok.response().body()).isEqualTo(200);
    }

    @Test
    void componentsV2NeedTheFlagAndExcludeContentAndEmbeds() {
        String text = "{'type':10,'content':'Hello'}";
        assertThat(error("{'components':[" + text + "]}", "components.0.type")).isEqualTo("UNION_TYPE_CHOICES");
        assertThat(error("{'flags':32768,'content':'x','components':[" + text + "]}", "content"))
                .isEqualTo("MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2");
        assertThat(error("{'flags':32768,'embeds':[{'title':'t'}],'components':[" + text + "]}", "embeds"))
                .isEqualTo("MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2");
        assertThat(error("{'flags':32768,'components':[{'type':9,'components':[" + text + "]}]}",
                "components.0.accessory")).isEqualTo("BASE_TYPE_REQUIRED");

        String layout = "{'flags':32768,'components':[{'type':17,'accent_color':703487,'components':["
                + "{'type':9,'components':[" + text + "],'accessory':{'type':11,'media':{'url':"
                + "'https://example.org/a.png'}}},{'type':14,'spacing':2},{'type':12,'items':[{'media':{'url':"
                + "'https://example.org/b.png'}}]},{'type':13,'file':{'url':'attachment://c.txt'}}," + row(button("v2"))
                + "]}]}";
        RestClient.Result ok = send(layout);
        assertThat(ok.status()).as(ok.response().body()).isEqualTo(200);
        JsonNode m = ok.json();
        assertThat(m.path("flags").asInt()).isEqualTo(32768);
        JsonNode container = m.path("components").get(0);
        assertThat(container.path("id").asInt()).isEqualTo(1);
        assertThat(container.path("components").get(0).path("id").asInt()).as("depth first").isEqualTo(2);
        assertThat(container.path("components").get(0).path("accessory").path("id").asInt()).isEqualTo(4);
        JsonNode record = new RestClient(f.sim.controlUrl(), null).call("GET", "/messages?channel_id="
                + id(general), null).json();
        assertThat(record.get(record.size() - 1).path("components").get(0).path("type").asInt()).isEqualTo(17);
    }

    @Test
    void editsAndInteractionResponsesAreCheckedToo() {
        String message = f.post(general, j("{'content':'x'}")).path("id").asText();
        RestClient.Result edit = f.rest.call("PATCH", "/channels/" + id(general) + "/messages/" + message,
                j("{'components':[" + row(button("a"), button("a")) + "]}"));
        assertThat(edit.status()).isEqualTo(400);
        long user = f.guild.members().get(5).userId();
        var created = f.sim.control().events().interactionCreate(general, user, "ping", null);
        RestClient.Result answer = new RestClient(f.sim.apiBaseUrl(), null).call("POST", "/interactions/"
                + id(created.id()) + "/" + created.token() + "/callback", j("{'type':4,'data':{'content':'x',"
                + "'components':[" + row(button("b".repeat(101))) + "]}}"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").path("data").path("components").path("0").path("components")
                .path("0").path("custom_id").path("_errors").get(0).path("code").asText())
                .isEqualTo("BASE_TYPE_MAX_LENGTH");
    }
}
