package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.build.SiteBuilder;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportParser;
import dev.daybook.report.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest pages of the shipped week as a reader sees them: every count on them equals the
 * reports they come from, each lists and links what the reports hold, the day, month, year,
 * home and repository pages link to them, their feeds say the week's counts, and an English site
 * shows them in English.
 */
class DigestPagesTest {

  static final String WEEK = "weekly/2026-W06/";
  static final String MONTH = "monthly/2026-02/";
  static Path site;
  static List<DailyReport> days = new ArrayList<>();

  @BeforeAll
  static void bake() throws Exception {
    site = Bakes.shipped(Bakes.ROOT);
    ReportParser parser = new ReportParser(ZoneId.of("Asia/Shanghai"));
    for (Path file : new ReportStore(Bakes.SHIPPED_CONTENT).list()) {
      days.add(parser.parse(file, Files.readString(file), true).report().orElseThrow());
    }
  }

  static Document page(Path out, String path) throws Exception {
    return Jsoup.parse(out.resolve(SitePaths.file(path)).toFile(), "UTF-8");
  }

  static List<ReportedCommit> commits() {
    return days.stream().flatMap(d -> d.sections().stream())
        .flatMap(s -> s.commits().stream()).toList();
  }

  /** The first counts table: its rows as {label: [this period, ...]}. */
  static List<String> column(Element table, int column) {
    return table.select("tbody tr").stream().map(tr -> tr.child(column).text()).toList();
  }

  @Test
  void everyCountOnTheWeeksAndTheMonthsDigestIsTheReports() throws Exception {
    long high = days.stream().mapToLong(d -> d.count(Severity.HIGH)).sum();
    long medium = days.stream().mapToLong(d -> d.count(Severity.MEDIUM)).sum();
    long low = days.stream().mapToLong(d -> d.count(Severity.LOW)).sum();
    long all = days.stream().mapToLong(DailyReport::commitCount).sum();
    Map<ChangeType, Integer> types = new EnumMap<>(ChangeType.class);
    for (ReportedCommit c : commits()) {
      for (ChangeType t : new TreeSet<>(c.analysis().types())) {
        types.merge(t, 1, Integer::sum);
      }
    }
    Vocabulary words = Vocabulary.of(Language.ZH);

    for (String path : List.of(WEEK, MONTH)) {
      Document page = page(site, path);
      List<Element> tables = page.select("table.counts-table");
      assertThat(column(tables.get(0), 1)).as(path).containsExactly(Long.toString(all),
          Long.toString(high), Long.toString(medium), Long.toString(low));
      // No week before in the archive: no column to compare with, and a note saying why.
      assertThat(tables.get(0).select("thead th")).as(path).hasSize(2);
      assertThat(page.select("#counts .note").text()).isEqualTo("归档中没有上一期的日报，无从比较。");
      List<String> rows = tables.get(1).select("tbody tr").stream()
          .map(tr -> tr.child(0).text() + " " + tr.child(1).text()).toList();
      List<String> expected = new ArrayList<>();
      types.forEach((t, n) -> expected.add(words.typeName(t) + " " + n));
      assertThat(rows).as(path).containsExactlyElementsOf(expected);
      assertThat(page.select(".digest-sentence").text())
          .isEqualTo("本周共 141 个提交：🔴 高 8，🟡 中 78，🟢 低 55。".replace("本周",
              path.contains("monthly") ? "本月" : "本周"));

      // Every high commit, linked to its place in its report.
      List<String> highLinks = new ArrayList<>();
      for (DailyReport d : days) {
        for (RepoSection s : d.sections()) {
          for (ReportedCommit c : s.commits(Severity.HIGH)) {
            highLinks.add(SitePaths.report(d.date()) + "#" + c.shortSha());
          }
        }
      }
      String up = SitePaths.root(path);
      assertThat(page.select("#high .entries > li > a.title").eachAttr("href"))
          .containsExactlyInAnyOrderElementsOf(highLinks.stream().map(l -> up + l).toList());
      assertThat(page.select("#high .entries > li .summary")).hasSize(highLinks.size())
          .allMatch(e -> !e.text().isBlank(), "a summary");

      // Who committed how much: every commit once, the bot apart.
      long people = page.select("#contributors > table.people-table").first()
          .select("tbody tr").stream()
          .mapToLong(tr -> Long.parseLong(tr.child(1).text())).sum();
      assertThat(page.select("#bots + table tbody tr").eachText())
          .containsExactly("sglang-bot 1 0");
      assertThat(people + 1).as(path).isEqualTo(all);
      assertThat(page.select("#contributors > table.people-table tbody tr").first().text())
          .isEqualTo("Mick 7 0");
      assertThat(page.select("#reverts li")).hasSize(2);
    }
  }

  /** The shipped week's days as each report's header counts them (high, medium, low). */
  static final List<String> SHIPPED_DAYS = List.of(
      "2026-02-02 · 21 个提交：🟡 中 10，🟢 低 11。",
      "2026-02-03 · 28 个提交：🔴 高 3，🟡 中 17，🟢 低 8。",
      "2026-02-04 · 30 个提交：🔴 高 1，🟡 中 17，🟢 低 12。",
      "2026-02-05 · 23 个提交：🔴 高 1，🟡 中 13，🟢 低 9。",
      "2026-02-06 · 13 个提交：🔴 高 2，🟡 中 7，🟢 低 4。",
      "2026-02-07 · 17 个提交：🟡 中 7，🟢 低 10。",
      "2026-02-08 · 9 个提交：🔴 高 1，🟡 中 7，🟢 低 1。");

  @Test
  void theShippedWeeksPagesShowItsAreasContributorsNoBreakingChangeAndItsDaysChart()
      throws Exception {
    for (String path : List.of(WEEK, MONTH)) {
      Document page = page(site, path);
      // The areas the reports' impact lists name most (counted by hand, see RollupTest).
      assertThat(page.select("#areas ol.areas li").eachText()).as(path).hasSize(10)
          .startsWith("python/sglang/srt 57 个提交", "python/sglang/multimodal_gen 27 个提交",
              ".github/workflows 19 个提交", "python/sglang/jit_kernel 8 个提交",
              "python/sglang/test 8 个提交", "docker 5 个提交", "docs 5 个提交",
              "docs/advanced_features 5 个提交");
      // No commit of the week is marked breaking.
      assertThat(page.select("#breaking-title .count").text()).isEqualTo("0");
      assertThat(page.select("#breaking > p").first().text())
          .isEqualTo("这一期没有标为破坏性的提交。");
      // 89 people and the bot; the archive opens this week, so no one is called new.
      assertThat(page.select("#contributors > table.people-table").eachText()).hasSize(2);
      assertThat(page.select("#contributors > table.people-table").first().select("tbody tr"))
          .hasSize(89);
      assertThat(page.select("#contributors .new")).isEmpty();
      assertThat(page.select("#newcomers-title, #newcomers").text()).isEqualTo("新贡献者 89");
    }
    // The days at a glance: a bar per day of the week, or per day of February with a report.
    for (String path : List.of(WEEK, MONTH, "repos/sgl-project/sglang/",
        "reports/2026/02/")) {
      Document page = page(site, path);
      assertThat(page.select("svg.chart > title").text()).as(path).isEqualTo("每日提交数（按重要度）");
      assertThat(page.select("svg.chart > g > title").eachText()).as(path)
          .containsExactlyElementsOf(SHIPPED_DAYS);
      assertThat(page.select("svg.chart > desc").text()).as(path).isEqualTo(
          "141 个提交：🔴 高 8，🟡 中 78，🟢 低 55。提交最多的一天：2026-02-04，30 个提交。");
    }
    // The repository's commits span a week: a bar per day, each numbered.
    assertThat(page(site, "repos/sgl-project/sglang/").select("svg.chart .chart-label")
        .eachText()).containsExactly("2", "3", "4", "5", "6", "7", "8");
  }

  /** Browsers mend mis-nested tags silently, so the page's own markup is counted. */
  @Test
  void theRevertsAreWellNestedWhetherOrNotTheRevertedCommitIsHere() throws Exception {
    for (String path : List.of(WEEK, MONTH)) {
      String html = Files.readString(site.resolve(SitePaths.file(path)));
      assertThat(html).as(path)
          .contains("<span class=\"reverted\">被回滚的提交不在归档中</span></li>");
      for (String tag : List.of("span", "small", "code", "li", "a")) {
        assertThat(count(html, "<" + tag + "[ >]")).as(path + ": <" + tag + ">")
            .isEqualTo(count(html, "</" + tag + ">"));
      }
    }
  }

  private static long count(String html, String regex) {
    return Pattern.compile(regex).matcher(html).results().count();
  }

  @Test
  void theWeekLinksEveryDayAndTheMonthEveryDayWithAReport() throws Exception {
    Document week = page(site, WEEK);
    List<Element> weekDays = week.select("#days li");
    assertThat(weekDays).hasSize(7);
    for (int i = 0; i < 7; i++) {
      DailyReport d = days.get(i);
      Element li = weekDays.get(i);
      assertThat(li.select(".day-head > a").attr("href"))
          .isEqualTo("../../" + SitePaths.report(d.date()));
      assertThat(li.select(".counts .count").text()).isEqualTo(d.commitCount() + " 个提交");
      assertThat(li.select(".chip-high").text())
          .isEqualTo(d.count(Severity.HIGH) == 0 ? "" : "🔴 " + d.count(Severity.HIGH));
    }
    Document month = page(site, MONTH);
    assertThat(month.select("#days li")).hasSize(28);
    assertThat(month.select("#days li .day-head > a")).hasSize(7);
    assertThat(month.select("#days li .no-report")).hasSize(21);
    assertThat(month.select(".list-meta a").eachAttr("href")).contains("../../reports/2026/02/");
  }

  @Test
  void theDayMonthYearHomeAndRepositoryPagesLinkToTheDigests() throws Exception {
    assertThat(page(site, "reports/2026/02/2026-02-04.html").select(".digest-links a")
        .eachAttr("href")).containsExactly("../../../" + WEEK, "../../../" + MONTH);
    Document month = page(site, "reports/2026/02/");
    assertThat(month.select(".list-meta a").eachAttr("href")).contains("../../../" + MONTH);
    assertThat(month.select(".digest-weeks a").eachAttr("href"))
        .containsExactly("../../../" + WEEK);
    assertThat(page(site, "reports/2026/").select(".digest-weeks a").eachAttr("href"))
        .containsExactly("../../" + MONTH);
    assertThat(page(site, SitePaths.HOME).select(".digests a").eachAttr("href"))
        .containsExactly(WEEK, "weekly/", MONTH, "monthly/");
    // The shipped week follows one repository: its digests would be the site's again, so its
    // page links the site's and it has none of its own (SynthesizedDigestsTest has several).
    // (A list's links start from the site's root, where its <base> leads.)
    assertThat(page(site, "repos/sgl-project/sglang/").select(".list-meta a").eachAttr("href"))
        .contains("weekly/", "monthly/");
    assertThat(site.resolve("repos/sgl-project/sglang/weekly")).doesNotExist();
    assertThat(site.resolve("repos/sgl-project/sglang/monthly")).doesNotExist();
  }

  @Test
  void theDigestFeedsSayTheWeeksCountsAndLeadToItsDigest() throws Exception {
    for (String feed : List.of("weekly/feed.xml", "monthly/feed.xml")) {
      List<String> links = FeedsAndSitemapTest.checkAtom(site, feed, "/");
      assertThat(links).as(feed).hasSize(1);
      FeedsAndSitemapTest.assertLeadsToAPage(site, "/", links.get(0), feed);
    }
    org.w3c.dom.Element root = FeedsAndSitemapTest.parseXml(site.resolve("weekly/feed.xml"))
        .getDocumentElement();
    org.w3c.dom.Element entry = FeedsAndSitemapTest.children(root, FeedsAndSitemapTest.ATOM,
        "entry").get(0);
    assertThat(FeedsAndSitemapTest.alternate(entry)).isEqualTo("/" + WEEK);
    assertThat(FeedsAndSitemapTest.only(entry, "title")).isEqualTo("周报：2026 年第 6 周");
    assertThat(FeedsAndSitemapTest.only(entry, "summary"))
        .isEqualTo("本周共 141 个提交：🔴 高 8，🟡 中 78，🟢 低 55。");
    // Its content lists the high commits.
    assertThat(FeedsAndSitemapTest.htmlContent(entry).select("li")).hasSize(8);
    assertThat(FeedsAndSitemapTest.only(root, "title")).isEqualTo("Daybook · sglang · 周报");
  }

  @Test
  void anEnglishSiteShowsTheDigestsInEnglish(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("output");
    new SiteBuilder().build(new SiteBuilder.Options(Bakes.SHIPPED_CONTENT, Bakes.TEMPLATES,
        Bakes.ASSETS, out, BaseUrl.parse("/"), "Daybook", Language.EN,
        ZoneId.of("Asia/Shanghai"), 50).withBots(List.of("sglang-bot"), false));
    List<String> data = LanguageTest.data("Daybook");

    for (String path : List.of(WEEK, MONTH, "weekly/", "monthly/")) {
      Document page = page(out, path);
      // The reports' own prose (summaries, written in Chinese) and paths are data.
      page.select(".summary, code").remove();
      String words = LanguageTest.fixedWords(page, data);
      assertThat(LanguageTest.CJK.matcher(words).results().map(m -> m.group()).distinct()
          .toList()).as("Chinese words on the English %s", path).isEmpty();
    }
    Document week = page(out, WEEK);
    assertThat(week.select("h1").text()).isEqualTo("Weekly digest: Week 6 of 2026");
    assertThat(week.select(".digest-sentence").text())
        .isEqualTo("141 commits this week: 🔴 High 8, 🟡 Medium 78, 🟢 Low 55.");
    assertThat(week.select("#newcomers + .note + p").text()).isEqualTo(
        "The archive begins in this period: everyone in it is seen for the first time.");
    for (String path : List.of(WEEK, "repos/sgl-project/sglang/")) {
      Document page = page(out, path);
      assertThat(page.select("svg.chart > title").text()).isEqualTo(
          "Commits per day, by importance");
      assertThat(page.select("svg.chart > desc").text()).isEqualTo("141 commits: 🔴 High 8, "
          + "🟡 Medium 78, 🟢 Low 55. Busiest day: 2026-02-04, 30 commits.");
      assertThat(page.select("svg.chart > g > title").first().text())
          .isEqualTo("2026-02-02 · 21 commits: 🟡 Medium 10, 🟢 Low 11.");
    }
  }
}
