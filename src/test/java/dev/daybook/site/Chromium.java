package dev.daybook.site;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the browser tests: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} by default, or {@code DAYBOOK_CHROMIUM} and
 * {@code DAYBOOK_CHROMEDRIVER} (GitHub's runners ship Google Chrome). The driver is named, so
 * Selenium Manager never looks for one on the network; the flags keep Chromium off the network.
 */
final class Chromium {

  static final Path BINARY = Path.of(
      System.getenv().getOrDefault("DAYBOOK_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(
      System.getenv().getOrDefault("DAYBOOK_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** Fails the test, saying what to install, when the browser or its driver is missing. */
  static void requireInstalled(String test) {
    List<Path> missing = Stream.of(BINARY, DRIVER).filter(p -> !Files.isExecutable(p)).toList();
    if (!missing.isEmpty()) {
      fail(test + " needs Chromium and its WebDriver, and " + missing + " is missing. Install"
          + " them with: sudo apt-get install chromium chromium-driver (.ci/run does it on CI),"
          + " or name others with DAYBOOK_CHROMIUM and DAYBOOK_CHROMEDRIVER.");
    }
  }

  /** A running browser and the profile folder it owns; closing quits it and deletes the folder. */
  record Session(ChromeDriver driver, Path profile) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      driver.quit();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Starts a browser with a fresh profile, a window of the given size, and the console kept for
   * {@code driver.manage().logs()}.
   */
  static Session start(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("daybook-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--no-proxy-server",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile,
        // The stylesheet scrolls smoothly unless the reader asks for reduced motion; the tests
        // ask, so clicks and positions are not taken mid-scroll.
        "--force-prefers-reduced-motion");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(Path.of("target", "chromedriver.log").toFile())
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts()
        .pageLoadTimeout(Duration.ofSeconds(30))
        .scriptTimeout(Duration.ofSeconds(10));
    return new Session(driver, profile);
  }
}
