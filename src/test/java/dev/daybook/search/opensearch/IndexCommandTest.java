package dev.daybook.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.archive.ArchiveReader;
import dev.daybook.cli.CliRun;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.search.IndexSearch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daybook index --opensearch} and {@code daybook search --opensearch} against a real node:
 * a second run sends nothing, a changed report is sent again alone (its old text gone), a
 * removed one leaves the index, an index that is not Daybook's is never replaced, and bad URLs
 * and credentials are refused without being echoed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexCommandTest {

  private static final String REPORT = "content/reports/2026/02/2026-02-03.md";

  private OpenSearchNode node;
  private Path content;
  private Path config;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    node = OpenSearchNode.start();
    content = tmp.resolve("content");
    copy(Path.of("content"), content);
    config = tmp.resolve("site.properties");
    Files.writeString(config, "site.locale=en\n", StandardCharsets.UTF_8);
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private CliRun daybook(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--content", content.toString(), "--config", config.toString()));
    return CliRun.run(Map.of(), Clock.systemUTC(), all.toArray(String[]::new));
  }

  private JsonNode search(String index, String query) throws Exception {
    CliRun r = daybook("search", "--opensearch", node.url().toString(), "--opensearch-index",
        index, "--json", "--limit", "100", query);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void sendsOnlyWhatChanged() throws Exception {
    String url = node.url().toString();
    CliRun first = daybook("index", "--opensearch", url, "--opensearch-index", "week");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("OpenSearch " + url + "/ index week (created): 7 reports"
        + " sent (141 commits), 0 unchanged, 0 removed\n");
    assertThat(search("week", "date:2026-02..2026-03").path("total").asLong()).isEqualTo(141);

    CliRun again = daybook("index", "--opensearch", url, "--opensearch-index", "week");
    assertThat(again.out()).isEqualTo("OpenSearch " + url + "/ index week: 0 reports sent"
        + " (0 commits), 7 unchanged, 0 removed\n");

    Path report = content.resolve(Path.of(REPORT).subpath(1, 5).toString());
    String text = Files.readString(report, StandardCharsets.UTF_8);
    String line = "新增 `concat_mla.cuh`、`test_concat_mla.py`、`bench_concat_mla.py` 等 4 个文件。";
    assertThat(text).contains(line);
    Files.writeString(report, text.replace(line, line + " zebrafinch"), StandardCharsets.UTF_8);
    CliRun changed = daybook("index", "--opensearch", url, "--opensearch-index", "week");
    assertThat(changed.exitCode()).as(changed.err()).isZero();
    assertThat(changed.out()).contains(": 1 report sent (28 commits), 6 unchanged, 0 removed");
    JsonNode found = search("week", "zebrafinch");
    assertThat(found.path("total").asLong()).isEqualTo(1);
    assertThat(found.path("results").get(0).path("date").asText()).isEqualTo("2026-02-03");
    assertThat(found.path("results").get(0).path("snippet").asText()).contains("zebrafinch");
    assertThat(search("week", "date:2026-02..2026-03").path("total").asLong()).isEqualTo(141);

    Files.delete(report);
    CliRun removed = daybook("index", "--opensearch", url, "--opensearch-index", "week");
    assertThat(removed.out()).contains(": 0 reports sent (0 commits), 6 unchanged, 1 removed");
    assertThat(search("week", "zebrafinch").path("total").asLong()).isZero();
    assertThat(search("week", "date:2026-02-03").path("total").asLong()).isZero();
    assertThat(search("week", "date:2026-02..2026-03").path("total").asLong())
        .isEqualTo(141 - 28);
  }

  @Test
  void aCommitTakenOutOfAReportLeavesTheIndex() throws Exception {
    Endpoint e = new Endpoint(node.url(), "edited", Map.of(), Duration.ofSeconds(30));
    OpenSearchIndex index = new OpenSearchIndex(e);
    ArchiveReader.Source day = new ArchiveReader(Path.of("content"), ZoneId.of("Asia/Shanghai"))
        .read().reports().get(LocalDate.parse("2026-02-06"));
    assertThat(index.sync(List.of(day), URLS).commitsSent()).isEqualTo(13);
    RepoSection section = day.report().sections().get(0);
    ReportedCommit gone = section.commits().get(0);
    DailyReport shorter = new DailyReport(day.report().date(), day.report().zone(), List.of(
        new RepoSection(section.repo(), section.commits().subList(1, 13))));
    OpenSearchIndex.Sync sync = index.sync(List.of(new ArchiveReader.Source(day.file(),
        day.name(), "another digest", shorter, day.page())), URLS);
    assertThat(sync.reportsSent()).isEqualTo(1);
    assertThat(sync.commitsSent()).isEqualTo(12);
    OpenSearchSearch search = new OpenSearchSearch(e);
    assertThat(search.search("date:2026-02-06", 100, IndexSearch.Order.DATE).total())
        .isEqualTo(12);
    assertThat(search.search("sha:" + gone.sha(), 10, IndexSearch.Order.DATE).total()).isZero();
    assertThat(search.search("sha:" + section.commits().get(1).sha(), 10,
        IndexSearch.Order.DATE).total()).isEqualTo(1);
  }

  private static final dev.daybook.search.CommitDoc.ReportUrls URLS =
      (date, anchor) -> "reports/" + date + ".html#" + anchor;

  @Test
  void anIndexOfAnotherTemplateVersionIsWrittenAnew() throws Exception {
    Endpoint e = new Endpoint(node.url(), "older", Map.of(), Duration.ofSeconds(30));
    OpenSearchIndex index = new OpenSearchIndex(e);
    List<ArchiveReader.Source> sources = List.copyOf(new ArchiveReader(Path.of("content"),
        ZoneId.of("Asia/Shanghai")).read().reports().values());
    assertThat(index.sync(sources, URLS).created()).isTrue();
    assertThat(index.sync(sources, URLS).reportsSent()).isZero();
    Endpoint.Answer marked = e.put(e.indexUrl("_mapping"), new ObjectMapper().readTree(
        "{\"_meta\":{\"daybook\":\"daybook-opensearch-0\"}}"));
    assertThat(marked.ok()).as(marked.body().toString()).isTrue();
    OpenSearchIndex.Sync again = index.sync(sources, URLS);
    assertThat(again.created()).isTrue();
    assertThat(again.reportsSent()).isEqualTo(7);
    assertThat(again.commitsSent()).isEqualTo(141);
    assertThat(e.get(e.indexUrl("_mapping")).body().path("older").path("mappings").path("_meta")
        .path("daybook").asText()).isEqualTo(IndexTemplate.VERSION);
  }

  @Test
  void neverReplacesAnIndexThatIsNotDaybooks() throws Exception {
    Endpoint e = new Endpoint(node.url(), "theirs", Map.of(), Duration.ofSeconds(30));
    Endpoint.Answer created = e.put(e.indexUrl(""), new ObjectMapper().readTree(
        "{\"mappings\":{\"properties\":{\"x\":{\"type\":\"keyword\"}}}}"));
    assertThat(created.ok()).isTrue();
    CliRun r = daybook("index", "--opensearch", node.url().toString(), "--opensearch-index",
        "theirs");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("the index theirs exists and was not written by Daybook");
    assertThat(e.get(e.indexUrl("_mapping")).body().toString()).contains("\"x\"")
        .doesNotContain("daybook");
  }

  @Test
  void aReportThatDoesNotParseStopsTheRunBeforeAnythingIsSent(@TempDir Path tmp)
      throws Exception {
    Path broken = tmp.resolve("content");
    Files.createDirectories(broken.resolve("reports/2026/02"));
    Files.writeString(broken.resolve("reports/2026/02/2026-02-10.md"), "no header\n",
        StandardCharsets.UTF_8);
    CliRun r = CliRun.run(Map.of(), Clock.systemUTC(), "index", "--opensearch",
        node.url().toString(), "--opensearch-index", "broken", "--content", broken.toString(),
        "--config", config.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("2026-02-10.md:1: missing JBake header").contains("daybook: nothing sent: 2 problems"
        + " in the reports");
    Endpoint e = new Endpoint(node.url(), "broken", Map.of(), Duration.ofSeconds(30));
    assertThat(e.get(e.indexUrl("_mapping")).status()).isEqualTo(404);
  }

  @Test
  void aQueryErrorIsTheSiteLanguagesAndExitsTwo() {
    CliRun r = daybook("search", "--opensearch", node.url().toString(), "sev:high");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("daybook: bad query: ").contains("severity:high");
  }

  @Test
  void aMissingIndexSaysToRunIndex() {
    CliRun r = daybook("search", "--opensearch", node.url().toString(), "--opensearch-index",
        "nothing-here", "cache");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("has no index nothing-here: run `daybook index --opensearch");
  }

  @Test
  void urlsAndCredentialsAreCheckedWithoutEchoingSecrets() throws Exception {
    CliRun inUrl = daybook("index", "--opensearch", "http://admin:hunter2@127.0.0.1:9/");
    assertThat(inUrl.exitCode()).isEqualTo(2);
    assertThat(inUrl.err()).contains("DAYBOOK_OPENSEARCH_AUTH").doesNotContain("hunter2");

    CliRun none = daybook("index");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("give --opensearch URL or set search.opensearch");

    CliRun notHttp = daybook("index", "--opensearch", "ftp://127.0.0.1/");
    assertThat(notHttp.exitCode()).isEqualTo(2);
    assertThat(notHttp.err()).contains("'ftp://127.0.0.1/' is not an http or https URL");

    CliRun badAuth = CliRun.run(Map.of(Endpoint.AUTH_ENV, "admin hunter2"), Clock.systemUTC(),
        "index", "--opensearch", node.url().toString(), "--content", content.toString(),
        "--config", config.toString());
    assertThat(badAuth.exitCode()).isEqualTo(2);
    assertThat(badAuth.err()).contains(Endpoint.AUTH_ENV).doesNotContain("hunter2");

    Path withSecret = config.resolveSibling("secret.properties");
    Files.writeString(withSecret, "search.opensearch=https://admin:hunter2@example.invalid/\n",
        StandardCharsets.UTF_8);
    CliRun fromFile = CliRun.run(Map.of(), Clock.systemUTC(), "index", "--content",
        content.toString(), "--config", withSecret.toString());
    assertThat(fromFile.exitCode()).isEqualTo(2);
    assertThat(fromFile.err()).contains("search.opensearch must not hold credentials")
        .doesNotContain("hunter2");
  }

  @Test
  void aClusterThatDoesNotAnswerIsNamed() throws Exception {
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      int port = closed.getLocalPort();
      closed.close();
      CliRun r = daybook("index", "--opensearch", "http://127.0.0.1:" + port);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).startsWith("daybook: OpenSearch at http://127.0.0.1:" + port + "/");
    }
  }

  @Test
  void sentCredentialsAreBasicAuthentication() throws Exception {
    // The test node has no security plugin: it ignores the header, but the request must carry
    // it, and nothing printed may hold the secret.
    CliRun r = CliRun.run(Map.of(Endpoint.AUTH_ENV, "admin:hunter2\n"), Clock.systemUTC(),
        "index", "--opensearch", node.url().toString(), "--opensearch-index", "authed",
        "--content", content.toString(), "--config", config.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out() + r.err()).doesNotContain("hunter2");
  }
}
