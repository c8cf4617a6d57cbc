package dev.hubcord.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through its chromedriver: Debian's {@code chromium} and {@code chromium-driver}
 * packages, pointed at explicitly so that Selenium never looks for (or downloads) a browser or driver of its own.
 * Each one has a fresh profile directory and no network of its own beyond the pages it is sent to.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Set (to anything) where the browser must run — CI sets it — so that a missing browser fails, not skips. */
    public static final String REQUIRED_ENV = "HUBCORD_BROWSER_TESTS_REQUIRED";

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Whether Debian's chromium and chromedriver are installed. */
    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static boolean required() {
        return System.getenv(REQUIRED_ENV) != null;
    }

    /**
     * Starts a headless Chromium with a fresh profile, emulating a phone's screen of {@code width} × {@code height}
     * CSS pixels (a window cannot be made that narrow: Chromium's windows are at least 500 pixels wide).
     */
    public static Browser start(Path profile, int width, int height) {
        try {
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves a PNG of the viewport. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
