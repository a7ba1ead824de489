package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daybook.build.SiteBuilder;
import dev.daybook.model.Language;
import dev.daybook.search.IndexSearch;
import dev.daybook.search.SearchHit;
import dev.daybook.search.SearchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch.NAME=QUERY}: the shipped week built with two watches (the real Lucene index, the
 * real pages) gives {@code /watch/NAME/} and its Atom feed with the commits the query finds, and
 * a query that cannot be read stops the build naming the key and the column.
 */
class WatchFeedsTest {

  @TempDir
  static Path dir;
  static Path site;

  static SiteBuilder.Options options(Path out, Language language, Map<String, String> watches) {
    return options(out, language, watches, 50);
  }

  static SiteBuilder.Options options(Path out, Language language, Map<String, String> watches,
      int pageSize) {
    return new SiteBuilder.Options(Bakes.SHIPPED_CONTENT, Bakes.TEMPLATES, Bakes.ASSETS, out,
        BaseUrl.parse(Bakes.SUB_PATH), "Daybook", language, ZoneId.of("Asia/Shanghai"), pageSize)
        .withSearchIndex(out.resolveSibling(out.getFileName() + "-index"))
        .withBots(List.of("sglang-bot"), false).withWatches(watches);
  }

  @BeforeAll
  static void bake() throws Exception {
    site = dir.resolve("output");
    new SiteBuilder().build(options(site, Language.ZH, Map.of(
        "kernels", "path:python/sglang/jit_kernel",
        "amd-high", "AMD severity:高")));
  }

  static Document page(String path) throws Exception {
    return Jsoup.parse(site.resolve(SitePaths.file(path)).toFile(), "UTF-8");
  }

  @Test
  void aWatchListsTheCommitsItsQueryFindsNewestFirst() throws Exception {
    Document kernels = page(SitePaths.watch("kernels"));
    assertThat(kernels.select("h1").text()).isEqualTo("关注：kernels");
    assertThat(kernels.select(".watch-query code").text())
        .isEqualTo("path:python/sglang/jit_kernel");
    // The shipped week has 9 commit sections that name `python/sglang/jit_kernel/` (grep over
    // content/reports); in 8 the impact list names a file there, which is what path: reads. The
    // ninth, aa390d2 (the imported reference), names the folder only in its summary.
    List<String> links = kernels.select(".entries > li > a").eachAttr("href");
    assertThat(links).hasSize(8).noneMatch(l -> l.endsWith("#aa390d2"));
    for (String link : links) {
      String[] fileAndAnchor = link.replace("../../", "").split("#");
      Document report = Jsoup.parse(site.resolve(fileAndAnchor[0]).toFile(), "UTF-8");
      // The commit's section, from its heading to the next one, names such a file.
      String section = report.getElementById(fileAndAnchor[1]).nextElementSiblings()
          .stream().takeWhile(e -> !e.tagName().equals("h4")).map(e -> e.text())
          .reduce("", String::concat);
      assertThat(section).as(link).contains("python/sglang/jit_kernel/");
    }
    List<String> dates = kernels.select(".list-days h2").eachText();
    assertThat(dates).doesNotHaveDuplicates()
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    // The shipped week follows one repository, which the site's header names: no row repeats it.
    assertThat(kernels.select(".entries > li > small a[href*=repos/]")).isEmpty();
    // An author is isolated only when the name is not plain ASCII (which reorders nothing): of
    // the eight rows' authors, 陈一涵 (twice).
    assertThat(kernels.select(".entries > li > small").eachText()).hasSize(8)
        .allMatch(m -> m.matches("\\d\\d:\\d\\d:\\d\\d · [0-9a-f]{7} · .+ · .+"));
    assertThat(kernels.select(".entries > li > small bdi").eachText())
        .containsExactly("陈一涵", "陈一涵");

    Document amd = page(SitePaths.watch("amd-high"));
    assertThat(amd.select(".entries > li")).isNotEmpty()
        .allMatch(e -> !e.select("> .badge-high").isEmpty(), "high");
  }

  /**
   * A watch longer than its page sends the reader to the search for the rest: its query in
   * brackets (a date after an OR would bind to its last side), from the day before the oldest
   * shown, which finds exactly the commits the page leaves out.
   */
  @Test
  void aWatchLongerThanItsPageSearchesForTheRestWithItsWholeQuery() throws Exception {
    Path out = dir.resolve("short-pages");
    new SiteBuilder().build(options(out, Language.ZH, Map.of(
        "fixes", "type:bugfix OR severity:高"), 3));
    Document page = Jsoup.parse(out.resolve(SitePaths.file(SitePaths.watch("fixes"))).toFile(),
        "UTF-8");
    List<String> shown = page.select(".entries > li small code").eachText();
    List<String> days = page.select(".list-days h2").eachText();
    String oldest = days.get(days.size() - 1);
    String href = page.select(".list-older a").attr("href");
    String query = java.net.URLDecoder.decode(
        href.replaceAll("^search\\.html\\?q=|&sort=date$", ""),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(query).isEqualTo("(type:bugfix OR severity:高) date:.."
        + java.time.LocalDate.parse(oldest).minusDays(1));
    try (IndexSearch search = IndexSearch.open(out.resolveSibling("short-pages-index"))) {
      SearchResults all = search.search("type:bugfix OR severity:高", IndexSearch.MAX_LIMIT,
          IndexSearch.Order.DATE);
      List<String> rest = search.search(query, IndexSearch.MAX_LIMIT, IndexSearch.Order.DATE)
          .hits().stream().map(SearchHit::shortSha).toList();
      assertThat(shown).hasSizeGreaterThanOrEqualTo(3);
      assertThat(rest).hasSize((int) all.total() - shown.size()).doesNotContainAnyElementsOf(shown);
      assertThat(page.select(".list-meta").text()).startsWith(all.total() + " 个提交");
      assertThat(page.select(".list-older a").text())
          .isEqualTo("在搜索中查看更早的 " + rest.size() + " 个提交 →");
    }
  }

  @Test
  void aWatchHasAnAtomFeedWithAnEntryPerCommitAndNoBrokenLink() throws Exception {
    List<String> entries = FeedsAndSitemapTest.checkAtom(site, SitePaths.watchFeed("kernels"),
        Bakes.SUB_PATH);
    assertThat(entries).hasSize(8);
    LinkChecker.Result links = new LinkChecker(site, "/project/", Set.of("404.html")).check();
    assertThat(links.broken()).isEmpty();
    assertThat(links.pages()).contains("watch/kernels/index.html", "watch/amd-high/index.html");
    assertThat(Files.readString(site.resolve("sitemap.xml"))).contains("watch/kernels/");
  }

  @Test
  void aQueryThatCannotBeReadStopsTheBuildNamingTheKeyAndTheColumn() {
    assertThatThrownBy(() -> new SiteBuilder().build(options(dir.resolve("bad"), Language.EN,
        Map.of("kernels", "path:x sev:high"))))
        .isInstanceOf(SiteException.class)
        .hasMessageStartingWith("watch.kernels: column 8: ")
        .hasMessageContaining("did you mean severity:high?");
    assertThatThrownBy(() -> new SiteBuilder().build(options(dir.resolve("bad2"), Language.ZH,
        Map.of("x", "repo:nowhere"))))
        .hasMessageStartingWith("watch.x: column 1: ");
  }

  @Test
  void anEnglishSiteNamesTheWatchInEnglish() throws Exception {
    Path en = dir.resolve("en");
    new SiteBuilder().build(options(en, Language.EN, Map.of("kernels", "kernel")));
    Document page = Jsoup.parse(en.resolve("watch/kernels/index.html").toFile(), "UTF-8");
    assertThat(page.select("h1").text()).isEqualTo("Watch: kernels");
    assertThat(page.select(".watch-query").text()).startsWith("Commits found by: kernel");
  }
}
