package dev.hubcord.discordsim.rest;

import java.util.List;

/**
 * One 400/50035 field error found deep in a body (a component, a modal): thrown by the validators so that a check
 * at any depth ends the validation, turned into Discord's {@code errors} shape by {@link #response()}.
 */
final class FormError extends RuntimeException {

    private final transient List<String> path;
    private final String code;

    FormError(List<String> path, String code, String message) {
        super(message, null, false, false);
        this.path = List.copyOf(path);
        this.code = code;
    }

    /** {@code path + field} as a list, for building a child's path. */
    static List<String> at(List<String> path, Object... more) {
        List<String> out = new java.util.ArrayList<>(path);
        for (Object m : more) {
            out.add(String.valueOf(m));
        }
        return out;
    }

    RestExchange.Response response() {
        return CommandValidation.invalid(path, null, code, getMessage());
    }
}
