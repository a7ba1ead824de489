package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.DailyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What format 2 adds to a report, and that reports of formats 1 and 2 read as before. */
class ReportFormatTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static ParsedReport parse(Path file) throws Exception {
    return new ReportParser(SHANGHAI).parse(file, Files.readString(file), true);
  }

  @Test
  void aFormatOneReportReadsToTheSameReportAsItsFormatTwoRewrite() throws Exception {
    ParsedReport old = parse(Path.of("src/test/resources/reports/format1/2026-02-07.zh.md"));
    ParsedReport two = parse(Path.of("src/test/resources/reports/format2/2026-02-07.zh.md"));
    assertThat(old.problems()).isEmpty();
    assertThat(two.problems()).isEmpty();
    assertThat(Files.readString(Path.of("src/test/resources/reports/format1/2026-02-07.zh.md")))
        .contains("daybook.format=1").contains("| 提交时间 | 作者 | 提交信息 |");
    assertThat(old.orThrow()).isEqualTo(two.orThrow());
  }

  @Test
  void anOlderReportIsRewrittenInTheCurrentFormatWithNothingAdded() throws Exception {
    Path format2 = Path.of("src/test/resources/reports/format2/2026-02-07.zh.md");
    ParsedReport old = parse(format2);
    assertThat(old.problems()).isEmpty();
    assertThat(Files.readString(format2)).contains("daybook.format=2");
    String rewritten = new ReportWriter(old.language()).write(old.orThrow());
    assertThat(rewritten).contains("daybook.format=4").doesNotContain("本日要点");
    ParsedReport again = new ReportParser(SHANGHAI).parse(format2, rewritten, true);
    assertThat(again.problems()).isEmpty();
    assertThat(again.orThrow()).isEqualTo(old.orThrow());
    assertThat(old.orThrow().sections()).allMatch(s -> s.summary().isEmpty());
    // The shipped week is written in the current format, each day opening with its summary.
    assertThat(Files.readString(Path.of("content/reports/2026/02/2026-02-07.md")))
        .contains("daybook.format=4").contains("**📝 本日要点**");
  }

  @Test
  void pullRequestNumbersInATitleLinkToTheRepository() {
    String url = "https://github.com/sgl-project/sglang/commit/" + "a".repeat(40);
    assertThat(ReportWriter.withNumberLinks("Fix race (#18328)", url))
        .isEqualTo("Fix race ([#18328](https://github.com/sgl-project/sglang/pull/18328))");
    assertThat(ReportWriter.withNumberLinks("closes #12 and #13", url)).isEqualTo(
        "closes [#12](https://github.com/sgl-project/sglang/pull/12) and"
            + " [#13](https://github.com/sgl-project/sglang/pull/13)");
    // Not a reference: inside a word, an escaped heading mark, an entity, no GitHub commit URL.
    assertThat(ReportWriter.withNumberLinks("C#12 \\#3 &#38;", url)).isEqualTo("C#12 \\#3 &#38;");
    assertThat(ReportWriter.withNumberLinks("Fix (#1)", null)).isEqualTo("Fix (#1)");
    assertThat(ReportWriter.withNumberLinks("Fix (#1)", "https://evil.example/x")).isEqualTo(
        "Fix (#1)");
  }

  @Test
  void aCommitShowsItsAuthorAndTimeInItsZoneAndItsTitleLinksItsPullRequest() throws Exception {
    String text = Files.readString(Path.of("content/reports/2026/02/2026-02-06.md"));
    assertThat(text)
        .contains("| 提交时间（Asia/Shanghai） | 作者 | 重要程度 | 变更类型 | 提交信息 |")
        .contains("### 📊 统计摘要\n\n> 本日共 13 个提交")
        .contains("👤 陈一涵 · 🕐 2026-02-06 14:48:09 Asia/Shanghai")
        .contains("([#18336](https://github.com/sgl-project/sglang/pull/18336))");
    String html = parse(Path.of("content/reports/2026/02/2026-02-06.md")).page().html();
    assertThat(html).contains("<h3>📊 统计摘要</h3>")
        .contains("href=\"https://github.com/sgl-project/sglang/pull/18336\" rel=\"nofollow\">"
            + "#18336</a>)</h4>");
  }

  @Test
  void aDayOfSeveralRepositoriesOpensWithAnOverviewAndOneContentsForAll() throws Exception {
    ParsedReport parsed = parse(Path.of("src/test/resources/reports/golden/2026-02-07.en.md"));
    assertThat(parsed.problems()).isEmpty();
    String html = parsed.page().html();
    assertThat(html).contains("<h2>🗂️ Overview</h2>")
        .contains("<td><a href=\"#acme--tool\">acme/tool</a></td>\n<td>3</td>")
        .contains("<h2 id=\"acme--empty\">acme/empty</h2>")
        .contains("<h2 id=\"acme--tool\">acme/tool</h2>");
    // One table of contents, before the first repository.
    assertThat(html.split("📋 Contents", -1)).hasSize(2);
    assertThat(html.indexOf("📋 Contents")).isLessThan(html.indexOf("<h2 id=\"acme--empty\">"));
    // Links inside the site are followed; links that leave it are not vouched for.
    assertThat(html).doesNotContain("rel=\"nofollow\" href=\"#")
        .contains("href=\"https://github.com/acme/tool/commit/"
            + "0123456789abcdef0123456789abcdef01234567\" rel=\"nofollow\"");
    // A day of one repository keeps its contents in its section, under an anchored heading.
    String one = parse(Path.of("content/reports/2026/02/2026-02-06.md")).page().html();
    assertThat(one).doesNotContain("本日概览")
        .contains("<h2 id=\"sgl-project--sglang\">sgl-project/sglang</h2>");
  }

  @Test
  void aBreakingMarkerStandsUnderTheSeverityAndReadsBack() throws Exception {
    var analysis = new dev.daybook.model.Analysis(dev.daybook.model.Severity.HIGH,
        java.util.List.of(dev.daybook.model.ChangeType.FEATURE), null, "sum", "",
        dev.daybook.model.Items.none(), dev.daybook.model.Items.none(),
        dev.daybook.model.Items.none(), "", java.util.List.of(), false)
        .withBreaking("约定式提交的破坏性标记 “feat!:” <b>|`");
    var commit = new dev.daybook.model.ReportedCommit("0123456789abcdef0123456789abcdef01234567",
        "https://github.com/o/r/commit/0123456789abcdef0123456789abcdef01234567",
        java.time.Instant.parse("2026-02-06T02:00:00Z"), "A", "feat!: x", analysis);
    DailyReport report = new DailyReport(java.time.LocalDate.of(2026, 2, 6), SHANGHAI,
        java.util.List.of(new dev.daybook.model.RepoSection(
            dev.daybook.model.RepoId.parse("o/r"), java.util.List.of(commit))));
    String written = new ReportWriter(dev.daybook.model.Language.ZH).write(report);
    assertThat(written).contains("**⚡ 重要程度**：🔴 高  \n"
        + "**💥 破坏性变更**：约定式提交的破坏性标记 “feat!:” \\<b\\>\\|\\`\n\n**📋 变更摘要**");
    ParsedReport parsed = new ReportParser(SHANGHAI).parse(Path.of("2026-02-06.md"), written,
        true);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.orThrow()).isEqualTo(report);
    assertThat(parsed.page().html()).contains("<strong>💥 破坏性变更</strong>：约定式提交的破坏性标记"
        + " “feat!:” &lt;b&gt;|`");
  }
}
