package dev.hubcord.commands.components;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.List;
import java.util.Objects;

/**
 * A message component. The classic ones (action rows with buttons, selects, text inputs) are here; the components v2
 * layout ones are in {@link ComponentsV2}. Records check Discord's limits in their constructors.
 */
public sealed interface Component permits Component.ActionRow, Component.Button, Component.StringSelect,
        Component.EntitySelect, Component.TextInput, ComponentsV2.TextDisplay, ComponentsV2.Thumbnail,
        ComponentsV2.Section, ComponentsV2.MediaGallery, ComponentsV2.FileComponent, ComponentsV2.Separator,
        ComponentsV2.Container {

    /** Discord's component object. */
    ObjectNode toJson();

    /** Whether a message holding it must set {@code IS_COMPONENTS_V2}. */
    default boolean needsV2() {
        return false;
    }

    /** Button styles; {@code LINK} opens its URL and sends no interaction. */
    enum ButtonStyle { PRIMARY, SECONDARY, SUCCESS, DANGER, LINK }

    /**
     * A row: up to 5 buttons, or one select, or (in a modal) one text input.
     */
    record ActionRow(List<Component> children) implements Component {
        public ActionRow {
            children = List.copyOf(children);
            long buttons = children.stream().filter(c -> c instanceof Button).count();
            if (children.isEmpty() || children.size() > 5 || buttons != children.size() && children.size() != 1) {
                throw new IllegalArgumentException("an action row holds 1-5 buttons, or one select or text input");
            }
            if (children.stream().anyMatch(c -> c instanceof ActionRow || c.needsV2())) {
                throw new IllegalArgumentException("an action row holds only buttons, selects and text inputs");
            }
        }

        public static ActionRow of(Component... children) {
            return new ActionRow(List.of(children));
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 1);
            ArrayNode array = o.putArray("components");
            children.forEach(c -> array.add(c.toJson()));
            return o;
        }
    }

    /**
     * A button: an interaction button with a {@link CustomId}, or a link button with a URL.
     *
     * @param emoji a unicode emoji, or {@code name:id} for a custom one; null for none
     */
    record Button(ButtonStyle style, String label, String emoji, String customId, String url, boolean disabled)
            implements Component {
        public Button {
            Objects.requireNonNull(style, "style");
            if ((style == ButtonStyle.LINK) != (url != null) || (style == ButtonStyle.LINK) == (customId != null)) {
                throw new IllegalArgumentException("a link button has a URL and no custom ID, others the reverse");
            }
            if (label == null && emoji == null || label != null && label.length() > 80) {
                throw new IllegalArgumentException("a button needs a label (at most 80 characters) or an emoji");
            }
        }

        public static Button of(ButtonStyle style, CustomId id, String label) {
            return new Button(style, label, null, id.encode(), null, false);
        }

        public static Button primary(CustomId id, String label) {
            return of(ButtonStyle.PRIMARY, id, label);
        }

        public static Button secondary(CustomId id, String label) {
            return of(ButtonStyle.SECONDARY, id, label);
        }

        public static Button success(CustomId id, String label) {
            return of(ButtonStyle.SUCCESS, id, label);
        }

        public static Button danger(CustomId id, String label) {
            return of(ButtonStyle.DANGER, id, label);
        }

        public static Button link(String url, String label) {
            return new Button(ButtonStyle.LINK, label, null, null, url, false);
        }

        public Button withEmoji(String value) {
            return new Button(style, label, value, customId, url, disabled);
        }

        public Button asDisabled() {
            return new Button(style, label, emoji, customId, url, true);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 2).put("style", style.ordinal() + 1);
            if (label != null) {
                o.put("label", label);
            }
            if (emoji != null) {
                ObjectNode e = o.putObject("emoji");
                int colon = emoji.lastIndexOf(':');
                if (colon > 0 && emoji.substring(colon + 1).matches("\\d+")) {
                    e.put("name", emoji.substring(0, colon)).put("id", emoji.substring(colon + 1));
                } else {
                    e.put("name", emoji);
                }
            }
            if (customId != null) {
                o.put("custom_id", customId);
            } else {
                o.put("url", url);
            }
            return disabled ? o.put("disabled", true) : o;
        }
    }

    /** One option of a string select. */
    record SelectOption(String label, String value, String description, boolean byDefault) {
        public SelectOption {
            if (label.isEmpty() || label.length() > 100 || value.isEmpty() || value.length() > 100
                    || description != null && description.length() > 100) {
                throw new IllegalArgumentException("select option label, value and description: 1-100 characters");
            }
        }

        public static SelectOption of(String label, String value) {
            return new SelectOption(label, value, null, false);
        }
    }

    /** A string select: 1-25 options, choose {@code minValues} to {@code maxValues} of them. */
    record StringSelect(String customId, List<SelectOption> options, String placeholder, int minValues,
            int maxValues, boolean disabled) implements Component {
        public StringSelect {
            options = List.copyOf(options);
            if (options.isEmpty() || options.size() > 25) {
                throw new IllegalArgumentException("a string select has 1-25 options, not " + options.size());
            }
            checkRange(minValues, maxValues, options.size());
        }

        public static StringSelect of(CustomId id, SelectOption... options) {
            return new StringSelect(id.encode(), List.of(options), null, 1, 1, false);
        }

        public StringSelect choose(String text, int min, int max) {
            return new StringSelect(customId, options, text, min, max, disabled);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = selectJson(3, customId, placeholder, minValues, maxValues, disabled);
            ArrayNode array = o.putArray("options");
            for (SelectOption opt : options) {
                ObjectNode j = array.addObject().put("label", opt.label()).put("value", opt.value());
                if (opt.description() != null) {
                    j.put("description", opt.description());
                }
                if (opt.byDefault()) {
                    j.put("default", true);
                }
            }
            return o;
        }
    }

    /** Which entities a select offers. */
    enum EntityKind { USER, ROLE, MENTIONABLE, CHANNEL }

    /** A default value of an entity select: {@code type} is {@code user}, {@code role} or {@code channel}. */
    record DefaultValue(String id, String type) {}

    /** A user, role, mentionable or channel select (channel: optionally limited to channel types). */
    record EntitySelect(EntityKind kind, String customId, List<Integer> channelTypes, List<DefaultValue> defaults,
            String placeholder, int minValues, int maxValues, boolean disabled) implements Component {
        public EntitySelect {
            channelTypes = List.copyOf(channelTypes);
            defaults = List.copyOf(defaults);
            if (!channelTypes.isEmpty() && kind != EntityKind.CHANNEL) {
                throw new IllegalArgumentException("only a channel select takes channel types");
            }
            checkRange(minValues, maxValues, 25);
        }

        public static EntitySelect of(EntityKind kind, CustomId id) {
            return new EntitySelect(kind, id.encode(), List.of(), List.of(), null, 1, 1, false);
        }

        public EntitySelect channelTypes(Integer... types) {
            return new EntitySelect(kind, customId, List.of(types), defaults, placeholder, minValues, maxValues,
                    disabled);
        }

        public EntitySelect defaults(DefaultValue... values) {
            return new EntitySelect(kind, customId, channelTypes, List.of(values), placeholder, minValues, maxValues,
                    disabled);
        }

        public EntitySelect choose(String text, int min, int max) {
            return new EntitySelect(kind, customId, channelTypes, defaults, text, min, max, disabled);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = selectJson(5 + kind.ordinal(), customId, placeholder, minValues, maxValues, disabled);
            if (!channelTypes.isEmpty()) {
                ArrayNode t = o.putArray("channel_types");
                channelTypes.forEach(t::add);
            }
            if (!defaults.isEmpty()) {
                ArrayNode d = o.putArray("default_values");
                defaults.forEach(v -> d.addObject().put("id", v.id()).put("type", v.type()));
            }
            return o;
        }
    }

    /** A text input of a modal: short (one line) or paragraph. */
    record TextInput(String customId, String label, boolean paragraph, int minLength, int maxLength,
            boolean required, String value, String placeholder) implements Component {
        public TextInput {
            if (label == null || label.isEmpty() || label.length() > 45) {
                throw new IllegalArgumentException("a text input's label is 1-45 characters");
            }
            if (minLength < 0 || maxLength < 1 || maxLength > 4000 || minLength > maxLength) {
                throw new IllegalArgumentException("text input lengths: 0 <= min <= max <= 4000");
            }
        }

        public static TextInput shortText(String customId, String label) {
            return new TextInput(customId, label, false, 0, 4000, true, null, null);
        }

        public static TextInput paragraph(String customId, String label) {
            return new TextInput(customId, label, true, 0, 4000, true, null, null);
        }

        public TextInput optional() {
            return new TextInput(customId, label, paragraph, minLength, maxLength, false, value, placeholder);
        }

        public TextInput length(int min, int max) {
            return new TextInput(customId, label, paragraph, min, max, required, value, placeholder);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 4).put("custom_id", customId)
                    .put("style", paragraph ? 2 : 1).put("label", label).put("min_length", minLength)
                    .put("max_length", maxLength).put("required", required);
            if (value != null) {
                o.put("value", value);
            }
            if (placeholder != null) {
                o.put("placeholder", placeholder);
            }
            return o;
        }
    }

    private static void checkRange(int min, int max, int options) {
        if (min < 0 || max < 1 || min > max || max > options) {
            throw new IllegalArgumentException("a select chooses min..max values with 0 <= min <= max <= "
                    + options);
        }
    }

    private static ObjectNode selectJson(int type, String customId, String placeholder, int min, int max,
            boolean disabled) {
        ObjectNode o = Json.mapper().createObjectNode().put("type", type).put("custom_id", customId)
                .put("min_values", min).put("max_values", max);
        if (placeholder != null) {
            o.put("placeholder", placeholder);
        }
        return disabled ? o.put("disabled", true) : o;
    }
}
