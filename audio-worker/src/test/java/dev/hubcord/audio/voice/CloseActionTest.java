package dev.hubcord.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloseActionTest {

    @Test
    void documentedCodesMapToDocumentedActions() {
        assertThat(CloseAction.of(4015)).isEqualTo(CloseAction.RESUME);
        assertThat(CloseAction.of(1006)).isEqualTo(CloseAction.RESUME);
        assertThat(CloseAction.of(1001)).isEqualTo(CloseAction.RESUME);
        for (int code : new int[] {4014, 4021, 4022, 4017, 4016}) {
            assertThat(CloseAction.of(code)).as("code %d", code).isEqualTo(CloseAction.GIVE_UP);
        }
        assertThat(CloseAction.of(4006)).isEqualTo(CloseAction.REJOIN);
        assertThat(CloseAction.of(4009)).isEqualTo(CloseAction.REJOIN);
        assertThat(CloseAction.of(4001)).as("undocumented: safe default").isEqualTo(CloseAction.REJOIN);
        assertThat(CloseAction.GIVE_UP.wireName()).isEqualTo("none");
    }
}
