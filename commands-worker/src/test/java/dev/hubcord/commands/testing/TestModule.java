package dev.hubcord.commands.testing;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandModule;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Subcommand;
import dev.hubcord.commands.components.Component;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.components.Modal;
import dev.hubcord.commands.events.EventListener;
import dev.hubcord.commands.events.GatewayEvent;
import dev.hubcord.commands.hub.HubChannel;
import dev.hubcord.commands.hub.HubRole;
import dev.hubcord.commands.hub.HubUser;
import dev.hubcord.commands.interactions.Attachment;
import dev.hubcord.commands.interactions.Mentionable;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.discordrest.FileUpload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/** A bot author's module for the interaction tests: every option type, subcommands, menus, components, events. */
public final class TestModule implements CommandModule {

    public static final List<GatewayEvent> SEEN = new CopyOnWriteArrayList<>();

    static final Argument<String> TEXT = Argument.of("text", ArgumentTypes.text(1, 20)).describedAs("some text");
    static final Argument<Long> COUNT = Argument.of("count", ArgumentTypes.integer(1, 10)).optional();
    static final Argument<Double> RATIO = Argument.of("ratio", ArgumentTypes.number(0, 1)).optional();
    static final Argument<Boolean> LOUD = Argument.of("loud", ArgumentTypes.BOOLEAN).optional();
    static final Argument<HubUser> WHO = Argument.of("who", ArgumentTypes.USER).optional();
    static final Argument<HubChannel> WHERE = Argument.of("where", ArgumentTypes.channel(0)).optional();
    static final Argument<HubRole> ROLE = Argument.of("role", ArgumentTypes.ROLE).optional();
    static final Argument<Mentionable> THING = Argument.of("thing", ArgumentTypes.MENTIONABLE).optional();
    static final Argument<Attachment> FILE = Argument.of("file", ArgumentTypes.ATTACHMENT).optional();
    static final Argument<String> SIZE = Argument.of("size", ArgumentTypes.TEXT).optional()
            .choices(Choice.of("Small", "s"), Choice.of("Large", "l"));
    static final Argument<String> FRUIT = Argument.of("fruit", ArgumentTypes.TEXT).autocomplete(ctx ->
            IntStream.range(0, 30).mapToObj(i -> Choice.of(ctx.focusedText() + i, ctx.focusedText() + i)).toList());
    static final Argument<Long> NUMBER = Argument.of("n", ArgumentTypes.INTEGER).optional().autocomplete(ctx ->
            List.of(Choice.of("next", ((Long) ctx.focusedValue()) + 1)));

    /** The files the {@code attach} command sends. */
    public static final byte[] FIRST_FILE = "first file".getBytes(StandardCharsets.UTF_8);
    public static final byte[] SECOND_FILE = {0, 1, 2, (byte) 0xff, 13, 10};

    @Override
    public List<Command> commands() {
        return List.of(
                command(CommandSpec.builder("types").description("Every option type.")
                        .arguments(TEXT, COUNT, RATIO, LOUD, WHO, WHERE, ROLE, THING, FILE, SIZE).build(), ctx ->
                        ctx.reply("text=" + ctx.get(TEXT) + " count=" + ctx.optional(COUNT).orElse(null)
                                + " ratio=" + ctx.optional(RATIO).orElse(null)
                                + " loud=" + ctx.optional(LOUD).orElse(null)
                                + " who=" + ctx.optional(WHO).map(HubUser::username).orElse(null)
                                + " where=" + ctx.optional(WHERE).map(HubChannel::name).orElse(null)
                                + " role=" + ctx.optional(ROLE).map(HubRole::name).orElse(null)
                                + " thing=" + ctx.optional(THING).map(m -> m.getClass().getSimpleName() + ":"
                                        + m.id()).orElse(null)
                                + " file=" + ctx.optional(FILE).map(Attachment::filename).orElse(null)
                                + " size=" + ctx.optional(SIZE).orElse(null))),
                command(CommandSpec.builder("config").description("Subcommands.")
                        .subcommands(Subcommand.of("show", "Shows it.", ctx -> ctx.reply("showing")))
                        .groups(Subcommand.Group.of("roles", "Roles.", Subcommand.of("add", "Adds one.",
                                ctx -> ctx.reply("added " + ctx.get(ROLE_REQUIRED).name()), ROLE_REQUIRED)))
                        .build(), ctx -> ctx.reply("no handler")),
                command(CommandSpec.builder("pick").description("Autocomplete.").slashOnly()
                        .arguments(FRUIT, NUMBER).build(), ctx -> ctx.reply("picked " + ctx.get(FRUIT))),
                command(CommandSpec.builder("vote").description("A button.").build(), ctx -> ctx.reply(
                        Reply.text("Vote!").withComponents(Component.ActionRow.of(
                                Component.Button.primary(CustomId.of("vote", "yes"), "Yes"))))),
                command(CommandSpec.builder("ask").description("A modal.").slashOnly().build(), ctx ->
                        ctx.showModal(Modal.of(CustomId.of("feedback", "42"), "Feedback",
                                Component.TextInput.shortText("subject", "Subject")))),
                command(CommandSpec.builder("guildonly").description("Registered per guild.").guildScoped().nsfw()
                        .localized("de", "nurgilde", "Pro Gilde registriert.")
                        .defaultMemberPermissions(dev.hubcord.commands.api.Permission.MANAGE_GUILD)
                        .contexts(dev.hubcord.commands.api.Declaration.Context.GUILD)
                        .integrationTypes(dev.hubcord.commands.api.Declaration.Integration.GUILD_INSTALL)
                        .build(), ctx -> ctx.reply("guild only")),
                command(CommandSpec.builder("hush").description("Defers privately.").build(), ctx -> {
                    ctx.defer(true);
                    ctx.reply(Reply.text("only you").asEphemeral());
                    ctx.reply(Reply.text("and a follow-up").asEphemeral());
                }),
                // files: a reply (callback or channel message), a second reply (a follow-up), a button that updates
                command(CommandSpec.builder("attach").description("Replies with files.").build(), ctx -> {
                    ctx.reply(Reply.text("a file").withFiles(new FileUpload("first.txt", FIRST_FILE, "text/plain",
                            "the first")).withComponents(Component.ActionRow.of(
                                    Component.Button.primary(CustomId.of("attach", "again"), "Again"))));
                    ctx.reply(Reply.text("another file").withFiles(FileUpload.of("second.bin", SECOND_FILE)));
                }),
                command(CommandSpec.userCommand("High five").build(), ctx ->
                        ctx.reply("high five to " + ctx.targetUser().map(HubUser::username).orElse("?"))),
                command(CommandSpec.messageCommand("Quote").build(), ctx ->
                        ctx.reply("> " + ctx.targetMessage().map(m -> m.path("content").asText()).orElse("?"))));
    }

    static final Argument<HubRole> ROLE_REQUIRED = Argument.of("role", ArgumentTypes.ROLE);

    @Override
    public List<ComponentHandler> components() {
        return List.of(
                ComponentHandler.of("vote", ctx -> ctx.update(Reply.text("votes for " + ctx.arg(0)))),
                ComponentHandler.of("boom", ctx -> {
                    throw new IllegalStateException("boom in a button");
                }),
                ComponentHandler.of("choose", ctx -> ctx.reply(Reply.text("chose " + String.join(",", ctx.values()))
                        .asEphemeral())),
                ComponentHandler.of("feedback", ctx -> ctx.replyPrivately("thanks for " + ctx.arg(0) + ": "
                        + ctx.textValue("subject").orElse("?"))),
                ComponentHandler.of("quiet", ctx -> { }),
                ComponentHandler.of("attach", ctx -> ctx.update(Reply.text("updated with a file")
                        .withFiles(FileUpload.of("again.txt", "again".getBytes(StandardCharsets.UTF_8))))));
    }

    @Override
    public List<EventListener<?>> listeners() {
        return List.of(
                EventListener.of(GatewayEvent.MemberJoin.class, (e, ctx) -> SEEN.add(e)),
                EventListener.of(GatewayEvent.ReactionAdd.class, (e, ctx) -> {
                    SEEN.add(e);
                    throw new IllegalStateException("a listener that throws");
                }));
    }

    private static Command command(CommandSpec spec, dev.hubcord.commands.api.CommandHandler body) {
        return new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx) throws Exception {
                body.handle(ctx);
            }
        };
    }
}
