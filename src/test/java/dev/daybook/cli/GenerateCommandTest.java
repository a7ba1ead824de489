package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.model.DailyReport;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import dev.daybook.source.github.FakeGitHub;
import dev.daybook.source.github.FakeRepo;
import dev.daybook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code daybook generate} end to end, against a real HTTP server replaying the sglang week. */
class GenerateCommandTest {

  static final Clock AFTER_THE_WEEK = Clock.fixed(Instant.parse("2026-02-10T00:00:00Z"),
      ZoneOffset.UTC);
  @RegisterExtension
  static final FakeGitHub github = FakeGitHub.perTestClass();

  @TempDir
  Path dir;
  Path content;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    github.serve(FakeRepo.sglangWeek());
    content = dir.resolve("content");
    config = dir.resolve("site.properties");
    Files.writeString(config, "repos=sgl-project/sglang\nreport.timezone=Asia/Shanghai\n"
        + "github.api-url=" + github.apiUrl() + "\n");
  }

  CliRun generate(Clock clock, Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("generate", "--config=" + config,
        "--content=" + content));
    all.addAll(List.of(args));
    return CliRun.run(env, clock, all.toArray(String[]::new));
  }

  CliRun generate(String... args) {
    return generate(AFTER_THE_WEEK, Map.of(), args);
  }

  Path reportFile(String date) {
    LocalDate d = LocalDate.parse(date);
    return content.resolve(String.format("reports/%d/%02d/%s.md", d.getYear(),
        d.getMonthValue(), d));
  }

  DailyReport read(String date) throws Exception {
    Path file = reportFile(date);
    ParsedReport parsed = new ReportParser(ZoneId.of("Asia/Shanghai"))
        .parse(file, Files.readString(file), true);
    assertThat(parsed.problems()).isEmpty();
    return parsed.orThrow();
  }

  @Test
  void feb6ListsExactlyItsThirteenCommitsNewestFirst() throws Exception {
    CliRun run = generate("--date", "2026-02-06");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("2026-02-06: wrote " + reportFile("2026-02-06") + " (13"
        + " commits: " + run.out().replaceAll("(?s).*commits: ", ""));
    DailyReport report = read("2026-02-06");
    List<String> shas = report.sections().get(0).commits().stream().map(ReportedCommit::sha)
        .toList();
    assertThat(shas).containsExactlyElementsOf(Fixtures.sglangDay(LocalDate.of(2026, 2, 6))
        .stream().map(c -> c.sha()).toList());
    List<String> neighbours = new ArrayList<>();
    Fixtures.sglangDay(LocalDate.of(2026, 2, 5)).forEach(c -> neighbours.add(c.sha()));
    Fixtures.sglangDay(LocalDate.of(2026, 2, 7)).forEach(c -> neighbours.add(c.sha()));
    assertThat(shas).doesNotContainAnyElementsOf(neighbours);
    // One request for the repository, one list page, one per commit for its files.
    assertThat(github.requests()).hasSize(15);
  }

  @Test
  void aFinishedDayIsKeptWithoutARequestUnlessForced() throws Exception {
    generate("--date", "2026-02-06");
    String first = Files.readString(reportFile("2026-02-06"));
    github.reset().serve(FakeRepo.sglangWeek());

    CliRun again = generate("--date", "2026-02-06");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("kept " + reportFile("2026-02-06"));
    assertThat(github.requests()).isEmpty();

    CliRun forced = generate("--date", "2026-02-06", "--force");
    assertThat(forced.out()).contains("replaced " + reportFile("2026-02-06"));
    assertThat(Files.readString(reportFile("2026-02-06"))).isEqualTo(first);
  }

  @Test
  void aRangeWritesOneReportPerDayWithProgress() throws Exception {
    CliRun run = generate("--date", "2026-02-02", "--to", "2026-02-08");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(7).first().asString().startsWith("[1/7] 2026-02-02: wrote");
    int[] expected = {21, 28, 30, 23, 13, 17, 9};
    for (int i = 0; i < 7; i++) {
      assertThat(read("2026-02-0" + (i + 2)).commitCount()).isEqualTo(expected[i]);
    }
  }

  @Test
  void aDayWithoutCommitsGetsAShortReportSayingSo() throws Exception {
    CliRun run = generate("--date", "2026-01-20");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(read("2026-01-20").commitCount()).isZero();
    assertThat(Files.readString(reportFile("2026-01-20"))).contains("> 本日无提交。");
  }

  @Test
  void aDayNotOverYetSaysUpToWhenItIsComplete() throws Exception {
    Clock midday = Clock.fixed(Instant.parse("2026-02-06T04:00:00Z"), ZoneOffset.UTC);
    CliRun run = generate(midday, Map.of(), "--date", "2026-02-06");
    assertThat(run.out()).contains("the day is not over yet");
    DailyReport report = read("2026-02-06");
    assertThat(report.partialAsOf()).isEqualTo(Instant.parse("2026-02-06T04:00:00Z"));
  }

  @Test
  void aPartialReportIsCompletedByTheNextRunAfterTheDay() throws Exception {
    Clock midday = Clock.fixed(Instant.parse("2026-02-06T04:00:00Z"), ZoneOffset.UTC);
    generate(midday, Map.of(), "--date", "2026-02-06");
    CliRun next = generate("--date", "2026-02-06");
    assertThat(next.out()).contains("replaced " + reportFile("2026-02-06"));
    DailyReport report = read("2026-02-06");
    assertThat(report.isPartial()).isFalse();
    assertThat(report.commitCount()).isEqualTo(13);
    // Now finished, it is kept like any other.
    assertThat(generate("--date", "2026-02-06").out()).contains("kept ");
  }

  @Test
  void aFutureDateIsRefused() {
    CliRun run = generate("--date", "2026-02-11");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("daybook: date 2026-02-11 has not begun yet in Asia/Shanghai"
        + " (now 2026-02-10 08:00:00)\n");
  }

  @Test
  void badDatesAndRangesAreUsageErrors() {
    CliRun bad = generate("--date", "2026-13-01");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("Invalid value for option '--date': '2026-13-01' is not a date"
        + " (expected YYYY-MM-DD)");
    CliRun backwards = generate("--date", "2026-02-06", "--to", "2026-02-01");
    assertThat(backwards.exitCode()).isEqualTo(2);
    assertThat(backwards.err()).startsWith("--to 2026-02-01 is before --date 2026-02-06");
    assertThat(generate("--date", "2026-02-06", "--repo", "not a repo").err())
        .startsWith("--repo: not a repository name: 'not a repo'");
  }

  @Test
  void anUnknownRepositoryFailsWithItsNameAndWritesNothing() {
    CliRun run = generate("--date", "2026-02-06", "--repo", "sgl-project/nope");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("daybook: repository sgl-project/nope not found at "
        + github.apiUrl());
    assertThat(Files.exists(reportFile("2026-02-06"))).isFalse();
  }

  @Test
  void serverErrorsFailWithTheUrlAndLeaveEarlierReportsIntact() throws Exception {
    generate("--date", "2026-02-05");
    String before = Files.readString(reportFile("2026-02-05"));
    github.inject("/repos/sgl-project/sglang/commits", 100, FakeGitHub.status(502, "Bad Gateway"));
    CliRun run = generate("--date", "2026-02-05", "--to", "2026-02-06", "--force");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("GitHub answered 502 for " + github.apiUrl());
    assertThat(Files.readString(reportFile("2026-02-05"))).isEqualTo(before);
    assertThat(Files.exists(reportFile("2026-02-06"))).isFalse();
  }

  @Test
  void theTokenIsSentButNeverPrinted() {
    String token = "ghp_" + "x".repeat(36);
    github.inject("/repos/sgl-project/sglang", 1, FakeGitHub.status(401, "Bad credentials"));
    CliRun run = generate(AFTER_THE_WEEK, Map.of("GITHUB_TOKEN", token), "--date", "2026-02-06");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("GITHUB_TOKEN").doesNotContain(token);
    assertThat(run.out()).doesNotContain(token);
    assertThat(github.requests().get(0).authorization()).isEqualTo("Bearer " + token);
  }

  @Test
  void aTokenWithALineBreakInsideIsAUsageErrorThatDoesNotShowIt() {
    String token = "ghp_" + "x".repeat(20) + "\n" + "y".repeat(16);
    CliRun run = generate(AFTER_THE_WEEK, Map.of("GITHUB_TOKEN", token), "--date", "2026-02-06");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("GITHUB_TOKEN holds a line break (U+000A) inside (character"
        + " 25); a token or key is printable ASCII without spaces or line breaks (the value is"
        + " not shown)\n").doesNotContain("xxxx").doesNotContain("yyyy");
    assertThat(run.out()).isEmpty();
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void aTokenCopiedWithItsLineBreakIsSentWithout() {
    String token = "ghp_" + "x".repeat(36);
    CliRun run = generate(AFTER_THE_WEEK, Map.of("GITHUB_TOKEN", token + "\n"), "--date",
        "2026-02-06");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(github.requests()).hasSize(15)
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
  }

  @Test
  void theContextNamesTheEnvironmentButShowsNoValue() {
    String token = "ghp_" + "z".repeat(36);
    java.io.PrintWriter nowhere = new java.io.PrintWriter(new java.io.StringWriter());
    Daybook.Context context = new Daybook.Context(nowhere, nowhere,
        Map.of("GITHUB_TOKEN", token, "DAYBOOK_LLM_API_KEY", "sk-zzzz"), AFTER_THE_WEEK);
    assertThat(context.toString()).contains("GITHUB_TOKEN", "DAYBOOK_LLM_API_KEY")
        .doesNotContain("zzzz");
  }

  /**
   * A commit may hold what XML does not allow (U+FFFF, control characters: GitHub's JSON carries
   * them escaped) in its message, its author's name or a file's path. The report is written with
   * U+FFFD in their place, so the day's {@code check} passes and its feeds are XML.
   */
  @Test
  void charactersXmlDoesNotAllowInACommitAreWrittenAsReplacementCharacters() throws Exception {
    String sha = Fixtures.sglangDay(LocalDate.of(2026, 2, 6)).get(0).sha();
    FakeRepo week = FakeRepo.sglangWeek();
    List<JsonNode> commits = new ArrayList<>();
    for (JsonNode c : week.commits()) {
      ObjectNode copy = c.deepCopy();
      if (copy.path("sha").asText().equals(sha)) {
        ObjectNode info = (ObjectNode) copy.get("commit");
        info.put("message", "fix\uFFFF: odd\u0007 title\n\nA body \uFFFE with \u0000 and \u001B.");
        ((ObjectNode) info.get("author")).put("name", "Ann\uFFFF\u0008");
        ObjectNode file = (ObjectNode) copy.get("files").get(0);
        file.put("filename", "python/odd\uFFFFdir/x\u0001.py");
      }
      commits.add(copy);
    }
    github.reset().serve(new FakeRepo(week.id(), week.numericId(), week.defaultBranch(),
        week.tip(), commits));

    CliRun run = generate("--date", "2026-02-06");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String written = Files.readString(reportFile("2026-02-06"));
    assertThat(written).doesNotContain("\uFFFF", "\uFFFE", "\u0000", "\u0001", "\u0007",
        "\u0008", "\u001B").contains("fix\uFFFD", "Ann\uFFFD", "python/odd\uFFFDdir/x");
    CliRun check = CliRun.run("check", "--config=" + config, "--content=" + content);
    assertThat(check.out()).endsWith("0 problems\n");
    assertThat(check.exitCode()).isZero();

    Path out = dir.resolve("output");
    CliRun build = CliRun.run("build", "--config=" + config, "--content=" + content,
        "--out=" + out, "--base-url=https://example.org/");
    assertThat(build.exitCode()).as(build.err()).isZero();
    javax.xml.parsers.DocumentBuilderFactory xml =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    xml.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
    for (String feed : List.of("feed.xml", "repos/sgl-project/sglang/feed.xml", "sitemap.xml")) {
      var builder = xml.newDocumentBuilder();
      builder.setErrorHandler(null);
      assertThat(builder.parse(out.resolve(feed).toFile()).getDocumentElement().getTextContent())
          .as(feed).isNotEmpty(); // parse throws on anything not well-formed
    }
  }
}
