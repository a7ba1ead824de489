package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Items;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportParser;
import dev.daybook.text.FilePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The digests' numbers. On the shipped week every number was counted by hand from the reports
 * (their tables, and the file lists of their impact sections); on a small archive of two
 * repositories over three months, made here, each number follows from the commits below.
 */
class RollupTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final RepoId SGLANG = RepoId.parse("sgl-project/sglang");
  static SiteModel shipped;

  @BeforeAll
  static void parseTheShippedWeek() throws IOException {
    ReportParser parser = new ReportParser(ZONE);
    List<DailyReport> reports = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Bakes.SHIPPED_CONTENT.resolve("reports"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        reports.add(parser.parse(f, Files.readString(f), true).report().orElseThrow());
      }
    }
    shipped = new SiteModel(reports);
  }

  private static Rollup shippedWeek(RepoId scope, Bots bots) {
    return Rollup.of(Period.of(Period.Kind.WEEK, LocalDate.of(2026, 2, 5)), scope, shipped,
        new RollupHistory(shipped), bots);
  }

  // ---- the shipped week, 2026-02-02 .. 2026-02-08 ---------------------------------------------

  @Test
  void theShippedWeekCountsWhatItsReportsSay() {
    Rollup week = shippedWeek(null, Bots.of(List.of("sglang-bot")));

    assertThat(week.period().id()).isEqualTo("2026-W06");
    assertThat(week.days()).extracting(d -> d.date().toString()).containsExactly("2026-02-02",
        "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-07", "2026-02-08");
    // The commit tables' rows, day by day.
    assertThat(week.days()).extracting(d -> d.counts().commits())
        .containsExactly(21L, 28L, 30L, 23L, 13L, 17L, 9L);
    assertThat(week.counts().days()).isEqualTo(7);
    assertThat(week.counts().commits()).isEqualTo(141);
    assertThat(week.counts().severities()).isEqualTo(
        Map.of(Severity.HIGH, 8L, Severity.MEDIUM, 78L, Severity.LOW, 55L));
    // The type column, a commit of two types counted for each.
    assertThat(week.counts().types()).isEqualTo(Map.of(ChangeType.FEATURE, 36L,
        ChangeType.BUGFIX, 40L, ChangeType.PERFORMANCE, 10L, ChangeType.REFACTOR, 10L,
        ChangeType.DOCS, 16L, ChangeType.TEST, 17L, ChangeType.CI, 24L, ChangeType.BUILD, 7L,
        ChangeType.REVERT, 2L, ChangeType.CHORE, 12L));
    // The archive has no report of the week before.
    assertThat(week.before()).isNull();
  }

  @Test
  void theShippedWeekListsItsHighCommitsNewestFirstWithTheirSummaries() {
    Rollup week = shippedWeek(null, Bots.NONE);

    assertThat(week.high()).extracting(e -> e.date() + " " + e.commit().shortSha())
        .containsExactly("2026-02-08 00248d8", "2026-02-06 3d68bd9", "2026-02-06 aa390d2",
            "2026-02-05 2eb4359", "2026-02-04 4739f2e", "2026-02-03 9b1619c",
            "2026-02-03 a1bbc89", "2026-02-03 980d293");
    assertThat(week.high().get(4).commit().analysis().summary())
        .isEqualTo("改动位于 `python/sglang/jit_kernel`（6 个文件）、`python/sglang/multimodal_gen`"
            + "（5 个文件）。新增 `scale_residual_norm_scale_shift.py`、`test_fused_norm_scale_shift.py`、"
            + "`norm_fusion.py` 等 6 个文件。");
  }

  @Test
  void theShippedWeeksAreasAreTheFoldersItsImpactListsNameMostOften() {
    Rollup week = shippedWeek(null, Bots.NONE);

    // Commits whose impact list names a file under the folder (three levels), most first.
    assertThat(week.areas()).hasSize(Rollup.MAX_AREAS);
    assertThat(week.areas().subList(0, 8)).containsExactly(
        new Rollup.Area("python/sglang/srt", 57),
        new Rollup.Area("python/sglang/multimodal_gen", 27),
        new Rollup.Area(".github/workflows", 19),
        new Rollup.Area("python/sglang/jit_kernel", 8),
        new Rollup.Area("python/sglang/test", 8),
        new Rollup.Area("docker", 5),
        new Rollup.Area("docs", 5),
        new Rollup.Area("docs/advanced_features", 5));
    assertThat(week.areas().subList(8, 10)).extracting(Rollup.Area::commits)
        .containsExactly(3L, 3L);
  }

  @Test
  void theShippedWeeksRevertsAreFoundAndTheirRevertedCommitsAreNotInTheArchive() {
    Rollup week = shippedWeek(null, Bots.NONE);

    assertThat(week.reverts()).extracting(r -> r.revert().commit().shortSha())
        .containsExactly("9fbec79", "0db6fd4");
    assertThat(week.reverts()).allMatch(r -> r.reverted() == null);
    // No commit of the shipped week carries a breaking marker (none has a "!", a footer, or a
    // removed API file or flag): the section is there and empty.
    assertThat(week.breaking()).isEmpty();
  }

  @Test
  void theShippedWeeksContributorsWithItsBotApart() {
    Rollup week = shippedWeek(null, Bots.of(List.of("sglang-bot")));

    // 90 authors in the tables, one of them the project's bot.
    assertThat(week.people()).hasSize(89);
    assertThat(week.people().subList(0, 5)).containsExactly(
        new Rollup.Contributor("Mick", 7, 0, true),
        new Rollup.Contributor("Alison Shao", 6, 0, true),
        new Rollup.Contributor("Mohammad Miadh Angkad", 6, 0, true),
        new Rollup.Contributor("Xiaoyu Zhang", 6, 1, true),
        new Rollup.Contributor("wxy", 5, 0, true));
    assertThat(week.bots()).containsExactly(new Rollup.Contributor("sglang-bot", 1, 0, false));
    assertThat(week.people().stream().mapToLong(Rollup.Contributor::commits).sum()
        + week.bots().get(0).commits()).isEqualTo(141);
    // The archive begins this week: everyone but the bot is new to it.
    assertThat(week.opensArchive()).isTrue();
    assertThat(week.newcomers()).hasSize(89);
    assertThat(week.newcomers().get(0).first().date()).isEqualTo(LocalDate.of(2026, 2, 2));

    // Without site.bots the project's bot is a person: no [bot] in its name.
    assertThat(shippedWeek(null, Bots.NONE).people()).hasSize(90);
  }

  @Test
  void theShippedMonthIsItsWeekAndTheRepositorysDigestIsTheArchives() {
    Bots bots = Bots.of(List.of("sglang-bot"));
    Rollup week = shippedWeek(null, bots);
    Rollup month = Rollup.of(Period.of(Period.Kind.MONTH, LocalDate.of(2026, 2, 1)), null,
        shipped, new RollupHistory(shipped), bots);
    Rollup repoWeek = shippedWeek(SGLANG, bots);

    assertThat(month.period().id()).isEqualTo("2026-02");
    assertThat(month.days()).hasSize(28);
    assertThat(month.counts()).isEqualTo(week.counts());
    assertThat(month.areas()).isEqualTo(week.areas());
    assertThat(month.people()).isEqualTo(week.people());
    assertThat(repoWeek.counts()).isEqualTo(week.counts());
    assertThat(repoWeek.high()).isEqualTo(week.high());
  }

  // ---- a small archive of two repositories over three months ---------------------------------

  static final RepoId APP = RepoId.parse("acme/app");
  static final RepoId LIB = RepoId.parse("acme/lib");

  static ReportedCommit commit(int n, LocalDateTime time, String author, String title,
      Severity severity, List<ChangeType> types, String summary, String impact) {
    String sha = String.format("%07x", 0xc0ffee0 + n) + "0".repeat(33);
    return new ReportedCommit(sha, "https://github.com/acme/x/commit/" + sha,
        time.atZone(ZONE).toInstant(), author, title, new Analysis(severity, types, null,
            summary, impact, Items.text(""), Items.text(""), Items.text(""), "", List.of(),
            false));
  }

  static ReportedCommit breaking(ReportedCommit c, String why) {
    return new ReportedCommit(c.sha(), c.url(), c.time(), c.author(), c.title(),
        c.analysis().withBreaking(why));
  }

  static final ReportedCommit C1 = commit(1, LocalDateTime.of(2026, 1, 26, 10, 0), "Ann",
      "Add cache layer (#1)", Severity.HIGH, List.of(ChangeType.FEATURE), "Adds a cache.",
      "- `src/cache/store/Cache.java`\n- `README.md`");
  static final ReportedCommit C2 = commit(2, LocalDateTime.of(2026, 1, 26, 11, 0),
      "dependabot[bot]", "Bump x", Severity.LOW, List.of(ChangeType.CHORE), "", "- `pom.xml`");
  static final ReportedCommit C3 = commit(3, LocalDateTime.of(2026, 2, 3, 9, 0), "Bob",
      "Revert \"Add cache layer\" (#2)", Severity.MEDIUM, List.of(ChangeType.REVERT), "",
      "- `src/cache/store/Cache.java`");
  static final ReportedCommit C4 = commit(4, LocalDateTime.of(2026, 2, 3, 10, 0), "Ann",
      "Fix y", Severity.MEDIUM, List.of(ChangeType.BUGFIX), "", "- `src/core/a/B.java`");
  static final ReportedCommit C5 = breaking(commit(5, LocalDateTime.of(2026, 2, 3, 11, 0), "Cy",
      "Big (#3)", Severity.HIGH, List.of(ChangeType.FEATURE, ChangeType.BUGFIX), "Big.",
      "- `src/core/z/Q.java`"), "removed public API file src/api/Old.java");
  static final ReportedCommit C6 = commit(6, LocalDateTime.of(2026, 2, 3, 12, 0), "ci-robot",
      "ci: pin", Severity.LOW, List.of(ChangeType.CI), "", "- `.github/workflows/ci.yml`");
  static final ReportedCommit C8 = breaking(commit(8, LocalDateTime.of(2026, 2, 5, 9, 0), "Bob",
      "Undo the fix", Severity.MEDIUM, List.of(ChangeType.REVERT),
      "This reverts commit " + C4.sha() + ".", "- `src/core/a/B.java`"),
      "model m: the fix's flag is gone");
  static final ReportedCommit C9 = commit(9, LocalDateTime.of(2026, 3, 2, 9, 0), "Dan",
      "test: more", Severity.LOW, List.of(ChangeType.TEST), "", "- `test/T.java`");

  static final SiteModel SMALL = new SiteModel(List.of(
      new DailyReport(LocalDate.of(2026, 1, 26), ZONE, List.of(
          new RepoSection(APP, List.of(C1)), new RepoSection(LIB, List.of(C2)))),
      new DailyReport(LocalDate.of(2026, 2, 3), ZONE, List.of(
          new RepoSection(APP, List.of(C3, C4)), new RepoSection(LIB, List.of(C5, C6)))),
      new DailyReport(LocalDate.of(2026, 2, 5), ZONE, List.of(
          new RepoSection(APP, List.of(C8)))),
      new DailyReport(LocalDate.of(2026, 3, 2), ZONE, List.of(
          new RepoSection(APP, List.of(C9))))));
  static final Bots BOTS = Bots.of(List.of("ci-robot"));

  private static Rollup small(Period.Kind kind, LocalDate day, RepoId scope) {
    return Rollup.of(Period.of(kind, day), scope, SMALL, new RollupHistory(SMALL), BOTS);
  }

  @Test
  void aWeekIsComparedWithTheWeekBefore() {
    Rollup w06 = small(Period.Kind.WEEK, LocalDate.of(2026, 2, 3), null);

    assertThat(w06.counts().days()).isEqualTo(2);
    assertThat(w06.days()).filteredOn(d -> d.report() != null).extracting(Rollup.Day::date)
        .containsExactly(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 5));
    assertThat(w06.counts().commits()).isEqualTo(5);
    assertThat(w06.counts().severities()).isEqualTo(
        Map.of(Severity.HIGH, 1L, Severity.MEDIUM, 3L, Severity.LOW, 1L));
    assertThat(w06.counts().types()).isEqualTo(Map.of(ChangeType.REVERT, 2L,
        ChangeType.BUGFIX, 2L, ChangeType.FEATURE, 1L, ChangeType.CI, 1L));
    assertThat(w06.before().days()).isEqualTo(1);
    assertThat(w06.before().commits()).isEqualTo(2);
    assertThat(w06.before().severities()).isEqualTo(
        Map.of(Severity.HIGH, 1L, Severity.LOW, 1L));
    assertThat(w06.before().types()).isEqualTo(
        Map.of(ChangeType.FEATURE, 1L, ChangeType.CHORE, 1L));
    assertThat(w06.high()).extracting(e -> e.commit().sha()).containsExactly(C5.sha());
  }

  @Test
  void theBreakingChangesAreTheCommitsMarkedSoNewestFirstInTheirPeriodAndScope() {
    assertThat(small(Period.Kind.WEEK, LocalDate.of(2026, 2, 3), null).breaking())
        .extracting(e -> e.commit().sha()).containsExactly(C8.sha(), C5.sha());
    assertThat(small(Period.Kind.WEEK, LocalDate.of(2026, 2, 3), LIB).breaking())
        .extracting(e -> e.commit().sha()).containsExactly(C5.sha());
    assertThat(small(Period.Kind.WEEK, LocalDate.of(2026, 1, 26), null).breaking()).isEmpty();
    assertThat(small(Period.Kind.MONTH, LocalDate.of(2026, 2, 1), APP).breaking())
        .extracting(e -> e.commit().sha()).containsExactly(C8.sha());
    assertThat(SMALL.breaking()).extracting(e -> e.commit().sha())
        .containsExactly(C8.sha(), C5.sha());
  }

  @Test
  void aRevertLinksToTheCommitItNamesByShaOrByTitleAcrossPeriods() {
    Rollup w06 = small(Period.Kind.WEEK, LocalDate.of(2026, 2, 3), null);

    // Newest first: "This reverts commit <C4>", then Revert "Add cache layer" of the week before.
    assertThat(w06.reverts()).extracting(r -> r.revert().commit().sha(),
        r -> r.reverted().commit().sha()).containsExactly(
            org.assertj.core.groups.Tuple.tuple(C8.sha(), C4.sha()),
            org.assertj.core.groups.Tuple.tuple(C3.sha(), C1.sha()));
    assertThat(w06.reverts().get(1).reverted().path())
        .isEqualTo("reports/2026/01/2026-01-26.html#" + C1.shortSha());
  }

  @Test
  void theAreasAreCountedByCommitsAndTiesGoByName() {
    Rollup w06 = small(Period.Kind.WEEK, LocalDate.of(2026, 2, 3), null);

    assertThat(w06.areas()).containsExactly(new Rollup.Area("src/core/a", 2),
        new Rollup.Area(".github/workflows", 1), new Rollup.Area("src/cache/store", 1),
        new Rollup.Area("src/core/z", 1));
    // A name without a '/' (README.md, pom.xml) is not taken for a path, as by the search's
    // path: filter: the same rule reads both.
    Rollup w05 = small(Period.Kind.WEEK, LocalDate.of(2026, 1, 26), null);
    assertThat(w05.areas()).containsExactly(new Rollup.Area("src/cache/store", 1));
  }

  @Test
  void contributorsAreCountedWithBotsApartAndNewcomersAreFirstSeenInTheirRepository() {
    Rollup w06 = small(Period.Kind.WEEK, LocalDate.of(2026, 2, 3), null);

    assertThat(w06.people()).containsExactly(new Rollup.Contributor("Bob", 2, 0, true),
        new Rollup.Contributor("Ann", 1, 0, false), new Rollup.Contributor("Cy", 1, 1, true));
    assertThat(w06.bots()).containsExactly(new Rollup.Contributor("ci-robot", 1, 0, false));
    // Ann committed the week before; the bot is no newcomer.
    assertThat(w06.newcomers()).extracting(Rollup.Newcomer::name, n -> n.repo().toString(),
        n -> n.first().commit().sha()).containsExactly(
            org.assertj.core.groups.Tuple.tuple("Bob", "acme/app", C3.sha()),
            org.assertj.core.groups.Tuple.tuple("Cy", "acme/lib", C5.sha()));
    assertThat(w06.opensArchive()).isFalse();

    Rollup w05 = small(Period.Kind.WEEK, LocalDate.of(2026, 1, 26), null);
    assertThat(w05.opensArchive()).isTrue();
    assertThat(w05.bots()).containsExactly(
        new Rollup.Contributor("dependabot[bot]", 1, 0, false));
    assertThat(w05.newcomers()).extracting(Rollup.Newcomer::name).containsExactly("Ann");
  }

  @Test
  void aRepositorysDigestCountsOnlyItsCommitsAndTheDaysItsReportsCover() {
    Rollup lib = small(Period.Kind.WEEK, LocalDate.of(2026, 2, 3), LIB);

    // The report of 2026-02-05 has no section for acme/lib.
    assertThat(lib.counts().days()).isEqualTo(1);
    assertThat(lib.counts().commits()).isEqualTo(2);
    assertThat(lib.before().commits()).isEqualTo(1);
    assertThat(lib.people()).containsExactly(new Rollup.Contributor("Cy", 1, 1, true));
    assertThat(lib.reverts()).isEmpty();
    assertThat(lib.opensArchive()).isFalse();
  }

  @Test
  void aMonthIsComparedWithTheMonthBeforeAndAGapLeavesNothingToCompare() {
    Rollup february = small(Period.Kind.MONTH, LocalDate.of(2026, 2, 1), null);
    Rollup march = small(Period.Kind.MONTH, LocalDate.of(2026, 3, 31), null);
    Rollup w10 = small(Period.Kind.WEEK, LocalDate.of(2026, 3, 2), null);

    assertThat(february.counts().commits()).isEqualTo(5);
    assertThat(february.before().commits()).isEqualTo(2);
    assertThat(march.counts().commits()).isEqualTo(1);
    assertThat(march.before().commits()).isEqualTo(5);
    assertThat(march.newcomers()).extracting(Rollup.Newcomer::name).containsExactly("Dan");
    // No report in the week of 2026-02-23.
    assertThat(w10.before()).isNull();
  }

  // ---- periods, areas, bots ------------------------------------------------------------------

  @Test
  void isoWeeksAroundNewYearBelongToTheYearOfTheirThursday() {
    Period w53 = Period.of(Period.Kind.WEEK, LocalDate.of(2021, 1, 3));
    Period w01 = Period.of(Period.Kind.WEEK, LocalDate.of(2024, 12, 30));

    assertThat(w53.id()).isEqualTo("2020-W53");
    assertThat(w53.first()).isEqualTo(LocalDate.of(2020, 12, 28));
    assertThat(w53.last()).isEqualTo(LocalDate.of(2021, 1, 3));
    assertThat(w01.id()).isEqualTo("2025-W01");
    assertThat(w01.previous().id()).isEqualTo("2024-W52");
    assertThat(Period.of(Period.Kind.MONTH, LocalDate.of(2024, 2, 10)).length()).isEqualTo(29);
    assertThat(SitePaths.digest(null, w01)).isEqualTo("weekly/2025-W01/");
    assertThat(SitePaths.digest(APP, Period.of(Period.Kind.MONTH, LocalDate.of(2026, 2, 3))))
        .isEqualTo("repos/acme/app/monthly/2026-02/");
    assertThat(SitePaths.digestFeed(null, Period.Kind.MONTH)).isEqualTo("monthly/feed.xml");
    // What daybook bench counts as the digests' share of a site.
    assertThat(List.of("weekly/2025-W01/index.html", "monthly/feed.xml", "weekly/index.html",
        "repos/acme/app/monthly/2026-02/index.html", "repos/acme/weekly/weekly/feed.xml"))
        .allMatch(SitePaths::isDigest);
    assertThat(List.of("index.html", "repos/acme/app/index.html", "repos/weekly/app/index.html",
        "reports/2026/02/index.html", "search/weekly.json", "repos/acme/app/feed.xml",
        "weeklyish/index.html"))
        .noneMatch(SitePaths::isDigest);
  }

  @Test
  void anAreaIsAFilesFolderCutToThreeLevels() {
    assertThat(FilePaths.area("python/sglang/srt/layers/x.py")).isEqualTo(
        "python/sglang/srt");
    assertThat(FilePaths.area("python/sglang/srt/x.py")).isEqualTo("python/sglang/srt");
    assertThat(FilePaths.area("docs/a.md")).isEqualTo("docs");
    assertThat(FilePaths.area("README.md")).isEqualTo(FilePaths.TOP_LEVEL);
    assertThat(FilePaths.area("/dev/shm")).isEqualTo("dev");
    // Named in code spans only, and a URL is no path.
    assertThat(RollupHistory.areasOf("- `a/b/c.py` and a/d/e.py and `https://x.org/a/b`"))
        .containsExactly("a/b");
  }

  @Test
  void aBotIsNamedSoOrListed() {
    Bots bots = Bots.of(List.of(" sglang-bot "));

    assertThat(bots.isBot("Dependabot[BOT]")).isTrue();
    assertThat(bots.isBot("SGLang-Bot")).isTrue();
    assertThat(bots.isBot("sglang-bots")).isFalse();
    assertThat(bots.isBot("Robot Ann")).isFalse();
  }

  @Test
  void aTitleLosesOnlyAPullNumberAtItsEnd() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("Fix the loader (#123)", "Fix the loader");
    cases.put("  Fix the loader \t (#123)  ", "Fix the loader");
    cases.put("Fix the loader(#5)", "Fix the loader");
    cases.put("Revert a (#1) (#2)", "Revert a (#1)");
    cases.put("(#12)", "");
    cases.put("Fix the loader (#12a)", "Fix the loader (#12a)");
    cases.put("Fix the loader (#)", "Fix the loader (#)");
    cases.put("Fix the loader (#12) again", "Fix the loader (#12) again");
    cases.put("Revert \"Fix the loader (#12)\"", "Revert \"Fix the loader (#12)\"");
    cases.put("Fix \u2003(#7)", "Fix \u2003");
    cases.put("Fix (#٣)", "Fix (#٣)");
    cases.forEach((title, expected) ->
        assertThat(RollupHistory.withoutPull(title)).as(title).isEqualTo(expected));
  }

}
