package dev.hubcord.hub.rest.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.hub.rest.RestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SearchWorkersTest {

    @Test
    void saturatedWorkersAnswer503WithRetryAfterAndServeAgainOnceFree() throws Exception {
        SearchWorkers workers = new SearchWorkers();
        CountDownLatch release = new CountDownLatch(1);
        List<RestResponse> accepted = new ArrayList<>();
        for (int i = 0; i < SearchWorkers.THREADS + SearchWorkers.QUEUE; i++) {
            accepted.add(workers.submit(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return RestResponse.ok(List.of());
            }));
        }
        assertThat(accepted).allSatisfy(r -> assertThat(r.pending()).isNotNull());
        RestResponse refused = workers.submit(() -> RestResponse.ok(List.of()));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers()).containsEntry("Retry-After", "1");
        assertThat(new String(refused.body())).contains("UNAVAILABLE");
        assertThat(workers.refused()).isEqualTo(1);
        release.countDown();
        for (RestResponse r : accepted) {
            assertThat(r.pending().get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(workers.submit(() -> RestResponse.ok(List.of())).pending().get(10, TimeUnit.SECONDS).status())
                .isEqualTo(200);
    }
}
