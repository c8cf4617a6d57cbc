package dev.hubcord.hub.shards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.hub.session.Session;
import dev.hubcord.protocol.ServiceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Balance and minimal movement of shard assignment over random joins and leaves. */
class ShardAssignerTest {

    private long joins;

    private Session sharder() {
        return new Session("s" + (++joins), ServiceType.SHARDER, "s" + joins, Set.of(), 16, joins);
    }

    private static Map<Session, List<Integer>> current(ShardAssigner assigner, List<Session> live) {
        Map<Session, List<Integer>> out = new HashMap<>();
        for (Session s : live) {
            out.put(s, assigner.assignmentOf(s).shards());
        }
        return out;
    }

    @Test
    void everyShardHasExactlyOneOwnerAndSharesDifferByAtMostOne() {
        Random random = new Random(42);
        for (int count : new int[] {1, 7, 16, 100}) {
            ShardAssigner assigner = new ShardAssigner(count);
            List<Session> live = new ArrayList<>();
            for (int step = 0; step < 200; step++) {
                Map<Session, List<Integer>> before = current(assigner, live);
                Map<Session, ShardAssignment> changes;
                boolean join = live.isEmpty() || (live.size() < 12 && random.nextBoolean());
                Session leaving = null;
                if (join) {
                    Session s = sharder();
                    live.add(s);
                    changes = assigner.add(s, 0, 0);
                } else {
                    leaving = live.remove(random.nextInt(live.size()));
                    changes = assigner.remove(leaving);
                }
                Map<Session, List<Integer>> after = current(assigner, live);
                Set<Integer> owned = new HashSet<>();
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (Session s : live) {
                    List<Integer> shards = after.get(s);
                    for (int shard : shards) {
                        assertThat(owned.add(shard)).as("shard %d owned twice", shard).isTrue();
                        assertThat(assigner.ownerOfShard(shard)).isSameAs(s);
                    }
                    min = Math.min(min, shards.size());
                    max = Math.max(max, shards.size());
                }
                if (live.isEmpty()) {
                    assertThat(owned).isEmpty();
                    assertThat(assigner.ownerOfShard(0)).isNull();
                    continue;
                }
                assertThat(owned).hasSize(count);
                assertThat(max - min).isLessThanOrEqualTo(1);
                // only the changed sharders are told, and the surviving ones only lose what they must
                for (Session s : live) {
                    List<Integer> was = before.getOrDefault(s, List.of());
                    if (!changes.containsKey(s)) {
                        assertThat(after.get(s)).isEqualTo(was);
                    }
                    if (!join) {
                        assertThat(after.get(s)).containsAll(was);
                    }
                }
            }
        }
    }

    @Test
    void guildsMapToShardsAsUnsignedIds() {
        ShardAssigner assigner = new ShardAssigner(16);
        Session s = sharder();
        assigner.add(s, 0, 0);
        assertThat(assigner.shardOf(41771983423143937L)).isEqualTo((int) ((41771983423143937L >>> 22) % 16));
        long huge = 0xF000_0000_0000_0000L;
        assertThat(assigner.shardOf(huge)).isEqualTo((int) ((huge >>> 22) % 16)).isGreaterThanOrEqualTo(0);
        assertThat(assigner.ownerOfGuild(huge)).isSameAs(s);
    }
}
