package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.testing.ItemText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A report is parsed once, by commonmark-java, and its page is that parse rendered: what the
 * parser takes for a label, a heading or code is what the page shows as one.
 */
class ReportPageTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Path GOLDEN = Path.of("src/test/resources/reports/golden/2026-02-06.zh.md");

  /** The golden report with {@code lines} in place of its first commit's summary text. */
  private static ParsedReport withSummary(String lines) throws Exception {
    String text = Files.readString(GOLDEN);
    int label = text.indexOf("**📋 变更摘要**\n\n");
    assertThat(label).isPositive();
    int start = label + "**📋 变更摘要**\n\n".length();
    int end = text.indexOf("\n\n", start);
    return new ReportParser(SHANGHAI).parse(GOLDEN,
        text.substring(0, start) + lines + text.substring(end), true);
  }

  /** The analysis of the commit whose summary begins with {@code start}. */
  private static Analysis analysisOf(ParsedReport parsed, String start) {
    return parsed.report().orElseThrow().sections().stream()
        .flatMap(s -> s.commits().stream()).map(c -> c.analysis())
        .filter(a -> a.summary().startsWith(start)).findFirst().orElseThrow();
  }

  @Test
  void aLabelInsideAFenceIsCodeOnThePageAndInTheReport() throws Exception {
    ParsedReport parsed = withSummary("```\n**⚠️ 潜在风险**\n\n- not a risk\n```");
    assertThat(parsed.problems()).isEmpty();
    Analysis analysis = analysisOf(parsed, "```");
    assertThat(analysis.summary()).contains("**⚠️ 潜在风险**", "- not a risk");
    assertThat(ItemText.of(analysis.risks())).doesNotContain("not a risk");
    assertThat(parsed.page().html())
        .contains("<pre><code>**⚠️ 潜在风险**\n\n- not a risk\n</code></pre>");
  }

  @Test
  void anHtmlBlockThatSwallowsLabelsOnThePageSwallowsThemInTheReportToo() throws Exception {
    // An HTML comment that is never closed runs to the end of the document: the page shows the
    // rest as text, so the parser keeps it as the prose it is on the page, not as labels.
    String clean = ItemText.of(analysisOf(withSummary("plain"), "plain").risks());
    assertThat(clean).isNotEmpty();
    ParsedReport parsed = withSummary("<!-- never closed");
    Analysis analysis = analysisOf(parsed, "<!--");
    assertThat(analysis.summary()).startsWith("<!-- never closed").contains("**⚠️ 潜在风险**");
    assertThat(analysis.risks().isEmpty()).isTrue();
    String html = parsed.page().html();
    assertThat(html).contains("&lt;!-- never closed").contains("**⚠️ 潜在风险**")
        .doesNotContain("<strong>⚠️ 潜在风险</strong>");
  }

  @Test
  void aSetextHeadingIsAHeadingOnThePageAndProseInTheCommit() throws Exception {
    ParsedReport parsed = withSummary("Stage two\n---------\nthen more");
    assertThat(parsed.problems()).isEmpty();
    assertThat(analysisOf(parsed, "Stage").summary())
        .isEqualTo("Stage two\n---------\nthen more");
    assertThat(parsed.page().html()).contains("<h2>Stage two</h2>");
  }

  @Test
  void theCommitTableIsMarkedWithTheDaySummaryBeforeItOrWithout() throws Exception {
    Path rules = Path.of("src/test/resources/reports/golden/rules-2026-02-06.zh.md");
    for (Path golden : new Path[] {GOLDEN, rules}) {
      String html = new ReportParser(SHANGHAI).parse(golden, Files.readString(golden), true)
          .page().html();
      assertThat(html.split("<table class=\"table commits\">", -1)).as("%s", golden).hasSize(2);
      // The commit table, whether the day summary comes between it and the section's heading.
      String before = html.substring(0, html.indexOf("<table class=\"table commits\">"));
      assertThat(before.substring(before.lastIndexOf("<h2"))).as("%s", golden)
          .doesNotContain("<table").doesNotContain("<h3");
      // The insight tables are other tables.
      assertThat(html).contains("<table class=\"table\">");
    }
    assertThat(Files.readString(rules)).contains("**📝 本日要点**");
  }

  @Test
  void thePageIsTheBodyAfterTheHeaderWithAnchorsAsIds() throws Exception {
    ParsedReport parsed = new ReportParser(SHANGHAI).parse(GOLDEN, Files.readString(GOLDEN),
        true);
    assertThat(parsed.problems()).isEmpty();
    ReportPage page = parsed.page();
    assertThat(page.header().get(ReportHeader.TITLE)).contains("每日更新报告（2026-02-06）");
    assertThat(page.html()).startsWith("<h1>每日更新报告（2026-02-06）</h1>")
        .doesNotContain("~~~~~~", "daybook.format")
        .containsPattern("<h4 id=\"[0-9a-f]{7}\">");
  }

  @Test
  void onlyTextThatIsNotPlainAsciiIsIsolatedInItsOwnDirection() {
    String html = ReportHtml.render("#### fix `a/b.py`\n\n#### 修复 `路径/文件.py`\n\n"
        + "`مسار/ملف.py` `x\u202Ey` [abc](#1234567) [عربي](#89abcde)\n");
    // Plain ASCII reorders nothing on a left-to-right page: no dir="auto" for it.
    assertThat(html).contains("<h4>fix <code>a/b.py</code></h4>",
        "<a href=\"#1234567\">abc</a>");
    // Chinese, Arabic or a bidirectional control: isolated, in the direction of its letters.
    assertThat(html).contains("<h4 dir=\"auto\">修复 <code dir=\"auto\">路径/文件.py</code></h4>",
        "<code dir=\"auto\">مسار/ملف.py</code>", "<code dir=\"auto\">x\u202Ey\u202C</code>",
        "<a href=\"#89abcde\" dir=\"auto\">عربي</a>");
  }

  @Test
  void aBrInATableCellIsALineBreakAndNoOtherHtmlPasses() {
    String html = ReportHtml.render("| a | b |\n|---|---|\n| one<br>two<BR/>three<br />four"
        + " | <b>x</b><br onclick=\"alert(1)\"><script>y</script> |\n");
    assertThat(html).contains("<td>one<br />\ntwo<br />\nthree<br />\nfour</td>")
        .contains("&lt;b&gt;x&lt;/b&gt;&lt;br onclick=&quot;alert(1)&quot;&gt;"
            + "&lt;script&gt;y&lt;/script&gt;")
        .doesNotContain("&lt;br&gt;", "<b>", "<script>");
  }

  @Test
  void theReferenceReportShowsNoLiteralBr() throws Exception {
    Path reference = Path.of("content/reports/2026/02/2026-02-06.md");
    ParsedReport parsed = new ReportParser(SHANGHAI).parse(reference, Files.readString(reference),
        true);
    String html = parsed.page().html();
    assertThat(html).doesNotContain("&lt;br").contains("<br />");
  }

  @Test
  void theLowImportanceCommitsOfAReportAreFoldedAndNoOthers() throws Exception {
    Path day = Path.of("content/reports/2026/02/2026-02-06.md");
    String html = new ReportParser(SHANGHAI).parse(day, Files.readString(day), true).page().html();
    int low = html.indexOf("<h3 id=\"sgl-project--sglang-low\">");
    int fold = html.indexOf("<details class=\"fold\"><summary>展开 4 个低重要度提交</summary>");
    assertThat(low).isPositive();
    assertThat(fold).isGreaterThan(low);
    assertThat(html.indexOf("</details>")).isGreaterThan(html.indexOf("<h4 id=\"92b8bd6\">"));
    assertThat(html.split("<details", -1)).hasSize(2);
    assertThat(html.indexOf("<h4 id=\"3d68bd9\">")).isLessThan(fold); // a high commit: not folded
    // A page that is not a report folds nothing.
    assertThat(ReportHtml.render("### <a id=\"x-low\"></a>Low\n\n#### a\n"))
        .doesNotContain("<details");
  }

  @Test
  void theTableOfContentsIsANavHoldingItsHeadingAndItsListOnly() throws Exception {
    Path day = Path.of("content/reports/2026/02/2026-02-06.md");
    String html = new ReportParser(SHANGHAI).parse(day, Files.readString(day), true).page().html();
    int nav = html.indexOf("<nav class=\"toc\" aria-label=\"目录\">\n<h3>📋 目录</h3>\n<ul>");
    assertThat(nav).isPositive();
    assertThat(html.split("<nav", -1)).hasSize(2);
    int end = html.indexOf("</nav>", nav);
    // It ends with its list: the first group heading comes after it.
    assertThat(html.substring(nav, end)).endsWith("</ul>\n");
    assertThat(html.indexOf("<h3 id=\"sgl-project--sglang-high\">")).isGreaterThan(end);
    assertThat(html.indexOf("<h3>📊 统计摘要</h3>")).isLessThan(nav);
    // An English report's is named in English; a page that is not a report has none.
    Path en = Path.of("src/test/resources/reports/golden/2026-02-07.en.md");
    assertThat(new ReportParser(SHANGHAI).parse(en, Files.readString(en), true).page().html())
        .contains("<nav class=\"toc\" aria-label=\"Contents\">\n<h3>📋 Contents</h3>\n<ul>");
    assertThat(ReportHtml.render("### 📋 Contents\n\n- [a](#a)\n")).doesNotContain("<nav");
  }

  @Test
  void pullRequestNumbersInACommitsTextLinkToItsRepository() throws Exception {
    ParsedReport parsed = withSummary("Follows #18155 and (#42); not `#7`, not C#12,"
        + " not [#9](https://example.org/9).");
    String html = parsed.page().html();
    String pulls = "https://github.com/sgl-project/sglang/pull/";
    assertThat(html)
        .contains("Follows <a href=\"" + pulls + "18155\" rel=\"nofollow\">#18155</a> and"
            + " (<a href=\"" + pulls + "42\" rel=\"nofollow\">#42</a>); not <code>#7</code>,"
            + " not C#12, not <a href=\"https://example.org/9\" rel=\"nofollow\">#9</a>.");
    // The report itself is unchanged: the links are the page's.
    assertThat(analysisOf(parsed, "Follows").summary()).startsWith("Follows #18155 and (#42)");
  }
}
