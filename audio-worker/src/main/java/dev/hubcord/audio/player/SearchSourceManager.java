package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioItem;
import com.sedmelluq.discord.lavaplayer.track.AudioPlaylist;
import com.sedmelluq.discord.lavaplayer.track.AudioReference;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code search:<words>}: the worker's own search, so a commands worker need not know which sources this worker has.
 * Tries the configured search prefixes in order ({@code AUDIO_SEARCH}, e.g. the library, then SoundCloud) and answers
 * the first non-empty result; nothing found anywhere is no match, and when a search failed (SoundCloud offline, say)
 * a load failure that names what failed. It makes no tracks of its own: the results are the searched source's.
 */
final class SearchSourceManager implements AudioSourceManager {

    static final String PREFIX = "search:";

    private static final Map<String, String> NAMES =
            Map.of("libsearch", "the library", "scsearch", "SoundCloud", "bcsearch", "Bandcamp");

    private final List<String> prefixes;

    /** @param prefixes search prefixes without the colon, in order, each with its source registered */
    SearchSourceManager(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    public String getSourceName() {
        return "search";
    }

    @Override
    public AudioItem loadItem(AudioPlayerManager manager, AudioReference reference) {
        if (!reference.identifier.startsWith(PREFIX)) {
            return null;
        }
        String query = reference.identifier.substring(PREFIX.length()).strip();
        if (query.isEmpty()) {
            throw new FriendlyException("Search for what? No words given.", FriendlyException.Severity.COMMON, null);
        }
        if (prefixes.isEmpty()) {
            throw new FriendlyException("Search is not set up on this audio worker (AUDIO_SEARCH).",
                    FriendlyException.Severity.COMMON, null);
        }
        List<String> failures = new ArrayList<>();
        for (String prefix : prefixes) {
            try {
                AudioItem item = manager.loadItemSync(new AudioReference(prefix + ":" + query, null));
                if (item instanceof AudioTrack || item instanceof AudioPlaylist p && !p.getTracks().isEmpty()) {
                    return item;
                }
            } catch (FriendlyException e) {
                failures.add(NAMES.getOrDefault(prefix, prefix) + " search failed: " + e.getMessage() + reason(e));
            }
        }
        if (failures.isEmpty()) {
            return AudioReference.NO_TRACK;
        }
        // COMMON: lavaplayer logs it at debug only; the requester gets the message, and what failed is logged once
        // by the source (one line, see SourceWarnings)
        throw new FriendlyException("Nothing found for \"" + query + "\" (" + String.join("; ", failures) + ")",
                FriendlyException.Severity.COMMON, null);
    }

    /** The root cause, which says more than lavaplayer's "Loading ... failed" (e.g. an unknown host offline). */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    @Override
    public boolean isTrackEncodable(AudioTrack track) {
        return false;
    }

    @Override
    public void encodeTrack(AudioTrack track, DataOutput output) {
        throw new UnsupportedOperationException("search makes no tracks");
    }

    @Override
    public AudioTrack decodeTrack(AudioTrackInfo trackInfo, DataInput input) {
        return null;
    }

    @Override
    public void shutdown() {
        // nothing of its own
    }
}
