/**
 * Sender keys: the per-sender hash ratchet started from the MLS exporter secret, and the receive-side manager that
 * applies libdave's limits (10 s retention, generation gap 250, 1000 missing nonces, 8-bit generation wrap).
 */
package dev.hubcord.dave.ratchet;
