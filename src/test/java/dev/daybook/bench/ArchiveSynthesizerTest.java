package dev.daybook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.cli.Daybook;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic archives of several repositories that {@code daybook bench --repos} builds. */
class ArchiveSynthesizerTest {

  private static final Path CONTENT = Path.of("content");
  private static final RepoId SGLANG = RepoId.parse("sgl-project/sglang");
  private static final int DAYS = 4;
  private static final int REPOS = 3;

  @Test
  void severalRepositoriesMakeAWellFormedArchive(@TempDir Path tmp) throws Exception {
    Path archive = tmp.resolve("content");
    ArchiveSynthesizer.Stats stats = new ArchiveSynthesizer(CONTENT, null, REPOS)
        .synthesize(archive, DAYS);

    // daybook check reads it without a problem.
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Daybook.commandLine(new Daybook.Context(new PrintWriter(out, true),
        new PrintWriter(err, true), Map.of(), Clock.systemUTC()))
        .execute("check", "--content", archive.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(DAYS + " reports, " + stats.commits() + " commits, 0 problems");

    // Each day: the three repositories, each with the commits of the shipped report of the same
    // weekday (counted from that report's header, not by the synthesizer).
    Map<DayOfWeek, Integer> shipped = shippedCommitsByWeekday();
    List<RepoId> names = List.of(SGLANG, RepoId.parse("sgl-project/sglang-2"),
        RepoId.parse("sgl-project/sglang-3"));
    ReportParser parser = new ReportParser(ZoneId.of("Asia/Shanghai"));
    Set<String> shas = new HashSet<>();
    Map<RepoId, Set<String>> authors = new TreeMap<>();
    long commits = 0;
    List<Path> files = new ReportStore(archive).list();
    assertThat(files).hasSize(DAYS);
    for (int i = 0; i < DAYS; i++) {
      LocalDate date = ArchiveSynthesizer.START.plusDays(i);
      ParsedReport parsed = parser.parse(files.get(i),
          Files.readString(files.get(i), StandardCharsets.UTF_8), true);
      assertThat(parsed.problems()).isEmpty();
      DailyReport report = parsed.report().orElseThrow();
      assertThat(report.date()).isEqualTo(date);
      assertThat(report.repos()).containsExactlyElementsOf(names);
      for (RepoSection s : report.sections()) {
        assertThat(s.commits()).as("%s on %s", s.repo(), date)
            .hasSize(shipped.get(date.getDayOfWeek()));
        for (ReportedCommit c : s.commits()) {
          assertThat(shas.add(c.sha())).as("unique SHA %s", c.sha()).isTrue();
          assertThat(c.url()).isEqualTo("https://github.com/" + s.repo() + "/commit/" + c.sha());
          authors.computeIfAbsent(s.repo(), r -> new TreeSet<>()).add(c.author());
          commits++;
        }
      }
    }
    int perRepo = 0;
    for (int i = 0; i < DAYS; i++) {
      perRepo += shipped.get(ArchiveSynthesizer.START.plusDays(i).getDayOfWeek());
    }
    assertThat(commits).isEqualTo(stats.commits()).isEqualTo((long) REPOS * perRepo);

    // Some authors work in every repository, the others in one only.
    Set<String> everywhere = new TreeSet<>(authors.get(SGLANG));
    authors.values().forEach(everywhere::retainAll);
    assertThat(everywhere).isNotEmpty().hasSizeLessThan(authors.get(SGLANG).size());
    assertThat(authors.get(names.get(2))).anyMatch(a -> a.endsWith("-3"));
  }

  @Test
  void theSameArchiveTwiceIsTheSameBytes(@TempDir Path tmp) throws Exception {
    new ArchiveSynthesizer(CONTENT, null, REPOS).synthesize(tmp.resolve("a"), DAYS);
    new ArchiveSynthesizer(CONTENT, null, REPOS).synthesize(tmp.resolve("b"), DAYS);
    Map<String, byte[]> a = files(tmp.resolve("a"));
    Map<String, byte[]> b = files(tmp.resolve("b"));
    assertThat(a.keySet()).containsExactlyElementsOf(b.keySet()).hasSize(DAYS + 1); // + about.md
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void oneRepositoryIsTheArchiveOfBefore(@TempDir Path tmp) throws Exception {
    // Copy 0 is the model repository with the SHAs a one-repository archive has, so the figures
    // of one repository stay comparable with those measured before --repos.
    DailyReport one = new ArchiveSynthesizer(CONTENT).day(1);
    DailyReport three = new ArchiveSynthesizer(CONTENT, null, REPOS).day(1);
    assertThat(three.sections().get(0)).isEqualTo(one.sections().get(0));
    assertThat(three.commitCount()).isEqualTo(REPOS * one.commitCount());
  }

  @Test
  void variedCopiesFollowOtherDaysWithinTheirOwnDay(@TempDir Path tmp) throws Exception {
    ArchiveSynthesizer plain = new ArchiveSynthesizer(CONTENT, null, REPOS);
    ArchiveSynthesizer varied = new ArchiveSynthesizer(CONTENT, null, REPOS, true);
    int differ = 0;
    Set<java.time.Instant> times = new HashSet<>();
    int commits = 0;
    for (int i = 0; i < 14; i++) {
      DailyReport day = varied.day(i);
      // Copy 0 is the model of the same weekday, as without --varied.
      assertThat(day.sections().get(0)).isEqualTo(plain.day(i).sections().get(0));
      List<String> first = day.sections().get(0).commits().stream()
          .map(ReportedCommit::title).toList();
      for (RepoSection s : day.sections()) {
        if (!s.commits().stream().map(ReportedCommit::title).toList().equals(first)) {
          differ++;
        }
        for (ReportedCommit c : s.commits()) {
          assertThat(c.time().atZone(day.zone()).toLocalDate()).as(c.sha())
              .isEqualTo(day.date());
          times.add(c.time());
          commits++;
        }
      }
    }
    // Most copies are another day's commits; hardly two commits of the two weeks share a time.
    assertThat(differ).isGreaterThan(14 * (REPOS - 1) / 2);
    assertThat(times.size()).isGreaterThan(commits * 9 / 10);
    // Made the same way twice, and a well-formed archive.
    Path a = tmp.resolve("a");
    varied.synthesize(a, DAYS);
    new ArchiveSynthesizer(CONTENT, null, REPOS, true).synthesize(tmp.resolve("b"), DAYS);
    Map<String, byte[]> b = files(tmp.resolve("b"));
    files(a).forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Daybook.commandLine(new Daybook.Context(new PrintWriter(out, true),
        new PrintWriter(err, true), Map.of(), Clock.systemUTC()))
        .execute("check", "--content", a.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
  }

  @Test
  void everyRepositoryHasItsPagesAndDigests(@TempDir Path tmp) throws Exception {
    Path archive = tmp.resolve("content");
    new ArchiveSynthesizer(CONTENT, null, 2).synthesize(archive, 9);
    Path site = tmp.resolve("site");
    BenchChild.run(List.of("daybook", archive.toString(), "templates", "assets",
        "site.properties", site.toString(), tmp.resolve("lucene").toString()), false);
    for (String repo : List.of("repos/sgl-project/sglang/", "repos/sgl-project/sglang-2/")) {
      for (String page : List.of("index.html", "feed.xml", "weekly/index.html",
          "weekly/2020-W02/index.html", "monthly/2020-01/index.html", "monthly/feed.xml")) {
        assertThat(site.resolve(repo + page)).as(repo + page).isRegularFile();
      }
    }
  }

  private static Map<DayOfWeek, Integer> shippedCommitsByWeekday() throws IOException {
    Map<DayOfWeek, Integer> counts = new HashMap<>();
    for (Path report : new ReportStore(CONTENT).list()) {
      String text = Files.readString(report, StandardCharsets.UTF_8);
      LocalDate date = LocalDate.parse(header(text, "date"));
      counts.put(date.getDayOfWeek(), Integer.parseInt(header(text, "daybook.commits")));
    }
    assertThat(counts).hasSize(7);
    return counts;
  }

  private static String header(String text, String key) {
    return text.lines().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow()
        .substring(key.length() + 1);
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> list = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
      for (Path f : list) {
        all.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return all;
  }
}
