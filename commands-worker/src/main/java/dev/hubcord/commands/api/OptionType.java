package dev.hubcord.commands.api;

/** Discord's application command option types, with their codes. */
public enum OptionType {
    SUB_COMMAND(1), SUB_COMMAND_GROUP(2), STRING(3), INTEGER(4), BOOLEAN(5), USER(6), CHANNEL(7), ROLE(8),
    MENTIONABLE(9), NUMBER(10), ATTACHMENT(11);

    private final int code;

    OptionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
