package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The shipped content baked by the real {@code daybook build}, served on 127.0.0.1 under a
 * sub-path like GitHub Pages, and a headless Chromium to browse it: what the browser tests share.
 *
 * @param site the baked site
 * @param index its Lucene index
 * @param base the site's URL, with the server's port
 */
record ServedSite(Path site, Path index, String base, StaticServer server,
    Chromium.Session browser) implements AutoCloseable {

  /** Serves first (the base URL, with its port, goes into the bake), then bakes and opens. */
  static ServedSite start(Path tmp, String subPath, Consumer<StaticServer.Request> requests,
      int width, int height) throws IOException {
    return start(tmp, subPath, requests, width, height, Path.of("site.properties"));
  }

  /** The same, with these site settings. */
  static ServedSite start(Path tmp, String subPath, Consumer<StaticServer.Request> requests,
      int width, int height, Path config) throws IOException {
    Path site = tmp.resolve("site");
    Path index = tmp.resolve("lucene");
    StaticServer server = StaticServer.start(site, 0, subPath, requests);
    String base = server.url().toString();
    CliRun build = CliRun.run("build", "--config=" + config, "--content=content",
        "--out=" + site, "--base-url=" + base, "--index=" + index);
    assertThat(build.exitCode()).as("daybook build: %s%s", build.out(), build.err()).isZero();
    return new ServedSite(site, index, base, server, Chromium.start(width, height));
  }

  ChromeDriver driver() {
    return browser.driver();
  }

  @Override
  public void close() throws IOException {
    try {
      browser.close();
    } finally {
      server.close();
    }
  }
}
