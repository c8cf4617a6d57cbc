package dev.hubcord.discordsim.population;

/**
 * A guild role. The {@code @everyone} role has the guild's id. {@code botId} is set for a bot's managed role and
 * {@code premiumSubscriber} for the booster role; both end up in {@code tags}.
 */
public record SimRole(
        long id,
        String name,
        int color,
        int position,
        long permissions,
        boolean hoist,
        boolean managed,
        boolean mentionable,
        long botId,
        boolean premiumSubscriber) {

    public SimRole withPermissions(long newPermissions) {
        return new SimRole(id, name, color, position, newPermissions, hoist, managed, mentionable, botId,
                premiumSubscriber);
    }

    public SimRole withName(String newName) {
        return new SimRole(id, newName, color, position, permissions, hoist, managed, mentionable, botId,
                premiumSubscriber);
    }
}
