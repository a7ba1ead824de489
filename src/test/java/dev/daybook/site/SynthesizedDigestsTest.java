package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.bench.ArchiveSynthesizer;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportParser;
import dev.daybook.report.ReportWriter;
import dev.daybook.report.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digests, charts and lists of an archive of three repositories over three months, made
 * here from the shipped week (each day a copy of the shipped day of its weekday), with gaps:
 * every number a digest page, a chart or a repository page shows equals what the report files
 * it comes from say, counted here from the files read back, for every week and month, of the
 * whole archive and of each repository.
 */
class SynthesizedDigestsTest {

  static final List<RepoId> REPOS = List.of(RepoId.parse("sgl-project/sglang"),
      RepoId.parse("acme/widget"), RepoId.parse("acme/gadget"));
  /** 2020-01-01 (a Wednesday) to 2020-03-31: three months. */
  static final int DAYS = 91;
  /** 2020-02-10 .. 2020-02-16, ISO week 7: no report, so the week after has none to compare. */
  static final int GAP_FROM = 40;
  static final int GAP_TO = 46;

  @TempDir
  static Path dir;
  static Path site;
  /** The reports as read back from their files, by day. */
  static final Map<LocalDate, DailyReport> reports = new TreeMap<>();

  @BeforeAll
  static void bake() throws Exception {
    ArchiveSynthesizer synth = new ArchiveSynthesizer(Bakes.SHIPPED_CONTENT);
    Path content = Files.createDirectories(dir.resolve("content"));
    ReportStore store = new ReportStore(content);
    for (int i = 0; i < DAYS; i++) {
      if (i >= GAP_FROM && i <= GAP_TO || i % 10 == 7) {
        continue; // a week without a report, and single days without one
      }
      DailyReport day = threeRepositories(synth.day(i), i);
      store.write(day.date(), new ReportWriter(Language.ZH).write(day), false);
    }
    ReportParser parser = new ReportParser(Bakes.config().zone());
    for (Path file : store.list()) {
      DailyReport r = parser.parse(file, Files.readString(file), true).report().orElseThrow();
      reports.put(r.date(), r);
    }
    site = dir.resolve("output");
    Bakes.bake(content, site, Bakes.ROOT);
  }

  /**
   * Every fourth day only the first repository has commits; the other days deal the commits out
   * to the three in turn. Every 13th commit is marked breaking.
   */
  static DailyReport threeRepositories(DailyReport day, int index) {
    Map<RepoId, List<ReportedCommit>> byRepo = new LinkedHashMap<>();
    List<ReportedCommit> all = day.sections().get(0).commits();
    for (int j = 0; j < all.size(); j++) {
      ReportedCommit c = all.get(j);
      if ((index + j) % 13 == 0) {
        c = new ReportedCommit(c.sha(), c.url(), c.time(), c.author(), c.title(),
            c.analysis().withBreaking("marked here: " + j));
      }
      RepoId repo = index % 4 == 0 ? REPOS.get(0) : REPOS.get((index + j) % REPOS.size());
      byRepo.computeIfAbsent(repo, r -> new ArrayList<>()).add(c);
    }
    List<RepoSection> sections = new ArrayList<>();
    for (RepoId r : REPOS) {
      if (byRepo.containsKey(r)) {
        sections.add(new RepoSection(r, byRepo.get(r)));
      }
    }
    return new DailyReport(day.date(), day.zone(), sections);
  }

  // ---- counting the files ------------------------------------------------------------------

  /** The commits of a day in a scope; null when no report of the day covers it. */
  static List<ReportedCommit> commits(LocalDate day, RepoId scope) {
    DailyReport r = reports.get(day);
    if (r == null || scope != null && !r.repos().contains(scope)) {
      return null;
    }
    List<ReportedCommit> commits = new ArrayList<>();
    for (RepoSection s : r.sections()) {
      if (scope == null || s.repo().equals(scope)) {
        commits.addAll(s.commits());
      }
    }
    return commits;
  }

  static List<ReportedCommit> commits(Period p, RepoId scope) {
    List<ReportedCommit> commits = new ArrayList<>();
    for (LocalDate d = p.first(); !d.isAfter(p.last()); d = d.plusDays(1)) {
      List<ReportedCommit> of = commits(d, scope);
      if (of != null) {
        commits.addAll(of);
      }
    }
    return commits;
  }

  static boolean reported(Period p, RepoId scope) {
    for (LocalDate d = p.first(); !d.isAfter(p.last()); d = d.plusDays(1)) {
      if (commits(d, scope) != null) {
        return true;
      }
    }
    return false;
  }

  static long count(List<ReportedCommit> commits, Severity s) {
    return commits.stream().filter(c -> c.severity() == s).count();
  }

  static Set<Period> periods(Period.Kind kind, RepoId scope) {
    Set<Period> periods = new TreeSet<>();
    for (LocalDate d : reports.keySet()) {
      if (commits(d, scope) != null) {
        periods.add(Period.of(kind, d));
      }
    }
    return periods;
  }

  static List<RepoId> scopes() {
    List<RepoId> scopes = new ArrayList<>();
    scopes.add(null);
    scopes.addAll(REPOS);
    return scopes;
  }

  static Document page(String path) throws Exception {
    return Jsoup.parse(site.resolve(SitePaths.file(path)).toFile(), "UTF-8");
  }

  static final Pattern BAR = Pattern.compile("^(.+) · (\\d+) 个提交");

  /** A chart's bars as {name: commits}, from their tooltips. */
  static Map<String, Long> bars(Document page) {
    Map<String, Long> bars = new LinkedHashMap<>();
    for (Element title : page.select("svg.chart > g > title")) {
      Matcher m = BAR.matcher(title.text());
      assertThat(m.find()).as(title.text()).isTrue();
      bars.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return bars;
  }

  static String row(Element tr) {
    List<String> cells = new ArrayList<>();
    tr.children().forEach(c -> cells.add(c.text()));
    return String.join(" | ", cells);
  }

  static String change(long now, long before) {
    return now > before ? "+" + (now - before) : now < before ? "−" + (before - now) : "±0";
  }

  // ---- the digests -------------------------------------------------------------------------

  @Test
  void theArchiveHasADigestForEveryWeekAndMonthWithAReportOfItsScope() throws Exception {
    List<String> made = Bakes.files(site).stream()
        .filter(f -> f.matches("(repos/[^/]+/[^/]+/)?(weekly|monthly)/[^/]+/index\\.html"))
        .toList();
    List<String> expected = new ArrayList<>();
    for (Period.Kind kind : Period.Kind.values()) {
      for (RepoId scope : scopes()) {
        for (Period p : periods(kind, scope)) {
          expected.add(SitePaths.file(SitePaths.digest(scope, p)));
        }
      }
    }
    // 13 ISO weeks (2020-W01 .. W14 without W07) and three months, for the archive and each of
    // its three repositories.
    assertThat(periods(Period.Kind.WEEK, null)).hasSize(13);
    assertThat(expected).hasSize(4 * (13 + 3));
    assertThat(made).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyCountOnEveryDigestIsWhatItsReportsSay() throws Exception {
    Vocabulary words = Vocabulary.of(Language.ZH);
    int pages = 0;
    for (Period.Kind kind : Period.Kind.values()) {
      for (RepoId scope : scopes()) {
        for (Period p : periods(kind, scope)) {
          String path = SitePaths.digest(scope, p);
          Document page = page(path);
          List<ReportedCommit> now = commits(p, scope);
          boolean compared = reported(p.previous(), scope);
          List<ReportedCommit> then = commits(p.previous(), scope);

          // By severity, beside the period before when the archive has a report of it.
          List<String> expected = new ArrayList<>();
          List<String> labels = List.of("提交数", "🔴 高重要度", "🟡 中重要度", "🟢 低重要度");
          long[] nows = {now.size(), count(now, Severity.HIGH), count(now, Severity.MEDIUM),
              count(now, Severity.LOW)};
          long[] thens = {then.size(), count(then, Severity.HIGH), count(then, Severity.MEDIUM),
              count(then, Severity.LOW)};
          for (int i = 0; i < 4; i++) {
            expected.add(labels.get(i) + " | " + nows[i] + (compared
                ? " | " + thens[i] + " | " + change(nows[i], thens[i]) : ""));
          }
          List<Element> tables = page.select("table.counts-table");
          assertThat(tables.get(0).select("tbody tr").stream().map(SynthesizedDigestsTest::row))
              .as(path).containsExactlyElementsOf(expected);

          // By type: a commit of two types counts for each.
          Map<ChangeType, long[]> types = new EnumMap<>(ChangeType.class);
          for (int side = 0; side < 2; side++) {
            for (ReportedCommit c : side == 0 ? now : then) {
              for (ChangeType t : new TreeSet<>(c.analysis().types())) {
                types.computeIfAbsent(t, k -> new long[2])[side]++;
              }
            }
          }
          List<String> typeRows = new ArrayList<>();
          types.forEach((t, n) -> {
            if (n[0] > 0 || compared) {
              typeRows.add(words.typeName(t) + " | " + n[0]
                  + (compared ? " | " + n[1] + " | " + change(n[0], n[1]) : ""));
            }
          });
          assertThat(tables.get(1).select("tbody tr").stream().map(SynthesizedDigestsTest::row))
              .as(path).containsExactlyElementsOf(typeRows);

          // Every high commit, every breaking one, every commit in the contributors' tables.
          assertThat(page.select("#high .entries > li")).as(path)
              .hasSize((int) count(now, Severity.HIGH));
          assertThat(page.select("#breaking .entries > li")).as(path)
              .hasSize((int) now.stream().filter(c -> c.analysis().isBreaking()).count());
          assertThat(page.select("#breaking-title .count").text()).as(path)
              .isEqualTo(Long.toString(now.stream().filter(c -> c.analysis().isBreaking())
                  .count()));
          long tabled = page.select("#contributors table.people-table tbody tr").stream()
              .mapToLong(tr -> Long.parseLong(tr.child(1).text())).sum();
          assertThat(tabled).as(path).isEqualTo(now.size());

          // Every day of the period, and its bar in the chart.
          List<Element> days = page.select("#days li");
          assertThat(days).as(path).hasSize(p.length());
          Map<String, Long> chart = new LinkedHashMap<>();
          int i = 0;
          for (LocalDate d = p.first(); !d.isAfter(p.last()); d = d.plusDays(1), i++) {
            List<ReportedCommit> of = commits(d, scope);
            Element li = days.get(i);
            if (of == null) {
              assertThat(li.select(".no-report").text()).as(path).isEqualTo(d.toString());
            } else {
              assertThat(li.select(".counts .count").text()).as("%s %s", path, d)
                  .isEqualTo(of.size() + " 个提交");
              chart.put(d.toString(), (long) of.size());
            }
          }
          assertThat(bars(page)).as(path).containsExactlyEntriesOf(chart);
          pages++;
        }
      }
    }
    assertThat(pages).isEqualTo(4 * (13 + 3));
  }

  @Test
  void aFullWeekIsTheShippedWeekAndTheWeekAfterTheGapHasNothingToCompareWith()
      throws Exception {
    // 2020-01-20 .. 01-26 (days 19 to 25) has a report every day, each a copy of the shipped
    // day of its weekday: the shipped week's counts.
    Document w04 = page("weekly/2020-W04/");
    assertThat(w04.select(".digest-sentence").text())
        .isEqualTo("本周共 141 个提交：🔴 高 8，🟡 中 78，🟢 低 55。");
    assertThat(bars(w04).values()).containsExactly(21L, 28L, 30L, 23L, 13L, 17L, 9L);
    Document w08 = page("weekly/2020-W08/");
    assertThat(w08.select("#counts .note").text()).isEqualTo("归档中没有上一期的日报，无从比较。");
    assertThat(w08.select("table.counts-table").get(0).select("thead th")).hasSize(2);
  }

  // ---- the charts of the repository, month and year pages ----------------------------------

  @Test
  void aRepositorysChartHasABarPerWeekOfItsCommits() throws Exception {
    for (RepoId repo : REPOS) {
      Document page = page(SitePaths.repo(repo));
      // Its commits span three months: a bar per ISO week.
      assertThat(page.select("svg.chart > title").text()).isEqualTo("每周提交数（按重要度）");
      Map<String, Long> expected = new LinkedHashMap<>();
      long total = 0;
      for (Period w : periods(Period.Kind.WEEK, repo)) {
        long n = commits(w, repo).size();
        expected.put(w.year() + " 年第 " + w.number() + " 周", n);
        total += n;
      }
      assertThat(bars(page)).as(repo.toString()).containsExactlyEntriesOf(expected);
      // ISO weeks 1 to 14, each numbered; week 7 without a report: a slot without a bar.
      assertThat(page.select("svg.chart > g")).hasSize(13);
      assertThat(page.select("svg.chart .chart-label").eachText()).containsExactly("1", "2",
          "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
      assertThat(page.select(".list-meta").text()).startsWith(total + " 个提交");
      assertThat(page.select("svg.chart > desc").text()).startsWith(total + " 个提交：");
    }
  }

  @Test
  void theMonthAndYearChartsCountTheirDaysAndMonths() throws Exception {
    Document march = page("reports/2020/03/");
    Map<String, Long> days = new LinkedHashMap<>();
    for (LocalDate d = LocalDate.of(2020, 3, 1); d.getMonthValue() == 3; d = d.plusDays(1)) {
      if (reports.containsKey(d)) {
        days.put(d.toString(), reports.get(d).commitCount());
      }
    }
    assertThat(bars(march)).containsExactlyEntriesOf(days);

    Map<String, Long> months = new LinkedHashMap<>();
    for (int m = 1; m <= 3; m++) {
      Period month = Period.of(Period.Kind.MONTH, LocalDate.of(2020, m, 1));
      months.put("2020 年 " + m + " 月", (long) commits(month, null).size());
    }
    assertThat(bars(page("reports/2020/"))).containsExactlyEntriesOf(months);
  }

  @Test
  void everyLinkOfTheArchiveResolves() throws Exception {
    LinkChecker.Result r = new LinkChecker(site, "/", Set.of("404.html")).check();

    assertThat(r.broken()).isEmpty();
    assertThat(r.duplicateIds()).isEmpty();
  }
}
