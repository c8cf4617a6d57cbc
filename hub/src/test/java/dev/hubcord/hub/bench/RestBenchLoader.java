package dev.hubcord.hub.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Feeds a running hub for {@code bench/rest-bench.sh} through a real sharder WebSocket connection
 * (not a test; run with {@code java -cp hub.jar RestBenchLoader.java ...}).
 *
 * <ul>
 *   <li>{@code load HOST PORT SECRET DIR}: pushes a deterministic population (guild payloads with
 *       roles and channels, members in chunks of 1,000 as GUILD_MEMBERS_CHUNK would bring them) and
 *       writes request paths for wrk into DIR ({@code member.txt}, {@code search.txt},
 *       {@code permissions.txt});</li>
 *   <li>{@code ingest HOST PORT SECRET SECONDS [PER_SECOND]}: sends single op 5 member updates
 *       (one per payload, as GUILD_MEMBER_UPDATE would) as fast as the connection takes them, or
 *       paced to PER_SECOND, and prints the
 *       rate the hub stored them at: the clock stops when the hub ACKs a heartbeat sent after the
 *       last one, and the hub handles a connection's payloads in order.</li>
 * </ul>
 */
public final class RestBenchLoader {

    static final long SEED = 42;
    static final int GUILDS = 1_000;
    static final long GUILD_BASE = 200_000_000_000_000_000L;
    static final long USER_BASE = 300_000_000_000_000_000L;
    static final int CHUNK = 1_000;

    /** One generated guild: its IDs, enough to write requests and updates. */
    record GuildPlan(long id, int members, long[] roles, long[] channels, long firstUser) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || args.length > 6 || !(args[0].equals("load") || args[0].equals("ingest"))) {
            System.err.println("usage: RestBenchLoader load HOST PORT SECRET DIR | ingest HOST PORT SECRET SECONDS [PER_SECOND]");
            System.exit(2);
        }
        URI uri = URI.create("ws://" + args[1] + ":" + args[2] + "/ws/v1");
        try (Sharder sharder = new Sharder(uri, args[3])) {
            List<GuildPlan> plan = plan();
            if (args[0].equals("load")) {
                load(sharder, plan, Path.of(args[4]));
            } else {
                ingest(sharder, plan, Integer.parseInt(args[4]), args.length == 6 ? Integer.parseInt(args[5]) : 0);
            }
        }
    }

    /** Guild sizes like a bot's: mostly small guilds, some thousands-strong, a few very large. */
    static List<GuildPlan> plan() {
        SplittableRandom r = new SplittableRandom(SEED);
        List<GuildPlan> plan = new ArrayList<>();
        long nextUser = USER_BASE;
        for (int g = 0; g < GUILDS; g++) {
            int size = g % 200 == 0 ? r.nextInt(30_000, 50_000) : g % 10 == 0 ? r.nextInt(1_000, 10_000) : r.nextInt(20, 500);
            long id = GUILD_BASE + g * 1_000_003L;
            long[] roles = new long[r.nextInt(10, 40)];
            for (int i = 0; i < roles.length; i++) {
                roles[i] = i == 0 ? id : id + 1 + i;
            }
            long[] channels = new long[r.nextInt(10, 60)];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = id + 100 + i;
            }
            plan.add(new GuildPlan(id, size, roles, channels, nextUser));
            nextUser += size;
        }
        return plan;
    }

    static void load(Sharder sharder, List<GuildPlan> plan, Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        long start = System.nanoTime();
        long members = 0;
        long bytes = 0;
        for (GuildPlan g : plan) {
            String guild = guildPayload(g, r);
            sharder.send(guild);
            bytes += guild.length();
            for (int from = 0; from < g.members(); from += CHUNK) {
                StringBuilder chunk = new StringBuilder(CHUNK * 330);
                chunk.append("{\"type\":\"guild\",\"id\":\"").append(g.id()).append("\",\"members\":[");
                int to = Math.min(g.members(), from + CHUNK);
                for (int i = from; i < to; i++) {
                    if (i > from) {
                        chunk.append(',');
                    }
                    member(chunk, g, g.firstUser() + i, r, false);
                }
                chunk.append("]}");
                sharder.send(chunk.toString());
                bytes += chunk.length();
                members += to - from;
            }
            if (g.id() % 50 == 0) {
                sharder.sync();
            }
        }
        sharder.sync();
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "loaded %d guilds, %d members (%.0f MB of op 5 JSON) in %.1f s: %.0f members/s%n",
                plan.size(), members, bytes / 1e6, secs, members / secs);
        writePaths(plan, dir);
    }

    /** {@code perSecond} 0 sends as fast as the connection takes payloads; otherwise paces to that rate. */
    static void ingest(Sharder sharder, List<GuildPlan> plan, int seconds, int perSecond) throws Exception {
        SplittableRandom r = new SplittableRandom(SEED + 2);
        long[] weights = new long[plan.size()];
        long total = 0;
        for (int i = 0; i < plan.size(); i++) {
            total += plan.get(i).members();
            weights[i] = total;
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        long nextSync = start + TimeUnit.SECONDS.toNanos(1);
        StringBuilder sb = new StringBuilder(512);
        while (System.nanoTime() < deadline) {
            if (perSecond > 0) {
                long due = start + sent * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            long pick = r.nextLong(total);
            int gi = java.util.Arrays.binarySearch(weights, pick + 1);
            GuildPlan g = plan.get(gi >= 0 ? gi : -gi - 1);
            sb.setLength(0);
            member(sb, g, g.firstUser() + r.nextInt(g.members()), r, true);
            sharder.send(sb.toString());
            sent++;
            if (System.nanoTime() > nextSync) {
                sharder.sync(); // keeps the connection's heartbeat alive; cheap next to a second of payloads
                nextSync = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
        }
        sharder.sync();
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "ingest: %d op 5 member payloads stored in %.1f s: %.0f payloads/s%n",
                sent, secs, sent / secs);
    }

    static String guildPayload(GuildPlan g, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(8_192);
        sb.append("{\"type\":\"guild\",\"id\":\"").append(g.id()).append("\",\"name\":\"").append(name(r, 5, 20))
                .append("\",\"icon\":null,\"ownerID\":\"").append(g.firstUser()).append("\",\"region\":\"europe\",\"memberCount\":")
                .append(g.members()).append(",\"roles\":[");
        for (int i = 0; i < g.roles().length; i++) {
            long perms = i == 0 ? 1024 | 2048 | 65536 | 1048576 : r.nextLong(1L << 40) & ~8L;
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(g.roles()[i]).append("\",\"name\":\"")
                    .append(i == 0 ? "@everyone" : name(r, 3, 12)).append("\",\"color\":").append(r.nextInt(1 << 24))
                    .append(",\"position\":").append(i).append(",\"permissions\":\"").append(perms).append("\"}");
        }
        sb.append("],\"channels\":[");
        for (int i = 0; i < g.channels().length; i++) {
            int type = i % 10 == 0 ? 4 : i % 5 == 1 ? 2 : 0;
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(g.channels()[i]).append("\",\"type\":").append(type)
                    .append(",\"position\":").append(i).append(",\"name\":\"").append(name(r, 4, 16))
                    .append("\",\"nsfw\":false,\"overwrites\":[");
            int overwrites = r.nextInt(0, 4);
            for (int o = 0; o < overwrites; o++) {
                long target = g.roles()[o == 0 ? 0 : r.nextInt(g.roles().length)];
                sb.append(o == 0 ? "" : ",").append("{\"id\":\"").append(target).append("\",\"type\":\"role\",\"allow\":\"")
                        .append(r.nextLong(1L << 20)).append("\",\"deny\":\"").append(r.nextLong(1L << 20)).append("\"}");
            }
            sb.append("]}");
        }
        return sb.append("],\"voiceStates\":[]}").toString();
    }

    /** A member as Discord libraries send it: 0 to 4 roles, a third with a nickname, most with an avatar. */
    static void member(StringBuilder sb, GuildPlan g, long user, SplittableRandom r, boolean standalone) {
        sb.append("{");
        if (standalone) {
            sb.append("\"type\":\"member\",\"guildID\":\"").append(g.id()).append("\",");
        }
        sb.append("\"id\":\"").append(user).append("\",\"nickname\":");
        if (r.nextInt(3) == 0) {
            sb.append('"').append(name(r, 4, 16)).append('"');
        } else {
            sb.append("null");
        }
        sb.append(",\"roles\":[");
        int roles = r.nextInt(0, Math.min(5, g.roles().length));
        for (int i = 0; i < roles; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(g.roles()[1 + (i * 7 + (int) (user % 5)) % (g.roles().length - 1)]).append('"');
        }
        sb.append("],\"joinedAt\":\"2022-10-13T14:35:40.794000+00:00\",\"communicationDisabledUntil\":null,")
                .append("\"pending\":false,\"deaf\":false,\"mute\":false,\"user\":{\"id\":\"").append(user)
                .append("\",\"username\":\"").append(username(user)).append("\",\"discriminator\":\"0\",\"globalName\":");
        if ((user & 1) == 0) {
            sb.append('"').append(name(r, 4, 20)).append('"');
        } else {
            sb.append("null");
        }
        sb.append(",\"avatar\":").append(r.nextInt(5) == 0 ? "null" : "\"a_0123456789abcdef0123456789abcdef\"")
                .append(",\"bot\":false}}");
    }

    /** A username derived from the user ID, so the search paths can be written without keeping them. */
    static String username(long user) {
        SplittableRandom r = new SplittableRandom(user);
        return name(r, 6, 14);
    }

    static String name(SplittableRandom r, int min, int max) {
        int n = r.nextInt(min, max + 1);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(c);
    }

    /** 100,000 request paths per endpoint: members picked uniformly over the whole population. */
    static void writePaths(List<GuildPlan> plan, Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(SEED + 3);
        long[] weights = new long[plan.size()];
        long total = 0;
        for (int i = 0; i < plan.size(); i++) {
            total += plan.get(i).members();
            weights[i] = total;
        }
        Files.createDirectories(dir);
        try (PrintWriter member = new PrintWriter(Files.newBufferedWriter(dir.resolve("member.txt")));
                PrintWriter search = new PrintWriter(Files.newBufferedWriter(dir.resolve("search.txt")));
                PrintWriter perms = new PrintWriter(Files.newBufferedWriter(dir.resolve("permissions.txt")))) {
            for (int i = 0; i < 100_000; i++) {
                long pick = r.nextLong(total);
                int gi = java.util.Arrays.binarySearch(weights, pick + 1);
                GuildPlan g = plan.get(gi >= 0 ? gi : -gi - 1);
                long user = g.firstUser() + r.nextInt(g.members());
                String base = "/v1/discord/guilds/" + g.id() + "/members/";
                member.println(base + user);
                perms.println(base + user + "/permissions?channel=" + g.channels()[r.nextInt(g.channels().length)]);
                // Search: a guild picked uniformly (commands come from every guild alike) and the
                // first 3 letters of one of its members' usernames, asking for up to 10 members.
                GuildPlan sg = plan.get(r.nextInt(plan.size()));
                String prefix = username(sg.firstUser() + r.nextInt(sg.members())).substring(0, 3);
                search.println("/v1/discord/guilds/" + sg.id() + "/members?query=" + prefix + "&limit=10");
            }
        }
    }

    /** A sharder connection with the JDK's WebSocket client; {@link #sync()} waits for a heartbeat ACK. */
    static final class Sharder implements AutoCloseable {

        private final WebSocket socket;
        private final Semaphore identified = new Semaphore(0);
        private final Semaphore acks = new Semaphore(0);
        private volatile String closed;

        Sharder(URI uri, String secret) throws InterruptedException {
            StringBuilder text = new StringBuilder();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        String s = text.toString();
                        text.setLength(0);
                        if (s.startsWith("{\"op\":4")) {
                            acks.release();
                        } else if (s.contains("\"IDENTIFIED\"")) {
                            identified.release();
                        }
                    }
                    ws.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                    closed = code + " " + reason;
                    identified.release();
                    acks.release(Integer.MAX_VALUE / 2);
                    return null;
                }
            }).join();
            send("{\"op\":0,\"d\":{\"type\":\"sharder\",\"name\":\"bench-loader\",\"secret\":\"" + secret + "\"}}");
            if (!identified.tryAcquire(10, TimeUnit.SECONDS) || closed != null) {
                throw new IllegalStateException("not identified: " + closed);
            }
        }

        void send(String payload) {
            if (!payload.startsWith("{\"op\"")) {
                payload = "{\"op\":5,\"d\":" + payload + "}";
            }
            socket.sendText(payload, true).join();
        }

        void sync() throws InterruptedException {
            send("{\"op\":1,\"d\":null}");
            if (!acks.tryAcquire(120, TimeUnit.SECONDS) || closed != null) {
                throw new IllegalStateException("hub did not ACK: " + closed);
            }
        }

        @Override
        public void close() {
            socket.sendClose(1000, "done").join();
        }
    }
}
