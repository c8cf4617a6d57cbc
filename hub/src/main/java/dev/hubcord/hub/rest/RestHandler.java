package dev.hubcord.hub.rest;

/** Answers authenticated requests under {@code /v1}. Runs on the event loop, so it must not block. */
@FunctionalInterface
public interface RestHandler {

    RestResponse handle(RestRequest request);
}
