package dev.hubcord.commands.testing;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;

/**
 * {@code secret} and {@code whisper}: take longer than the automatic deferral, then answer privately; only
 * {@code whisper} declares {@code privateReplies}.
 */
public final class SecretCommand implements Command {

    public static final String SECRET = "the secret is 42";

    private final boolean declared;

    public SecretCommand() {
        this(false);
    }

    SecretCommand(boolean declared) {
        this.declared = declared;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec.Builder b = CommandSpec.builder(declared ? "whisper" : "secret").description("Tells a secret.");
        return (declared ? b.privateReplies() : b).build();
    }

    @Override
    public void execute(CommandContext ctx) throws InterruptedException {
        Thread.sleep(2_000);
        ctx.replyPrivately(SECRET);
    }

    /** The {@code whisper} variant, for the service loader. */
    public static final class Whisper implements Command {
        private final SecretCommand inner = new SecretCommand(true);

        @Override
        public CommandSpec spec() {
            return inner.spec();
        }

        @Override
        public void execute(CommandContext ctx) throws InterruptedException {
            inner.execute(ctx);
        }
    }
}
