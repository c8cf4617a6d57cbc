package dev.hubcord.commands.interactions;

import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.InteractionEvents;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the interaction test classes share: one {@link World} (the real simulated Discord and a real hub) and one
 * in-process worker for the class, the raw interaction sender, and the sim's control API for playing the user.
 */
abstract class WorkerWithSim {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;
    static Interactions send;
    static InteractionEvents user;

    @BeforeAll
    static void startWorld() throws Exception {
        world = World.start(dir);
        worker = world.startWorker(new MutableClock());
        send = new Interactions(world);
        user = world.sim.control().interactions();
    }

    @AfterAll
    static void stopWorld() {
        worker.close();
        world.close();
    }
}
