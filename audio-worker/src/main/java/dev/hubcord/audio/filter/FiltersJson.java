package dev.hubcord.audio.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes Lavalink v4's {@code filters} object. A missing or {@code null} filter is not applied; a missing
 * field of a given filter takes Lavalink's default. Every value is checked against its documented range and a bad one
 * is an {@link IllegalArgumentException} naming the field (the command's REPLY error), never a half-applied set.
 */
public final class FiltersJson {

    private static final Set<String> KNOWN = Set.of("volume", "equalizer", "karaoke", "timescale", "tremolo",
            "vibrato", "rotation", "distortion", "channelMix", "lowPass", "pluginFilters");
    /** Timescale factors are kept within this ratio of 1 so the stretch's buffers stay bounded. */
    private static final double TIMESCALE_MIN = 0.1;
    private static final double TIMESCALE_MAX = 10;

    private FiltersJson() {}

    /** @throws IllegalArgumentException for anything that is not a valid filters object */
    public static Filters parse(JsonNode n) {
        if (n == null || n.isNull()) {
            return Filters.NONE;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("filters must be an object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("filters." + name + " is not a filter (known: " + KNOWN + ")");
            }
        }
        JsonNode v = n.get("volume");
        Double volume = present(v) ? range(v, "filters.volume", 0, 5) : null;
        return new Filters(volume, equalizer(n.get("equalizer")), karaoke(object(n, "karaoke")),
                timescale(object(n, "timescale")), tremolo(object(n, "tremolo")), vibrato(object(n, "vibrato")),
                rotation(object(n, "rotation")), distortion(object(n, "distortion")),
                channelMix(object(n, "channelMix")), lowPass(object(n, "lowPass")));
    }

    private static List<Filters.Band> equalizer(JsonNode n) {
        if (!present(n)) {
            return List.of();
        }
        if (!n.isArray() || n.size() > Filters.Band.COUNT) {
            throw new IllegalArgumentException("filters.equalizer must be an array of at most 15 {band, gain}");
        }
        List<Filters.Band> bands = new ArrayList<>();
        for (JsonNode b : n) {
            JsonNode band = b.path("band");
            if (!band.canConvertToInt() || !band.isIntegralNumber() || band.asInt() < 0 || band.asInt() > 14) {
                throw new IllegalArgumentException("filters.equalizer[].band must be an integer 0-14");
            }
            bands.add(new Filters.Band(band.asInt(), range(b.get("gain"), "filters.equalizer[].gain", -0.25, 1)));
        }
        return bands;
    }

    private static Filters.Karaoke karaoke(JsonNode n) {
        if (n == null) {
            return null;
        }
        Filters.Karaoke d = Filters.Karaoke.DEFAULT;
        return new Filters.Karaoke(field(n, "karaoke", "level", d.level(), 0, 1),
                field(n, "karaoke", "monoLevel", d.monoLevel(), 0, 1),
                field(n, "karaoke", "filterBand", d.filterBand(), 1, 20_000),
                field(n, "karaoke", "filterWidth", d.filterWidth(), 1, 20_000));
    }

    private static Filters.Timescale timescale(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new Filters.Timescale(field(n, "timescale", "speed", 1, TIMESCALE_MIN, TIMESCALE_MAX),
                field(n, "timescale", "pitch", 1, TIMESCALE_MIN, TIMESCALE_MAX),
                field(n, "timescale", "rate", 1, TIMESCALE_MIN, TIMESCALE_MAX));
    }

    private static Filters.Tremolo tremolo(JsonNode n) {
        if (n == null) {
            return null;
        }
        Filters.Tremolo d = Filters.Tremolo.DEFAULT;
        double frequency = field(n, "tremolo", "frequency", d.frequency(), 0, 1000);
        double depth = field(n, "tremolo", "depth", d.depth(), 0, 1);
        if (frequency == 0 || depth == 0) {
            throw new IllegalArgumentException("filters.tremolo: frequency and depth must be greater than 0");
        }
        return new Filters.Tremolo(frequency, depth);
    }

    private static Filters.Vibrato vibrato(JsonNode n) {
        if (n == null) {
            return null;
        }
        Filters.Vibrato d = Filters.Vibrato.DEFAULT;
        double frequency = field(n, "vibrato", "frequency", d.frequency(), 0, 14);
        double depth = field(n, "vibrato", "depth", d.depth(), 0, 1);
        if (frequency == 0 || depth == 0) {
            throw new IllegalArgumentException("filters.vibrato: frequency and depth must be greater than 0");
        }
        return new Filters.Vibrato(frequency, depth);
    }

    private static Filters.Rotation rotation(JsonNode n) {
        return n == null ? null : new Filters.Rotation(field(n, "rotation", "rotationHz", 0, -1000, 1000));
    }

    private static Filters.Distortion distortion(JsonNode n) {
        if (n == null) {
            return null;
        }
        Filters.Distortion d = Filters.Distortion.DEFAULT;
        double lim = 1000;
        return new Filters.Distortion(field(n, "distortion", "sinOffset", d.sinOffset(), -lim, lim),
                field(n, "distortion", "sinScale", d.sinScale(), -lim, lim),
                field(n, "distortion", "cosOffset", d.cosOffset(), -lim, lim),
                field(n, "distortion", "cosScale", d.cosScale(), -lim, lim),
                field(n, "distortion", "tanOffset", d.tanOffset(), -lim, lim),
                field(n, "distortion", "tanScale", d.tanScale(), -lim, lim),
                field(n, "distortion", "offset", d.offset(), -lim, lim),
                field(n, "distortion", "scale", d.scale(), -lim, lim));
    }

    private static Filters.ChannelMix channelMix(JsonNode n) {
        if (n == null) {
            return null;
        }
        Filters.ChannelMix d = Filters.ChannelMix.DEFAULT;
        return new Filters.ChannelMix(field(n, "channelMix", "leftToLeft", d.leftToLeft(), 0, 1),
                field(n, "channelMix", "leftToRight", d.leftToRight(), 0, 1),
                field(n, "channelMix", "rightToLeft", d.rightToLeft(), 0, 1),
                field(n, "channelMix", "rightToRight", d.rightToRight(), 0, 1));
    }

    private static Filters.LowPass lowPass(JsonNode n) {
        return n == null ? null
                : new Filters.LowPass(field(n, "lowPass", "smoothing", Filters.LowPass.DEFAULT, 0, 1000));
    }

    /** The filter's object, {@code null} when absent or null. */
    private static JsonNode object(JsonNode filters, String name) {
        JsonNode n = filters.get(name);
        if (!present(n)) {
            return null;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("filters." + name + " must be an object or null");
        }
        return n;
    }

    private static double field(JsonNode n, String filter, String field, double dflt, double min, double max) {
        JsonNode v = n.get(field);
        return present(v) ? range(v, "filters." + filter + "." + field, min, max) : dflt;
    }

    private static double range(JsonNode v, String name, double min, double max) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < min || v.asDouble() > max) {
            throw new IllegalArgumentException(name + " must be a number from " + num(min) + " to " + num(max));
        }
        return v.asDouble();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }

    /** The filters given, with defaults filled in; {@code {}} for none. */
    public static ObjectNode toJson(Filters f) {
        ObjectNode n = Json.mapper().createObjectNode();
        if (f.volume() != null) {
            n.put("volume", f.volume());
        }
        if (!f.equalizer().isEmpty()) {
            ArrayNode eq = n.putArray("equalizer");
            f.equalizer().forEach(b -> eq.addObject().put("band", b.band()).put("gain", b.gain()));
        }
        if (f.karaoke() != null) {
            Filters.Karaoke k = f.karaoke();
            n.putObject("karaoke").put("level", k.level()).put("monoLevel", k.monoLevel())
                    .put("filterBand", k.filterBand()).put("filterWidth", k.filterWidth());
        }
        if (f.timescale() != null) {
            Filters.Timescale t = f.timescale();
            n.putObject("timescale").put("speed", t.speed()).put("pitch", t.pitch()).put("rate", t.rate());
        }
        if (f.tremolo() != null) {
            n.putObject("tremolo").put("frequency", f.tremolo().frequency()).put("depth", f.tremolo().depth());
        }
        if (f.vibrato() != null) {
            n.putObject("vibrato").put("frequency", f.vibrato().frequency()).put("depth", f.vibrato().depth());
        }
        if (f.rotation() != null) {
            n.putObject("rotation").put("rotationHz", f.rotation().rotationHz());
        }
        if (f.distortion() != null) {
            Filters.Distortion d = f.distortion();
            n.putObject("distortion").put("sinOffset", d.sinOffset()).put("sinScale", d.sinScale())
                    .put("cosOffset", d.cosOffset()).put("cosScale", d.cosScale()).put("tanOffset", d.tanOffset())
                    .put("tanScale", d.tanScale()).put("offset", d.offset()).put("scale", d.scale());
        }
        if (f.channelMix() != null) {
            Filters.ChannelMix c = f.channelMix();
            n.putObject("channelMix").put("leftToLeft", c.leftToLeft()).put("leftToRight", c.leftToRight())
                    .put("rightToLeft", c.rightToLeft()).put("rightToRight", c.rightToRight());
        }
        if (f.lowPass() != null) {
            n.putObject("lowPass").put("smoothing", f.lowPass().smoothing());
        }
        return n;
    }
}
