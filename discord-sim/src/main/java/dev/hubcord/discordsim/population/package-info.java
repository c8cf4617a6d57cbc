/**
 * The simulated world: a deterministic, seeded population of users, guilds, roles, channels (with overwrites, parents
 * and user limits), members and voice states, plus Discord's snowflake and permission arithmetic. State is mutable
 * (the control API and REST side effects change it) and thread-safe per guild.
 */
package dev.hubcord.discordsim.population;
