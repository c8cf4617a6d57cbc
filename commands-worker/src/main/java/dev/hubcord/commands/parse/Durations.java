package dev.hubcord.commands.parse;

import dev.hubcord.commands.api.UsageException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 90s}, {@code 5h}, {@code 1d12h}, {@code 2w}, {@code 1h30m}. */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}[smhdw])+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhdw])");
    /** Far beyond any sensible ban or timeout, and far from overflowing. */
    private static final Duration MAX = Duration.ofDays(3650);

    private Durations() {
    }

    /** @throws UsageException when the text is not a positive duration of at most ten years */
    public static Duration parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(t).matches()) {
            throw new UsageException("`" + text + "` is not a duration: use a number and a unit (s, m, h, d, w), "
                    + "e.g. `90s`, `5h`, `1d12h`.");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
        }
        if (total.isZero() || total.compareTo(MAX) > 0) {
            throw new UsageException("`" + text + "` is out of range: durations go from 1s to 3650d.");
        }
        return total;
    }

    /** {@code 1d 12h}, {@code 5h}, {@code 1m 30s}: the largest units, at most two. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder out = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < sizes.length && parts < 2; i++) {
            long n = s / sizes[i];
            if (n > 0) {
                out.append(out.isEmpty() ? "" : " ").append(n).append(units[i]);
                s -= n * sizes[i];
                parts++;
            } else if (parts > 0) {
                break;
            }
        }
        return out.isEmpty() ? "0s" : out.toString();
    }
}
