package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.build.SiteBuilder;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportParser;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list pages of a repository, a severity and a change type are cut from the oldest commit, so
 * adding a day to the archive rewrites the front pages and the archive pages at the boundary, and
 * leaves every older archive page as it was, byte for byte.
 */
class StablePaginationTest {

  /** Small, so that the shipped week makes many archive pages and a list shorter than a page. */
  static final int PAGE_SIZE = 8;

  @TempDir
  Path dir;

  /** One commit as a list shows it, and what orders the list. */
  private record Listed(LocalDate date, Instant time, String sha7) {}

  @Test
  void addingADayRewritesOnlyTheFrontPagesAndTheArchivePagesAtTheBoundary() throws Exception {
    List<Path> days = new ArrayList<>(new ReportStore(Bakes.SHIPPED_CONTENT).list());
    days.sort(Comparator.comparing(p -> p.getFileName().toString()));
    assertThat(days).hasSize(7);
    Path content = Files.createDirectories(dir.resolve("content"));
    Path out = dir.resolve("output");

    // Five days first, then the sixth and the seventh, each baked into the same output.
    for (Path day : days.subList(0, 5)) {
      copyReport(day, content);
    }
    Bakes.bake(content, out, Bakes.ROOT, PAGE_SIZE);
    Map<String, List<Listed>> before = lists(content);
    checkLists(out, before);
    // 2026-02-02..06 hold 7 high commits: fewer than a page, so only a front page.
    assertThat(before.get("severity/high/")).hasSize(7);
    assertThat(Files.exists(out.resolve("severity/high/page"))).isFalse();

    for (Path day : days.subList(5, 7)) {
      Map<String, byte[]> old = listPages(out);
      copyReport(day, content);

      SiteBuilder.Result result = Bakes.bake(content, out, Bakes.ROOT, PAGE_SIZE);

      Map<String, List<Listed>> after = lists(content);
      checkLists(out, after);
      TreeSet<String> expectedWritten = new TreeSet<>();
      for (String front : after.keySet()) {
        int was = before.get(front).size();
        int now = after.get(front).size();
        int archivesWas = archives(was);
        int archivesNow = archives(now);
        if (now != was) {
          expectedWritten.add(front + "index.html");
        }
        // When archive pages are added, the three newest old ones change: the newest linked
        // "newer" to the front page, and their numbered links reach three pages on (the third
        // decides whether a gap comes before the front page).
        int firstChanged = archivesNow > archivesWas ? Math.max(1, archivesWas - 2)
            : archivesWas + 1;
        for (int k = firstChanged; k <= archivesNow; k++) {
          expectedWritten.add(front + "page/" + k + "/index.html");
        }
      }
      List<String> writtenLists = result.written().stream()
          .filter(StablePaginationTest::isListPage).toList();
      assertThat(writtenLists).as("list pages written when %s was added", day.getFileName())
          .containsExactlyInAnyOrderElementsOf(expectedWritten);
      assertThat(result.deleted()).filteredOn(StablePaginationTest::isListPage).isEmpty();
      // Every list page the build did not have to write kept its bytes on disk.
      Map<String, byte[]> now = listPages(out);
      for (Map.Entry<String, byte[]> page : old.entrySet()) {
        if (!expectedWritten.contains(page.getKey())) {
          assertThat(now.get(page.getKey())).as(page.getKey()).isEqualTo(page.getValue());
        } else {
          assertThat(now.get(page.getKey())).as(page.getKey()).isNotEqualTo(page.getValue());
        }
      }
      before = after;
    }
    // The whole week: high has 8 commits, one page's worth, still all on the front page.
    assertThat(before.get("severity/high/")).hasSize(PAGE_SIZE);
    assertThat(Files.exists(out.resolve("severity/high/page"))).isFalse();
    // sglang's 141 commits: 16 archive pages of 8 and 13 on the front page.
    assertThat(listPages(out).keySet()).filteredOn(p -> p.startsWith("repos/")).hasSize(17);
  }

  @Test
  void aListShorterThanAPageIsOneFrontPageWithoutPager() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    Path out = dir.resolve("output");
    copyReport(new ReportStore(Bakes.SHIPPED_CONTENT).list().stream()
        .filter(p -> p.getFileName().toString().equals("2026-02-08.md")).findFirst()
        .orElseThrow(), content);

    Bakes.bake(content, out, Bakes.ROOT, 100);

    // One day, 9 commits: every list is its front page alone, listing all of its commits.
    assertThat(listPages(out).keySet()).filteredOn(p -> !p.startsWith("type/"))
        .containsExactlyInAnyOrder("repos/sgl-project/sglang/index.html",
            "severity/high/index.html", "severity/medium/index.html", "severity/low/index.html");
    assertThat(listPages(out).keySet()).filteredOn(p -> p.startsWith("type/"))
        .hasSize(ChangeType.values().length);
    Document front = page(out, "repos/sgl-project/sglang/index.html");
    assertThat(front.select("ol.entries > li")).hasSize(9);
    assertThat(front.select("nav.pager, nav.pages, #jump")).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Archive pages a list of {@code commits} should have: whole chunks of the page size counted
   * from the oldest commit, less the newest whole one, which the front page shows.
   */
  private static int archives(int commits) {
    return Math.max(0, commits / PAGE_SIZE - 1);
  }

  /**
   * Every list's commits, newest first, from the reports themselves: the front path of each list
   * (every severity, even without commits) to its commits.
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

  /**
   * Each list's pages, as baked: the front page and page/1/ ... page/A/ and no other; archive
   * pages of exactly a page's commits; the front page with the rest; every commit exactly once,
   * newest first from the front page down to page 1.
   */
  private static void checkLists(Path out, Map<String, List<Listed>> lists) throws IOException {
    Map<String, byte[]> pages = listPages(out);
    List<String> expectedPages = new ArrayList<>();
    for (Map.Entry<String, List<Listed>> list : lists.entrySet()) {
      String front = list.getKey();
      int commits = list.getValue().size();
      int archives = archives(commits);
      expectedPages.add(front + "index.html");
      List<String> shown = new ArrayList<>(shas(page(out, front + "index.html")));
      assertThat(shown.size()).as("commits on %s", front)
          .isEqualTo(commits < PAGE_SIZE ? commits : commits - archives * PAGE_SIZE)
          .isLessThan(2 * PAGE_SIZE);
      for (int k = archives; k >= 1; k--) {
        String path = front + "page/" + k + "/index.html";
        expectedPages.add(path);
        List<String> here = shas(page(out, path));
        assertThat(here).as("commits on %s", path).hasSize(PAGE_SIZE);
        shown.addAll(here);
      }
      assertThat(shown).as("commits of %s, front page then archive pages", front)
          .doesNotHaveDuplicates()
          .isEqualTo(list.getValue().stream().map(Listed::sha7).toList());
    }
    assertThat(pages.keySet()).containsExactlyInAnyOrderElementsOf(expectedPages);
  }

  private static boolean isListPage(String path) {
    // A repository's digests are in its folder but list no commits page by page.
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
