/**
 * Finding members and users for commands: the hub's cache first, Discord's REST API on a miss, and the answer then
 * written to the hub's cache (op 5) so the next lookup is a hit.
 */
package dev.hubcord.commands.lookup;
