/**
 * The voice gateway's side of DAVE for a simulated voice server: {@link dev.hubcord.dave.server.DaveDeliveryService}
 * is the MLS delivery service and external sender (key package validation, external proposals, commit selection,
 * Welcome forwarding, transitions, sole-member resets, protocol version changes), transport-independent.
 */
package dev.hubcord.dave.server;
