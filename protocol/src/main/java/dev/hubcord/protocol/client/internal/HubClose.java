package dev.hubcord.protocol.client.internal;

/** A close frame received from the hub, as passed up the pipeline by {@link FrameCodec}. */
record HubClose(int code, String reason) {}
