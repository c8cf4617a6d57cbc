package dev.hubcord.audio.config;

import dev.hubcord.service.settings.Decl;
import dev.hubcord.service.settings.SettingKey;
import java.util.List;

/**
 * Every audio worker setting, declared once: the name is the environment variable and properties key, the flag the
 * name without {@code AUDIO_} in kebab case ({@code AUDIO_VOICE_TLS} → {@code --voice-tls}, {@code HUB_URL} → {@code
 * --hub-url}). The README table is generated from this list (AudioSettingsReadmeTest).
 */
public enum Setting implements SettingKey {
    HUB_URL(Decl.url("ws://127.0.0.1:3282/ws/v1", "ws"), "the hub"),
    HUB_SECRET(Decl.secretText().mandatory(), "the hub's secret (prefer the environment)"),
    AUDIO_NAME(Decl.text("audio"), "name in `/v1/services`"),
    AUDIO_SOURCES(Decl.items("http,soundcloud,bandcamp,vimeo,twitch,getyarn,nico"), "lavaplayer sources (known: http, local, soundcloud, bandcamp, vimeo, twitch, getyarn, nico); `local` also needs `AUDIO_LOCAL_FILES`"),
    AUDIO_LOCAL_FILES(Decl.bool(false), "allow source `local` (this machine's files)"),
    AUDIO_SEARCH(Decl.items("libsearch,scsearch"), "the search prefixes `search:<words>` tries, in order (known: `libsearch`, `scsearch`, `bcsearch`); one whose source is not set up (no `AUDIO_LIBRARY_DIR`, `soundcloud`/`bandcamp` not in `AUDIO_SOURCES`) is skipped, logged once at start"),
    AUDIO_LIBRARY_DIR(Decl.path(""), "a directory of music files (subdirectories included, symbolic links not followed), searched with `libsearch:`; must exist; empty = off"),
    AUDIO_LIBRARY_MAX_FILES(Decl.whole(10_000, 1, 1_000_000), "at most this many files are indexed, the first found; reaching it is logged (once, until a scan fits again)"),
    AUDIO_LIBRARY_RESCAN_S(Decl.whole(300, 0, 86_400).unit("s"), "seconds between rescans (added, changed, removed files; unchanged ones are not read again); `0` scans at start only"),
    AUDIO_VOICE_TLS(Decl.bool(true), "`wss://` to voice gateways; `false` only for a local simulator"),
    AUDIO_PLAYER_UPDATE_MS(Decl.millis(5000, 500, 600_000), "most time between two PLAYER_UPDATE of a guild while its voice is connected; this bounds the age of the hub's snapshot"),
    AUDIO_TRACK_STUCK_MS(Decl.millis(10_000, 100, 600_000), "TRACK_STUCK threshold"),
    AUDIO_FRAME_BUFFER_MS(Decl.millis(5000, 200, 60_000), "lavaplayer's frame buffer (volume and filter changes take effect after it)"),
    AUDIO_OPUS_QUALITY(Decl.whole(5, 0, 10), "Opus encoder complexity. 5 holds about 175 players on two cores, 10 (lavaplayer's and Lavalink's default, the best quality) about 110 at ~1.4× the CPU per player ([docs/benchmarks.md](../docs/benchmarks.md#audio-worker-capacity))"),
    AUDIO_DECODE_NICE(Decl.whole(5, 0, 19), "Linux niceness of the decoding threads (one per playing track), so the one sender thread wins the CPU when it wakes every 20 ms; 0 leaves them at the default priority"),
    AUDIO_RECOVERY_TIMEOUT_MS(Decl.millis(10_000, 100, 600_000), "wait for the hub's answer to PLAYER_RECOVER when taking a guild over"),
    AUDIO_CROSSFADE_MS(Decl.millis(0, 0, 12_000), "crossfade between queued tracks of a guild that set none (`PLAYER_QUEUE` action `crossfade`); 0 = a gapless cut"),
    AUDIO_HTTP_PORT(Decl.whole(9103, -1, 65_535), "`/health`, `/ready` (connected to the hub) and `/metrics` (Prometheus); -1 = off, 0 = any free port (logged)"),
    AUDIO_HTTP_HOST(Decl.text("127.0.0.1"), "address of that port");

    /** Removed from the names to make the flags. */
    public static final List<String> FLAG_PREFIXES = List.of("AUDIO_");

    private final Decl decl;
    private final String meaning;

    Setting(Decl decl, String meaning) {
        this.decl = decl;
        this.meaning = meaning;
    }

    @Override
    public Decl decl() {
        return decl;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
