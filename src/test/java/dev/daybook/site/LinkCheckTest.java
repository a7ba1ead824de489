package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every internal link of the site baked from the shipped {@code content/} leads to a file of the
 * site and every fragment to an element of its page, at the root of a host and under a sub-path;
 * and the site has every page the URL scheme (DESIGN.md §6) promises.
 */
class LinkCheckTest {

  private static LinkChecker.Result check(String baseUrl, String basePath) throws IOException {
    return new LinkChecker(Bakes.shipped(baseUrl), basePath, Set.of("404.html")).check();
  }

  @Test
  void everyInternalLinkResolvesWhenTheSiteIsAtTheRoot() throws IOException {
    LinkChecker.Result r = check(Bakes.ROOT, "/");

    assertThat(r.broken()).as("broken links").isEmpty();
    assertThat(r.duplicateIds()).as("ids used twice on a page").isEmpty();
    // 7 reports of ~20 commits, each linked from the table, the contents and the indexes.
    assertThat(r.internal()).isGreaterThan(1000);
  }

  @Test
  void everyInternalLinkResolvesWhenTheSiteIsUnderASubPath() throws IOException {
    LinkChecker.Result r = check(Bakes.SUB_PATH, "/project/");

    assertThat(r.broken()).as("broken links").isEmpty();
    assertThat(r.duplicateIds()).as("ids used twice on a page").isEmpty();
    assertThat(r.internal()).isGreaterThan(1000);
  }

  @Test
  void theNotFoundPageLinksFromTheBasePathSoItWorksAtAnyDepth() throws IOException {
    Path site = Bakes.shipped(Bakes.SUB_PATH);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(site.resolve("404.html").toFile(),
        "UTF-8");
    List<String> links = new ArrayList<>(page.select("[href]").eachAttr("href"));
    links.addAll(page.select("[src]").eachAttr("src"));

    assertThat(links).isNotEmpty();
    assertThat(links).filteredOn(l -> !l.startsWith("#"))
        .allMatch(l -> l.startsWith("/project/"), "starts with /project/")
        .contains("/project/", "/project/css/daybook.css", "/project/feed.xml");
  }

  @Test
  void onlyWebAndMailLinksLeaveTheSite() throws IOException {
    LinkChecker.Result r = check(Bakes.ROOT, "/");

    // The commit links of the reports; nothing else is fetched from or sent to elsewhere.
    assertThat(r.external()).isNotEmpty()
        .allMatch(l -> l.startsWith("https://github.com/"), "a GitHub link");
  }

  @Test
  void theSiteHasEveryPageTheUrlSchemePromisesAndNoOther() throws IOException {
    List<String> expected = new ArrayList<>(List.of("index.html", "about.html", "404.html",
        "search.html"));
    Map<String, Integer> repoCommits = new TreeMap<>();
    Map<String, Integer> severityCommits = new TreeMap<>(
        Map.of("severity/high/", 0, "severity/medium/", 0, "severity/low/", 0));
    // Every change type has its list, with or without commits.
    Map<String, Integer> typeCommits = new TreeMap<>();
    for (ChangeType t : ChangeType.values()) {
      typeCommits.put("type/" + t.key() + "/", 0);
    }
    Set<String> calendar = new TreeSet<>();
    ReportParser parser = new ReportParser(Bakes.config().zone());
    List<Path> reports = new ReportStore(Bakes.SHIPPED_CONTENT).list();
    for (Path file : reports) {
      ParsedReport parsed = parser.parse(file, Files.readString(file), true);
      DailyReport day = parsed.report().orElseThrow();
      expected.add(String.format(Locale.ROOT, "reports/%04d/%02d/%s.html", day.date().getYear(),
          day.date().getMonthValue(), day.date()));
      calendar.add(String.format(Locale.ROOT, "reports/%04d/index.html", day.date().getYear()));
      calendar.add(String.format(Locale.ROOT, "reports/%04d/%02d/index.html",
          day.date().getYear(), day.date().getMonthValue()));
      for (RepoSection s : day.sections()) {
        repoCommits.merge("repos/" + s.repo().owner() + "/" + s.repo().name() + "/",
            s.commits().size(), Integer::sum);
        for (ReportedCommit c : s.commits()) {
          severityCommits.merge("severity/" + c.severity().key() + "/", 1, Integer::sum);
          for (ChangeType t : new TreeSet<>(c.analysis().types())) {
            typeCommits.merge("type/" + t.key() + "/", 1, Integer::sum);
          }
        }
      }
    }
    expected.addAll(calendar);
    // The list of breaking changes has its front page even when no commit is marked.
    expected.add("breaking/index.html");
    // The digests of the one ISO week and month and their lists: the archive's only, as with
    // one repository a repository's would be the same pages again.
    expected.addAll(List.of("weekly/index.html", "weekly/2026-W06/index.html",
        "monthly/index.html", "monthly/2026-02/index.html"));
    // A list has one page, however long: its older commits are in the search.
    for (Map<String, Integer> index : List.of(repoCommits, severityCommits, typeCommits)) {
      index.keySet().forEach(front -> expected.add(front + "index.html"));
    }

    List<String> pages = check(Bakes.ROOT, "/").pages();

    assertThat(reports).hasSize(7);
    // The shipped week: 7 reports in one month of one year, one repository, three severities,
    // ten change types; home, about, 404 and search; a week's and a month's digest and their
    // lists; the breaking changes.
    assertThat(expected).hasSize(7 + 2 + 4 + 1 + 3 + 10 + 4 + 1);
    assertThat(pages).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theSiteOfAnEmptyArchiveHasHomeSeverityTypeAndBreakingPagesAndNoBrokenLink(@TempDir Path dir)
      throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    Path out = dir.resolve("output");
    Bakes.bake(content, out, Bakes.SUB_PATH);

    LinkChecker.Result r = new LinkChecker(out, "/project/", Set.of("404.html")).check();

    assertThat(r.broken()).isEmpty();
    List<String> pages = new ArrayList<>(List.of("index.html", "404.html", "search.html",
        "severity/high/index.html", "severity/medium/index.html", "severity/low/index.html",
        "breaking/index.html"));
    for (ChangeType t : ChangeType.values()) {
      pages.add("type/" + t.key() + "/index.html");
    }
    assertThat(r.pages()).containsExactlyInAnyOrderElementsOf(pages);
    for (String feed : List.of("feed.xml", "severity/high/feed.xml", "type/bugfix/feed.xml",
        "breaking/feed.xml")) {
      FeedsAndSitemapTest.checkAtom(out, feed, Bakes.SUB_PATH);
    }
  }

  @Test
  void theSiteHasItsFeedsSitemapRobotsStylesheetScriptAndIcon() throws IOException {
    List<String> files = Bakes.files(Bakes.shipped(Bakes.ROOT));

    // js/search-opensearch.js is published with the other assets; only the search page of a
    // site that names an OpenSearch endpoint loads it.
    List<String> expected = new ArrayList<>(List.of("css/daybook.css", "js/search.js",
        "js/search-opensearch.js", "js/site.js", "favicon.svg", "feed.xml", "repos/sgl-project/sglang/feed.xml",
        "severity/high/feed.xml", "severity/medium/feed.xml", "severity/low/feed.xml",
        "sitemap.xml", "robots.txt", "weekly/feed.xml", "monthly/feed.xml",
        "breaking/feed.xml"));
    for (ChangeType t : ChangeType.values()) {
      expected.add("type/" + t.key() + "/feed.xml");
    }

    assertThat(files).filteredOn(f -> !f.endsWith(".html"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
