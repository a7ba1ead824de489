package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.analysis.rules.RuleAnalyzer;
import dev.daybook.model.Commit;
import dev.daybook.model.DailyReport;
import dev.daybook.model.FileChange;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ReportWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breaking changes on the site, from a made archive of two repositories over two ISO weeks whose
 * commits the rule analyzer marks (a conventional "!", a footer, a removed public API file with a
 * hostile title and path): the day page shows the marker under the severity, {@code /breaking/}
 * lists exactly the marked commits newest first with why, its feed is Atom, and each digest lists
 * those of its period and scope.
 */
class BreakingPagesTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final RepoId APP = RepoId.parse("acme/app");
  static final RepoId LIB = RepoId.parse("acme/lib");
  static final String HOSTILE = "<img src=x onerror=alert(1)> | `x` **y**";

  @TempDir
  static Path dir;
  static Path site;
  static List<DailyReport> reports = new ArrayList<>();

  static Commit commit(RepoId repo, int n, LocalDateTime time, String message,
      List<FileChange> files) {
    String sha = String.format(Locale.ROOT, "%07x", 0xb4eac00 + n) + "1".repeat(33);
    return new Commit(repo, sha, "https://github.com/" + repo + "/commit/" + sha, "Ann",
        time.atZone(ZONE).toInstant(), message, List.of(), 10, 10, files);
  }

  static FileChange modified(String path) {
    return new FileChange(path, null, FileChange.Status.MODIFIED, 10, 10, null);
  }

  static DailyReport day(LocalDate date, List<List<Commit>> sections) {
    RuleAnalyzer rules = new RuleAnalyzer();
    List<RepoSection> list = new ArrayList<>();
    for (List<Commit> commits : sections) {
      list.add(new RepoSection(commits.get(0).repo(), commits.stream()
          .map(c -> ReportedCommit.of(c, rules.analyze(c, Language.ZH))).toList()));
    }
    return new DailyReport(date, ZONE, list);
  }

  static final Commit BANG = commit(APP, 1, LocalDateTime.of(2026, 1, 30, 10, 0),
      "feat(api)!: drop the v1 route", List.of(modified("src/app/routes.py")));
  static final Commit DOCS = commit(APP, 2, LocalDateTime.of(2026, 1, 30, 11, 0),
      "docs: typo", List.of(modified("docs/index.md")));
  static final Commit FOOTER = commit(APP, 3, LocalDateTime.of(2026, 2, 3, 9, 0),
      "refactor: config keys\n\nBREAKING CHANGE: max_len is now max_new_tokens",
      List.of(modified("src/app/config.py")));
  static final Commit REMOVED = commit(LIB, 4, LocalDateTime.of(2026, 2, 3, 10, 0),
      "Remove " + HOSTILE, List.of(new FileChange("lib/api/" + HOSTILE + ".py", null,
          FileChange.Status.REMOVED, 0, 40, null)));
  static final Commit PLAIN = commit(LIB, 5, LocalDateTime.of(2026, 2, 3, 11, 0),
      "fix: avoid a breaking change", List.of(modified("lib/core.py")));

  @BeforeAll
  static void bake() throws Exception {
    reports.add(day(LocalDate.of(2026, 1, 30), List.of(List.of(BANG, DOCS))));
    reports.add(day(LocalDate.of(2026, 2, 3), List.of(List.of(FOOTER), List.of(REMOVED, PLAIN))));
    Path content = dir.resolve("content");
    for (DailyReport r : reports) {
      Path file = content.resolve(String.format(Locale.ROOT, "reports/%d/%02d/%s.md",
          r.date().getYear(), r.date().getMonthValue(), r.date()));
      Files.createDirectories(file.getParent());
      Files.writeString(file, new ReportWriter(Language.ZH).write(r));
    }
    site = dir.resolve("output");
    Bakes.bake(content, site, "/");
  }

  static Document page(String path) throws Exception {
    return Jsoup.parse(site.resolve(SitePaths.file(path)).toFile(), "UTF-8");
  }

  static String place(Commit c) {
    return SitePaths.report(LocalDate.ofInstant(c.committedAt(), ZONE)) + "#" + c.shortSha();
  }

  @Test
  void theDayPageShowsTheMarkerUnderTheSeverityAndTheHostilePathAsText() throws Exception {
    Document day = page(SitePaths.report(LocalDate.of(2026, 2, 3)));
    List<String> markers = day.select("article p:has(strong:containsOwn(破坏性变更))").eachText();
    assertThat(markers).containsExactly(
        "🎯 变更类型：重构 ⚡ 重要程度：🔴 高 💥 破坏性变更：提交信息带有 “BREAKING CHANGE:” 脚注",
        "🎯 变更类型：杂项 ⚡ 重要程度：🔴 高 💥 破坏性变更：删除了公开接口路径下的文件 lib/api/"
            + HOSTILE + ".py");
    assertThat(day.select("article img")).isEmpty();
  }

  @Test
  void theBreakingListHasExactlyTheMarkedCommitsNewestFirstWithWhy() throws Exception {
    Document list = page(SitePaths.BREAKING);
    assertThat(list.select("h1").text()).isEqualTo("破坏性变更：全部提交");
    // A list's links start from the site's root, where its <base> leads.
    assertThat(list.select("head > base").attr("href")).isEqualTo("../");
    assertThat(list.select(".entries > li > a").eachAttr("href")).containsExactly(
        place(REMOVED), place(FOOTER), place(BANG));
    assertThat(list.select(".entries > li .breaking-why").eachText()).containsExactly(
        "依据：删除了公开接口路径下的文件 lib/api/" + HOSTILE + ".py",
        "依据：提交信息带有 “BREAKING CHANGE:” 脚注",
        "依据：约定式提交的破坏性标记 “feat(api)!:”");
    assertThat(list.select("img, script:not([src])")).isEmpty();
    assertThat(list.select(".list-meta").text()).startsWith("3 个提交");
    Document home = page(SitePaths.HOME);
    assertThat(home.select(".totals a[href=breaking/]").text()).isEqualTo("💥 破坏性变更");
    assertThat(home.select(".totals a[href=breaking/] + .count").text()).isEqualTo("3");
  }

  @Test
  void theBreakingFeedIsAtomWithAnEntryPerMarkedCommit() throws Exception {
    org.w3c.dom.Document feed;
    try (InputStream in = Files.newInputStream(site.resolve(SitePaths.BREAKING_FEED))) {
      feed = FeedsAndSitemapTest.parseXml(in);
    }
    var entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertThat(entries.getLength()).isEqualTo(3);
    String first = entries.item(0).getTextContent();
    assertThat(first).contains("💥 破坏性变更 · 依据：删除了公开接口路径下的文件 lib/api/&lt;img");
    assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0)
        .getTextContent()).endsWith(" · 💥 破坏性变更");
  }

  @Test
  void eachDigestListsTheBreakingChangesOfItsPeriodAndScope() throws Exception {
    assertThat(page("weekly/2026-W06/").select("#breaking li > a").eachAttr("href"))
        .containsExactly("../../" + place(REMOVED), "../../" + place(FOOTER));
    assertThat(page("weekly/2026-W05/").select("#breaking li > a").eachAttr("href"))
        .containsExactly("../../" + place(BANG));
    assertThat(page("repos/acme/lib/weekly/2026-W06/").select("#breaking li > a")
        .eachAttr("href")).containsExactly("../../../../../" + place(REMOVED));
    assertThat(page("monthly/2026-02/").select("#breaking h2 .count").text()).isEqualTo("2");
    assertThat(page("repos/acme/app/monthly/2026-01/").select("#breaking li").eachText())
        .hasSize(1).allMatch(t -> t.contains("约定式提交的破坏性标记"));
  }
}
