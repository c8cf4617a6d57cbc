package dev.hubcord.commands.events;

import java.util.Objects;

/**
 * Listens to one type of {@link GatewayEvent}. Declaring a listener is what subscribes the worker to the event: the
 * hub sends each subscribed event to one of the subscribed workers. The event is acknowledged when the listener
 * returns; a listener that throws is logged and counted, and the event is acknowledged all the same (running it
 * again would most likely throw again). Runs on a virtual thread; must be thread-safe.
 *
 * @param <E> the event type
 */
public interface EventListener<E extends GatewayEvent> {

    Class<E> type();

    void on(E event, EventContext ctx) throws Exception;

    /** The body of a listener. */
    @FunctionalInterface
    interface Body<E> {
        void on(E event, EventContext ctx) throws Exception;
    }

    static <E extends GatewayEvent> EventListener<E> of(Class<E> type, Body<E> body) {
        Objects.requireNonNull(body, "body");
        GatewayEvents.dispatchName(type); // fails for a type that is not an event
        return new EventListener<>() {
            @Override
            public Class<E> type() {
                return type;
            }

            @Override
            public void on(E event, EventContext ctx) throws Exception {
                body.on(event, ctx);
            }
        };
    }
}
