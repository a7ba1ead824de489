package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.text.MarkdownText;
import dev.daybook.text.MarkdownTextLiteralTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  /** Pieces of list items: literal text, code spans, and what makes them something else. */
  private static final String[] ITEM_PIECES = {"修改了代码但没有修改测试：", "a", "Byron Hsu", " ",
      "  ", "（+27 / −17）", "、", "`python/sglang/srt/a.py`", "`b c/d`", "`https://x/y`",
      "`x`", "`e/f.h`", "` x`", "`x `", "` `", "` b `", "` a/b.py `", "`", "``", "```", "\\", "\\[NPU\\]", "\\`",
      "_", "a_b", "per_token", "*", "**b**", "#", "1.", "2)", "-", "+", ">", "|", "<a>", "&amp;",
      "[t](#x)", "\t", "\u0000", "\r", "\u00A0", "~", "=", "→", "tag \\[NPU\\] → area"};

  /** Random bullet lists of {@link #ITEM_PIECES}, some not quite lists, the same every run. */
  static List<String> randomLists(int count) {
    Random random = new Random(20261125);
    String[] bullets = {"- ", "- ", "- ", "- ", "* ", "+ ", "  - ", "-", "", "1. "};
    List<String> lists = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      for (int lines = 1 + random.nextInt(5), l = 0; l < lines; l++) {
        if (l > 0) {
          sb.append('\n');
        }
        sb.append(bullets[random.nextInt(10) < 8 ? 0 : random.nextInt(bullets.length)]);
        for (int p = 1 + random.nextInt(6); p > 0; p--) {
          sb.append(ITEM_PIECES[random.nextInt(ITEM_PIECES.length)]);
        }
      }
      lists.add(random.nextInt(4) == 0 ? sb.append('\n').toString() : sb.toString());
    }
    return lists;
  }

  @Test
  void bulletListFastPathGivesWhatTheParseGives() throws IOException {
    List<String> texts = new ArrayList<>(randomLists(30_000));
    texts.addAll(MarkdownTextLiteralTest.fixtureTexts());
    texts.add("- `python/a.py`（+27 / −17）\n- 涉及源代码：`a/b.py`、`c/d.py`（+31 / −19）\n"
        + "- 标题标签：\\[NPU\\]\n- keyword \"support\" → feature");
    int fast = 0;
    for (String text : texts) {
      PlainText.WithPaths parsed = PlainText.withPathsParsed(text);
      assertThat(PlainText.withPaths(text)).as(text).isEqualTo(parsed);
      assertThat(PlainText.of(text)).as(text).isEqualTo(parsed.text());
      if (PlainText.bulletList(text, true) != null) {
        fast++;
      }
    }
    assertThat(fast).isGreaterThan(1_500);
    assertThat(PlainText.bulletList(texts.get(texts.size() - 1), true)).isNotNull();
  }

  @Test
  void pathsComeFromCodeSpans() {
    assertThat(PlainText.withPaths("- `python/a.py`（+1）\n- `b c/d` `https://x/y` `e/f.h`")
        .paths()).containsExactly("python/a.py", "e/f.h");
    assertThat(PlainText.withPaths("- `python/a.py`").text()).isEqualTo("python/a.py");
  }
}
