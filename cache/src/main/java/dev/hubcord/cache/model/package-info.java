/**
 * Immutable values the cache hands out: one record per Discord entity in the REST answer shape,
 * with IDs as primitive longs (unsigned snowflakes) and timestamps as epoch microseconds. These
 * are built on demand from the compact internal representation, so holding one never pins the
 * store. {@link dev.hubcord.cache.model.Snowflakes} and {@link dev.hubcord.cache.model.Timestamps}
 * convert to and from Discord's text forms.
 */
package dev.hubcord.cache.model;
