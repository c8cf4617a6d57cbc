package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.InteractionTypesTest.j;
import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration checks on options, choices, bounds, channel types, nesting and localizations, over HTTP. */
class CommandValidationRulesTest {

    private static SimRestFixture f;
    private static String global;

    @BeforeAll
    static void start() {
        f = new SimRestFixture();
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("commands", new RestConfig.BucketLimit(1000, 1_000, false)));
        global = "/applications/" + id(f.sim.applicationId()) + "/commands";
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String command(String options) {
        return "{'name':'cmd','description':'A command','options':[" + options + "]}";
    }

    private static String opt(int type, String name, String extra) {
        return "{'type':" + type + ",'name':'" + name + "','description':'d'" + extra + "}";
    }

    /** The first error code at {@code path} of a refused registration. */
    private static String error(String body, String path) {
        RestClient.Result r = f.rest.call("POST", global, j(body));
        assertThat(r.status()).as(r.response().body()).isEqualTo(400);
        JsonNode node = r.json().path("errors");
        for (String key : path.split("\\.")) {
            node = node.path(key);
        }
        assertThat(node.path("_errors").isArray()).as(r.response().body()).isTrue();
        return node.path("_errors").get(0).path("code").asText();
    }

    @Test
    void choicesAreBoundedTypedAndExclusiveWithAutocomplete() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            many.append(i == 0 ? "" : ",").append("{'name':'c").append(i).append("','value':").append(i).append('}');
        }
        assertThat(error(command(opt(4, "n", ",'choices':[" + many + "]")), "options.0.choices"))
                .isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(error(command(opt(4, "n", ",'choices':[{'name':'a','value':'x'}]")), "options.0.choices.0.value"))
                .isEqualTo("NUMBER_TYPE_COERCE");
        assertThat(error(command(opt(3, "s", ",'autocomplete':true,'choices':[{'name':'a','value':'x'}]")),
                "options.0.autocomplete")).isEqualTo("APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES");
        assertThat(error(command(opt(5, "b", ",'autocomplete':true")), "options.0.autocomplete"))
                .isEqualTo("APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID");
    }

    @Test
    void boundsLengthsAndChannelTypesBelongToTheirOptionTypes() {
        assertThat(error(command(opt(4, "n", ",'min_value':5,'max_value':1")), "options.0.max_value"))
                .isEqualTo("NUMBER_TYPE_MIN");
        assertThat(error(command(opt(3, "s", ",'min_value':1")), "options.0.min_value"))
                .isEqualTo("APPLICATION_COMMAND_OPTION_MIN_MAX_INVALID");
        assertThat(error(command(opt(3, "s", ",'max_length':6001")), "options.0.max_length"))
                .isEqualTo("NUMBER_TYPE_MAX");
        assertThat(error(command(opt(4, "n", ",'min_length':1")), "options.0.min_length"))
                .isEqualTo("APPLICATION_COMMAND_OPTION_LENGTH_INVALID");
        assertThat(error(command(opt(7, "c", ",'channel_types':[0,99]")), "options.0.channel_types.1"))
                .isEqualTo("BASE_TYPE_CHOICES");
        assertThat(error(command(opt(3, "s", ",'channel_types':[0]")), "options.0.channel_types"))
                .isEqualTo("APPLICATION_COMMAND_OPTION_CHANNEL_TYPES_INVALID");
        RestClient.Result ok = f.rest.call("POST", global, j(command(opt(4, "n", ",'required':true,'min_value':1,"
                + "'max_value':10") + "," + opt(7, "c", ",'channel_types':[0,2]") + "," + opt(3, "s",
                ",'min_length':2,'max_length':20,'autocomplete':true"))));
        assertThat(ok.status()).as(ok.response().body()).isEqualTo(201);
    }

    @Test
    void subcommandsNestAsDiscordAllows() {
        assertThat(error(command(opt(1, "sub", "") + "," + opt(3, "s", "")), "options.1.type"))
                .isEqualTo("APPLICATION_COMMAND_OPTIONS_TYPE_INVALID");
        assertThat(error(command(opt(2, "group", ",'options':[" + opt(3, "s", "") + "]")),
                "options.0.options.0.type")).isEqualTo("APPLICATION_COMMAND_OPTIONS_TYPE_INVALID");
        assertThat(error(command(opt(1, "sub", ",'options':[" + opt(1, "deeper", "") + "]")),
                "options.0.options.0.type")).isEqualTo("APPLICATION_COMMAND_OPTIONS_TYPE_INVALID");
        assertThat(error(command(opt(1, "sub", ",'options':[" + opt(3, "a", "") + "," + opt(3, "b",
                ",'required':true") + "]")), "options.0.options"))
                .isEqualTo("APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID");
        RestClient.Result ok = f.rest.call("POST", global, j("{'name':'nest','description':'d','options':["
                + opt(2, "group", ",'options':[" + opt(1, "sub", ",'options':[" + opt(6, "who", ",'required':true")
                + "]") + "]") + "," + opt(1, "top", "") + "]}"));
        assertThat(ok.status()).as(ok.response().body()).isEqualTo(201);
    }

    @Test
    void localizationKeysAreDiscordLocalesAndLocalizedNamesFollowTheNameRules() {
        assertThat(error("{'name':'hi','description':'d','name_localizations':{'xx':'salut'}}",
                "name_localizations.xx")).isEqualTo("LOCALE_INVALID");
        assertThat(error("{'name':'hi','description':'d','name_localizations':{'fr':'Salut Toi'}}",
                "name_localizations.fr")).isEqualTo("APPLICATION_COMMAND_INVALID_NAME");
        assertThat(error("{'name':'hi','description':'d','description_localizations':{'de':''}}",
                "description_localizations.de")).isEqualTo("BASE_TYPE_BAD_LENGTH");
        assertThat(error(command(opt(3, "s", ",'name_localizations':{'klingon':'x'}")),
                "options.0.name_localizations.klingon")).isEqualTo("LOCALE_INVALID");
        RestClient.Result ok = f.rest.call("POST", global, j("{'name':'hello','description':'Greets',"
                + "'name_localizations':{'fr':'salut','pt-BR':'ola'},'description_localizations':{'fr':'Salue'}}"));
        assertThat(ok.status()).as(ok.response().body()).isEqualTo(201);
        RestClient.Result menu = f.rest.call("POST", global, j("{'name':'User Info','type':2,"
                + "'name_localizations':{'de':'Benutzer Info'}}"));
        assertThat(menu.status()).as(menu.response().body()).isIn(200, 201);
    }
}
