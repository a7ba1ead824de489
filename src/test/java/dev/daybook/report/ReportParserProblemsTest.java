package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed and hand-edited reports: each problem is named with its line. */
class ReportParserProblemsTest {

  static final Path FILE = Path.of("content/reports/2026/02/2026-02-06.md");
  static String golden;

  @BeforeAll
  static void readGolden() throws IOException {
    try (InputStream in = ReportParserProblemsTest.class.getResourceAsStream(
        "/reports/golden/2026-02-06.zh.md")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<String> problems(String text) {
    return new ReportParser(ZoneId.of("Asia/Shanghai")).parse(FILE, text, true).problems()
        .stream().map(Problem::toString).toList();
  }

  static int lineOf(String text, String needle) {
    int index = text.indexOf(needle);
    assertThat(index).as("needle %s", needle).isNotNegative();
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void theGoldenReportHasNoProblem() {
    assertThat(problems(golden)).isEmpty();
  }

  @Test
  void missingHeaderIsReportedOnLineOne() {
    String body = golden.substring(golden.indexOf("~~~~~~\n") + 7);
    assertThat(problems(body)).containsExactly(FILE + ":1: missing JBake header (title, date,"
        + " type=report, status=published, ending with ~~~~~~); JBake would skip this file");
  }

  @Test
  void unclosedHeaderIsReported() {
    String text = golden.replace("~~~~~~\n", "");
    assertThat(problems(text)).first().asString()
        .isEqualTo(FILE + ":13: header is not closed with a ~~~~~~ line");
  }

  @Test
  void draftStatusIsReportedAtItsLine() {
    String text = golden.replace("status=published", "status=draft");
    assertThat(problems(text)).containsExactly(FILE + ":4: header says status=draft but the report"
        + " has published; JBake skips drafts and files without a status");
  }

  @Test
  void brokenTableRowIsReported() {
    String row = "| 2026-02-06 16:54:33 | Xuchun Shang | 🔴 高 | 功能增强 / 重构"
        + " | [add hicache jit test (#17847)](#3d68bd9) |";
    assertThat(golden).contains(row);
    String text = golden.replace(row, "| 2026-02-06 16:54:33 | Xuchun Shang |");
    int line = lineOf(golden, row);
    assertThat(problems(text)).contains(FILE + ":" + line + ": commit table row has 2 cells,"
        + " expected 5 (time | author | severity | type | commit) or 3 (time | author | commit)");
  }

  @Test
  void badTimeIsReported() {
    String text = golden.replace("| 2026-02-06 16:54:33 |", "| 2026-02-06 16:54 |");
    assertThat(problems(text)).contains(FILE + ":" + lineOf(golden, "| 2026-02-06 16:54:33 |")
        + ": commit time '2026-02-06 16:54' is not yyyy-MM-dd HH:mm:ss");
  }

  @Test
  void unknownSeverityIsReportedAndCountsAreNotEchoed() {
    String line = "**⚡ 重要程度**：🟢 低";
    String text = golden.replaceFirst(java.util.regex.Pattern.quote(line), "**⚡ 重要程度**：🟣 紫");
    assertThat(problems(text)).containsExactly(FILE + ":" + lineOf(golden, line)
        + ": unknown severity '🟣 紫' (expected 🔴 高 / 🟡 中 / 🟢 低 or High / Medium / Low)");
  }

  @Test
  void duplicateShaIsReported() {
    int start = golden.indexOf("#### <a id=\"92b8bd6\"></a>");
    int end = golden.indexOf("---\n", start) + 4;
    String section = golden.substring(start, end);
    String text = golden.substring(0, end) + "\n" + section + golden.substring(end);
    int first = lineOf(golden, "#### <a id=\"92b8bd6\"></a>");
    assertThat(problems(text)).anyMatch(p -> p.contains("duplicate commit 92b8bd6 (also at line "
        + first + ")"));
  }

  @Test
  void editedSeverityWithoutTheCountsIsCaughtEverywhere() {
    // A person moves a commit from low to high but leaves the counts: check says where.
    String text = golden.replaceFirst("\\*\\*⚡ 重要程度\\*\\*：🟢 低", "**⚡ 重要程度**：🔴 高");
    List<String> problems = problems(text);
    assertThat(problems).anyMatch(p -> p.contains("is high but stands in the low group"));
  }

  @Test
  void statisticsThatDisagreeAreReported() {
    String text = golden.replace("> 本日共 13 个提交", "> 本日共 14 个提交");
    assertThat(problems(text)).containsExactly(FILE + ":" + lineOf(golden, "> 本日共 13 个提交")
        + ": statistics line says 14 commits but the section has 13");
  }

  @Test
  void tableRowWithoutSectionAndSectionWithoutRowAreReported() {
    String row = "| 2026-02-06 10:14:46 | amote-i | 🟢 低 | 文档更新"
        + " | [fix npu best practice (#18330)](#92b8bd6) |\n";
    String text = golden.replace(row, "");
    assertThat(problems(text)).contains(FILE + ":" + lineOf(text, "#### <a id=\"92b8bd6\"></a>")
        + ": commit 92b8bd6 has no row in the commit table");

    String extra = "| 2026-02-06 10:14:46 | x | 🟢 低 | 测试 | [\\[extra\\] `row` (#1)](#abcdef1) |\n";
    text = golden.replace(row, row + extra);
    assertThat(problems(text)).contains(FILE + ":" + lineOf(text, extra.strip())
        + ": table row '[extra] row (#1)' has no commit section");
  }

  @Test
  void textOutsideAnyCommitIsReportedBecauseItWouldBeLost() {
    String text = golden.replace("### 📋 目录", "A note someone typed here.\n\n### 📋 目录");
    assertThat(problems(text)).containsExactly(FILE + ":" + lineOf(text, "A note someone")
        + ": text outside any commit section is not kept: 'A note someone typed here.'");
  }

  @Test
  void headerDateThatIsNotADateIsReported() {
    String text = golden.replace("date=2026-02-06", "date=2026-02-30");
    assertThat(problems(text)).contains(
        FILE + ":2: header date '2026-02-30' is not a date (yyyy-MM-dd)");
  }

  @Test
  void commitOutsideTheDayIsReported() {
    String text = golden.replace("| 2026-02-06 16:54:33 |", "| 2026-02-07 16:54:33 |");
    assertThat(problems(text)).contains(FILE + ":" + lineOf(golden, "| 2026-02-06 16:54:33 |")
        + ": commit time 2026-02-07 16:54:33 is not on 2026-02-06 (Asia/Shanghai)");
  }
}
