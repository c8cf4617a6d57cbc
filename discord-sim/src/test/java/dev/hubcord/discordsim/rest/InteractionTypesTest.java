package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every interaction type a user can cause through the control API (chat input with resolved options, context
 * menus, autocomplete, components, modals) and the callbacks each admits, over HTTP and the gateway.
 */
class InteractionTypesTest {

    private SimRestFixture f;
    private RestClient control;
    private RestClient noAuth;
    private long general;
    private long user;

    @BeforeEach
    void start() {
        f = new SimRestFixture();
        control = new RestClient(f.sim.controlUrl(), null);
        noAuth = new RestClient(f.sim.apiBaseUrl(), null);
        general = f.channel("general");
        user = f.guild.members().get(5).userId();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** JSON written with single quotes, for readability. */
    static String j(String json) {
        return json.replace('\'', '"');
    }

    private JsonNode sim(String path, String body) {
        RestClient.Result r = control.call("POST", path, j(body));
        assertThat(r.status()).as(path + " " + r.response().body()).isEqualTo(200);
        return r.json();
    }

    private RestClient.Result callback(JsonNode interaction, String body) {
        return noAuth.call("POST", "/interactions/" + interaction.path("id").asText() + "/"
                + interaction.path("token").asText() + "/callback", j(body));
    }

    private String where() {
        return "'channel_id':'" + id(general) + "','user_id':'" + id(user) + "'";
    }

    @Test
    void chatInputResolvesUsersMembersRolesChannelsAndAttachmentsUnderSubcommandGroups() {
        long target = f.guild.members().get(6).userId();
        SimRole role = f.guild.snapshot().roles().getLast();
        long voice = f.guild.snapshot().channels().stream().filter(SimChannel::isVoice).findFirst().orElseThrow()
                .id();
        JsonNode d = sim("/interactions", "{" + where() + ",'name':'admin','options':[{'type':2,'name':'user',"
                + "'options':[{'type':1,'name':'check','options':["
                + "{'type':6,'name':'who','value':'" + id(target) + "'},{'type':7,'name':'where','value':"
                + id(voice) + "},{'type':8,'name':'role','value':'" + id(role.id()) + "'},"
                + "{'type':9,'name':'any','value':'" + id(role.id()) + "'},{'type':11,'name':'file','value':"
                + "'log.txt'},{'type':3,'name':'why','value':'spam'},{'type':4,'name':'days','value':3},"
                + "{'type':10,'name':'ratio','value':0.5},{'type':5,'name':'silent','value':true}]}]}]}");
        assertThat(f.gateway.nextDispatch("INTERACTION_CREATE").path("d").path("id").asText())
                .isEqualTo(d.path("id").asText());
        JsonNode options = d.path("data").path("options").get(0).path("options").get(0).path("options");
        assertThat(options.get(1).path("value").isTextual()).as("snowflakes become strings").isTrue();
        assertThat(options.get(6).path("value").isInt() && options.get(7).path("value").isDouble()).isTrue();
        JsonNode resolved = d.path("data").path("resolved");
        assertThat(resolved.path("users").path(id(target)).path("id").asText()).isEqualTo(id(target));
        JsonNode member = resolved.path("members").path(id(target));
        assertThat(member.has("user")).as("resolved members carry no user").isFalse();
        assertThat(member.path("permissions").isTextual() && member.has("joined_at")).isTrue();
        assertThat(resolved.path("roles").path(id(role.id())).path("name").asText()).isEqualTo(role.name());
        assertThat(resolved.path("channels").path(id(voice)).path("permissions").isTextual()).isTrue();
        assertThat(resolved.path("channels").path(id(voice)).has("permission_overwrites")).isFalse();
        String attachment = options.get(4).path("value").asText();
        assertThat(resolved.path("attachments").path(attachment).path("filename").asText()).isEqualTo("log.txt");
        assertThat(d.path("data").path("type").asInt()).isEqualTo(1);
    }

    @Test
    void userAndMessageContextMenusCarryTheTargetResolved() {
        long target = f.guild.members().get(6).userId();
        JsonNode u = sim("/interactions/context", "{" + where() + ",'type':2,'name':'User Info','target_id':'"
                + id(target) + "'}");
        assertThat(u.path("type").asInt()).isEqualTo(2);
        assertThat(u.path("data").path("type").asInt()).isEqualTo(2);
        assertThat(u.path("data").path("target_id").asText()).isEqualTo(id(target));
        assertThat(u.path("data").path("resolved").path("members").path(id(target)).has("permissions")).isTrue();
        assertThat(callback(u, "{'type':4,'data':{'content':'info'}}").status()).isEqualTo(204);
        JsonNode reply = f.gateway.nextDispatch("MESSAGE_CREATE").path("d");
        assertThat(reply.path("type").asInt()).as("context menu command message").isEqualTo(23);
        assertThat(reply.path("interaction_metadata").path("command_type").asInt()).isEqualTo(2);

        JsonNode posted = f.post(general, j("{'content':'quote me'}"));
        JsonNode m = sim("/interactions/context", "{" + where() + ",'type':3,'name':'Quote','target_id':'"
                + posted.path("id").asText() + "'}");
        assertThat(m.path("data").path("resolved").path("messages").path(posted.path("id").asText())
                .path("content").asText()).isEqualTo("quote me");
        RestClient.Result unknown = control.call("POST", "/interactions/context", j("{" + where()
                + ",'type':3,'name':'Quote','target_id':'1'}"));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void autocompleteNestsTheFocusedOptionAndOnlyTakesChoices() {
        String commands = "/applications/" + id(f.sim.applicationId()) + "/guilds/" + id(f.guild.id())
                + "/commands";
        assertThat(f.rest.call("POST", commands, j("{'name':'music','description':'Music','options':[{'type':1,"
                + "'name':'play','description':'Play','options':[{'type':4,'name':'track','description':'Track',"
                + "'autocomplete':true},{'type':3,'name':'mode','description':'Mode'}]}]}")).status())
                .isEqualTo(201);
        JsonNode a = sim("/interactions/autocomplete", "{" + where() + ",'name':'music','path':['play'],"
                + "'option':'track','value':'12'}");
        assertThat(a.path("type").asInt()).isEqualTo(4);
        JsonNode sub = a.path("data").path("options").get(0);
        assertThat(sub.path("type").asInt()).isEqualTo(1);
        JsonNode focused = sub.path("options").get(0);
        assertThat(focused.path("focused").asBoolean() && focused.path("type").asInt() == 4).isTrue();
        assertThat(focused.path("value").asText()).isEqualTo("12");

        RestClient.Result message = callback(a, "{'type':4,'data':{'content':'x'}}");
        assertThat(message.status()).isEqualTo(400);
        assertThat(message.json().path("errors").path("type").path("_errors").get(0).path("code").asText())
                .isEqualTo("INTERACTION_RESPONSE_TYPE_INVALID");
        assertThat(callback(a, "{'type':9,'data':{}}").json().path("code").asInt()).isEqualTo(50035);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            many.append(i == 0 ? "" : ",").append("{'name':'t").append(i).append("','value':").append(i).append('}');
        }
        RestClient.Result tooMany = callback(a, "{'type':8,'data':{'choices':[" + many + "]}}");
        assertThat(tooMany.json().path("errors").path("data").path("choices").path("_errors").get(0).path("code")
                .asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(callback(a, "{'type':8,'data':{'choices':[{'name':'Track 12','value':12}]}}").status())
                .isEqualTo(204);
        JsonNode seen = control.call("GET", "/interactions/" + a.path("id").asText(), null).json();
        assertThat(seen.path("callback_type").asInt()).isEqualTo(8);
        assertThat(seen.path("choices").get(0).path("value").asInt()).isEqualTo(12);

        RestClient.Result noAutocomplete = control.call("POST", "/interactions/autocomplete", j("{" + where()
                + ",'name':'music','path':['play'],'option':'mode','value':'x'}"));
        assertThat(noAutocomplete.status()).isEqualTo(400);
        assertThat(noAutocomplete.json().path("message").asText()).contains("no autocomplete");
    }

    @Test
    void componentClicksCarryTheMessageAndUpdateEditsIt() {
        JsonNode posted = f.post(general, j("{'content':'Now playing','components':[{'type':1,'components':["
                + "{'type':2,'style':1,'label':'Pause','custom_id':'music:pause'},"
                + "{'type':2,'style':4,'label':'Stop','custom_id':'music:stop','disabled':true}]},"
                + "{'type':1,'components':[{'type':3,'custom_id':'music:loop','options':[{'label':'Off','value':"
                + "'off'},{'label':'Track','value':'track'}]}]},{'type':1,'components':[{'type':5,'custom_id':"
                + "'pick','max_values':2}]}]}"));
        f.gateway.nextDispatch("MESSAGE_CREATE");
        assertThat(posted.path("components").get(0).path("id").asInt()).as("ids assigned").isEqualTo(1);
        String message = posted.path("id").asText();
        JsonNode click = sim("/interactions/component", "{'message_id':'" + message + "','user_id':'" + id(user)
                + "','custom_id':'music:pause'}");
        assertThat(click.path("type").asInt()).isEqualTo(3);
        assertThat(click.path("message").path("id").asText()).isEqualTo(message);
        assertThat(click.path("data").path("component_type").asInt()).isEqualTo(2);
        assertThat(click.path("data").path("custom_id").asText()).isEqualTo("music:pause");
        assertThat(click.path("data").has("values")).isFalse();

        RestClient.Result update = callback(click, "{'type':7,'data':{'content':'Paused'}}");
        assertThat(update.status()).isEqualTo(204);
        JsonNode updated = f.gateway.nextDispatch("MESSAGE_UPDATE").path("d");
        assertThat(updated.path("id").asText()).isEqualTo(message);
        assertThat(updated.path("content").asText()).isEqualTo("Paused");
        assertThat(f.rest.call("GET", "/channels/" + id(general) + "/messages/" + message, null).json()
                .path("content").asText()).isEqualTo("Paused");

        JsonNode select = sim("/interactions/component", "{'message_id':'" + message + "','user_id':'" + id(user)
                + "','custom_id':'music:loop','values':['track']}");
        assertThat(select.path("data").path("values").get(0).asText()).isEqualTo("track");
        assertThat(select.path("data").has("resolved")).isFalse();
        long picked = f.guild.members().get(7).userId();
        JsonNode users = sim("/interactions/component", "{'message_id':'" + message + "','user_id':'" + id(user)
                + "','custom_id':'pick','values':['" + id(picked) + "']}");
        assertThat(users.path("data").path("resolved").path("users").has(id(picked))).isTrue();
        assertThat(callback(users, "{'type':6}").status()).isEqualTo(204);

        assertThat(control.call("POST", "/interactions/component", j("{'message_id':'" + message
                + "','user_id':'" + id(user) + "','custom_id':'nope'}")).status()).isEqualTo(404);
        RestClient.Result disabled = control.call("POST", "/interactions/component", j("{'message_id':'"
                + message + "','user_id':'" + id(user) + "','custom_id':'music:stop'}"));
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(disabled.json().path("message").asText()).contains("disabled");
        assertThat(control.call("POST", "/interactions/component", j("{'message_id':'" + message
                + "','user_id':'" + id(user) + "','custom_id':'music:loop','values':['x']}")).status())
                .isEqualTo(400);
    }

    @Test
    void updateCallbacksAreForComponentsOnly() {
        JsonNode command = sim("/interactions", "{" + where() + ",'name':'ping'}");
        RestClient.Result update = callback(command, "{'type':7,'data':{'content':'x'}}");
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.json().path("code").asInt()).isEqualTo(50035);
        assertThat(callback(command, "{'type':6}").status()).isEqualTo(400);
        assertThat(callback(command, "{'type':12}").status()).as("no activities").isEqualTo(400);
        assertThat(callback(command, "{'type':5,'data':{'flags':64}}").status()).as("still unanswered")
                .isEqualTo(204);
        JsonNode seen = control.call("GET", "/interactions/" + command.path("id").asText(), null).json();
        assertThat(seen.path("response").path("flags").asInt()).isEqualTo(64 | 128);
        assertThat(control.call("GET", "/interactions/1", null).status()).isEqualTo(404);
    }

    @Test
    void modalIsShownThenSubmittedOnceWithItsInputsNested() {
        JsonNode command = sim("/interactions", "{" + where() + ",'name':'report'}");
        RestClient.Result tooLong = callback(command, "{'type':9,'data':{'custom_id':'report','title':'"
                + "x".repeat(46) + "','components':[]}}");
        assertThat(tooLong.json().path("errors").path("data").path("title").path("_errors").get(0).path("code")
                .asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(control.call("POST", "/interactions/modal", j("{'custom_id':'report','values':{}}")).status())
                .as("no modal shown yet").isEqualTo(404);
        assertThat(callback(command, "{'type':9,'data':{'custom_id':'report','title':'Report','components':["
                + "{'type':1,'components':[{'type':4,'custom_id':'subject','style':1,'label':'Subject'}]},"
                + "{'type':18,'label':'Details','component':{'type':4,'custom_id':'details','style':2,"
                + "'required':false}}]}}").status()).isEqualTo(204);
        JsonNode shown = control.call("GET", "/interactions/" + command.path("id").asText(), null).json();
        assertThat(shown.path("modal").path("title").asText()).isEqualTo("Report");
        assertThat(shown.path("modal_open").asBoolean()).isTrue();

        assertThat(control.call("POST", "/interactions/modal", j("{'custom_id':'report','values':{}}")).status())
                .as("required input missing").isEqualTo(400);
        JsonNode submit = sim("/interactions/modal", "{'custom_id':'report','values':{'subject':'Spam'}}");
        assertThat(submit.path("type").asInt()).isEqualTo(5);
        assertThat(submit.path("member").path("user").path("id").asText()).isEqualTo(id(user));
        JsonNode components = submit.path("data").path("components");
        assertThat(submit.path("data").path("custom_id").asText()).isEqualTo("report");
        JsonNode input = components.get(0).path("components").get(0);
        assertThat(input.path("type").asInt() == 4 && input.path("value").asText().equals("Spam")).isTrue();
        assertThat(input.path("id").isInt()).isTrue();
        assertThat(components.get(1).path("type").asInt()).isEqualTo(18);
        assertThat(components.get(1).path("component").path("value").asText()).isEmpty();

        RestClient.Result modalOnModal = callback(submit, "{'type':9,'data':{'custom_id':'again','title':'T',"
                + "'components':[{'type':1,'components':[{'type':4,'custom_id':'a','style':1,'label':'A'}]}]}}");
        assertThat(modalOnModal.status()).isEqualTo(400);
        assertThat(callback(submit, "{'type':4,'data':{'content':'Thanks','flags':64}}").status()).isEqualTo(204);
        assertThat(control.call("POST", "/interactions/modal", j("{'custom_id':'report','values':"
                + "{'subject':'x'}}")).status()).as("submitted once").isEqualTo(404);
    }

    @Test
    void aModalOpenedFromAComponentCarriesItsMessageAndMayUpdateIt() {
        JsonNode posted = f.post(general, j("{'content':'Ban Bob?','components':[" + "{'type':1,'components':["
                + "{'type':2,'style':4,'label':'Ban','custom_id':'ban:confirm'}]}]}"));
        String message = posted.path("id").asText();
        String click = "{'message_id':'" + message + "','user_id':'" + id(user) + "','custom_id':'ban:confirm'}";
        JsonNode first = sim("/interactions/component", click);
        assertThat(callback(first, "{'type':9,'data':{'custom_id':'ban:reason','title':'Reason','components':["
                + "{'type':18,'label':'Reason','component':{'type':4,'custom_id':'reason','style':1}}]}}").status())
                .isEqualTo(204);
        JsonNode submit = sim("/interactions/modal", "{'custom_id':'ban:reason','user_id':'" + id(user)
                + "','values':{'reason':'spam'}}");
        assertThat(submit.path("message").path("id").asText()).isEqualTo(message);
        assertThat(callback(submit, "{'type':7,'data':{'content':'Banned','components':[]}}").status())
                .isEqualTo(204);
        assertThat(f.rest.call("GET", "/channels/" + id(general) + "/messages/" + message, null).json()
                .path("content").asText()).isEqualTo("Banned");

        assertThat(control.call("POST", "/interactions/component", j(click)).status())
                .as("the update removed the button").isEqualTo(404);
    }

    @Test
    void updatingADeletedMessageIsUnknownMessage() {
        JsonNode posted = f.post(general, j("{'content':'x','components':[{'type':1,'components':["
                + "{'type':2,'style':1,'label':'Go','custom_id':'go'}]}]}"));
        JsonNode click = sim("/interactions/component", "{'message_id':'" + posted.path("id").asText()
                + "','user_id':'" + id(user) + "','custom_id':'go'}");
        assertThat(f.rest.call("DELETE", "/channels/" + id(general) + "/messages/" + posted.path("id").asText(),
                null).status()).isEqualTo(204);
        RestClient.Result update = callback(click, "{'type':7,'data':{'content':'y'}}");
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.json().path("code").asInt()).isEqualTo(10008);
    }
}
