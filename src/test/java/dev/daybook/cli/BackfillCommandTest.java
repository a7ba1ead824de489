package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.RepoId;
import dev.daybook.source.github.FakeGitHub;
import dev.daybook.source.github.FakeRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daybook generate} over several repositories and days at once, against the stand-in
 * GitHub on 127.0.0.1 (real HTTP) keeping a real rate limit in one-second windows: the workers
 * stay within the budget it announces, wait together when it refuses them, a stopped backfill
 * goes on where it stopped, and the reports are the bytes a one-worker run writes.
 */
class BackfillCommandTest {

  static final Clock AFTER = Clock.fixed(Instant.parse("2026-02-10T00:00:00Z"), ZoneOffset.UTC);
  static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
  static final int DAYS = 6;
  static final LocalDate LAST = FIRST.plusDays(DAYS - 1);
  static final List<FakeRepo> REPOS = List.of(
      FakeRepo.straight(RepoId.parse("acme/alpha"), 101, FIRST, DAYS, 2),
      FakeRepo.straight(RepoId.parse("acme/beta"), 102, FIRST, DAYS, 2),
      FakeRepo.straight(RepoId.parse("acme/gamma"), 103, FIRST, DAYS, 2));
  /** One lookup per repository a run, then a day of each: one listing and two commits. */
  static final int REQUESTS = 3 + DAYS * 3 * 3;
  static final Pattern PROGRESS = Pattern.compile("daybook: progress: (\\d+)/(\\d+) days done"
      + " \\((\\d+) were there already\\), (\\d+) left; (\\d+) GitHub requests, (\\d+) of (\\d+)"
      + " left until \\d\\d:\\d\\d:\\d\\d UTC; (?:about (\\d+) s to go at the current rate"
      + "|finished)");

  @RegisterExtension
  static final FakeGitHub github = FakeGitHub.perTestClass();

  @TempDir
  Path dir;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    serveAfresh();
    config = dir.resolve("site.properties");
    Files.writeString(config, "repos=acme/alpha,acme/beta,acme/gamma\nreport.timezone=UTC\n"
        + "github.api-url=" + github.apiUrl() + "\n");
  }

  static void serveAfresh() {
    github.reset();
    REPOS.forEach(github::serve);
  }

  CliRun generate(Path content, String... args) {
    List<String> all = new ArrayList<>(List.of("generate", "--config=" + config,
        "--content=" + content, "--date", FIRST.toString(), "--to", LAST.toString()));
    all.addAll(List.of(args));
    return CliRun.run(Map.of(), AFTER, all.toArray(String[]::new));
  }

  /** The reports of a one-worker run with no rate limit: what every other run must write. */
  Map<String, String> reference() throws IOException {
    Path content = dir.resolve("reference");
    CliRun run = generate(content, "--workers", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(github.requests()).hasSize(REQUESTS);
    assertThat(github.mostAtOnce()).isEqualTo(1);
    serveAfresh();
    Map<String, String> reports = reports(content);
    assertThat(reports).hasSize(DAYS);
    return reports;
  }

  /** Every file under the reports folder (temporary ones too) by its path, with its text. */
  static Map<String, String> reports(Path content) throws IOException {
    Map<String, String> reports = new TreeMap<>();
    Path root = content.resolve("reports");
    if (!Files.exists(root)) {
      return reports;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try {
          reports.put(root.relativize(f).toString(), Files.readString(f));
        } catch (NoSuchFileException e) {
          // A running backfill moved this temporary file into place after the listing.
        }
      }
    }
    return reports;
  }

  @Test
  void manyRepositoriesAreFetchedAtOnceWithinTheAnnouncedBudgetAndTheProgressSaysWhatIsLeft()
      throws Exception {
    Map<String, String> reference = reference();
    // alpha answers slowly, so the workers finish out of order.
    github.rateLimit(8, Duration.ofSeconds(1))
        .inject("/repos/acme/alpha.*", 1000, FakeGitHub.slow(Duration.ofMillis(40)));
    Path content = dir.resolve("content");

    CliRun run = generate(content, "--workers", "4");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(github.refusedOverLimit()).as("requests past the limit").isZero();
    assertThat(github.mostRequestsInAWindow()).isLessThanOrEqualTo(8);
    assertThat(github.mostAtOnce()).as("requests at once").isBetween(2, 4);
    assertThat(github.requests()).hasSize(REQUESTS);
    assertThat(reports(content)).isEqualTo(reference);
    assertThat(run.out().lines().toList()).hasSize(DAYS).allSatisfy(line ->
        assertThat(line).matches("\\[\\d/6] 2026-01-\\d\\d: wrote .*"));
    assertThat(run.out().lines().map(l -> l.substring(6, 16)).toList()).isSorted();

    // The progress: after the first day, then (the run is short) after the last.
    List<Matcher> lines = run.err().lines().filter(l -> l.startsWith("daybook: progress: "))
        .map(PROGRESS::matcher).toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(m -> assertThat(m.matches()).as(m.toString()).isTrue());
    Matcher first = lines.get(0);
    assertThat(first.group(1)).isEqualTo("1");
    assertThat(first.group(2)).isEqualTo("6");
    assertThat(first.group(3)).isEqualTo("0");
    assertThat(first.group(4)).isEqualTo("5");
    assertThat(Integer.parseInt(first.group(5))).isBetween(12, REQUESTS);
    assertThat(first.group(7)).isEqualTo("8");
    // Five days of nine requests at eight a second: some seconds, neither none nor an hour.
    assertThat(Integer.parseInt(first.group(8))).isBetween(2, 60);
    Matcher last = lines.get(lines.size() - 1);
    assertThat(last.group(0)).endsWith("; finished");
    assertThat(last.group(1) + "/" + last.group(4)).isEqualTo("6/0");
    assertThat(last.group(5)).isEqualTo(Integer.toString(REQUESTS));
    assertThat(run.err()).containsPattern("daybook: done: 6 days written, 0 kept; " + REQUESTS
        + " GitHub requests in \\d+ s\n$");
  }

  @Test
  void aSecondaryRateLimitMakesEveryWorkerWaitItsRetryAfter() throws Exception {
    Map<String, String> reference = reference();
    String refusedPath = "/repos/acme/beta/commits/"
        + REPOS.get(1).commits().get(DAYS * 2 - 2).path("sha").asText();
    github.inject(refusedPath, 1, FakeGitHub.retryAfter(Duration.ofSeconds(1)))
        .inject(".*", 1000, FakeGitHub.slow(Duration.ofMillis(50)));

    CliRun run = generate(dir.resolve("content"), "--workers", "4");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(reports(dir.resolve("content"))).isEqualTo(reference);
    assertThat(run.err()).containsOnlyOnce("GitHub secondary rate limit reached; waiting until");
    Instant refused = arrivals(refusedPath).get(0);
    assertNothingArrivedBetween(refused.plusMillis(200), refused.plusMillis(950));
    assertThat(arrivals(refusedPath)).hasSize(2);
    assertThat(arrivals(refusedPath).get(1)).isAfterOrEqualTo(refused.plusMillis(950));
  }

  @Test
  void aPrimaryRateLimitMakesEveryWorkerWaitForItsReset() throws Exception {
    Map<String, String> reference = reference();
    String refusedPath = "/repos/acme/gamma/commits/"
        + REPOS.get(2).commits().get(DAYS * 2 - 2).path("sha").asText();
    Instant reset = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    github.inject(refusedPath, 1, FakeGitHub.rateLimited(reset))
        .inject(".*", 1000, FakeGitHub.slow(Duration.ofMillis(50)));

    CliRun run = generate(dir.resolve("content"), "--workers", "4");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(reports(dir.resolve("content"))).isEqualTo(reference);
    assertThat(run.err()).containsOnlyOnce("GitHub rate limit reached; waiting until");
    Instant refused = arrivals(refusedPath).get(0);
    assertNothingArrivedBetween(refused.plusMillis(200), reset);
    assertThat(arrivals(refusedPath).get(1)).isAfterOrEqualTo(reset);
  }

  @Test
  void aBackfillStoppedMidwayGoesOnWhereItStoppedAndLeavesWhatItWroteAlone() throws Exception {
    Map<String, String> reference = reference();
    Path content = dir.resolve("content");
    github.failAfter(30, FakeGitHub.status(401, "Bad credentials"));

    CliRun stopped = generate(content, "--workers", "4");

    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.err()).contains("401");
    Map<String, String> written = reports(content);
    // Whole reports of the first days, in date order, and nothing else (no temporary file).
    assertThat(written).hasSizeBetween(1, DAYS - 1);
    assertThat(reference).containsAllEntriesOf(written);
    assertThat(written.keySet()).containsExactlyElementsOf(
        reference.keySet().stream().limit(written.size()).toList());
    Map<String, BasicFileAttributes> before = attributes(content, written.keySet());
    List<LocalDate> finished = written.keySet().stream()
        .map(p -> LocalDate.parse(p.substring(8, 18))).toList();

    // A request a worker sent before the run stopped may reach the server after it.
    github.awaitQuiet(Duration.ofMillis(300));
    serveAfresh();
    CliRun resumed = generate(content, "--workers", "4");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(reports(content)).isEqualTo(reference);
    assertThat(resumed.out().lines().limit(finished.size()))
        .allSatisfy(line -> assertThat(line).contains(": kept "));
    Map<String, BasicFileAttributes> after = attributes(content, written.keySet());
    for (String report : written.keySet()) {
      assertThat(after.get(report).fileKey()).as(report).isEqualTo(before.get(report).fileKey());
      assertThat(after.get(report).lastModifiedTime()).as(report)
          .isEqualTo(before.get(report).lastModifiedTime());
    }
    // No finished day was listed again: each listing reaches six hours before its day.
    List<LocalDate> listed = github.requests().stream()
        .filter(r -> r.path().endsWith("/commits") && r.query() != null)
        .map(r -> LocalDate.parse(query(r.query(), "since")
            .replace("%3A", ":").substring(0, 10)).plusDays(1))
        .toList();
    assertThat(listed).hasSize(3 * (DAYS - finished.size()))
        .doesNotContainAnyElementsOf(finished);
    assertThat(github.requests()).hasSize(3 + 9 * (DAYS - finished.size()));
  }

  /**
   * A backfill killed outright (SIGKILL, as a cancelled job or a lost machine ends it) leaves only
   * whole reports, which the next run keeps. (A kill in the midst of a write may leave the
   * report's temporary file, {@code .DATE.md.*.tmp}: no report to Daybook, and git-ignored.)
   */
  @Test
  void aKilledBackfillLeavesWholeReportsAndTheNextRunFinishesTheRest() throws Exception {
    Map<String, String> reference = reference();
    Path content = dir.resolve("content");
    github.inject(".*", 1000, FakeGitHub.slow(Duration.ofMillis(60)));
    Process child = ChildDaybook.command(List.of(), List.of("generate", "--config=" + config,
            "--content=" + content, "--date", FIRST.toString(), "--to", LAST.toString()))
        .redirectOutput(dir.resolve("child.out").toFile())
        .redirectError(dir.resolve("child.err").toFile())
        .start();
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      // Two whole reports: a report being written is a temporary file until it is moved in.
      while (withoutTemporaryFiles(reports(content)).size() < 2 && child.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.err"))).isTrue();
    } finally {
      child.destroyForcibly().waitFor();
    }
    Map<String, String> left = withoutTemporaryFiles(reports(content));
    assertThat(left).hasSizeBetween(2, DAYS - 1);
    assertThat(reference).containsAllEntriesOf(left);

    serveAfresh();
    CliRun resumed = generate(content, "--workers", "4");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(withoutTemporaryFiles(reports(content))).isEqualTo(reference);
    assertThat(resumed.out().lines().filter(line -> line.contains(": kept ")).count())
        .isEqualTo(left.size());
  }

  static Map<String, String> withoutTemporaryFiles(Map<String, String> reports) {
    Map<String, String> whole = new TreeMap<>(reports);
    whole.keySet().removeIf(name -> name.matches("(.*/)?\\.[^/]+\\.md\\.\\w+\\.tmp"));
    return whole;
  }

  @Test
  void tooManyWorkersIsAUsageError() {
    CliRun run = generate(dir.resolve("content"), "--workers", "17");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("--workers 17: from 1 to 16");
    assertThat(github.requests()).isEmpty();
  }

  static List<Instant> arrivals(String path) {
    return github.requests().stream().filter(r -> r.path().equals(path))
        .map(FakeGitHub.Request::at).toList();
  }

  static void assertNothingArrivedBetween(Instant from, Instant to) {
    assertThat(github.requests()).noneSatisfy(r -> assertThat(r.at()).isAfter(from)
        .isBefore(to));
  }

  static String query(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + query);
  }

  static Map<String, BasicFileAttributes> attributes(Path content, Iterable<String> reports)
      throws IOException {
    Map<String, BasicFileAttributes> attributes = new TreeMap<>();
    for (String report : reports) {
      attributes.put(report, Files.readAttributes(content.resolve("reports").resolve(report),
          BasicFileAttributes.class));
    }
    return attributes;
  }
}
