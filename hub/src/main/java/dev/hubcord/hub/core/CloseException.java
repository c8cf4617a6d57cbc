package dev.hubcord.hub.core;

import dev.hubcord.protocol.CloseCode;

/** A client's payload that ends its connection with a close code and a reason. */
public final class CloseException extends RuntimeException {

    private final CloseCode code;

    public CloseException(CloseCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public CloseCode code() {
        return code;
    }
}
