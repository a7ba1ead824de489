package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.text.MarkdownText;
import dev.daybook.text.MarkdownTextLiteralTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainText#of} skips the parse for a {@link MarkdownText#literal literal} text, and
 * {@link PlainText#withPaths} reads text and paths from one parse: both give what the parse gives,
 * on the project's Markdown and on random markup.
 */
class PlainTextLiteralTest {

  @Test
  void fastPathsGiveWhatTheParseGives() throws IOException {
    List<String> texts = new ArrayList<>(MarkdownTextLiteralTest.fixtureTexts());
    texts.addAll(MarkdownTextLiteralTest.randomTexts(50_000));
    int literal = 0;
    for (String text : texts) {
      String parsed = PlainText.parsed(text);
      assertThat(PlainText.of(text)).as(text).isEqualTo(parsed);
      assertThat(PlainText.withPaths(text).text()).as(text).isEqualTo(parsed);
      if (MarkdownText.literal(text) != null) {
        literal++;
        assertThat(PlainText.withPaths(text).paths()).as(text).isEmpty();
      }
    }
    assertThat(literal).isGreaterThan(5_000);
  }

  @Test
  void pathsComeFromCodeSpans() {
    assertThat(PlainText.withPaths("- `python/a.py`（+1）\n- `b c/d` `https://x/y` `e/f.h`")
        .paths()).containsExactly("python/a.py", "e/f.h");
    assertThat(PlainText.withPaths("- `python/a.py`").text()).isEqualTo("python/a.py");
  }
}
