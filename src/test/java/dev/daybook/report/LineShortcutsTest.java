package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parser's shortcuts decide as the regexes they stand in front of: the same line splitting,
 * the same fences and headings. (Its plain text: {@code MarkdownTextLiteralTest}.)
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
  void fencesAndHeadingsAreThoseTheRegexesFind() {
    Pattern fence = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    Pattern heading = Pattern.compile("^ {0,3}#{1,6}[ \\t]");
    Pattern thematicBreak = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    Pattern atxHeading = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)\\s*$", Pattern.DOTALL);
    for (String line : List.of("```", "```java", "~~~~", "   ```", "    ```", "``", "`~~", "",
        "#", "# x", "   ## y", "    # z", " \t# x", "####### x", "-", "***", "   ---", "    ---",
        "_ _ _", "x ---", "  ~~~ x ```")) {
      var m = fence.matcher(line);
      assertThat(Lines.fenceOf(line)).as("%s", line).isEqualTo(m.find() ? m.group(1) : null);
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

  @Test
  void cleanDropsBlankAndSeparatorLinesAtTheEnds() {
    assertThat(ReportParser.clean(null)).isEmpty();
    assertThat(ReportParser.clean("\n \n")).isEmpty();
    assertThat(ReportParser.clean("---")).isEmpty();
    assertThat(ReportParser.clean("\n  one  \n\n")).isEqualTo("one");
    assertThat(ReportParser.clean("\n  a\nb  \n---\n\n")).isEqualTo("  a\nb");
    assertThat(ReportParser.clean("a\n\n* * *\n")).isEqualTo("a");
    assertThat(ReportParser.clean("---\na")).isEqualTo("---\na");
  }
}
