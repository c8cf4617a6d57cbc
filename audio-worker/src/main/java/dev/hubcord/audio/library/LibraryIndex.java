package dev.hubcord.audio.library;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An immutable snapshot of the library, searchable by words. Each query word must match the title, the artist or
 * the album (case and accents ignored); a whole word scores more than a word's beginning, which scores more than
 * a part of a word, and the title counts more than the artist, which counts more than the album. A title equal to
 * the query, or starting with it, ranks first. Ties go by title, then path, so results are stable.
 */
public final class LibraryIndex {

    /** An empty library. */
    public static final LibraryIndex EMPTY = new LibraryIndex(List.of());

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Per field: whole word, word beginning, inside a word. */
    private static final int[] TITLE = {6, 4, 2};
    private static final int[] ARTIST = {4, 3, 1};
    private static final int[] ALBUM = {3, 2, 1};

    private record Searchable(LibraryEntry entry, String title, String[] titleWords, String[] artistWords,
            String[] albumWords) {}

    private record Hit(LibraryEntry entry, int score) {}

    private final List<Searchable> entries;
    private final Map<Path, LibraryEntry> byPath;

    public LibraryIndex(List<LibraryEntry> entries) {
        this.entries = entries.stream().map(e -> new Searchable(e, String.join(" ", words(e.title())),
                words(e.title()), words(e.artist()), words(e.album()))).toList();
        Map<Path, LibraryEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.path(), e));
        this.byPath = map;
    }

    public int size() {
        return entries.size();
    }

    /** The entries by path, for a rescan to take over unchanged files. */
    Map<Path, LibraryEntry> byPath() {
        return byPath;
    }

    /** The best {@code limit} entries for the query's words, best first; empty for a query without words. */
    public List<LibraryEntry> search(String query, int limit) {
        String[] q = words(query);
        if (q.length == 0) {
            return List.of();
        }
        String whole = String.join(" ", q);
        List<Hit> hits = new ArrayList<>();
        for (Searchable s : entries) {
            int score = 0;
            for (String word : q) {
                int best = Math.max(score(word, s.titleWords(), TITLE),
                        Math.max(score(word, s.artistWords(), ARTIST), score(word, s.albumWords(), ALBUM)));
                if (best == 0) {
                    score = 0;
                    break;
                }
                score += best;
            }
            if (score > 0) {
                if (s.title().equals(whole)) {
                    score += 20;
                } else if (s.title().startsWith(whole)) {
                    score += 5;
                }
                hits.add(new Hit(s.entry(), score));
            }
        }
        return hits.stream().sorted(Comparator.comparingInt(Hit::score).reversed()
                        .thenComparing(h -> h.entry().title(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(h -> h.entry().path()))
                .limit(limit).map(Hit::entry).toList();
    }

    private static int score(String word, String[] field, int[] points) {
        int best = 0;
        for (String w : field) {
            if (w.equals(word)) {
                return points[0];
            }
            if (w.startsWith(word)) {
                best = Math.max(best, points[1]);
            } else if (w.contains(word)) {
                best = Math.max(best, points[2]);
            }
        }
        return best;
    }

    /** Lower case, accents removed, split on anything that is not a letter or a digit. */
    static String[] words(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return Arrays.stream(NOT_WORD.split(plain.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }
}
