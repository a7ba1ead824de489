package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.cli.CliRun;
import dev.daybook.search.PublishedFile;
import dev.daybook.search.opensearch.OpenSearchNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A site with {@code search.opensearch-public} set: its search page, in headless Chromium, asks a
 * real OpenSearch node (filled by {@code daybook index}) and shows what {@code daybook search
 * --opensearch} prints, the same commits in the same order or the same error; it fetches nothing
 * of the static index but {@code meta.json}, and only the search page's Content-Security-Policy
 * lets it connect to the node's origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class OpenSearchPageTest {

  /** Words, Chinese, phrases, filters, exclusions, OR, a SHA, an author, errors. */
  static final List<String> QUERIES = List.of("缓存", "性能优化", "cache", "HiCache",
      "\"radix cache\"", "torch.compile", "支持 kernel", "severity:high",
      "type:bugfix repo:sgl-project/sglang", "author:\"Alison Shao\"",
      "path:python/sglang/jit_kernel", "date:2026-02..2026-03", "cache -hicache",
      "cache OR kernel", "(fix OR bug) severity:medium", "f798ab9", "陈一涵", "修复", "apply_rope",
      "sev:high", "repo:sglan", "\"unclosed", "the");

  private OpenSearchNode node;
  private StaticServer server;
  private Chromium.Session browser;
  private ChromeDriver driver;
  private Path config;
  private String base;
  private final List<StaticServer.Request> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start(@TempDir Path tmp) throws IOException {
    Chromium.requireInstalled("OpenSearchPageTest");
    node = OpenSearchNode.start();
    config = tmp.resolve("site.properties");
    Files.writeString(config, Files.readString(Path.of("site.properties"), StandardCharsets.UTF_8)
        + "\nsearch.opensearch=" + node.url() + "\nsearch.opensearch-public=" + node.url()
        + "\n", StandardCharsets.UTF_8);
    CliRun index = CliRun.run("index", "--content=content", "--config=" + config);
    assertThat(index.exitCode()).as(index.err()).isZero();
    Path site = tmp.resolve("site");
    server = StaticServer.start(site, 0, "/daybook/", requests::add);
    base = server.url().toString();
    CliRun build = CliRun.run("build", "--content=content", "--out=" + site, "--base-url=" + base,
        "--index=" + tmp.resolve("lucene"), "--config=" + config);
    assertThat(build.exitCode()).as(build.err()).isZero();
    // The page never reads the static index: the site holds only its meta.json, with the words
    // and facet values the page reads.
    try (java.util.stream.Stream<Path> files = Files.walk(site.resolve("search"))) {
      assertThat(files.filter(Files::isRegularFile).map(f -> site.relativize(f).toString()))
          .containsExactly("search/meta.json.gz");
    }
    com.fasterxml.jackson.databind.JsonNode meta =
        PublishedFile.readJson(site.resolve("search/meta.json.gz"));
    assertThat(meta.get("parts")).isEmpty();
    assertThat(meta.get("repos").toString()).isEqualTo("[\"sgl-project/sglang\"]");
    assertThat(meta.get("severities")).hasSize(3);
    assertThat(meta.get("n").asInt()).isEqualTo(141);
    browser = Chromium.start(1280, 900);
    driver = browser.driver();
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (node != null) {
      node.close();
    }
  }

  /** The CLI's first ten SHAs from OpenSearch, or null with its error. */
  private List<String> cli(String query, StringBuilder error) throws IOException {
    CliRun r = CliRun.run("search", "--opensearch", node.url().toString(), "--json", "--limit",
        "10", "--content=content", "--config=" + config, "--", query);
    JsonNode json = new ObjectMapper().readTree(r.out());
    if (json.has("error")) {
      error.append(json.get("error").asText());
      return null;
    }
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> shas = new ArrayList<>();
    json.get("results").forEach(h -> shas.add(h.get("sha").asText()));
    return shas;
  }

  private void open(String query) {
    driver.get(base + "search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "no answer to " + query)
        .until(d -> query.equals(d.findElement(By.id("search-results"))
            .getDomAttribute("data-query"))
            && "done".equals(d.findElement(By.id("search-results"))
            .getDomAttribute("data-state")));
  }

  @Test
  void thePageShowsWhatTheCliFindsInOpenSearch() throws IOException {
    List<String> failures = new ArrayList<>();
    int withResults = 0;
    for (String query : QUERIES) {
      StringBuilder error = new StringBuilder();
      List<String> expected = cli(query, error);
      open(query);
      List<String> shown = driver.findElements(By.cssSelector("#search-results li.search-hit"))
          .stream().map(e -> e.getDomAttribute("data-sha")).toList();
      String status = driver.findElement(By.id("search-status")).getText();
      if (expected == null) {
        if (!shown.isEmpty() || !status.contains(error)) {
          failures.add(query + ": the CLI says \"" + error + "\", the page " + shown + " / "
              + status);
        }
      } else if (!expected.equals(shown)) {
        failures.add(query + ":\n  cli  " + expected + "\n  page " + shown);
      } else {
        withResults += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(failures).isEmpty();
    assertThat(withResults).isGreaterThanOrEqualTo(15);
    // The page read the words of types and severities, and none of the static index's shards.
    assertThat(requests.stream().map(StaticServer.Request::path)
        .filter(p -> p.contains("/search/")).distinct()).containsExactly("/daybook/search/meta.json.gz");
  }

  @Test
  void onlyTheSearchPageMayConnectToTheNode() throws IOException {
    String origin = "http://127.0.0.1:" + node.url().getPort();
    open("cache");
    // For a person to look at: the results as OpenSearch gave them.
    Files.createDirectories(BrowserTest.SCREENSHOTS);
    Files.write(BrowserTest.SCREENSHOTS.resolve("search-opensearch-1280x900.png"),
        driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    assertThat(csp()).endsWith("; connect-src 'self' " + origin);
    assertThat(driver.findElement(By.cssSelector("script[src$='js/search.js']"))
        .getDomAttribute("data-opensearch")).isEqualTo(node.url() + "/daybook/_search");
    driver.get(base);
    assertThat(csp()).doesNotContain("connect-src");
  }

  private String csp() {
    return driver.findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']"))
        .getDomAttribute("content");
  }
}
