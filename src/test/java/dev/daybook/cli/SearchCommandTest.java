package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.archive.ArchiveReader;
import dev.daybook.archive.ReportStore;
import dev.daybook.model.DailyReport;
import dev.daybook.report.ReportParser;
import dev.daybook.search.SearchIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daybook search} over an index in a real folder, written as {@code build} writes it. */
class SearchCommandTest {

  static final Path SHIPPED = Path.of("content");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai"); // report.timezone in site.properties

  @TempDir
  Path dir;
  Path content;
  Path index;

  @BeforeEach
  void indexTheShippedReports() throws Exception {
    content = dir.resolve("content");
    for (Path f : new ReportStore(SHIPPED).list()) {
      Path target = content.resolve(SHIPPED.relativize(f));
      Files.createDirectories(target.getParent());
      Files.copy(f, target);
    }
    index = dir.resolve(".daybook/lucene");
    assertThat(update()).isTrue();
  }

  boolean update() throws Exception {
    List<Path> files = new ReportStore(content).list();
    ReportParser parser = new ReportParser(ZONE);
    Map<String, DailyReport> reports = new TreeMap<>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      reports.put(SearchIndex.reportKey(ArchiveReader.name(content, f),
              ArchiveReader.digest(bytes)),
          parser.parse(f, new String(bytes, StandardCharsets.UTF_8), true).orThrow());
    }
    return SearchIndex.update(index, reports, (d, a) -> "reports/" + d + ".html#" + a,
        SearchIndex.fingerprint(content, files, ZONE), ZONE).written();
  }

  CliRun search(String... args) {
    return searchWith(Path.of("site.properties"), args);
  }

  CliRun searchWith(Path config, String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--config=" + config,
        "--content=" + content, "--index=" + index));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  @Test
  void printsRankedResultsWithMarkedMatches() {
    CliRun run = search("hicache", "jit");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("hicache jit：共 1 条结果\n\n"
        + " 1. 2026-02-06  sgl-project/sglang  high  3d68bd9  add «hicache» «jit» test (#17847)\n"
        // The report's `sglang/jit_kernel/benchmark`, shown as its folder and file.
        + "    本次提交在 «jit»_kernel/benchmark 目录新增了 «HiCache» «JIT» Kernel 性能基准"
        + "（bench_«hicache».py）");
    assertThat(run.out()).endsWith("    reports/2026-02-06.html#3d68bd9\n");
  }

  @Test
  void jsonGivesEveryFieldAndTheHighlightOffsets() throws IOException {
    CliRun run = search("--json", "--limit=2", "cache");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("query").asText()).isEqualTo("cache");
    assertThat(root.get("total").asInt()).isGreaterThan(2);
    assertThat(root.get("results")).hasSize(2);
    JsonNode first = root.get("results").get(0);
    List<String> names = new ArrayList<>();
    first.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("rank", "score", "date", "time", "repo", "sha", "sha7",
        "severity", "types", "author", "title", "titleHighlights", "url", "snippet",
        "highlights");
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("sha").asText()).hasSize(40).startsWith(first.get("sha7").asText());
    String snippet = first.get("snippet").asText();
    assertThat(first.get("highlights")).isNotEmpty();
    for (JsonNode h : first.get("highlights")) {
      assertThat(snippet.substring(h.get(0).asInt(), h.get(1).asInt()))
          .containsIgnoringCase("cache");
    }
  }

  @Test
  void noResultsIsNotAnError() {
    CliRun run = search("缓存淘汰");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("缓存淘汰：没有结果\n");
  }

  @Test
  void aSyntaxErrorPointsAtTheBadPartInTheSitesLanguage() throws IOException {
    CliRun run = search("add \"hicache");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("daybook: 查询有误：第 5 列的引号没有闭合\n"
        + "  add \"hicache\n"
        + "      ^\n");
    CliRun english = searchWith(englishConfig(), "add \"hicache");
    assertThat(english.exitCode()).isEqualTo(2);
    assertThat(english.err()).isEqualTo("daybook: bad query: the quote at column 5 is never"
        + " closed\n  add \"hicache\n      ^\n");
  }

  @Test
  void anUnknownFilterIsAnErrorThatSuggestsTheClosest() throws IOException {
    CliRun run = search("cache", "sev:high");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("daybook: 查询有误：第 7 列的 sev:high：sev: 不是筛选条件（可用的有"
        + " repo:、severity:、type:、author:、path:、date:、sha:）；是不是想写 severity:high？\n"
        + "  cache sev:high\n"
        + "        ^\n");
    CliRun english = searchWith(englishConfig(), "--json", "type:fxi");
    assertThat(english.exitCode()).isEqualTo(2);
    JsonNode error = new ObjectMapper().readTree(english.out());
    assertThat(error.get("error").asText()).isEqualTo("type:fxi at column 1: the type is one of"
        + " feature, bugfix, perf, refactor, docs, test, ci, build, revert, chore; did you mean"
        + " type:fix?");
    assertThat(english.err()).endsWith("  type:fxi\n  ^\n");
  }

  @Test
  void aBareShaANameAndTheArchivesWordsFindTheirCommits() throws IOException {
    assertThat(search("--limit=1", "f798ab9").out()).contains(" 1. 2026-02-06  sgl-project/sglang"
        + "  medium  f798ab9  ");
    JsonNode name = new ObjectMapper().readTree(search("--json", "陈一涵").out());
    assertThat(name.get("total").asInt()).isEqualTo(3);
    name.get("results").forEach(h -> assertThat(h.get("author").asText()).isEqualTo("陈一涵"));
    JsonNode fixes = new ObjectMapper().readTree(search("--json", "--limit=1000", "type:修复").out());
    assertThat(fixes.get("total").asInt()).isPositive();
    fixes.get("results").forEach(h -> assertThat(h.get("types").toString()).contains("bugfix"));
  }

  @Test
  void anErrorShowsAControlCharacterOfTheQueryAsASpace() {
    CliRun run = search("sev:\u001b[31mred");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\u001b").contains("sev: [31mred");
  }

  /** The shipped settings with English pages. */
  private Path englishConfig() throws IOException {
    Path config = dir.resolve("en.properties");
    Files.writeString(config, Files.readString(Path.of("site.properties"))
        .replace("site.locale=zh", "site.locale=en"));
    return config;
  }

  @Test
  void aSyntaxErrorInJsonModeIsAlsoJson() throws IOException {
    CliRun run = search("--json", "date:2026-13");
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode error = new ObjectMapper().readTree(run.out());
    assertThat(error.get("column").asInt()).isEqualTo(1);
    assertThat(error.get("error").asText()).contains("没有 13 月");
  }

  @Test
  void badInputGetsAMessageNeverAStackTrace() {
    for (String query : List.of("<script>alert(1)</script>", "the of and", "\"unbalanced",
        "(((", "cache".repeat(30_000), "repo:", ")", "\"\"", "-", "OR")) {
      CliRun run = search(query);
      assertThat(run.exitCode()).as(query).isIn(0, 2);
      assertThat(run.err()).as(query).doesNotContain("Exception").doesNotContain("\tat ");
      if (run.exitCode() == 2) {
        assertThat(run.err()).as(query).startsWith("daybook: 查询有误：");
      }
    }
    assertThat(search("the of and").err())
        .startsWith("daybook: 查询有误：没有可搜索的内容");
    assertThat(search("x".repeat(100_000)).err())
        .isEqualTo("daybook: 查询有误：查询有 100000 个字符，最多只能有 1000 个\n");
  }

  @Test
  void aMissingIndexSaysToBuild() {
    index = dir.resolve("nowhere");
    CliRun run = search("cache");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("daybook: no search index in " + index
        + ": run `daybook build` first\n");
  }

  @Test
  void aStaleIndexSaysToBuildAndStillSearches() throws Exception {
    Path report = content.resolve("reports/2026/02/2026-02-06.md");
    Files.writeString(report, Files.readString(report).replace("add hicache jit test",
        "add hicache jit tests"));
    CliRun run = search("hicache", "jit");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo("daybook: the search index in " + index
        + " is older than the reports in " + content + ": run `daybook build` to update it\n");
    assertThat(run.out()).contains("3d68bd9");
    assertThat(update()).isTrue();
    assertThat(search("hicache", "jit").err()).isEmpty();
  }

  @Test
  void anUnchangedArchiveIsNotReindexed() throws Exception {
    long modified = Files.getLastModifiedTime(index).toMillis();
    assertThat(update()).isFalse();
    assertThat(Files.getLastModifiedTime(index).toMillis()).isEqualTo(modified);
  }

  @Test
  void buildWritesTheIndexBesideTheOutputAndRewritesItOnlyWhenReportsChange() throws Exception {
    Path out = dir.resolve("site/output");
    CliRun first = CliRun.run("build", "--config=site.properties", "--content=" + content,
        "--out=" + out);
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path built = dir.resolve("site/.daybook/lucene");
    assertThat(first.out()).endsWith("search index " + built + ": rebuilt\n");
    CliRun again = CliRun.run("build", "--config=site.properties", "--content=" + content,
        "--out=" + out);
    assertThat(again.out()).endsWith("search index " + built + ": current\n");
    index = built;
    CliRun found = search("--limit=1", "severity:high");
    assertThat(found.exitCode()).as(found.err()).isZero();
    assertThat(found.err()).isEmpty();
    assertThat(found.out()).startsWith("severity:high：共 8 条结果（显示前 1 条）\n\n"
        + " 1. 2026-02-08  sgl-project/sglang  high  00248d8  ");
    assertThat(found.out()).endsWith("    reports/2026/02/2026-02-08.html#00248d8\n");
    // One report fewer: the index is brought up to date, not written anew.
    Path oldest;
    try (Stream<Path> reports = Files.walk(content.resolve("reports"))) {
      oldest = reports.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    Files.delete(oldest);
    CliRun third = CliRun.run("build", "--config=site.properties", "--content=" + content,
        "--out=" + out);
    assertThat(third.exitCode()).as(third.err()).isZero();
    assertThat(third.out()).endsWith("search index " + built + ": updated\n");
  }

  /**
   * Marks that no [Kernel] tag can look like; links on the site when its base URL is absolute;
   * newest first; a misspelt word read as the archive's, said in the site's language.
   */
  @Test
  void marksMatchesApartFromTagsLinksAbsolutelyAndSaysWhatItCorrected() throws IOException {
    CliRun kernel = search("--limit=1", "kernel");
    assertThat(kernel.out()).contains("[Move sgl-«kernel» «Kernel» to JIT]");

    Path en = dir.resolve("en.properties");
    Files.writeString(en, Files.readString(Path.of("site.properties"))
        .replaceAll("(?m)^site\\.locale=.*$", "site.locale=en")
        .replaceAll("(?m)^site\\.base-url=.*$", "")
        + "\nsite.base-url=https://example.org/daybook\n");
    CliRun typo = searchWith(en, "--limit=1", "radix", "cahce");
    assertThat(typo.exitCode()).as(typo.err()).isZero();
    assertThat(typo.out()).startsWith("Showing results for radix cache\n4 results for radix cache"
        + " (showing 1)\n");
    assertThat(typo.out()).contains("\n    https://example.org/daybook/reports/2026-02-");
    JsonNode json = new ObjectMapper().readTree(searchWith(en, "--json", "cahce").out());
    assertThat(json.get("corrected").asText()).isEqualTo("cache");
    assertThat(json.get("results").get(0).get("url").asText())
        .startsWith("https://example.org/daybook/reports/");
    assertThat(search("--limit=1", "cahce").out()).startsWith("显示 cache 的结果\n");
    // A word that matches is never replaced, however close another is.
    assertThat(new ObjectMapper().readTree(search("--json", "caches").out()).get("corrected")
        .isNull()).isTrue();

    JsonNode newest = new ObjectMapper().readTree(search("--json", "--sort=date", "--limit=20",
        "cache").out());
    List<String> times = new ArrayList<>();
    newest.get("results").forEach(h -> times.add(h.get("time").asText()));
    assertThat(times).hasSize(18).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    CliRun bad = search("--sort=oldest", "cache");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("daybook: --sort is relevance or date, not oldest\n");
  }

  @Test
  void theLimitMustBeSensible() {
    CliRun run = search("--limit=0", "cache");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("daybook: --limit must be 1 to 1000, not 0\n");
  }
}
