package dev.daybook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTextTest {

  static Stream<String> hostile() {
    return Stream.of(
        "plain title (#18119)",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "a | b | c",
        "`code` and ``double``",
        "[click](javascript:alert(1))",
        "![img](data:text/html;base64,PHNjcmlwdD4=)",
        "*bold* _em_ __init__ test_frequency_penalty ~~strike~~",
        "&lt;not an entity&gt; &amp; &#60;",
        "# heading", "title ending with ##", "- list", "+ plus", "1. numbered", "2) numbered",
        "---", "===", "> quote",
        "line one\nline two\r\nline three",
        "tab\there and nul\u0000 and bell\u0007",
        "שלום עולם مرحبا",
        "\u202Eevil override\u202C and isolate \u2066x\u2069",
        "emoji 🚀🔥 and 中文标题",
        "back\\slash \\| \\*",
        "<https://example.com> http://example.com",
        "x".repeat(20_000));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void inlineTextReadsBackAsTheSameText(String text) {
    assertThat(MarkdownText.plain(MarkdownText.inline(text))).isEqualTo(MarkdownText.oneLine(text));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void inlineTextInATableCellStaysOneCellOfText(String text) {
    String table = "| a | b |\n|---|---|\n| " + MarkdownText.inline(text) + " | end |\n";
    Parser parser = Parser.builder().extensions(java.util.List.of(TablesExtension.create())).build();
    String html = HtmlRenderer.builder().extensions(java.util.List.of(TablesExtension.create()))
        .build().render(parser.parse(table));
    assertThat(html).doesNotContain("<script", "<img", "<a ", "<em>", "<strong>", "<del>",
        "<code>", "<h1", "<li>", "<blockquote>");
    // Two cells per row, header and body alike.
    assertThat(html.split("<td>", -1)).hasSize(3);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void codeSpanReadsBackAsTheSameText(String text) {
    assertThat(MarkdownText.plain(MarkdownText.code(text))).isEqualTo(MarkdownText.oneLine(text));
  }

  @Test
  void ordinaryTitlesStayReadable() {
    assertThat(MarkdownText.inline("Add Nemotron 3 Nano tests (#18119)"))
        .isEqualTo("Add Nemotron 3 Nano tests (#18119)");
    assertThat(MarkdownText.inline("Fix flaky test_frequency_penalty"))
        .isEqualTo("Fix flaky test_frequency_penalty");
    assertThat(MarkdownText.inline("[Kernel] Migrate")).isEqualTo("\\[Kernel\\] Migrate");
  }

  @Test
  void bidiControlsAreKeptAndClosedAtTheEndOfTheText() {
    assertThat(MarkdownText.oneLine("a\u202Eb\u2066c")).isEqualTo("a\u202Eb\u2066c\u2069\u202C");
    assertThat(MarkdownText.oneLine("שלום")).isEqualTo("שלום");
    // What a reader of the Markdown sees is the same balanced text.
    assertThat(MarkdownText.plain(MarkdownText.inline("\u202Eevil"))).isEqualTo("\u202Eevil\u202C");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "\\[diffusion\\] fix: a \\_b\\_ (#18221) | [diffusion] fix: a _b_ (#18221)",
      "a *b* c **d** | a b c d",
      "x &amp; y &#20013; | x & y 中",
      "<a id=\"3d68bd9\"></a>Add tests | Add tests",
      "[link](https://x.y) `a_b` | link a_b",
      "per_token_quant_fp8 kernel | per_token_quant_fp8 kernel",
      "  名字\u3000 | 名字"})
  void plainIsTheTextAReaderSees(String markdown, String plain) {
    assertThat(MarkdownText.plain(markdown.replace("\\u3000", "\u3000"))).isEqualTo(plain);
  }
}
