/**
 * The entry point of every service jar. It is compiled for Java 8 so that it loads on any JVM a user may have as
 * their default {@code java}, checks for Java 25, and then starts the service's own main class (named by the jar's
 * {@code Hubcord-Main} manifest attribute). On an older JVM the user reads one clear sentence instead of an
 * {@code UnsupportedClassVersionError} stack trace.
 */
package dev.hubcord.launcher;
