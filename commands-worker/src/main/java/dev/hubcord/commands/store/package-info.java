/**
 * The worker's embedded SQLite database: the journal of done commands and steps (idempotency across redeliveries
 * and restarts), timed bans waiting to be lifted, and each guild's music announce channel. Several workers on one
 * host can share the file (WAL mode, a busy timeout, and claims so that one worker lifts each ban).
 */
package dev.hubcord.commands.store;
