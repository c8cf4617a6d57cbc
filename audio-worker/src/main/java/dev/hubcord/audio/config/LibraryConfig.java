package dev.hubcord.audio.config;

import java.nio.file.Path;

/**
 * The local music library's settings.
 *
 * @param dir the directory scanned for music files; null when the library is off
 * @param maxFiles at most this many files are indexed
 * @param rescanSeconds seconds between rescans; 0 scans at start only
 */
public record LibraryConfig(Path dir, int maxFiles, int rescanSeconds) {

    /** No library. */
    public static final LibraryConfig OFF = new LibraryConfig(null, 10_000, 0);

    public boolean enabled() {
        return dir != null;
    }
}
