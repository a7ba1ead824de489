package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.bench.ArchiveSynthesizer;
import dev.daybook.model.Language;
import dev.daybook.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DirectHtml} must make what commonmark-java makes ({@link ReportHtml#commonmark}), byte
 * for byte, or give up; and it must not give up on what Daybook writes, or it saves nothing.
 */
class DirectHtmlTest {

  private final ReportHtml html = new ReportHtml();
  private final DirectHtml direct = new DirectHtml(new ReportHtml.SafeUrls());

  /** The Markdown body JBake hands its engine: what follows the header's closing line. */
  static String body(String file) {
    int end = file.indexOf("\n~~~~~~\n");
    return end < 0 ? file : file.substring(end + "\n~~~~~~\n".length());
  }

  // The reference report, written by another tool before Daybook, has loose ordered lists with
  // nested bullet lists: commonmark renders those.
  private static final Pattern ORDERED_ITEM = Pattern.compile("(?m)^\\d+\\. ");

  /** Checks a report: rendered directly unless it has an ordered list; else by commonmark. */
  private boolean assertReport(Path report) throws IOException {
    String markdown = body(Files.readString(report, StandardCharsets.UTF_8));
    if (ORDERED_ITEM.matcher(markdown).find()) {
      assertThat(html.render(markdown)).isEqualTo(html.commonmark(markdown));
      return false;
    }
    assertDirect(markdown, report.toString());
    return true;
  }

  private void assertDirect(String markdown, String where) {
    String made = direct.render(markdown);
    assertThat(made).as("%s is rendered directly", where).isNotNull();
    assertThat(made).as("%s as commonmark renders it", where)
        .isEqualTo(html.commonmark(markdown));
  }

  /** Either gives up or makes commonmark's bytes; returns whether it rendered. */
  private boolean agrees(String markdown) {
    String made = direct.render(markdown);
    if (made != null) {
      assertThat(made).as("the direct HTML of:\n%s", markdown)
          .isEqualTo(html.commonmark(markdown));
    }
    return made != null;
  }

  private static List<Path> markdownFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
  }

  @Test
  void theShippedReportsAreRenderedDirectlyToCommonmarksBytes() throws IOException {
    List<Path> reports = markdownFiles(Path.of("content", "reports"));
    assertThat(reports).hasSizeGreaterThanOrEqualTo(7);
    int direct = 0;
    for (Path report : reports) {
      direct += assertReport(report) ? 1 : 0;
    }
    assertThat(direct).isGreaterThanOrEqualTo(reports.size() - 1);
  }

  @Test
  void theShippedPagesAgreeWithCommonmark() throws IOException {
    for (Path page : markdownFiles(Path.of("content"))) {
      String markdown = body(Files.readString(page, StandardCharsets.UTF_8));
      assertThat(html.render(markdown)).as(page.toString()).isEqualTo(html.commonmark(markdown));
    }
  }

  @Test
  void aSynthesizedArchiveIsRenderedDirectlyToCommonmarksBytes(@TempDir Path dir)
      throws IOException {
    new ArchiveSynthesizer(Path.of("content")).synthesize(dir, 21);
    List<Path> reports = markdownFiles(dir.resolve("reports"));
    assertThat(reports).hasSize(21);
    int direct = 0;
    for (Path report : reports) {
      direct += assertReport(report) ? 1 : 0;
    }
    assertThat(direct).isGreaterThanOrEqualTo(18); // 3 weeks, one reference day each
  }

  @Test
  void hostileCommitsAsDaybookWritesThemAreRenderedDirectlyToCommonmarksBytes() {
    for (Language language : Language.values()) {
      String written = new ReportWriter(language).write(HostileContentTest.writtenReport());
      assertDirect(body(written), "the hostile report in " + language);
    }
  }

  @Test
  void handWrittenHtmlAndLinksAreLeftToCommonmark() {
    String markdown = body(HostileContentTest.HAND_WRITTEN);
    assertThat(direct.render(markdown)).isNull();
    assertThat(html.render(markdown)).isEqualTo(html.commonmark(markdown))
        .doesNotContain("<script", "href=\"javascript:");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "# Title\n\n## owner/repo\n",
      "#### <a id=\"abc1234\"></a>\\[diffusion\\] fix: a_b_c (#1)\n",
      "### <a id=\"x\"></a> **bold** after the anchor\n",
      "**SHA**: `8eb61a4` | 🔗 [查看提交](https://github.com/o/r/commit/8eb61a4)\n",
      "**🎯 变更类型**：性能优化  \n**⚡ 重要程度**：🔴 高\n",
      "line one\nline two  \nline three\n",
      "> 本日共 30 个提交 | 🔴 高 1 | 🟡 中 17\n",
      "- [🔴 高 (1)](#s-high)\n  - [\\[x\\] y...](#8eb61a4)\n  - [b](#b)\n- [c](#c)\n\ntext\n",
      "| a | b |\n|---|---|\n| `x\\|y` | [t \\| u](#v) |\n| 1 | 2 |\n",
      "| a | b |\n|---|---|\n",
      "a ** b ** c and 2 * 3 and snake_case and _ alone\n",
      "**a **b** c**\n",
      "**unclosed and closed** **\n",
      "``code with ` tick`` and ` spaced ` and `` ` `` and ``` lone\n",
      "a [link](https://e.com/a\\_b?x=1) [js](javascript:alert%281%29) [](#empty)\n",
      "\\<script\\> \\& \\` \\* \\_ \\[ \\] \\# quotes \" and ' and > and ~tilde~\n",
      "trailing backslash \\\n",
      "---\n\n---\n",
      "text with \\\\ and \\a and a lone ! and !\\[x\\]\n",
      "trailing blanks are dropped  \n",
      "- item with a hard break at its end  \n- next\n",
      "| **a**<br>- b<br/>c<br />d | < 5 ms, a <中 |\n|---|---|\n",
  })
  void theSubsetIsRenderedDirectlyToCommonmarksBytes(String markdown) {
    assertDirect(markdown, markdown);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a &amp; b\n", "<b>raw</b>\n", "*em*\n", "_em_\n", "***x***\n", "![img](x.png)\n",
      "[ref]: https://e.com\n", "[ref][x]\n", "[x]\n", "a\n- b\n", "- a\n\n- b\n", "> a\nb\n",
      "a\n---\n", "a\n===\n", "    code\n", "```\ncode\n```\n", "1. one\n", "a  \\\nb\n",
      "a\tb\n", "a\r\nb\n", "| a | b |\n|:--|---|\n", "| a | b |\n|---|\n", "a | b\n:-|-\n",
      "- a\n  b\n", "- a\n    - b\n", "<a id=\"x\"></a>\n", "# closed #\n", "[a](b \"t\")\n",
      "[a](<b>)\n", "[a [b]](c)\n", "`a\nb`\n", " lead\n", "<br >\n", "a <b>\n",
      "a <http://e.com>\n", "a <x@e.com>\n", "a <!-- c -->\n",
      // After a hard break, commonmark-java breaks hard again at a line that does not end in text.
      "a  \nb]\nc\n", "a  \n`b`\nc\n", "a  \n**b**\nc\n", "a  \n[b](#c)\nd\n",
      "a  \nb\\.\nc\n",
      // A delimiter row without a column makes no table.
      "|\n|\n", "|\n|\n|\n",
      // DEL and the C1 controls end a link destination.
      "[a](b\u007fc)\n", "[a](b\u0085c)\n",
  })
  void anythingElseIsLeftToCommonmark(String markdown) {
    assertThat(direct.render(markdown)).as(markdown).isNull();
    assertThat(html.render(markdown)).isEqualTo(html.commonmark(markdown));
  }

  // ---- random documents: wherever the direct path renders, it renders commonmark's bytes ----

  private static final String[] PIECES = {
      "a", "b", "z", "中文", "🚀", "⚡", "：", "，", " ", " ", "  ", "1", "42", ".", ")", "(",
      "*", "**", "***", "_", "__", "a_b", "`", "``", "`x`", "\\", "\\*", "\\[", "\\]", "\\`",
      "\\|", "\\\\", "[", "]", "[t](#a)", "[**s**](https://e.com/p?q=1)", "![", "!", "<", ">",
      "&", "\"", "'", "|", "#", "-", "+", "=", "~", ":", "(#18119)", "<br>", "<br />", "< ",
      "<a", "&amp;", "<br/>", "](#a)", "`]`", "\u00a0", "\u3000", "\u007f", "\u0085",
  };

  private static String inline(Random random, int max) {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return out.toString();
  }

  private static String block(Random random) {
    String text = inline(random, 8);
    return switch (random.nextInt(9)) {
      case 0 -> "#".repeat(1 + random.nextInt(6)) + " " + text;
      case 1 -> "#### <a id=\"a" + random.nextInt(9) + "\"></a>" + text;
      case 2 -> "> " + text;
      case 3 -> {
        List<String> items = new ArrayList<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
          items.add((random.nextInt(3) == 0 ? "  - " : "- ") + inline(random, 6));
        }
        yield String.join("\n", items);
      }
      case 4 -> {
        List<String> rows = new ArrayList<>(random.nextInt(20) == 0 ? List.of("|", "|")
            : List.of("| h | " + inline(random, 3) + " |",
                random.nextInt(6) == 0 ? "|---|" : "|---|---|"));
        for (int i = random.nextInt(3); i > 0; i--) {
          rows.add("| " + inline(random, 4) + " | " + inline(random, 4) + " |");
        }
        yield String.join("\n", rows);
      }
      case 5 -> "---";
      case 6 -> {
        // Lines of a paragraph, some ending in a hard break.
        StringBuilder lines = new StringBuilder(text);
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
          lines.append(random.nextBoolean() ? "  \n" : "\n").append(inline(random, 8));
        }
        yield lines.toString();
      }
      default -> text;
    };
  }

  @Test
  void randomDocumentsAreRenderedDirectlyOnlyAsCommonmarkRendersThem() {
    Random random = new Random(20261125);
    int rendered = 0;
    int documents = 20_000;
    for (int d = 0; d < documents; d++) {
      StringBuilder doc = new StringBuilder();
      for (int b = random.nextInt(4); b >= 0; b--) {
        doc.append(block(random)).append(random.nextInt(5) == 0 ? "\n" : "\n\n");
      }
      if (agrees(doc.toString())) {
        rendered++;
      }
    }
    // Both paths are exercised: the direct one often enough to be tested, not always.
    assertThat(rendered).isBetween(documents / 10, documents * 9 / 10);
  }
}
