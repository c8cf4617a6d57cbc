package dev.hubcord.systemtests.harness;

import java.nio.file.Path;

/**
 * One {@link Deployment} for every test class of the suite: starting eight JVMs and identifying four shards costs
 * most of a minute on two cores, so the classes share it. A test that kills a process restarts it and waits until
 * the system is whole again ({@link Deployment#heal()}) before the next one runs. Stopped when the test JVM exits.
 */
public final class SharedSystem {

    private static Deployment deployment;
    private static Tracks tracks;

    private SharedSystem() {}

    public static synchronized Deployment get() {
        if (deployment == null) {
            deployment = Deployment.start(Topology.standard(), Path.of("target", "system-tests").toAbsolutePath());
            tracks = new Tracks(deployment.dir().resolve("tracks"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                tracks.close();
                deployment.close();
            }, "system-tests-shutdown"));
        }
        return deployment;
    }

    public static synchronized Tracks tracks() {
        get();
        return tracks;
    }
}
