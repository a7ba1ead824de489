package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text of a report's prose that the index and the snippets see. */
class PlainTextTest {

  @Test
  void pathsComeFromCodeSpans() {
    assertThat(PlainText.withPaths("- `python/a.py`（+1）\n- `b c/d` `https://x/y` `e/f.h`")
        .paths()).containsExactly("python/a.py", "b c/d", "e/f.h");
    // A path may hold blanks; arithmetic, calls and commands with options are no paths.
    assertThat(PlainText.withPaths("- `docs/my notes.md`（+1）、`文档/使用 说明.md`\n"
        + "- `x = a / b` `f(a, b)/2` `a /b` `run --cfg=a/b` `a\tb/c`").paths())
        .containsExactly("docs/my notes.md", "文档/使用 说明.md");
    assertThat(PlainText.withPaths("- `python/a.py`").text()).isEqualTo("python/a.py");
  }

  @Test
  void markupGoesTextAndCodeStay() {
    assertThat(PlainText.of("**Bold** and _em_ \\[x\\] `a_b` [link](https://x.y) &amp;"))
        .isEqualTo("Bold and em [x] a_b link &");
    assertThat(PlainText.of("- one\n- two\n\n> quoted")).isEqualTo("one two quoted");
  }

  @Test
  void tableCellsAndBreaksSeparateWords() {
    assertThat(PlainText.of("| 维度 | 影响 |\n|---|---|\n| 架构<br>a | b<br/>c |"))
        .isEqualTo("维度 影响 架构 a b c");
    assertThat(PlainText.of("<a id=\"3d68bd9\"></a>line one  \nline two"))
        .isEqualTo("line one line two");
  }
}
