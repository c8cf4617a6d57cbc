package dev.hubcord.service.settings;

import java.util.List;

/**
 * What one setting takes: its type and validation, its default as text ({@code ""} = not set), its unit, whether it is
 * required or secret, and its flag when the usual derivation ({@link SettingKey#flag}) does not fit. Built with the
 * static factories and refined with the {@code with}-style methods, e.g. {@code Decl.millis(30_000, 100, 3_600_000)}.
 *
 * @param secret never printed: {@code --help} shows no value, errors and logs show {@code <hidden>}
 */
public record Decl(SettingType type, String defaultValue, String unit, boolean required, boolean secret, String flag) {

    public static Decl whole(long defaultValue, long min, long max) {
        return new Decl(new SettingType.Whole(min, max), Long.toString(defaultValue), "", false, false, null);
    }

    /** A TCP port; 0 = any free one. */
    public static Decl port(int defaultValue) {
        return whole(defaultValue, 0, 65_535);
    }

    public static Decl millis(long defaultValue, long min, long max) {
        return whole(defaultValue, min, max).unit("ms");
    }

    public static Decl bytes(long defaultValue, long min, long max) {
        return whole(defaultValue, min, max).unit("bytes");
    }

    public static Decl bool(boolean defaultValue) {
        return new Decl(new SettingType.Bool(), Boolean.toString(defaultValue), "", false, false, null);
    }

    public static Decl text(String defaultValue) {
        return new Decl(new SettingType.Text(), defaultValue, "", false, false, null);
    }

    /** A secret with no default; add {@link #mandatory()} when the service cannot run without it. */
    public static Decl secretText() {
        return new Decl(new SettingType.Text(), "", "", false, true, null);
    }

    public static Decl oneOf(String defaultValue, String... words) {
        return new Decl(new SettingType.OneOf(List.of(words)), defaultValue, "", false, false, null);
    }

    public static Decl url(String defaultValue, String... schemes) {
        return new Decl(new SettingType.Url(List.of(schemes)), defaultValue, "", false, false, null);
    }

    public static Decl items(String defaultValue) {
        return new Decl(new SettingType.Items(), defaultValue, "", false, false, null);
    }

    public static Decl path(String defaultValue) {
        return new Decl(new SettingType.FilePath(), defaultValue, "", false, false, null);
    }

    /** The same without a default: unset unless a layer sets it ({@link Settings#has}). */
    public Decl noDefault() {
        return new Decl(type, "", unit, required, secret, flag);
    }

    public Decl unit(String newUnit) {
        return new Decl(type, defaultValue, newUnit, required, secret, flag);
    }

    public Decl mandatory() {
        return new Decl(type, defaultValue, unit, true, secret, flag);
    }

    public Decl flag(String newFlag) {
        return new Decl(type, defaultValue, unit, required, secret, newFlag);
    }
}
