package dev.hubcord.commands.embed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link Embed}, checking each of Discord's limits as the part is set (so the stack trace points at the
 * line that broke it): title 256, description 4096, 25 fields, field name 256 and value 1024, footer 2048, author
 * 256, and 6000 characters over the whole embed at {@link #build()}. The per-message limits (10 embeds, 6000 over
 * all of them) are checked by {@link #checkMessage(List)}, which the reply builder calls.
 */
public final class EmbedBuilder {

    public static final int TITLE = 256;
    public static final int DESCRIPTION = 4096;
    public static final int FIELDS = 25;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER = 2048;
    public static final int AUTHOR = 256;
    public static final int TOTAL = 6000;
    public static final int EMBEDS_PER_MESSAGE = 10;

    private String title;
    private String description;
    private String url;
    private Integer color;
    private Instant timestamp;
    private final List<Embed.Field> fields = new ArrayList<>();
    private String footer;
    private String footerIcon;
    private String author;
    private String authorUrl;
    private String authorIcon;
    private String image;
    private String thumbnail;

    public EmbedBuilder title(String text) {
        this.title = check("embed title", text, TITLE);
        return this;
    }

    public EmbedBuilder title(String text, String link) {
        this.url = link;
        return title(text);
    }

    public EmbedBuilder description(String text) {
        this.description = check("embed description", text, DESCRIPTION);
        return this;
    }

    /** 0xRRGGBB. */
    public EmbedBuilder color(int rgb) {
        this.color = rgb & 0xFFFFFF;
        return this;
    }

    public EmbedBuilder timestamp(Instant at) {
        this.timestamp = at;
        return this;
    }

    public EmbedBuilder field(String name, String value, boolean inline) {
        if (fields.size() == FIELDS) {
            throw new EmbedLimitException("embed fields", FIELDS + 1, FIELDS);
        }
        requireText("field name", name);
        requireText("field value", value);
        fields.add(new Embed.Field(check("embed field name", name, FIELD_NAME),
                check("embed field value", value, FIELD_VALUE), inline));
        return this;
    }

    public EmbedBuilder field(String name, String value) {
        return field(name, value, false);
    }

    public EmbedBuilder footer(String text, String iconUrl) {
        this.footer = check("embed footer", text, FOOTER);
        this.footerIcon = iconUrl;
        return this;
    }

    public EmbedBuilder footer(String text) {
        return footer(text, null);
    }

    public EmbedBuilder author(String name, String link, String iconUrl) {
        this.author = check("embed author name", name, AUTHOR);
        this.authorUrl = link;
        this.authorIcon = iconUrl;
        return this;
    }

    public EmbedBuilder author(String name) {
        return author(name, null, null);
    }

    public EmbedBuilder image(String imageUrl) {
        this.image = imageUrl;
        return this;
    }

    public EmbedBuilder thumbnail(String imageUrl) {
        this.thumbnail = imageUrl;
        return this;
    }

    /** The embed; fails when its characters together pass 6000, or when it has nothing to show. */
    public Embed build() {
        int length = len(title) + len(description) + len(footer) + len(author)
                + fields.stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
        if (length > TOTAL) {
            throw new EmbedLimitException("embed total", length, TOTAL);
        }
        if (length == 0 && image == null && thumbnail == null) {
            throw new IllegalArgumentException("an embed needs a title, description, field, footer, author or image");
        }
        return new Embed(title, description, url, color, timestamp, fields, footer, footerIcon, author, authorUrl,
                authorIcon, image, thumbnail, length);
    }

    /** A message's embeds: at most 10, and 6000 characters over all of them. */
    public static void checkMessage(List<Embed> embeds) {
        if (embeds.size() > EMBEDS_PER_MESSAGE) {
            throw new EmbedLimitException("message embeds", embeds.size(), EMBEDS_PER_MESSAGE);
        }
        int total = embeds.stream().mapToInt(Embed::length).sum();
        if (total > TOTAL) {
            throw new EmbedLimitException("message embeds total", total, TOTAL);
        }
    }

    private static String check(String limit, String text, int max) {
        if (text != null && text.length() > max) {
            throw new EmbedLimitException(limit, text.length(), max);
        }
        return text;
    }

    private static void requireText(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an embed " + what + " must not be empty");
        }
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }
}
