package dev.hubcord.cache.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.cache.ingest.MemberDraft;
import dev.hubcord.cache.ingest.UserDraft;
import dev.hubcord.cache.model.Member;
import dev.hubcord.cache.model.Timestamps;
import dev.hubcord.cache.model.User;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store-level pieces of member search: names read in place, segment scans, members whose user is gone. */
class SearchScanTest {

    static final long G = 42;

    private static UserDraft user(long id, String username) {
        return new UserDraft(id, username, 0, null, true, null, true, false);
    }

    private static MemberDraft member(long userId, String nickname, UserDraft user) {
        return new MemberDraft(G, userId, nickname, true, new long[0], Timestamps.NONE, false, null, false,
                Timestamps.NONE, false, null, null, null, user);
    }

    @Test
    void blobNameOffsetsFindWhatDecodingReads() {
        String[] avatars = {null, "0123456789abcdef0123456789abcdef", "a_0123456789abcdef0123456789abcdef",
            "not-a-hash", "é".repeat(100)};
        String[] names = {null, "", "bob", "Émile Zola", "日本語の名前", "x".repeat(255)};
        int checked = 0;
        for (String avatar : avatars) {
            for (String username : names) {
                for (String global : names) {
                    byte[] b = UserBlob.encode(username, 42, global, avatar, true);
                    assertEquals(username, text(b, UserBlob.usernameAt(b)), "username after avatar " + avatar);
                    assertEquals(global, text(b, UserBlob.globalNameAt(b)), "global name after avatar " + avatar);
                    assertEquals(UserBlob.decode(7, b), new User(7, username, "0042", global,
                            avatar, true));
                    checked++;
                }
            }
        }
        assertEquals(180, checked);
        assertEquals("0", UserBlob.discriminatorText(0));
        assertEquals("9999", UserBlob.discriminatorText(9999));
    }

    private static String text(byte[] blob, int at) {
        return at < 0 ? null : new String(blob, at + 1, blob[at] & 0xff, StandardCharsets.UTF_8);
    }

    @Test
    void aMemberWhoseUserIsGoneMatchesOnlyByNickname() {
        State state = new State(1_000_000, 1_000, 16);
        StateView view = new StateView(state);
        state.write(G, e -> {
            state.members.upsert(e, member(1, "Ghost", user(1, "casper")), new long[0]);
            state.members.upsert(e, member(2, null, user(2, "casimir")), new long[0]);
            state.members.upsert(e, member(3, null, user(3, "cassandra")), new long[0]);
        });
        // What a segment eviction racing with the scan does: the users go, the rows are still read.
        state.users.release(1);
        state.users.release(2);
        assertNull(state.users.blobOf(1));

        assertEquals(List.of(3L), ids(view.searchMembers(G, "cas", 10).orElseThrow()));
        Member ghost = view.searchMembers(G, "gho", 10).orElseThrow().getFirst();
        assertEquals(1, ghost.userId());
        assertNull(ghost.user().username(), "decoded as a user known by ID alone");
        assertEquals(List.of(1L, 3L), ids(view.searchMembers(G, "", 10).orElseThrow()).stream().sorted().toList(),
                "an empty query lists members with some name, as before");
        assertTrue(view.searchMembers(G, "casimir#0", 10).orElseThrow().isEmpty());
    }

    @Test
    void segmentSelectContinuesFromAnId() {
        UserStore users = new UserStore(16, 100);
        MemberSegment seg = new MemberSegment();
        for (long id = 1; id <= 100; id++) {
            seg.upsert(member(id, id % 2 == 0 ? "even" + id : null, user(id, "m" + id)), new long[0], users);
        }
        MemberSearch evens = new MemberSearch("EVEN", users, Long.MAX_VALUE);
        long[] out = new long[100];
        assertEquals(50, seg.select(evens, Long.MIN_VALUE, out, 100));
        assertEquals(4, seg.select(evens, 11, out, 4));
        assertArrayEquals(new long[] {12, 14, 16, 18}, Arrays.copyOf(out, 4));
        assertEquals(1, seg.select(evens, 100, out, 10));
        assertEquals(0, seg.select(evens, 101, out, 10));
        assertEquals(0, seg.select(evens, Long.MIN_VALUE, out, 0));
    }

    private static List<Long> ids(List<Member> members) {
        return members.stream().map(Member::userId).toList();
    }
}
