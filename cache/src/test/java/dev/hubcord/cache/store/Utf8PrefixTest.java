package dev.hubcord.cache.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-level prefix test must answer exactly what {@code String.regionMatches(true, ...)} answers. */
class Utf8PrefixTest {

    /** Letters whose case rules trip up naive folding, plus supplementary and unpaired surrogates. */
    static final String[] ALPHABET = {
        "a", "A", "b", "B", "i", "I", "k", "K", "s", "S", "z", "Z", "0", "9", "_", ".", "@", "`", "[", "{",
        "é", "É", "ñ", "Ñ", "ë", "Ë", "ÿ", "Ÿ", "ß", "µ", "μ", "Μ", "×", "÷",
        "ſ", "ı", "İ", "\u212A", "\u212B", "å", "Å", "ǅ", "ǆ", "Ǆ",
        "σ", "ς", "Σ", "ж", "Ж", "ა", "Ა", "Ⴀ", "ⴀ", "Ꭰ", "ꭰ", "日", "本",
        "😀", "𐐀", "𐐨", "\uD800", "\uDC00",
    };

    private static boolean matches(String query, String text) {
        byte[] b = text.getBytes(UTF_8);
        return new Utf8Prefix(query).matches(b, 0, b.length);
    }

    private static boolean reference(String query, byte[] text) {
        return new String(text, UTF_8).regionMatches(true, 0, query, 0, query.length());
    }

    private static void assertAgrees(String query, byte[] text) {
        assertEquals(reference(query, text), new Utf8Prefix(query).matches(text, 0, text.length),
                () -> "query \"" + query + "\" against " + java.util.HexFormat.ofDelimiter(" ").formatHex(text));
    }

    @Test
    void asciiIgnoresCase() {
        assertTrue(matches("MiNe", "minemidnight"));
        assertTrue(matches("mine", "MINER"));
        assertTrue(matches("user_1", "USER_1x"));
        assertTrue(matches("", ""));
        assertTrue(matches("", "anything"));
        assertFalse(matches("ine", "minemidnight"), "a prefix, not a substring");
        assertFalse(matches("mine", "min"), "longer than the text");
        assertFalse(matches("a", ""));
        assertFalse(matches("@", "`"), "differ by the case bit but are not letters");
        assertFalse(matches("[", "{"));
    }

    @Test
    void nonAsciiIgnoresCase() {
        assertTrue(matches("émile", "Émile"));
        assertTrue(matches("ÉMI", "émile"));
        assertTrue(matches("ÑAN", "ñandú"));
        assertTrue(matches("zoË", "ZOË"));
        assertTrue(matches("ЖЕН", "женя"));
        assertTrue(matches("ΣΟΦ", "σοφία"));
        assertTrue(matches("日本", "日本語"));
        assertFalse(matches("Emile", "Émile"), "an accent is not a case");
        assertFalse(matches("日本語", "日本"));
        assertFalse(matches("émile", "émil"));
    }

    @Test
    void followsTheJdkWhereNonAsciiLettersFoldOntoAscii() {
        assertTrue(matches("s", "ſ"), "long s upper-cases to S");
        assertTrue(matches("I", "ı"), "dotless i upper-cases to I");
        assertTrue(matches("i", "İ"), "dotted capital I lower-cases to i");
        assertTrue(matches("k", "\u212A"), "Kelvin sign lower-cases to k");
        assertTrue(matches("ſ", "S"));
        assertFalse(matches("ss", "ß"), "no full case folding");
        assertTrue(matches("ς", "Σ"));
        for (String q : new String[] {"s", "I", "i", "k", "ss", "ς", "µ", "Ÿ"}) {
            for (String t : new String[] {"ſ", "ı", "İ", "\u212A", "ß", "Σ", "μ", "ÿ"}) {
                assertAgrees(q, t.getBytes(UTF_8));
            }
        }
    }

    @Test
    void supplementaryCharactersCompareAsCodePoints() {
        assertTrue(matches("𐐀", "𐐨x"), "Deseret capital and small letter");
        assertTrue(matches("😀A", "😀abc"));
        assertFalse(matches("😀b", "😀abc"));
        assertTrue(matches("\uD83D", "😀"), "an unpaired high surrogate in the query, as regionMatches sees it");
        assertAgrees("\uDE00", "😀".getBytes(UTF_8));
        assertAgrees("a\uD83D", "a😀".getBytes(UTF_8));
    }

    @Test
    void readsOnlyTheGivenRange() {
        byte[] b = "xxMinexx".getBytes(UTF_8);
        Utf8Prefix mi = new Utf8Prefix("mi");
        assertTrue(mi.matches(b, 2, 4));
        assertFalse(mi.matches(b, 0, 4));
        assertFalse(new Utf8Prefix("minex").matches(b, 2, 4), "the range ends before the x");
        assertTrue(new Utf8Prefix("").matches(b, 8, 0));
    }

    @Test
    void malformedBytesMatchWhatDecodingGives() {
        byte[][] bad = {
            {(byte) 0xC3}, {(byte) 0xFF, 'a'}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {'a', (byte) 0x80},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xC3, 'A'},
        };
        for (byte[] text : bad) {
            for (String q : new String[] {"", "a", "A", "\uFFFD", "\uFFFDa", "é"}) {
                assertAgrees(q, text);
            }
        }
    }

    @Test
    void randomNamesAgreeWithRegionMatches() {
        SplittableRandom r = new SplittableRandom(20_251_122);
        int positives = 0;
        for (int n = 0; n < 100_000; n++) {
            String text = random(r, r.nextInt(9));
            String query = r.nextInt(3) == 0 ? random(r, r.nextInt(5)) : recased(r, text, r.nextInt(7));
            byte[] bytes = text.getBytes(UTF_8);
            assertAgrees(query, bytes);
            positives += reference(query, bytes) ? 1 : 0;
        }
        assertTrue(positives > 20_000 && positives < 90_000, "both answers exercised: " + positives);
    }

    @Test
    void randomBytesAgreeWithRegionMatches() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 0; n < 50_000; n++) {
            byte[] text = new byte[r.nextInt(7)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (byte) (r.nextBoolean() ? 'a' + r.nextInt(3) : 0x80 + r.nextInt(128));
            }
            String decoded = new String(text, UTF_8);
            String query = r.nextBoolean() ? recased(r, decoded, r.nextInt(5)) : random(r, r.nextInt(3));
            assertAgrees(query, text);
        }
    }

    static String random(SplittableRandom r, int letters) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** Up to {@code chars} leading chars of {@code text}, each upper-cased, lower-cased or kept. */
    static String recased(SplittableRandom r, String text, int chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(chars, text.length()); i++) {
            char c = text.charAt(i);
            sb.append(switch (r.nextInt(3)) {
                case 0 -> Character.toUpperCase(c);
                case 1 -> Character.toLowerCase(c);
                default -> c;
            });
        }
        return sb.toString();
    }
}
