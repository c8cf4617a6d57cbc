/**
 * JDA 6 scenarios against {@code discord-sim}: JDA is configured as its documentation says, with only its REST base
 * URL pointed at the simulator (the gateway URL comes from the simulator's {@code GET /gateway/bot}). A scenario that
 * fails here is a fidelity gap of the simulator, not something to work around in the test.
 */
package dev.hubcord.jdatests;
