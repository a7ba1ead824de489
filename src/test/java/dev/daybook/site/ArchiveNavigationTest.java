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
import dev.daybook.report.ReportWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive of several years and two repositories, the way it is read: every link and anchor of
 * the site leads somewhere, at the root and under a sub-path; each year and month with a report
 * has its page and calendar; the home page shows the recent months and links to the years; a
 * list's month links land on its commits, on its page or in the search; the last full day leads the
 * home page and the day not over yet is shown below it.
 */
class ArchiveNavigationTest {

  /** Small, so that most of a list's commits are in the search. */
  static final int PAGE_SIZE = 20;
  /** Every 23rd day from 2020-01-01 for three and a half years: gaps, and months without. */
  static final int EVERY = 23;
  static final int SPAN = 1280;
  static final RepoId SECOND = RepoId.parse("acme/widget");

  @TempDir
  static Path dir;
  static Path root;
  static Path subPath;
  static List<DailyReport> days = new ArrayList<>();

  @BeforeAll
  static void bake() throws Exception {
    ArchiveSynthesizer synth = new ArchiveSynthesizer(Bakes.SHIPPED_CONTENT);
    Path content = Files.createDirectories(dir.resolve("content"));
    ReportStore store = new ReportStore(content);
    for (int i = 0; i <= SPAN; i += EVERY) {
      DailyReport day = twoRepositories(synth.day(i), i);
      if (i + EVERY > SPAN) {
        // The newest day is not over yet.
        day = new DailyReport(day.date(), day.zone(), day.sections(),
            day.date().atTime(15, 30).atZone(day.zone()).toInstant());
      }
      days.add(day);
      store.write(day.date(), new ReportWriter(Language.ZH).write(day), false);
    }
    root = dir.resolve("root");
    subPath = dir.resolve("sub-path");
    Bakes.bake(content, root, Bakes.ROOT, PAGE_SIZE);
    Bakes.bake(content, subPath, Bakes.SUB_PATH, PAGE_SIZE);
  }

  /** Every third day has one repository; the others give every other commit to a second. */
  private static DailyReport twoRepositories(DailyReport day, int index) {
    if (index % 3 == 0) {
      return day;
    }
    List<ReportedCommit> first = new ArrayList<>();
    List<ReportedCommit> second = new ArrayList<>();
    List<ReportedCommit> all = day.sections().get(0).commits();
    for (int i = 0; i < all.size(); i++) {
      (i % 2 == 0 ? first : second).add(all.get(i));
    }
    return new DailyReport(day.date(), day.zone(), List.of(
        new RepoSection(day.sections().get(0).repo(), first), new RepoSection(SECOND, second)));
  }

  /**
   * Where a link of the page at {@code path} leads, from the site's root and with its fragment,
   * as a browser resolves it: from the page's {@code <base>} when it has one.
   */
  static String target(Document page, String path, String link) {
    URI from = URI.create("/" + path);
    Element base = page.selectFirst("head > base[href]");
    if (base != null) {
      from = from.resolve(base.attr("href"));
    }
    return from.resolve(link).toString().substring(1);
  }

  private static Document page(Path site, String path) throws IOException {
    return Jsoup.parse(site.resolve(SitePaths.file(path)).toFile(), "UTF-8");
  }

  // ---- links, feeds, sitemap ---------------------------------------------------------------

  @Test
  void everyLinkAndAnchorResolvesAtTheRootAndUnderASubPath() throws IOException {
    for (Map.Entry<Path, String> site : Map.of(root, "/", subPath, "/project/").entrySet()) {
      LinkChecker.Result r = new LinkChecker(site.getKey(), site.getValue(), Set.of("404.html"))
          .check();

      assertThat(r.broken()).as("broken links under %s", site.getValue()).isEmpty();
      assertThat(r.duplicateIds()).as("ids used twice under %s", site.getValue()).isEmpty();
      assertThat(r.pages()).contains("reports/2020/index.html", "reports/2023/index.html",
          "repos/acme/widget/index.html", "type/bugfix/index.html");
      assertThat(r.internal()).isGreaterThan(10_000);
    }
  }

  @Test
  void theFeedsAndTheSitemapAreXmlAndLeadToPagesOfTheSite() throws Exception {
    List<String> feeds = FeedsAndSitemapTest.feeds(subPath);
    assertThat(feeds).contains("repos/acme/widget/feed.xml", "type/feature/feed.xml");
    for (String feed : feeds) {
      for (String link : FeedsAndSitemapTest.checkAtom(subPath, feed, Bakes.SUB_PATH)) {
        FeedsAndSitemapTest.assertLeadsToAPage(subPath, Bakes.SUB_PATH, link, feed);
      }
    }
    List<String> urls = FeedsAndSitemapTest.sitemapUrls(subPath);
    assertThat(urls).contains(Bakes.SUB_PATH + "reports/2021/",
        Bakes.SUB_PATH + "reports/2021/02/", Bakes.SUB_PATH + "type/perf/");
    for (String url : urls) {
      assertThat(URI.create(url).isAbsolute()).as(url).isTrue();
      FeedsAndSitemapTest.assertLeadsToAPage(subPath, Bakes.SUB_PATH, url, "sitemap.xml");
    }
    FeedsAndSitemapTest.sitemapUrls(root); // parses
  }

  // ---- years and months ----------------------------------------------------------------------

  @Test
  void eachYearAndMonthWithAReportHasAPageAndNoOtherDoes() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (DailyReport d : days) {
      expected.add(SitePaths.file(SitePaths.year(d.date().getYear())));
      expected.add(SitePaths.file(SitePaths.month(YearMonth.from(d.date()))));
    }

    List<String> calendarPages = Bakes.files(root).stream()
        .filter(f -> f.startsWith("reports/") && f.endsWith("index.html")).toList();

    assertThat(calendarPages).containsExactlyInAnyOrderElementsOf(expected);
    // Every 23rd day leaves months without a report: they have no page.
    assertThat(expected).filteredOn(f -> f.matches("reports/\\d{4}/\\d{2}/index.html"))
        .hasSizeLessThan(43);
  }

  @Test
  void aMonthPageHasItsCalendarItsDaysAndItsNeighbours() throws IOException {
    YearMonth month = YearMonth.from(days.get(5).date());
    List<DailyReport> ofMonth = days.stream()
        .filter(d -> YearMonth.from(d.date()).equals(month)).toList();
    Document page = page(root, SitePaths.month(month));

    assertThat(page.select("h1").text()).isEqualTo(month.getYear() + " 年 "
        + month.getMonthValue() + " 月");
    assertThat(page.select("table.month")).hasSize(1);
    assertThat(page.select("table.month td.day")).hasSize(month.lengthOfMonth());
    assertThat(page.select("table.month td.day a")).extracting(a -> a.attr("href"))
        .containsExactlyElementsOf(ofMonth.stream()
            .map(d -> "../../../" + SitePaths.report(d.date())).toList());
    assertThat(page.select(".month-days > li")).hasSize(ofMonth.size());
    // Each day's high commits, linked to their place in the report.
    for (DailyReport d : ofMonth) {
      long high = d.count(Severity.HIGH);
      assertThat(page.select("#d" + d.date() + " .entries > li")).as("%s", d.date())
          .hasSize((int) high);
    }
    YearMonth before = YearMonth.from(days.get(days.indexOf(ofMonth.get(0)) - 1).date());
    YearMonth after = YearMonth.from(days.get(days.indexOf(ofMonth.get(ofMonth.size() - 1)) + 1)
        .date());
    assertThat(page.select("nav.daynav a[rel=prev]").attr("href"))
        .isEqualTo("../../../" + SitePaths.month(before));
    assertThat(page.select("nav.daynav a[rel=next]").attr("href"))
        .isEqualTo("../../../" + SitePaths.month(after));
    assertThat(page.select("nav.daynav a:not([rel])").attr("href"))
        .isEqualTo("../../../" + SitePaths.year(month.getYear()));
  }

  @Test
  void aYearPageHasTheCalendarOfEachOfItsMonthsWithAReport() throws IOException {
    Document page = page(root, SitePaths.year(2021));
    List<YearMonth> months = days.stream().filter(d -> d.date().getYear() == 2021)
        .map(d -> YearMonth.from(d.date())).distinct().toList();
    List<DailyReport> ofYear = days.stream().filter(d -> d.date().getYear() == 2021).toList();

    assertThat(page.select("h1").text()).isEqualTo("2021 年");
    assertThat(page.select("table.month caption a")).extracting(a -> a.attr("href"))
        .containsExactlyElementsOf(months.stream()
            .map(m -> "../../" + SitePaths.month(m)).toList());
    assertThat(page.select("table.month td.day a")).hasSize(ofYear.size());
    assertThat(page.select(".list-meta").text()).startsWith(ofYear.size() + " 天 · "
        + ofYear.stream().mapToLong(DailyReport::commitCount).sum() + " 个提交");
    assertThat(page.select("nav.daynav a[rel=prev]").attr("href"))
        .isEqualTo("../../" + SitePaths.year(2020));
    assertThat(page.select("nav.daynav a[rel=next]").attr("href"))
        .isEqualTo("../../" + SitePaths.year(2022));
  }

  @Test
  void theHomeCalendarShowsTheRecentMonthsAndLinksToEveryYear() throws IOException {
    Document home = page(root, SitePaths.HOME);
    List<YearMonth> months = days.stream().map(d -> YearMonth.from(d.date())).distinct()
        .toList();

    assertThat(home.select(".archive table.month")).extracting(t -> t.id()).containsExactly(
        "m" + months.get(months.size() - 1), "m" + months.get(months.size() - 2),
        "m" + months.get(months.size() - 3));
    assertThat(home.select(".archive .years a")).extracting(a -> a.attr("href"))
        .containsExactly("reports/2023/", "reports/2022/", "reports/2021/", "reports/2020/");
  }

  // ---- digests ---------------------------------------------------------------------------

  @Test
  void eachWeekAndMonthWithAReportHasADigestOfTheArchiveAndOfEachRepositoryInIt()
      throws IOException {
    Set<String> expected = new TreeSet<>();
    for (DailyReport d : days) {
      String week = String.format(Locale.ROOT, "%d-W%02d",
          d.date().get(IsoFields.WEEK_BASED_YEAR), d.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      String month = YearMonth.from(d.date()).toString();
      for (String scope : List.of("", "repos/sgl-project/sglang/", "repos/acme/widget/")) {
        if (scope.isEmpty() || d.repos().stream().anyMatch(r -> scope.contains(r + "/"))) {
          expected.add(scope + "weekly/" + week + "/index.html");
          expected.add(scope + "monthly/" + month + "/index.html");
        }
      }
    }

    List<String> digests = Bakes.files(root).stream()
        .filter(f -> f.matches("(repos/[^/]+/[^/]+/)?(weekly|monthly)/[^/]+/index.html")).toList();

    assertThat(digests).containsExactlyInAnyOrderElementsOf(expected);
    // The week of 2020-12-31 is the 53rd of 2020, and the days of 2021-01-01..03 are in it.
    assertThat(expected).contains("weekly/2020-W53/index.html");
  }

  @Test
  void aMonthsDigestComparesItsCountsWithTheMonthBeforeAndLinksItsNeighbours()
      throws IOException {
    List<YearMonth> months = days.stream().map(d -> YearMonth.from(d.date())).distinct()
        .toList();
    int compared = 0;
    for (int i = 1; i < months.size(); i++) {
      YearMonth month = months.get(i);
      Document page = page(root, "monthly/" + month + "/");
      if (!months.get(i - 1).equals(month.minusMonths(1))) {
        assertThat(page.select("#counts thead th")).as("%s", month).hasSize(2);
        continue;
      }
      compared++;
      long now = days.stream().filter(d -> YearMonth.from(d.date()).equals(month))
          .mapToLong(DailyReport::commitCount).sum();
      long before = days.stream()
          .filter(d -> YearMonth.from(d.date()).equals(month.minusMonths(1)))
          .mapToLong(DailyReport::commitCount).sum();
      Element total = page.select("#counts table tbody tr").first();
      assertThat(total.select("td").eachText()).as("%s", month).containsExactly(
          Long.toString(now), Long.toString(before),
          now > before ? "+" + (now - before) : now < before ? "−" + (before - now) : "±0");
      assertThat(page.select("nav.daynav a[rel=prev]").attr("href"))
          .isEqualTo("../../monthly/" + months.get(i - 1) + "/");
    }
    assertThat(compared).isGreaterThan(10);
  }

  // ---- lists -----------------------------------------------------------------------------

  /** A list, the search filter of its commits, and which commits of which repository it has. */
  private record ListCase(String front, String filter, RepoId repo,
      Predicate<ReportedCommit> in) {}

  /** The dates of a list's commits, newest first, from the reports. */
  private static List<LocalDate> dates(Predicate<ReportedCommit> inList, RepoId repo) {
    List<LocalDate> dates = new ArrayList<>();
    for (DailyReport day : days) {
      for (RepoSection section : day.sections()) {
        if (repo == null || section.repo().equals(repo)) {
          section.commits().stream().filter(inList).forEach(c -> dates.add(day.date()));
        }
      }
    }
    dates.sort(Comparator.reverseOrder());
    return dates;
  }

  @Test
  void aListSaysEachDayOnceAndNoRowRepeatsWhatItsPageSays() throws IOException {
    for (String front : List.of(SitePaths.severity(Severity.LOW), SitePaths.repo(SECOND),
        "type/feature/")) {
      Document page = page(root, front);
      Elements days = page.select("ol.list-days > li");
      assertThat(days.eachAttr("id")).as(front).hasSizeGreaterThan(1).doesNotHaveDuplicates()
          .isSortedAccordingTo(Comparator.reverseOrder());
      // Its links start from the site's root, where its <base> leads.
      assertThat(page.select("head > base").attr("href")).isEqualTo(SitePaths.root(front));
      for (Element day : days) {
        // The day's heading is its date, linking its report; its rows lead into that report.
        Element head = day.selectFirst("> h2 > a");
        assertThat(day.id()).isEqualTo("d" + head.text());
        String report = SitePaths.report(LocalDate.parse(head.text()));
        assertThat(target(page, front, head.attr("href"))).isEqualTo(report);
        assertThat(day.select(".entries > li > a").eachAttr("href")).isNotEmpty()
            .allMatch(href -> href.matches(Pattern.quote(report) + "#[0-9a-f]{7}"));
        assertThat(day.select(".entries > li > small a[href*=reports/]")).as("a date per row")
            .isEmpty();
      }
      Elements rows = page.select(".entries > li");
      // A severity's page says the severity; the others badge each row with it.
      assertThat(page.select(".entries > li > .badge"))
          .hasSize(front.startsWith("severity/") ? 0 : rows.size());
      // The site follows two repositories: a row names its own, except on a repository's page.
      assertThat(page.select(".entries > li > small a[href*=repos/]"))
          .hasSize(front.startsWith("repos/") ? 0 : rows.size());
      // A type's page names only a row's other types; the others every type of each row.
      assertThat(page.select(".entries > li > small").eachText())
          .noneMatch(meta -> front.startsWith("type/") && meta.contains("功能增强"));
      assertThat(page.select(".entries > li > small a[href*=type/]").size())
          .isGreaterThanOrEqualTo(front.startsWith("type/") ? 1 : rows.size());
      if (front.startsWith("type/")) {
        assertThat(page.select(".entries > li > small").eachText())
            .anyMatch(m -> m.contains(" · 也属："));
      }
    }
  }

  /**
   * A list's links start from its {@code <base>}, the site's root: its links within itself (to
   * the top, to the text, to its date jump) must name the page, else they would lead to the home
   * page, which has ids of the same names.
   */
  @Test
  void aListsLinksWithinItselfNameItUnderItsBase() throws IOException {
    List<String> lists;
    try (var files = java.nio.file.Files.walk(root)) {
      lists = files.map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(f -> f.matches("(repos/[^/]+/[^/]+|severity/[^/]+|type/[^/]+|breaking)/"
              + "index\\.html")).sorted()
          .map(f -> f.substring(0, f.length() - "index.html".length())).toList();
    }
    // Two repositories, three severities, ten change types, the breaking commits.
    assertThat(lists).hasSize(2 + 3 + 10 + 1).contains("breaking/", "repos/acme/widget/");
    for (String list : lists) {
      Document page = page(root, list);
      assertThat(page.select("head > base").attr("href")).as(list)
          .isEqualTo(SitePaths.root(list));
      assertThat(target(page, list, page.select("a.skip").attr("href"))).as(list)
          .isEqualTo(list + "#main");
      assertThat(target(page, list, page.select("a.to-top").attr("href"))).as(list)
          .isEqualTo(list + "#top");
      for (String jump : page.select(".list-meta a[href$=#jump]").eachAttr("href")) {
        assertThat(target(page, list, jump)).as(list).isEqualTo(list + "#jump");
      }
    }
  }

  @Test
  void aListHasOnePageAndItsMonthLinksLandOnItsCommitsOnThePageOrInTheSearch()
      throws IOException {
    assertThat(Bakes.files(root)).as("numbered pages").noneMatch(f -> f.contains("/page/"));
    List<ListCase> lists = List.of(
        new ListCase(SitePaths.repo(SECOND), "repo:acme/widget", SECOND, c -> true),
        new ListCase(SitePaths.severity(Severity.LOW), "severity:low", null,
            c -> c.severity() == Severity.LOW),
        new ListCase("type/feature/", "type:feature", null,
            c -> c.analysis().types().contains(ChangeType.FEATURE)));
    for (ListCase list : lists) {
      String front = list.front();
      String filter = list.filter();
      List<LocalDate> dates = dates(list.in(), list.repo());
      Document page = page(root, front);
      List<LocalDate> shown = page.select("ol.list-days > li > h2").eachText().stream()
          .map(LocalDate::parse).toList();
      LocalDate oldestShown = shown.get(shown.size() - 1);
      // The newest PAGE_SIZE commits and the rest of their oldest day; the rest in the search.
      long onPage = dates.stream().filter(d -> !d.isBefore(oldestShown)).count();
      assertThat(dates.size()).as(front).isGreaterThan(PAGE_SIZE * 3);
      assertThat(page.select("ol.entries > li")).as(front).hasSize((int) onPage);
      assertThat(onPage).as(front).isGreaterThanOrEqualTo(PAGE_SIZE);
      assertThat(dates.stream().filter(d -> d.isAfter(oldestShown)).count()).as(front)
          .isLessThan(PAGE_SIZE);

      // Each month of the list links its newest day: on the page, or the search for the month.
      Map<String, LocalDate> newestOfMonth = new TreeMap<>();
      for (LocalDate d : dates) {
        newestOfMonth.putIfAbsent(d.toString().substring(0, 7), d);
      }
      Element jump = page.selectFirst("#jump");
      List<String> links = jump.select(".jump-months a").eachAttr("href").stream()
          .map(href -> target(page, front, href)).toList();
      List<String> expected = newestOfMonth.entrySet().stream()
          .map(m -> m.getValue().isBefore(oldestShown)
              ? "search.html?q=" + URLEncoder.encode(filter + " date:" + m.getKey(),
                  StandardCharsets.UTF_8) + "&sort=date"
              : front + "#d" + m.getValue())
          .toList();
      assertThat(links).as(front).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(links).as(front).anyMatch(l -> l.startsWith("search.html"))
          .anyMatch(l -> l.startsWith(front + "#d"));
      for (String link : links) {
        if (link.startsWith(front)) {
          assertThat(page.getElementById(link.substring(link.indexOf('#') + 1))).as(link)
              .isNotNull();
        }
      }
      // For the script: the list's filter and the oldest day on the page; the input's bounds.
      Element form = jump.selectFirst("form.jump-form");
      assertThat(form.attr("data-filter")).isEqualTo(filter);
      assertThat(form.attr("data-oldest-shown")).isEqualTo(oldestShown.toString());
      assertThat(form.select("input[type=date]").attr("min"))
          .isEqualTo(dates.get(dates.size() - 1).toString());
      assertThat(form.select("input[type=date]").attr("max")).isEqualTo(dates.get(0).toString());
    }
  }

  // ---- home ------------------------------------------------------------------------------

  @Test
  void theLastFullDayLeadsAndTheDayNotOverYetIsShownBelowIt() throws IOException {
    Document home = page(root, SitePaths.HOME);
    DailyReport partial = days.get(days.size() - 1);
    DailyReport full = days.get(days.size() - 2);

    assertThat(home.select(".latest .latest-day a").attr("href"))
        .isEqualTo(SitePaths.report(full.date()));
    assertThat(home.select(".latest .note")).isEmpty();
    assertThat(home.select(".today .latest-day a").attr("href"))
        .isEqualTo(SitePaths.report(partial.date()));
    assertThat(home.select(".today .note").text()).isEqualTo("本日尚未结束，截至 15:30");
    // The day not over yet comes after the full day in the page.
    assertThat(home.select(".latest, .today")).extracting(e -> e.className())
        .containsExactly("latest", "today");
  }

  @Test
  void theLeadingDayListsEveryCommitItsLowOnesFoldedUnderTheirCount() throws IOException {
    Document home = page(root, SitePaths.HOME);
    DailyReport full = days.get(days.size() - 2);

    Element latest = home.selectFirst(".latest");
    assertThat(latest.select("> ul.entries > li")).hasSize(
        (int) (full.count(Severity.HIGH) + full.count(Severity.MEDIUM)));
    assertThat(latest.select("details.folded > summary").text())
        .isEqualTo("🟢 另有 " + full.count(Severity.LOW) + " 个低重要度提交");
    assertThat(latest.select("details.folded li")).hasSize((int) full.count(Severity.LOW));
    List<String> shas = new ArrayList<>(latest.select("li small code").eachText());
    List<String> expected = full.sections().stream().flatMap(s -> s.commits().stream())
        .map(ReportedCommit::shortSha).toList();
    assertThat(shas).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void noCountChipSaysZero() throws IOException {
    for (String path : List.of(SitePaths.HOME, SitePaths.year(2021),
        SitePaths.month(YearMonth.from(days.get(3).date())))) {
      Document page = page(root, path);
      assertThat(page.select(".chip")).as(path).isNotEmpty()
          .noneMatch(c -> c.text().matches(".*\\D0"), "says 0");
    }
    // A day without a high commit shows no high chip at all.
    LocalDate noHigh = days.stream().filter(d -> d.count(Severity.HIGH) == 0).findFirst()
        .orElseThrow().date();
    Document month = page(root, SitePaths.month(YearMonth.from(noHigh)));
    assertThat(month.select("#d" + noHigh + " .chip-high")).isEmpty();
    assertThat(month.select("#d" + noHigh + " .chip")).isNotEmpty();
  }
}
