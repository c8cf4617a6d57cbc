package dev.hubcord.systemtests.harness;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL and Prometheus text format to compare what a dashboard queries with what a service exposes:
 * the metric names in an expression, and the sample names on a {@code /metrics} page.
 */
public final class PromQl {

    /** Functions, aggregations and keywords of PromQL that the deploy/ files use or might: not metric names. */
    private static final Set<String> WORDS = Set.of("sum", "avg", "min", "max", "count", "rate", "irate",
            "increase", "delta", "histogram_quantile", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool", "topk", "bottomk", "abs", "clamp_min",
            "clamp_max", "avg_over_time", "max_over_time", "min_over_time", "sum_over_time", "absent", "vector",
            "scalar", "time", "label_replace", "round", "sort", "sort_desc", "inf", "nan");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {}

    /** The metric names an expression selects (label names, functions and keywords left out). */
    public static Set<String> metricNames(String expr) {
        String s = QUOTED.matcher(expr).replaceAll(" ");
        s = LABELS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> out = new TreeSet<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            String word = m.group();
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!WORDS.contains(word.toLowerCase()) && !number) {
                out.add(word);
            }
        }
        return out;
    }

    /** Every sample name on a Prometheus text exposition page (e.g. {@code x_bucket}, {@code x_count}). */
    public static Set<String> sampleNames(String exposition) {
        Set<String> out = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(line);
            if (m.lookingAt()) {
                out.add(m.group());
            }
        }
        return out;
    }
}
