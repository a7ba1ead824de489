package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text of a report's prose that the index and the snippets see. */
class PlainTextTest {

  @Test
  void pathsComeFromCodeSpans() {
    assertThat(PlainText.texts("- `python/a.py`（+1）\n- `b c/d` `https://x/y` `e/f.h`")
        .paths()).containsExactly("python/a.py", "b c/d", "e/f.h");
    // A path may hold blanks; arithmetic, calls and commands with options are no paths.
    assertThat(PlainText.texts("- `docs/my notes.md`（+1）、`文档/使用 说明.md`\n"
        + "- `x = a / b` `f(a, b)/2` `a /b` `run --cfg=a/b` `a\tb/c`").paths())
        .containsExactly("docs/my notes.md", "文档/使用 说明.md");
    assertThat(PlainText.texts("- `python/a.py`").text()).isEqualTo("python/a.py");
  }

  /**
   * Results show a path as its folder and file, the rest as it is; the index keeps the whole
   * path, which a path: filter and the report's page have whole.
   */
  @Test
  void theShownTextWritesAPathAsItsFolderAndFile() {
    PlainText.Texts t = PlainText.texts("- `python/sglang/srt/mem_cache/radix_cache.py`（+3 / −1）"
        + "\n- `docs/`、`README.md`、`a/b.py` and `x = a / b`: see `python/sglang/srt/`");
    assertThat(t.text()).isEqualTo("python/sglang/srt/mem_cache/radix_cache.py（+3 / −1） docs/、"
        + "README.md、a/b.py and x = a / b: see python/sglang/srt/");
    assertThat(t.shown()).isEqualTo("mem_cache/radix_cache.py（+3 / −1） docs、README.md、a/b.py"
        + " and x = a / b: see sglang/srt");
    assertThat(t.paths()).containsExactly("python/sglang/srt/mem_cache/radix_cache.py", "docs/",
        "a/b.py", "python/sglang/srt/");
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
