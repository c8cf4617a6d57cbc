package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.CommandModule;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.music.PlayerButtons;
import java.util.List;

/**
 * The built-in component handlers: {@code ban} (the confirmation of {@code /ban}) and {@code music} (the buttons
 * on "Now playing"). The built-in commands themselves are listed as {@code Command} services.
 */
public final class BuiltinModule implements CommandModule {

    @Override
    public List<ComponentHandler> components() {
        return List.of(new BanConfirmation(), new PlayerButtons());
    }
}
