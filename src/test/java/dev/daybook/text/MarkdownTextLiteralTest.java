package dev.daybook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MarkdownText#plain} skips the parse for a {@link MarkdownText#literal literal} text;
 * this checks that it gives what the parse gives, on every line and table cell of the project's
 * Markdown and on random text made of markup characters.
 */
public class MarkdownTextLiteralTest {

  /** Pieces that make markup, or look as if they might. */
  private static final String[] PIECES = {
      "a", "Byron Hsu", " ", "  ", "    ", "\t", "\n", "\r", "\r\n", "\u0000", "\u00A0", "\u3000",
      "#", "##", ">", "-", "+", "*", "=", "_", "~", "`", "|", "!", "\\", "[", "]", "(", ")", "<",
      "&", "amp;", "&#60;", ".", "1", "12", "1234567890", "中文", "（+31 / −19）", "http://x.y/z",
      "a_b", "<a id=\"x\"></a>", "[t](#x)", "`c`", "**b**", ":", "\u2028", "\u202E", "😀"};

  /** Random strings of {@link #PIECES}, the same every run. */
  public static List<String> randomTexts(int count) {
    Random random = new Random(20261125);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int j = 0; j < n; j++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      texts.add(sb.toString());
    }
    return texts;
  }

  /** Each Markdown file of the project, whole, each of its lines and each table cell. */
  public static List<String> fixtureTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path root : List.of(Path.of("content"), Path.of("src/test/resources"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          texts.add(text);
          for (String line : text.split("\n")) {
            texts.add(line);
            if (line.startsWith("|")) {
              texts.addAll(List.of(line.split("(?<!\\\\)\\|")));
            }
          }
        }
      }
    }
    return texts;
  }

  @Test
  void literalTextsReadAsTheParserReadsThem() throws IOException {
    List<String> texts = new ArrayList<>(fixtureTexts());
    texts.addAll(randomTexts(50_000));
    int literal = 0;
    for (String text : texts) {
      if (MarkdownText.literal(text) != null) {
        literal++;
        assertThat(MarkdownText.plain(text)).as(text).isEqualTo(MarkdownText.parsed(text));
      }
    }
    assertThat(literal).isGreaterThan(5_000);
  }

  @Test
  void whatIsLiteral() {
    assertThat(List.of("Byron Hsu", "2024-12-30 21:45:41", "修改 2 个文件（+31 / −19）。",
        "fix! (#18119) a|b ~x~ 1+1=2 #3 x > y", "2024", "", "a \\* b", "\\[diffusion\\] fix",
        "per_token_quant_fp8")).allMatch(t -> MarkdownText.literal(t) != null);
    assertThat(List.of("1. x", "2) x", "# h", "> q", "- l", "+ l", "* l", "---", "===", "~~~",
        "```", "| a", " x", "    code", "\tx", "a\nb", "a\rb", "a *b*", "a _b_", "a `b`",
        "[a](b)", "a <b>", "a &amp; b", "a\\b", "ends with \\", "_a", "a_", "nul\u0000"))
        .allMatch(t -> MarkdownText.literal(t) == null);
    assertThat(MarkdownText.literal("\\[diffusion\\] a\\_b (#1)"))
        .isEqualTo("[diffusion] a_b (#1)");
  }

  /** Texts where a shortcut is easy to get wrong: each reads as the parser reads it. */
  @ParameterizedTest
  @ValueSource(strings = {"Fix typo", "\\[diffusion\\] fix: a \\_b\\_ (#18221)", "名字 \u3000",
      "张三", "a  b  ", "x & y", "x &amp; y", "a *b* c", "a_b_c", "1. item", "- item", "# title",
      "    indented", "\tx", "\\1 not punctuation", "ends with \\", "a\\ b", "[link](u)",
      "x <b>y</b>", "`code`", "\\`not code\\`", "a ~~b~~", "a!b", "\u0000x", "x\u2028y",
      "\\# not a heading", "\\- not a list", "a\\\\b", "Ünïcödé \\| pipe", "", "  ", "🔴 高",
      "\\\\", "x \\*y\\* ", "a\nb", "a\rb", "per_token_quant_fp8 kernel", "a_b", "_a", "a_",
      "a__b", "é_b", "a_é", "a\\__b", "1 of 2 files", "1. x", "12) y", "3.5x", "2020", "7",
      "1234567890. z", "1\tx", "a_*b*", "\u3000x", "\u2028x \u2028", "…x", "\u0085x",
      "🟡 中重要度变更 (17)", "📋 目录", "\uFEFFx", "\u00A0x", "é*x*", "\uD83D", "x\uDC00",
      "a\tb", "x\u000Cy", "(#18119) fix", "!x", "\"quoted\" x"})
  void trickyTextsReadAsTheParserReadsThem(String markdown) {
    assertThat(MarkdownText.plain(markdown)).isEqualTo(MarkdownText.parsed(markdown));
  }
}
