/**
 * The REST API under {@code /v1}: requests are matched to resources by method and path, answered
 * with JSON, and every failure is a JSON error of the contract's shape
 * ({@code {"error": {"code", "message"}}}) that never leaks internals.
 */
package dev.hubcord.hub.rest;
