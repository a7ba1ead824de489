package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.ChangeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser's shortcuts decide as the regexes they stand in front of: the same line splitting,
 * the same fences and headings.
 */
class LineShortcutsTest {

  @Test
  void linesSplitLikeReplacingLineEndsThenSplitting() {
    for (String text : List.of("", "a", "a\n", "\n\n", "a\r\nb\rc\nd", "\r", "\r\n", "\uFEFFx\ny",
        "a\r\n\r\nb\n", "x\u2028y\n", "\uFEFF", "\n\uFEFF")) {
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      List<String> expected = List.of(body.replace("\r\n", "\n").replace('\r', '\n')
          .split("\n", -1));
      assertThat(Lines.split(text)).as("%s", text).isEqualTo(expected);
    }
  }

  @Test
  void headingsAndBreaksAreThoseTheRegexesFind() {
    Pattern heading = Pattern.compile("^ {0,3}#{1,6}[ \\t]");
    Pattern thematicBreak = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    Pattern atxHeading = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)\\s*$", Pattern.DOTALL);
    for (String line : List.of("```", "```java", "~~~~", "   ```", "    ```", "``", "`~~", "",
        "#", "# x", "   ## y", "    # z", " \t# x", "####### x", "-", "***", "   ---", "    ---",
        "_ _ _", "x ---", "  ~~~ x ```")) {
      // The shortcuts may pass more lines than the regexes match, never fewer.
      if (heading.matcher(line).find()) {
        assertThat(Lines.mayBeHeading(line)).as("%s", line).isTrue();
      }
      if (thematicBreak.matcher(line).matches()) {
        assertThat(Lines.mayBeBreak(line)).as("%s", line).isTrue();
      }
    }
    for (String line : List.of("# x", "#x", "####### x", "###### x", "   # x  ", "    # x",
        "#\tx\t", "# ", "#", "# #", "## x ##", "# x\u2028", "# x \u2028", "# \u2028", "# x\u2028 ",
        "# x\u2028\u2028", "# x\u0085", "# x\u2029", "# x\u000B", "# x\f ", "#  \t ", " ## a b ",
        "# 中文 标题　", "#\u00A0x")) {
      var m = atxHeading.matcher(line);
      Lines.Heading h = Lines.heading(line);
      if (m.matches()) {
        assertThat(h).as("%s", line)
            .isEqualTo(new Lines.Heading(m.group(1).length(), m.group(2)));
      } else {
        assertThat(h).as("%s", line).isNull();
      }
    }
    assertThat(Lines.mayBeBreak("- item")).isFalse();
    assertThat(Lines.mayBeBreak("* * *")).isTrue();
    assertThat(Lines.mayBeHeading("text")).isFalse();
    assertThat(Lines.unquote(">  x", true)).isEqualTo("x");
    assertThat(Lines.unquote(">  x", false)).isEqualTo(" x");
    assertThat(Lines.unquote(">", true)).isEmpty();
  }

  /** Every line of the shipped reports and some made to trip a hand-written matcher. */
  static List<String> sampleLines() throws Exception {
    List<String> lines = new ArrayList<>(List.of("**", "****", "**a**", "**a**b", "**a** ",
        "**a**：", "**a**:x", "**a** ： x  ", "**a**\t:\tx\t", ">**a**：x", ">  **a**", "> **a** b",
        "**a***：x", "**a*b**：x", "** a **：x", "**" + "x".repeat(40) + "**",
        "**" + "x".repeat(41) + "**", "**" + "🎯".repeat(40) + "**", "**" + "🎯".repeat(41) + "**",
        "**a**：x\u2028", "**a**：\u00A0x\u3000", "**a\nb**：c\n", "**a**\n", ">", "> ", ">>**a**",
        "**SHA**：`abc1234`", "**🎯 变更类型**：功能增强  ", "> **📌 结论**：好", "**a**:", "**a** x:"));
    try (Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        lines.addAll(Lines.split(Files.readString(f)));
      }
    }
    return lines;
  }

  @Test
  void boldLabelsAreThoseTheRegexReads() throws Exception {
    Pattern bold = Pattern.compile(
        "^(>\\s*)?\\*\\*([^*]{1,40}?)\\*\\*\\s*(?:[：:]\\s*(.*?))?\\s*$", Pattern.DOTALL);
    int labels = 0;
    for (String line : sampleLines()) {
      Matcher m = bold.matcher(line);
      Labels.Bold expected = m.matches()
          ? new Labels.Bold(m.group(1) != null, m.group(2), m.group(3)) : null;
      assertThat(Labels.bold(line)).as("%s", line).isEqualTo(expected);
      labels += expected != null ? 1 : 0;
    }
    assertThat(labels).isGreaterThan(100);
  }

  @Test
  void theFirstNonWhitespaceCharacterIsWhereStripKeepsTheText() throws Exception {
    List<String> lines = new ArrayList<>(sampleLines());
    lines.addAll(List.of("", " ", " \t x ", "\u3000> x", "\u00A0> x", "\u2028x", "\n\r\f>"));
    for (String line : lines) {
      assertThat(line.substring(Lines.firstNonWhitespace(line))).as("%s", line)
          .isEqualTo(line.stripLeading());
    }
  }

  @Test
  void commitTimesAreThoseTheFormatterReads() {
    List<String> times = new ArrayList<>(List.of("2024-12-30 21:45:41", "0001-01-01 00:00:00",
        "0000-01-01 00:00:00", "9999-12-31 23:59:59", "2023-02-29 10:00:00",
        "2024-02-29 10:00:00", "2024-02-30 10:00:00", "2024-04-31 10:00:00", "2024-04-32 10:00:00",
        "2024-13-01 10:00:00", "2024-00-01 10:00:00", "2024-01-00 10:00:00", "2024-01-01 24:00:00",
        "2024-01-01 23:60:00", "2024-01-01 23:59:60", "2024-01-01T23:59:59", "2024-1-01 10:00:00",
        "2024-01-01 10:00:0", "2024-01-01 10:00:001", "+2024-01-01 10:00:00", "２０24-01-01 10:00:00",
        "2024-01-01 10:00:0x", "-024-01-01 10:00:00", " 2024-01-01 10:00:00", "", "20241-01-01 10:00:00"));
    for (int m = 1; m <= 12; m++) {
      for (int d = 27; d <= 31; d++) {
        times.add(String.format("2100-%02d-%02d 07:08:09", m, d));
      }
    }
    for (String t : times) {
      Object expected;
      try {
        expected = LocalDateTime.parse(t, ReportWriter.TIME);
      } catch (DateTimeParseException e) {
        expected = "fails";
      }
      Object actual;
      try {
        actual = ReportParser.time(t);
      } catch (DateTimeParseException e) {
        actual = "fails";
      }
      assertThat(actual).as("%s", t).isEqualTo(expected);
    }
  }

  /** The SHA line as the regexes the parser used read it. */
  private static ReportParser.ShaLine shaLineByRegex(String line) {
    Matcher sha = Pattern.compile("^\\*\\*SHA\\*\\*\\s*[：:]\\s*`([0-9a-f]{7,40})`(.*)$",
        Pattern.DOTALL).matcher(line);
    if (!sha.matches()) {
      return null;
    }
    Matcher link = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)").matcher(sha.group(2));
    if (!link.find()) {
      return new ReportParser.ShaLine(sha.group(1), null);
    }
    String full = Pattern.compile("^.*/").matcher(link.group(1)).replaceAll("");
    return new ReportParser.ShaLine(full.matches("[0-9a-f]{40}") && full.startsWith(sha.group(1))
        ? full : sha.group(1), link.group(1));
  }

  @Test
  void shaLinesAreThoseTheRegexesRead() throws Exception {
    String full = "312dac5b05d9aaf88c5d64d1d524080f676356f2";
    String url = "https://github.com/o/r/commit/" + full;
    List<String> lines = new ArrayList<>(sampleLines());
    for (String sha : List.of("312dac5", "312dac", full, full + "0", "312DAC5", "312dac5b0")) {
      for (String rest : List.of("", " | 🔗 [查看提交](" + url + ")", "[x](" + url + ")",
          "](http://h/" + full + ")", "](ftp://h/x) [y](https://h/" + full + ")", "](https://)",
          "](https://a b)", "](https://a", "](https://a/b\u2028c/" + full + ")",
          "](https://a/" + full + "/)", "](https://a/" + full.substring(1) + ")",
          "]](https://x/y)", "] (https://x/y)", "](httpx://y) ](http://z/" + sha + ")")) {
        for (String head : List.of("**SHA**: `", "**SHA**：`", "**SHA** \t：\t`", "**SHA**`",
            "**SHA**: ` ", "**sha**: `")) {
          lines.add(head + sha + "`" + rest);
          lines.add(head + sha + rest);
        }
      }
    }
    int found = 0;
    for (String line : lines) {
      String stripped = line.strip();
      ReportParser.ShaLine expected = shaLineByRegex(stripped);
      assertThat(ReportParser.shaLine(stripped)).as("%s", stripped).isEqualTo(expected);
      found += expected != null && expected.url() != null ? 1 : 0;
    }
    assertThat(found).isGreaterThan(100);
  }

  @Test
  void listMarksAreThoseTheRegexRemoves() throws Exception {
    List<String> items = new ArrayList<>(sampleLines());
    items.addAll(List.of("", "-", "- ", "-x", "- x", "-\tx", "* x", "+ x", "--- x", "-  \t x",
        "-\u3000x", "-\u00A0x", "1. x", "• x", "-\nx", "- \u2028x"));
    for (String item : items) {
      String stripped = item.strip();
      assertThat(ReportParser.unlisted(stripped)).as("%s", stripped)
          .isEqualTo(Pattern.compile("^[-*+]\\s+").matcher(stripped).replaceFirst(""));
    }
  }

  @Test
  void typeLabelsReadTheSameTheFirstTimeAndAfter() {
    for (String label : List.of("", "功能增强", "Bug 修复 / 测试", "Bug修复 / 兼容性增强", "Feature",
        "Bug fix / Tests", "功能增强 / 性能优化（将 … 迁移到 JIT）", "未知", "CI", "Documentation")) {
      List<ChangeType> types = Labels.types(label);
      boolean standard = label.isEmpty() || Vocabulary.all().stream()
          .anyMatch(v -> v.typeLabel(types).equals(label));
      Labels.TypeLabel expected = new Labels.TypeLabel(types, standard);
      assertThat(Labels.typeLabel(label)).as("%s", label).isEqualTo(expected);
      assertThat(Labels.typeLabel(label)).as("%s", label).isEqualTo(expected);
    }
    assertThat(Labels.typeLabel("功能增强").standard()).isTrue();
    assertThat(Labels.typeLabel("Bug修复 / 兼容性增强").standard()).isFalse();
  }

  /** Table cells as the parser cut them before, appending character by character. */
  private static List<String> cellsByAppending(String row) {
    String r = row.strip();
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|") && !r.endsWith("\\|")) {
      r = r.substring(0, r.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '\\' && i + 1 < r.length()) {
        cell.append(c).append(r.charAt(++i));
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }

  @Test
  void tableCellsAreCutAsBefore() throws Exception {
    List<String> rows = new ArrayList<>();
    for (String line : sampleLines()) {
      if (line.strip().startsWith("|")) {
        rows.add(line.strip());
      }
    }
    assertThat(rows).hasSizeGreaterThan(50);
    rows.addAll(List.of("|", "||", "|||", "| a |", "| a \\| b |", "| a | b \\|", "| a | b \\\\|",
        "|\\|", "| a\\", "| a | b\\", "a | b", "| 中文 | x |  ", "|\\\\| a |", "| \\", "\\|"));
    for (String row : rows) {
      assertThat(ReportParser.cells(row)).as("%s", row).isEqualTo(cellsByAppending(row));
    }
  }

  @Test
  void cleanDropsBlankAndSeparatorLinesAtTheEnds() {
    assertThat(ReportParser.clean(null)).isEmpty();
    assertThat(clean("\n \n")).isEmpty();
    assertThat(clean("---")).isEmpty();
    assertThat(clean("\n  one  \n\n")).isEqualTo("one");
    assertThat(clean("\n  a\nb  \n---\n\n")).isEqualTo("  a\nb");
    assertThat(clean("a\n\n* * *\n")).isEqualTo("a");
    assertThat(clean("---\na")).isEqualTo("---\na");
  }

  private static String clean(String text) {
    return ReportParser.clean(new StringBuilder(text));
  }

  /** What clean did before it worked on offsets: copying, stripping and cutting Strings. */
  private static String cleanByStrings(String s) {
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && (lines.get(lines.size() - 1).isBlank()
        || thematicBreak(lines.get(lines.size() - 1)))) {
      lines.remove(lines.size() - 1);
    }
    String kept = String.join("\n", lines).stripTrailing();
    return kept.indexOf('\n') < 0 ? kept.strip() : kept;
  }

  private static boolean thematicBreak(String line) {
    return Pattern.matches("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$", line);
  }

  @Test
  void cleanKeepsWhatCuttingStringsKept() {
    List<String> parts = List.of("", " ", "\n", "\n", "---", " * * *", "a", "中 文", "\u3000",
        "\t", "x y", "_ _ _", "-", "\u00A0", "🎯", "\u2028");
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(8); k > 0; k--) {
        text.append(parts.get(random.nextInt(parts.size())));
      }
      assertThat(ReportParser.clean(new StringBuilder(text))).as("%s", text)
          .isEqualTo(cleanByStrings(text.toString()));
    }
  }
}
