package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTemplateTest {

    @Test
    void idsBecomePlaceholdersAndUnknownPathsCollapse() {
        assertThat(RouteTemplate.of("/v1/discord/guilds/41771983423143937/members/80351110224678912", 200))
                .isEqualTo("/v1/discord/guilds/{id}/members/{id}");
        assertThat(RouteTemplate.of("/v1/discord/guilds/1/members/2/permissions", 200))
                .isEqualTo("/v1/discord/guilds/{id}/members/{id}/permissions");
        assertThat(RouteTemplate.of("/v1/services", 200)).isEqualTo("/v1/services");
        assertThat(RouteTemplate.of("/v1/discord/guilds/not-an-id", 400)).isEqualTo("/v1/discord/guilds/{x}");
        assertThat(RouteTemplate.of("/v1/whatever/scanner/probe", 404)).isEqualTo("unmatched");
        assertThat(RouteTemplate.of("/v1/services", 405)).isEqualTo("unmatched");
        assertThat(RouteTemplate.of("/v1/a/b/c/d/e/f/g/h", 404)).isEqualTo("unmatched");
    }
}
