package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private final RouteTemplates routes = new RouteTemplates();

    @Test
    void idsBecomePlaceholdersAndUnknownPathsCollapse() {
        assertThat(routes.of("/v1/discord/guilds/41771983423143937/members/80351110224678912", 200))
                .isEqualTo("/v1/discord/guilds/{id}/members/{id}");
        assertThat(routes.of("/v1/discord/guilds/1/members/2/permissions", 200))
                .isEqualTo("/v1/discord/guilds/{id}/members/{id}/permissions");
        assertThat(routes.of("/v1/services", 200)).isEqualTo("/v1/services");
        assertThat(routes.of("/v1/discord/guilds/not-an-id", 400)).isEqualTo("/v1/discord/guilds/{x}");
        assertThat(routes.of("/v1/whatever/scanner/probe", 404)).isEqualTo("unmatched");
        assertThat(routes.of("/v1/services", 405)).isEqualTo("unmatched");
        assertThat(routes.of("/v1/a/b/c/d/e/f/g/h", 404)).isEqualTo("unmatched");
    }

    @Test
    void aTemplateIsBuiltOnceAndSharedByEveryPathOfTheRoute() {
        String first = routes.of("/v1/discord/guilds/1/members/2", 200);
        String second = routes.of("/v1/discord/guilds/41771983423143937/members/80351110224678912", 200);
        assertThat(second).isSameAs(first);
        assertThat(routes.of("/v1/discord/guilds/1/roles", 200)).isEqualTo("/v1/discord/guilds/{id}/roles");
        assertThat(routes.of("/v1/discord/guilds/1/Roles", 200)).as("not a lower-case word")
                .isEqualTo("/v1/discord/guilds/{id}/{x}");
        assertThat(routes.of("/v1/discord/guilds/1/members/2", 404)).as("a missing member keeps its route")
                .isSameAs(first);
        assertThat(routes.of("//v1///services/", 200)).as("empty segments ignored").isEqualTo("/v1/services");
    }

    @Test
    void aScannerCannotCreateMoreThanTheCapOfSeries() {
        for (int i = 0; i < RouteTemplates.MAX_TEMPLATES + 50; i++) {
            routes.of("/v1/discord/probe" + Integer.toString(i, 26).replace('0', 'z'), 404);
        }
        assertThat(routes.of("/v1/discord/anotherprobe", 404)).isEqualTo(RouteTemplates.UNMATCHED);
    }
}
