/**
 * Health and metrics for every process: a tiny HTTP server ({@code /health}, {@code /ready}, {@code /metrics}) and the
 * JVM and process meters every registry gets.
 */
package dev.hubcord.service.health;
