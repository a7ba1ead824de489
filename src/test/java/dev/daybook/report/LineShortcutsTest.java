package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.text.MarkdownText;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser's shortcuts decide as the regexes and the CommonMark parser they stand in front of:
 * the same line splitting, the same fences and headings, the same plain text.
 */
class LineShortcutsTest {

  @ParameterizedTest
  @ValueSource(strings = {"Fix typo", "\\[diffusion\\] fix: a \\_b\\_ (#18221)", "名字 \u3000",
      "张三", "a  b  ", "x & y", "x &amp; y", "a *b* c", "a_b_c", "1. item", "- item", "# title",
      "    indented", "\tx", "\\1 not punctuation", "ends with \\", "a\\ b", "[link](u)",
      "x <b>y</b>", "`code`", "\\`not code\\`", "a ~~b~~", "a!b", "\u0000x", "x\u2028y",
      "\\# not a heading", "\\- not a list", "a\\\\b", "Ünïcödé \\| pipe", "", "  ", "🔴 高",
      "\\\\", "x \\*y\\* ", "a\nb", "a\rb", "per_token_quant_fp8 kernel", "a_b", "_a", "a_",
      "a__b", "é_b", "a_é", "a\\__b", "1 of 2 files", "1. x", "12) y", "3.5x", "2020", "7",
      "1234567890. z", "1\tx", "a_*b*", "\u3000x", "\u2028x \u2028", "…x", "\u0085x",
      "🟡 中重要度变更 (17)", "📋 目录", "\uFEFFx", "\u00A0x", "é*x*", "\uD83D", "x\uDC00"})
  void plainTextIsWhatCommonMarkReads(String markdown) {
    assertThat(ReportParser.plain(markdown)).isEqualTo(MarkdownText.plain(markdown));
  }

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
