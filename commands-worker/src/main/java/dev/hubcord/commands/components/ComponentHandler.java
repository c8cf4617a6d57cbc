package dev.hubcord.commands.components;

import java.util.Objects;

/**
 * Handles clicks, select choices and modal submits whose {@link CustomId} names it. Stateless: any worker may get
 * the interaction, so what the handler needs travels in the custom ID's arguments (or in a shared store). One
 * instance serves every interaction, each on its own virtual thread. Not answering is fine: the framework then
 * acknowledges a component with a deferred update (nothing changes) and a modal submit likewise.
 */
public interface ComponentHandler {

    /** The handler's name: the first part of the custom IDs it handles. */
    String name();

    void handle(ComponentContext ctx) throws Exception;

    /** The body of a handler. */
    @FunctionalInterface
    interface Body {
        void handle(ComponentContext ctx) throws Exception;
    }

    /** A handler from a name and a lambda. */
    static ComponentHandler of(String name, Body body) {
        Objects.requireNonNull(body, "body");
        CustomId.of(name); // checks the name
        return new ComponentHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void handle(ComponentContext ctx) throws Exception {
                body.handle(ctx);
            }
        };
    }
}
