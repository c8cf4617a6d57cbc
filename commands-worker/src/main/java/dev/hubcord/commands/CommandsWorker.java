package dev.hubcord.commands;

import dev.hubcord.commands.builtin.TimedBanLifter;
import dev.hubcord.commands.config.WorkerConfig;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.events.EventDispatcher;
import dev.hubcord.commands.exec.CommandIntake;
import dev.hubcord.commands.exec.CommandRegistry;
import dev.hubcord.commands.exec.CommandRunner;
import dev.hubcord.commands.exec.PluginLoader;
import dev.hubcord.commands.exec.WorkerServices;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.metrics.CommandMetrics;
import dev.hubcord.commands.music.TrackAnnouncer;
import dev.hubcord.commands.registration.RegistrationSync;
import dev.hubcord.commands.store.Database;
import dev.hubcord.commands.store.Journal;
import dev.hubcord.commands.store.MusicChannels;
import dev.hubcord.commands.store.TimedBans;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.discordrest.RestRequest;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.Identified;
import dev.hubcord.protocol.client.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running commands worker: the database, the Discord and hub REST clients, the command registry, the hub
 * connection (as {@code commands}, acknowledging manually), the timed-ban lifter and the track announcer.
 */
public final class CommandsWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandsWorker.class);
    private static final String[] TRACK_EVENTS = {"TRACK_START", "TRACK_END", "TRACK_EXCEPTION"};
    /**
     * Audio events any commands worker may be handed that this one has no use for: acknowledged at once, or (with
     * manual acks) they would pile up unacknowledged in the hub. Player state is the audio worker's and the hub's.
     */
    private static final String[] IGNORED_AUDIO_EVENTS = {"PLAYER_UPDATE", "TRACK_STUCK", "VOICE_CLOSED"};

    private final Database db;
    private final DiscordRest rest;
    private final HubApi hubApi;
    private final HubClient hub;
    private final CommandIntake intake;
    private final TimedBanLifter lifter;
    private final ScheduledExecutorService timers;
    private final CommandRegistry registry;
    private final TimedBans timedBans;
    private final AtomicReference<String> botUserId = new AtomicReference<>();
    private final CompletableFuture<Identified> connected;
    private final EventDispatcher events;
    private final CompletableFuture<List<RegistrationSync.Outcome>> registration;
    /** DISPATCH events whose listeners run at once; more wait, unacknowledged. */
    static final int EVENTS_IN_FLIGHT = 64;

    private CommandsWorker(WorkerConfig config, Clock clock, ClassLoader commands, MeterRegistry meters) {
        this.db = Database.open(config.database());
        Journal journal = new Journal(db, clock, config.journalTtl());
        this.timedBans = new TimedBans(db);
        MusicChannels musicChannels = new MusicChannels(db);
        this.hubApi = new HubApi(config.hubRestUrl(), config.hubSecret(), Duration.ofSeconds(10));
        this.registry = CommandRegistry.load(PluginLoader.withPlugins(commands, config.pluginsDir()));
        this.events = new EventDispatcher(registry.listeners(), EVENTS_IN_FLIGHT);
        botUserId.set(config.botUserId());
        CommandIntake[] intakeRef = new CommandIntake[1];
        this.hub = HubClient.create(HubClientOptions.builder(config.hubUrl(), ServiceType.COMMANDS, config.hubSecret())
                .name(config.name())
                .compression(config.compression())
                .events(events.subscriptions())
                .statistics(() -> Map.of("inFlight", intakeRef[0] == null ? 0 : intakeRef[0].inFlight()))
                .build());
        // the REST client's rate limits are coordinated by the hub, for every process that calls Discord
        this.rest = DiscordRest.of(new RestOptions(config.discordApiBase(), config.discordToken(),
                config.restTimeout(), config.restRetries(), 10, config.globalLimit(), config.invalidRequestCap(),
                Duration.ofMillis(50)), hub, meters);
        DiscordApi discord = new DiscordApi(rest);
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("defer-timer")
                .factory());
        WorkerServices services = new WorkerServices(discord, hubApi, hub, clock, journal, botUserId::get, registry,
                Map.of(TimedBans.class, timedBans, MusicChannels.class, musicChannels), timers, config.deferAfter());
        this.intake = new CommandIntake(new CommandRunner(services, new CommandMetrics(meters)), services, journal, config.maxInFlight());
        intakeRef[0] = intake;
        TrackAnnouncer announcer = new TrackAnnouncer(discord, musicChannels);
        hub.addEventListener("EXECUTE_COMMAND", intake::onEvent);
        events.bind(discord, hubApi, hub);
        hub.addEventListener("DISPATCH", events::onEvent);
        for (String name : TRACK_EVENTS) {
            hub.addEventListener(name, announcer::onEvent);
        }
        for (String name : IGNORED_AUDIO_EVENTS) {
            hub.addEventListener(name, IncomingEvent::ack);
        }
        hub.addEventListener("BOT_INFO", e -> learnBot(e.data().path("userID").asText(null)));
        hub.addEventListener("IDENTIFIED", e -> learnBot(e.data().path("bot").path("userID").asText(null)));
        hub.addConnectionListener(c -> log.info("hub: {} -> {}", c.previous(), c.state()));
        hub.addErrorListener(e -> log.warn("hub: {}", e.getMessage()));
        this.lifter = new TimedBanLifter(timedBans, journal, discord, clock, config.banPollInterval());
        this.connected = hub.connect().thenApply(identified -> {
            if (identified.bot() != null) {
                learnBot(identified.bot().userId());
            }
            return identified;
        });
        lifter.start();
        if (config.register()) {
            RegistrationSync sync = new RegistrationSync(rest, hub, registry.specs(), config.registrationGuilds());
            this.registration = connected.thenApplyAsync(i -> {
                String app = rest.call(RestRequest.of("GET", "/applications/@me")).path("id").asText();
                return sync.run(app);
            }, Thread.ofVirtual().name("registration")::start).exceptionally(e -> {
                log.warn("registration failed: {}", e.toString());
                return List.of();
            });
        } else {
            this.registration = CompletableFuture.completedFuture(List.of());
        }
        log.info("commands worker {} started: {}", config.name(), config);
    }

    /** Starts a worker; commands are found with the given class loader's {@code ServiceLoader}. */
    public static CommandsWorker start(WorkerConfig config, Clock clock, ClassLoader commands) {
        return new CommandsWorker(config, clock, commands, new SimpleMeterRegistry());
    }

    /** As {@link #start(WorkerConfig)}, with the worker's meters (commands, Discord REST) in {@code meters}. */
    public static CommandsWorker start(WorkerConfig config, MeterRegistry meters) {
        return new CommandsWorker(config, Clock.systemUTC(), Thread.currentThread().getContextClassLoader(), meters);
    }

    /** Readiness: identified to the hub and the session is up now. */
    public boolean ready() {
        return connected.isDone() && !connected.isCompletedExceptionally()
                && hub.state() == ConnectionState.CONNECTED;
    }

    public static CommandsWorker start(WorkerConfig config) {
        return start(config, Clock.systemUTC(), Thread.currentThread().getContextClassLoader());
    }

    private void learnBot(String id) {
        if (id != null && !id.isEmpty() && botUserId.get() == null) {
            botUserId.set(id);
            log.info("bot user ID {}", id);
        }
    }

    /** Completes when the start-up registration finished (empty: skipped, not the lease holder, or off). */
    public CompletableFuture<List<RegistrationSync.Outcome>> registration() {
        return registration;
    }

    public EventDispatcher events() {
        return events;
    }

    /** Completes with the first IDENTIFIED. */
    public CompletableFuture<Identified> connected() {
        return connected;
    }

    public HubClient hubClient() {
        return hub;
    }

    public DiscordRest rest() {
        return rest;
    }

    public CommandRegistry registry() {
        return registry;
    }

    public CommandIntake intake() {
        return intake;
    }

    public TimedBans timedBans() {
        return timedBans;
    }

    public TimedBanLifter lifter() {
        return lifter;
    }

    public String botUserId() {
        return botUserId.get();
    }

    /**
     * Stops: running commands get a few seconds to finish and be acknowledged, then the hub session ends (1000:
     * anything unacknowledged goes to another worker at once).
     */
    @Override
    public void close() {
        intake.shutdown(10);
        events.close();
        hub.close();
        lifter.close();
        timers.shutdownNow();
        rest.close();
        hubApi.close();
        db.close();
        log.info("commands worker stopped");
    }
}
