package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.build.SiteBuilder;
import dev.daybook.config.SiteConfig;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportParser;
import dev.daybook.search.IndexSearch;
import dev.daybook.search.SearchHit;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of a repository, a severity or a change type shows the list's newest commits in whole
 * days, and sends the reader to the search for the older ones, which finds exactly them; a list
 * has that one page, and adding a day rewrites only the pages whose commits changed.
 */
class ListPagesTest {

  /** Small, so that the shipped week makes lists longer than a page and one shorter. */
  static final int PAGE_SIZE = 8;

  @TempDir
  Path dir;

  /** One commit as a list shows it, and what orders the list. */
  private record Listed(LocalDate date, Instant time, String sha7) {}

  @Test
  void aListShowsItsNewestWholeDaysAndItsSearchLinkFindsTheRest() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    for (Path day : new ReportStore(Bakes.SHIPPED_CONTENT).list()) {
      copyReport(day, content);
    }
    Path out = dir.resolve("output");
    Path index = dir.resolve("index");
    bake(content, out, index);

    Map<String, List<Listed>> lists = lists(content);
    assertThat(listPages(out).keySet()).as("one page a list")
        .containsExactlyInAnyOrderElementsOf(lists.keySet().stream()
            .map(front -> front + "index.html").toList());
    int searched = 0;
    try (IndexSearch search = IndexSearch.open(index)) {
      for (Map.Entry<String, List<Listed>> list : lists.entrySet()) {
        String front = list.getKey();
        List<Listed> all = list.getValue();
        Document page = page(out, front + "index.html");
        int shown = wholeDays(all);
        assertThat(shas(page)).as("commits on %s", front)
            .isEqualTo(all.subList(0, shown).stream().map(Listed::sha7).toList());
        assertThat(page.select(".list-meta").text()).as(front)
            .startsWith(all.size() + " 个提交");
        Element older = page.selectFirst(".list-older a");
        if (shown == all.size()) {
          assertThat(older).as(front).isNull();
          assertThat(page.select("#jump")).as(front).isEmpty();
          continue;
        }
        // From the day before the oldest shown, with the list's filter, newest first.
        Map<String, String> params = params(older.attr("href"));
        assertThat(older.attr("href")).as(front).startsWith("search.html?");
        assertThat(params).as(front).containsEntry("sort", "date");
        String filter = filter(front);
        assertThat(params.get("q")).as(front)
            .isEqualTo(filter + " date:.." + all.get(shown - 1).date().minusDays(1));
        assertThat(older.text()).as(front)
            .isEqualTo("在搜索中查看更早的 " + (all.size() - shown) + " 个提交 →");
        List<String> found = search.search(params.get("q"), IndexSearch.MAX_LIMIT,
            IndexSearch.Order.DATE).hits().stream().map(SearchHit::shortSha).toList();
        assertThat(found).as("the search of %s's older commits", front)
            .isEqualTo(all.subList(shown, all.size()).stream().map(Listed::sha7).toList());
        // The date jump opens an older date in the same search (js/site.js; BrowserTest).
        Element form = page.selectFirst("form.jump-form");
        assertThat(form.attr("data-filter")).as(front).isEqualTo(filter);
        assertThat(form.attr("data-oldest-shown")).as(front)
            .isEqualTo(all.get(shown - 1).date().toString());
        searched++;
      }
    }
    assertThat(searched).as("lists longer than their page").isGreaterThan(10);
    // The high ones of the week fit on a page: 8 commits, no search link.
    assertThat(lists.get("severity/high/")).hasSize(PAGE_SIZE);
  }

  @Test
  void addingADayRewritesOnlyTheListsItAddsCommitsTo() throws Exception {
    List<Path> days = new ArrayList<>(new ReportStore(Bakes.SHIPPED_CONTENT).list());
    days.sort(Comparator.comparing(p -> p.getFileName().toString()));
    assertThat(days).hasSize(7);
    Path content = Files.createDirectories(dir.resolve("content"));
    Path out = dir.resolve("output");
    for (Path day : days.subList(0, 6)) {
      copyReport(day, content);
    }
    Bakes.bake(content, out, Bakes.ROOT, PAGE_SIZE);
    Map<String, List<Listed>> before = lists(content);
    Map<String, byte[]> old = listPages(out);

    copyReport(days.get(6), content);
    SiteBuilder.Result result = Bakes.bake(content, out, Bakes.ROOT, PAGE_SIZE);

    Map<String, List<Listed>> after = lists(content);
    TreeSet<String> changed = new TreeSet<>();
    for (String front : after.keySet()) {
      if (!after.get(front).equals(before.get(front))) {
        changed.add(front + "index.html");
      }
    }
    assertThat(changed).as("lists the last day adds to").isNotEmpty()
        .hasSizeLessThan(after.size());
    assertThat(result.written()).filteredOn(ListPagesTest::isListPage)
        .containsExactlyInAnyOrderElementsOf(changed);
    Map<String, byte[]> now = listPages(out);
    for (Map.Entry<String, byte[]> page : old.entrySet()) {
      if (changed.contains(page.getKey())) {
        assertThat(now.get(page.getKey())).as(page.getKey()).isNotEqualTo(page.getValue());
      } else {
        assertThat(now.get(page.getKey())).as(page.getKey()).isEqualTo(page.getValue());
      }
    }
  }

  @Test
  void aListShorterThanAPageShowsEveryCommitAndNoSearchLink() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    Path out = dir.resolve("output");
    copyReport(new ReportStore(Bakes.SHIPPED_CONTENT).list().stream()
        .filter(p -> p.getFileName().toString().equals("2026-02-08.md")).findFirst()
        .orElseThrow(), content);

    Bakes.bake(content, out, Bakes.ROOT, 100);

    Document front = page(out, "repos/sgl-project/sglang/index.html");
    assertThat(front.select("ol.entries > li")).hasSize(9);
    assertThat(front.select(".list-older, #jump")).isEmpty();
  }

  @Test
  void aPageShowsThePageSizeThenTheRestOfItsOldestDay() {
    LocalDate d1 = LocalDate.parse("2026-02-01");
    LocalDate d2 = d1.plusDays(1);
    List<SiteModel.Entry> entries = List.of(entry(d2), entry(d2), entry(d1), entry(d1),
        entry(d1));
    assertThat(PageRenderer.shown(entries, 1)).isEqualTo(2);
    assertThat(PageRenderer.shown(entries, 2)).isEqualTo(2);
    assertThat(PageRenderer.shown(entries, 3)).isEqualTo(5);
    assertThat(PageRenderer.shown(entries, 50)).isEqualTo(5);
    assertThat(PageRenderer.shown(List.of(), 50)).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  private static SiteModel.Entry entry(LocalDate date) {
    return new SiteModel.Entry(date, null, null, null, null);
  }

  /** The newest {@link #PAGE_SIZE} and the rest of the oldest day among them. */
  private static int wholeDays(List<Listed> newestFirst) {
    int n = Math.min(PAGE_SIZE, newestFirst.size());
    while (n < newestFirst.size() && newestFirst.get(n).date().equals(newestFirst.get(n - 1).date())) {
      n++;
    }
    return n;
  }

  private static String filter(String front) {
    if (front.startsWith("repos/")) {
      return "repo:" + front.substring("repos/".length(), front.length() - 1);
    }
    return front.replaceFirst("^(severity|type)/([a-z]+)/$", "$1:$2");
  }

  private static Map<String, String> params(String href) {
    Map<String, String> params = new TreeMap<>();
    for (String p : URI.create(href).getRawQuery().split("&")) {
      String[] kv = p.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void bake(Path content, Path out, Path index) throws Exception {
    SiteConfig c = Bakes.config();
    new SiteBuilder().build(new SiteBuilder.Options(content, Bakes.TEMPLATES, Bakes.ASSETS, out,
        BaseUrl.parse(Bakes.ROOT), c.title(), c.language(), c.zone(), PAGE_SIZE)
        .withSearchIndex(index));
  }

  /**
   * Every list's commits, newest first, from the reports themselves: the front path of each list
   * (every severity and type, even without commits) to its commits.
   */
  private static Map<String, List<Listed>> lists(Path content) throws IOException {
    Map<String, List<Listed>> lists = new TreeMap<>();
    for (Severity s : Severity.values()) {
      lists.put("severity/" + s.key() + "/", new ArrayList<>());
    }
    for (ChangeType t : ChangeType.values()) {
      lists.put("type/" + t.key() + "/", new ArrayList<>());
    }
    ReportParser parser = new ReportParser(Bakes.config().zone());
    for (Path file : new ReportStore(content).list()) {
      DailyReport day = parser.parse(file, Files.readString(file), true).report().orElseThrow();
      for (RepoSection section : day.sections()) {
        for (ReportedCommit c : section.commits()) {
          Listed l = new Listed(day.date(), c.time(), c.shortSha());
          lists.computeIfAbsent("repos/" + section.repo().owner() + "/" + section.repo().name()
              + "/", k -> new ArrayList<>()).add(l);
          lists.get("severity/" + c.severity().key() + "/").add(l);
          for (ChangeType t : new TreeSet<>(c.analysis().types())) {
            lists.get("type/" + t.key() + "/").add(l);
          }
        }
      }
    }
    Comparator<Listed> newestFirst = Comparator.comparing(Listed::date)
        .thenComparing(Listed::time).reversed().thenComparing(Listed::sha7);
    lists.values().forEach(l -> l.sort(newestFirst));
    return lists;
  }

  private static boolean isListPage(String path) {
    // A repository's digests are in its folder but are no list.
    return (path.startsWith("repos/") || path.startsWith("severity/")
        || path.startsWith("type/")) && path.endsWith("/index.html")
        && !path.matches("repos/[^/]+/[^/]+/(weekly|monthly)/.*");
  }

  /** The bytes of every list page of a baked site. */
  private static Map<String, byte[]> listPages(Path out) throws IOException {
    Map<String, byte[]> pages = new TreeMap<>();
    for (String f : Bakes.files(out)) {
      if (isListPage(f)) {
        pages.put(f, Files.readAllBytes(out.resolve(f)));
      }
    }
    return pages;
  }

  private static Document page(Path out, String path) throws IOException {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  private static List<String> shas(Document page) {
    return page.select("ol.entries > li small code").eachText();
  }

  private static void copyReport(Path report, Path content) throws IOException {
    Path target = content.resolve(Bakes.SHIPPED_CONTENT.relativize(report));
    Files.createDirectories(target.getParent());
    Files.copy(report, target);
  }
}
