package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.bench.ArchiveSynthesizer;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportWriter;
import java.io.IOException;
import java.net.URI;
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
 * has its page and calendar; the home page shows the recent months and links to the years; the
 * lists are numbered and their date jump lands on the right commit; the last full day leads the
 * home page and the day not over yet is shown below it.
 */
class ArchiveNavigationTest {

  /** Small, so that the lists have many pages. */
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
          "repos/acme/widget/page/1/index.html", "type/bugfix/page/1/index.html");
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

  /** Every commit of a list, front page then archive pages, as (page, date, sha) in order. */
  private record Listed(String page, String date, String sha) {}

  private static List<Listed> walk(String front) throws IOException {
    List<Listed> listed = new ArrayList<>();
    String path = front;
    while (path != null) {
      Document page = page(root, path);
      for (Element li : page.select("ol.entries > li")) {
        // A commit's date is its day's heading, above the day's commits.
        listed.add(new Listed(path, li.parent().closest("li").selectFirst("h2").text(),
            li.select("small code").text()));
      }
      String older = page.select("nav.pager a[rel=next]").attr("href");
      path = older.isEmpty() ? null : target(page, path, older);
    }
    return listed;
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
              + "(page/\\d+/)?index\\.html")).sorted()
          .map(f -> f.substring(0, f.length() - "index.html".length())).toList();
    }
    assertThat(lists).anyMatch(l -> l.contains("/page/")).hasSizeGreaterThan(20);
    for (String list : lists) {
      Document page = page(root, list);
      assertThat(page.select("head > base").attr("href")).as(list)
          .isEqualTo(SitePaths.root(list));
      assertThat(target(page, list, page.select("a.skip").attr("href"))).as(list)
          .isEqualTo(list + "#main");
      assertThat(target(page, list, page.select("a.to-top").attr("href"))).as(list)
          .isEqualTo(list + "#top");
      String front = list.replaceAll("page/\\d+/$", "");
      for (String jump : page.select(".list-meta a[href$=#jump]").eachAttr("href")) {
        assertThat(target(page, list, jump)).as(list).isEqualTo(front + "#jump");
      }
    }
  }

  @Test
  void aListIsNumberedFromTheFrontPageToPageOneWithGapsBetween() throws IOException {
    String front = SitePaths.repo(RepoId.parse("sgl-project/sglang"));
    Document frontPage = page(root, front);
    int archives = Integer.parseInt(frontPage.select("nav.pager a[rel=next]").attr("href")
        .replaceAll("\\D", ""));
    assertThat(archives).isGreaterThan(10);

    // The front page: itself, the two newest archive pages, a gap, page 1.
    assertThat(frontPage.select("nav.pages li").eachText()).containsExactly("最新",
        Integer.toString(archives), Integer.toString(archives - 1), "…", "1");
    assertThat(frontPage.select("nav.pages [aria-current=page]").text()).isEqualTo("最新");
    // Page 1's name for a screen reader says it is the oldest, in the page's language.
    assertThat(frontPage.select("nav.pages a").last().attr("aria-label"))
        .isEqualTo("第 1 页（最早）");
    assertThat(frontPage.select("nav.pages a").get(1).attr("aria-label"))
        .isEqualTo("第 " + (archives - 1) + " 页");
    // A page in the middle: the front page, a gap, two newer, itself, two older, a gap, page 1.
    int k = archives / 2;
    Document middle = page(root, SitePaths.repoPage(RepoId.parse("sgl-project/sglang"), k));
    assertThat(middle.select("nav.pages li").eachText()).containsExactly("最新", "…",
        Integer.toString(k + 2), Integer.toString(k + 1), Integer.toString(k),
        Integer.toString(k - 1), Integer.toString(k - 2), "…", "1");
    assertThat(middle.select("nav.pages [aria-current=page]").text()).isEqualTo(
        Integer.toString(k));
    String at = SitePaths.repoPage(RepoId.parse("sgl-project/sglang"), k);
    assertThat(target(middle, at, middle.select("nav.pages a").first().attr("href")))
        .isEqualTo(front);
    assertThat(target(middle, at, middle.select("nav.pages a").last().attr("href")))
        .isEqualTo(SitePaths.repoPage(RepoId.parse("sgl-project/sglang"), 1));
    // Page 1 and the newest archive page reach the ends without gaps where none is.
    Document oldest = page(root, SitePaths.repoPage(RepoId.parse("sgl-project/sglang"), 1));
    assertThat(oldest.select("nav.pages li").eachText()).containsExactly("最新", "…", "3", "2",
        "1");
    Document newest = page(root, SitePaths.repoPage(RepoId.parse("sgl-project/sglang"),
        archives));
    assertThat(newest.select("nav.pages li").eachText()).containsExactly("最新",
        Integer.toString(archives), Integer.toString(archives - 1),
        Integer.toString(archives - 2), "…", "1");
    // An archive page sends the reader to the front page's date jump.
    assertThat(target(middle, at, middle.select(".list-meta a[href$=#jump]").attr("href")))
        .isEqualTo(front + "#jump");
  }

  @Test
  void theDateJumpOfAListLeadsToEachMonthsNewestCommitAndKnowsEachPagesOldestDay()
      throws IOException {
    for (String front : List.of(SitePaths.repo(SECOND), SitePaths.severity(Severity.LOW),
        "type/feature/")) {
      List<Listed> listed = walk(front);
      Element jump = page(root, front).selectFirst("#jump");
      assertThat(jump).as(front).isNotNull();

      // Each month's link lands on the month's newest commit in the list.
      Map<String, Listed> newestOfMonth = new TreeMap<>();
      for (Listed l : listed) {
        newestOfMonth.putIfAbsent(l.date().substring(0, 7), l);
      }
      Document frontPage = page(root, front);
      List<String> links = jump.select(".jump-months a").eachAttr("href").stream()
          .map(href -> target(frontPage, front, href)).toList();
      assertThat(links).as(front).hasSize(newestOfMonth.size());
      for (Listed l : newestOfMonth.values()) {
        assertThat(links).as(front).contains(l.page() + "#d" + l.date());
        Element target = page(root, l.page()).getElementById("d" + l.date());
        assertThat(target).isNotNull();
        assertThat(target.selectFirst("small code").text()).isEqualTo(l.sha());
      }
      // For the script: the oldest day of each page, newest page first; the input's bounds.
      List<String> oldest = new ArrayList<>();
      for (int i = 0; i < listed.size(); i++) {
        if (i + 1 == listed.size() || !listed.get(i + 1).page().equals(listed.get(i).page())) {
          oldest.add(listed.get(i).date());
        }
      }
      Element form = jump.selectFirst("form.jump-form");
      assertThat(form.attr("data-oldest")).isEqualTo(String.join(" ", oldest));
      assertThat(form.select("input[type=date]").attr("min"))
          .isEqualTo(listed.get(listed.size() - 1).date());
      assertThat(form.select("input[type=date]").attr("max")).isEqualTo(listed.get(0).date());
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
