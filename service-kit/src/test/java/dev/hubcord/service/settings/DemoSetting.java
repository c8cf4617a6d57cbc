package dev.hubcord.service.settings;

/** A small settings enum covering each type, for the kit's own tests. */
public enum DemoSetting implements SettingKey {
    DEMO_PORT(Decl.port(8080), "port to listen on"),
    DEMO_TIMEOUT_MS(Decl.millis(5000, 100, 60_000), "how long to wait"),
    DEMO_FAST(Decl.bool(false), "go fast"),
    DEMO_MODE(Decl.oneOf("auto", "auto", "nio", "io_uring"), "transport | mode"),
    DEMO_URL(Decl.url("ws://127.0.0.1:1/ws", "ws", "wss"), "the URL"),
    DEMO_NAMES(Decl.items("a,b"), "some names"),
    DEMO_SECRET(Decl.secretText().mandatory(), "the secret"),
    OTHER_LABEL(Decl.text("x").flag("--label"), "a label");

    private final Decl decl;
    private final String meaning;

    DemoSetting(Decl decl, String meaning) {
        this.decl = decl;
        this.meaning = meaning;
    }

    @Override
    public Decl decl() {
        return decl;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
