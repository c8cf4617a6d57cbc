package dev.hubcord.commands.components;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The custom-ID scheme: {@code handler:arg1:arg2...}. The handler name routes the interaction to the
 * {@link ComponentHandler} of that name (in any worker: nothing is remembered between the message and the click),
 * the arguments carry the state the handler needs (a user ID, a page number...). In each part {@code %} is written
 * {@code %25} and {@code :} is written {@code %3A}, so arguments may hold any text. Discord allows 100 characters:
 * {@link #encode()} refuses more, when the component is built.
 *
 * @param handler the handler's name: 1-32 characters of {@code [A-Za-z0-9_.-]}
 * @param args the arguments, possibly empty
 */
public record CustomId(String handler, List<String> args) {

    /** Discord's limit on a custom ID. */
    public static final int MAX_LENGTH = 100;

    public CustomId {
        Objects.requireNonNull(handler, "handler");
        if (!handler.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("handler names are 1-32 of A-Z a-z 0-9 _ . -: " + handler);
        }
        args = List.copyOf(args);
    }

    public static CustomId of(String handler, String... args) {
        return new CustomId(handler, List.of(args));
    }

    /** The custom ID string; fails when it is longer than Discord's 100 characters. */
    public String encode() {
        StringBuilder s = new StringBuilder(handler);
        for (String a : args) {
            s.append(':').append(a.replace("%", "%25").replace(":", "%3A"));
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("custom ID is " + s.length() + " characters, Discord's limit is "
                    + MAX_LENGTH + ": " + s.substring(0, 40) + "...");
        }
        return s.toString();
    }

    /** Reads a custom ID; one without {@code :} is a handler name without arguments. */
    public static CustomId parse(String customId) {
        String[] parts = customId.split(":", -1);
        List<String> args = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            args.add(unescape(parts[i]));
        }
        return new CustomId(parts[0], args);
    }

    /** One pass, so that an escaped {@code %} followed by {@code 3A} stays {@code %3A}. */
    private static String unescape(String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            if (part.startsWith("%3A", i)) {
                out.append(':');
                i += 2;
            } else if (part.startsWith("%25", i)) {
                out.append('%');
                i += 2;
            } else {
                out.append(part.charAt(i));
            }
        }
        return out.toString();
    }

    /** The argument at {@code index}. */
    public String arg(int index) {
        return args.get(index);
    }

    @Override
    public String toString() {
        return encode();
    }
}
