package dev.daybook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.archive.ReportStore;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's fast path: a 3-day archive, Daybook's builds in this JVM, no stock JBake. */
class BenchmarkSmokeTest {

  private static final Path CONTENT = Path.of("content");

  @Test
  void synthesizesValidDistinctDays(@TempDir Path tmp) throws Exception {
    ArchiveSynthesizer synth = new ArchiveSynthesizer(CONTENT);
    ArchiveSynthesizer.Stats stats = synth.synthesize(tmp, 3);
    assertThat(stats.reports()).isEqualTo(3);
    List<Path> files = new ReportStore(tmp).list();
    assertThat(files).hasSize(3);
    ReportParser parser = new ReportParser(ZoneId.of("Asia/Shanghai"));
    Set<String> shas = new HashSet<>();
    long commits = 0;
    for (int i = 0; i < files.size(); i++) {
      ParsedReport parsed = parser.parse(files.get(i),
          Files.readString(files.get(i), StandardCharsets.UTF_8), true);
      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.report().orElseThrow().date())
          .isEqualTo(ArchiveSynthesizer.START.plusDays(i));
      for (var s : parsed.report().orElseThrow().sections()) {
        for (var c : s.commits()) {
          assertThat(shas.add(c.sha())).as("unique SHA %s", c.sha()).isTrue();
          commits++;
        }
      }
    }
    assertThat(commits).isEqualTo(stats.commits()).isPositive();
    // Deterministic: the same day twice is the same text.
    assertThat(synth.day(2)).isEqualTo(synth.day(2));
    assertThat(ArchiveSynthesizer.START.plusDays(2)).isEqualTo(LocalDate.of(2020, 1, 3));
  }

  @Test
  void measuresInProcessAndReportsJson(@TempDir Path tmp) throws Exception {
    StringWriter printed = new StringWriter();
    Map<String, Object> tree = new Benchmark(new Benchmark.Options(List.of(3), false, true,
        CONTENT, Path.of("templates"), Path.of("assets"), Path.of("site.properties"),
        tmp.resolve("work"), false).withRepos(2).withRepeat(2), new PrintWriter(printed, true))
        .run();
    Path json = tmp.resolve("bench.json");
    Benchmark.writeJson(tree, json);
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.path("machine").path("cores").asInt()).isPositive();
    JsonNode run = root.path("runs").get(0);
    assertThat(run.path("days").asInt()).isEqualTo(3);
    assertThat(run.path("repos").asInt()).isEqualTo(2);
    assertThat(run.path("archive").path("reports").asInt()).isEqualTo(3);
    JsonNode builds = run.path("builds");
    assertThat(builds.has("stock")).isFalse();
    for (String b : List.of("cold", "addDay", "unchanged")) {
      JsonNode m = builds.path(b);
      assertThat(m.path("wallMs").asDouble()).as(b).isPositive();
      assertThat(m.path("cpuMs").asDouble()).as(b).isPositive();
      assertThat(m.path("peakHeapBytes").asLong()).as(b).isPositive();
      assertThat(m.path("files").asLong()).as(b).isPositive();
      assertThat(m.path("bytes").asLong()).as(b).isPositive();
      assertThat(m.path("phasesMs").fieldNames()).toIterable().containsExactly("parse",
          "index", "stage", "bake", "pages", "digests", "export", "write");
    }
    assertThat(builds.path("cold").path("reports").asInt()).isEqualTo(3);
    assertThat(builds.path("addDay").path("reports").asInt()).isEqualTo(4);
    assertThat(builds.path("addDay").path("indexed").asBoolean()).isTrue();
    assertThat(builds.path("unchanged").path("indexed").asBoolean()).isFalse();
    // Each ran twice (the new day's each from its own copy of the cold build's site); the figure
    // is the quicker of the two, the lower middle.
    for (String b : List.of("addDay", "unchanged")) {
      JsonNode runs = builds.path(b).path("wallMsRuns");
      assertThat(runs.size()).as(b).isEqualTo(2);
      assertThat(builds.path(b).path("wallMs").asDouble()).as(b)
          .isEqualTo(Math.min(runs.get(0).asDouble(), runs.get(1).asDouble()));
    }
    assertThat(printed.toString()).contains("daybook, +1 day 1/2", "daybook, +1 day 2/2",
        "daybook, unchanged 2/2");
    assertThat(root.path("growth").path("cold").get(0).path("wallMsPerDay").asDouble())
        .isPositive();
    assertThat(printed.toString()).contains("daybook, cold", "parse", "as sent");
    assertSaneSearch(run.path("search"), "N=3");
    // The site's figures walk the cold build's site: they agree with what the build reported.
    JsonNode site = run.path("site");
    assertThat(site.path("files").asLong()).isEqualTo(builds.path("cold").path("files").asLong());
    assertThat(site.path("bytes").asLong()).isEqualTo(builds.path("cold").path("bytes").asLong());
    assertThat(site.path("commits").asLong())
        .isEqualTo(run.path("archive").path("commits").asLong());
    assertThat(site.path("search").path("bytes").asLong())
        .isEqualTo(run.path("search").path("bytes").asLong());
    assertThat(site.path("digests").path("files").asLong()).isPositive();
    assertThat(site.path("githubPages").path("fits").asBoolean()).isTrue();
    assertThat(printed.toString()).contains("N = 3 days, 2 repositories", "GitHub Pages: site");
    JsonNode shipped = root.path("shipped");
    assertThat(shipped.path("commits").asInt()).isPositive();
    assertSaneSearch(shipped.path("search"), "shipped");
    // The synthetic days come from the shipped week: three days index fewer commits.
    assertThat(run.path("search").path("bytes").asLong())
        .isLessThan(shipped.path("search").path("bytes").asLong());
    assertThat(tmp.resolve("work")).isEmptyDirectory();
  }

  /** The search's figures exist and hold together. */
  private static void assertSaneSearch(JsonNode search, String what) {
    assertThat(search.path("indexMs").asDouble()).as(what).isPositive();
    assertThat(search.path("exportMs").asDouble()).as(what).isPositive();
    long files = search.path("files").asLong();
    long total = search.path("bytes").asLong();
    assertThat(files).as(what).isGreaterThan(5);
    // Every file of search/ is published compressed, and sent as it is.
    assertThat(search.path("gzipBytes").asLong()).as(what).isEqualTo(total);
    assertThat(search.path("docsBytes").asLong()).as(what).isPositive().isLessThan(total);
    JsonNode queries = search.path("firstQuery");
    assertThat(queries.fieldNames()).toIterable().as(what).hasSize(8)
        .startsWith("cache", "radix cache", "缓存").endsWith("Alison", "修复", "cahce", "apply_rope")
        .element(3, org.assertj.core.api.InstanceOfAssertFactories.STRING).matches("[0-9a-f]{7}");
    queries.fields().forEachRemaining(e -> {
      JsonNode q = e.getValue();
      String as = what + " " + e.getKey();
      long bytes = q.path("bytes").asLong();
      // The script, meta.json, a shard, a docs chunk and the facet files at least.
      assertThat(q.path("files").asInt()).as(as).isGreaterThanOrEqualTo(5)
          .isEqualTo(q.path("fetched").size());
      assertThat(q.path("fetched").get(0).asText()).as(as).isEqualTo("js/search.js");
      // search.js is not in search/: what came from the index is a part of it.
      long script = search.path("scriptBytes").asLong();
      assertThat(script).as(what).isPositive();
      assertThat(bytes - script).as(as).isPositive().isLessThan(total);
      // As sent: the script compressed, the index's files as they are.
      assertThat(q.path("gzipBytes").asLong()).as(as).isPositive().isLessThan(bytes)
          .isGreaterThan(bytes - script);
      assertThat(q.path("fetched")).as(as).allMatch(f -> f.asText().equals("js/search.js")
          || f.asText().startsWith("search/") && f.asText().endsWith(".json.gz"));
    });
    // A query reads a fraction of the index, not all of it.
    assertThat(queries.path("cache").path("files").asLong()).as(what).isLessThan(files);
  }

  @Test
  void theProductHasNoBenchCommand() {
    StringWriter out = new StringWriter();
    var cl = dev.daybook.cli.Daybook.commandLine(new dev.daybook.cli.Daybook.Context(
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Map.of(),
        java.time.Clock.systemUTC()));
    cl.execute("--help");
    assertThat(out.toString()).contains("build").doesNotContain("bench");
    assertThat(cl.getSubcommands()).doesNotContainKey("bench");
  }
}
