/**
 * JSON plumbing shared by the gateway and REST sides: one Jackson mapper, snowflake and timestamp formatting in
 * Discord's exact textual forms, and gateway envelopes written in Discord's key order with explicit nulls.
 */
package dev.hubcord.discordsim.json;
