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

/**
 * {@link MarkdownText#plain} skips the parse for a {@link MarkdownText#isLiteral literal} text;
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
      if (MarkdownText.isLiteral(text)) {
        literal++;
        assertThat(MarkdownText.plain(text)).as(text).isEqualTo(MarkdownText.parsed(text));
      }
    }
    assertThat(literal).isGreaterThan(5_000);
  }

  @Test
  void whatIsLiteral() {
    assertThat(List.of("Byron Hsu", "2024-12-30 21:45:41", "修改 2 个文件（+31 / −19）。",
        "fix! (#18119) a|b ~x~ 1+1=2 #3 x > y", "2024", "")).allMatch(MarkdownText::isLiteral);
    assertThat(List.of("1. x", "2) x", "# h", "> q", "- l", "+ l", "* l", "---", "===", "~~~",
        "```", "| a", " x", "    code", "\tx", "a\nb", "a\rb", "a *b*", "a _b_", "a `b`",
        "[a](b)", "a <b>", "a &amp; b", "a \\* b", "nul\u0000")).noneMatch(MarkdownText::isLiteral);
  }
}
