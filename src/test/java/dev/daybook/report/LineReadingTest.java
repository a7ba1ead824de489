package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.ChangeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the parser reads single lines: labels, SHA lines, table rows, list marks, fields. */
class LineReadingTest {

  @Test
  void boldLabelsGiveTheirWordAndTheValueAfterTheColon() {
    assertThat(Labels.bold("**🎯 变更类型**：功能增强  "))
        .isEqualTo(new Labels.Bold(false, "🎯 变更类型", "功能增强"));
    assertThat(Labels.bold("> **📌 结论**: fine")).isEqualTo(new Labels.Bold(true, "📌 结论", "fine"));
    assertThat(Labels.bold("**📋 变更摘要**")).isEqualTo(new Labels.Bold(false, "📋 变更摘要", null));
    assertThat(Labels.bold("**a** b")).isNull(); // text after the bold word, no colon
    assertThat(Labels.bold("**" + "x".repeat(41) + "**")).isNull();
    assertThat(Labels.match("### 📋 变更摘要").orElseThrow().field()).isEqualTo(Field.SUMMARY);
    assertThat(Labels.match("**SHA**：`abc1234`")).isEmpty();
  }

  @Test
  void aShaLineGivesTheFullShaWhenItsLinkNamesIt() {
    String full = "312dac5b05d9aaf88c5d64d1d524080f676356f2";
    String url = "https://github.com/o/r/commit/" + full;
    assertThat(ReportParser.shaLine("**SHA**: `312dac5` | 🔗 [查看提交](" + url + ")"))
        .isEqualTo(new ReportParser.ShaLine(full, url));
    assertThat(ReportParser.shaLine("**SHA**：`312dac5`"))
        .isEqualTo(new ReportParser.ShaLine("312dac5", null));
    // A link to another commit keeps the SHA shown.
    assertThat(ReportParser.shaLine("**SHA**: `312dac5` [x](https://h/" + "0".repeat(40) + ")"))
        .isEqualTo(new ReportParser.ShaLine("312dac5", "https://h/" + "0".repeat(40)));
    assertThat(ReportParser.shaLine("**SHA**: `312DAC5`")).isNull();
    assertThat(ReportParser.shaLine("**SHA**: `312da`")).isNull();
  }

  @Test
  void listMarksAreRemovedWithTheSpaceAfterThem() {
    assertThat(ReportParser.unlisted("- x")).isEqualTo("x");
    assertThat(ReportParser.unlisted("*\tx")).isEqualTo("x");
    assertThat(ReportParser.unlisted("-x")).isEqualTo("-x");
    assertThat(ReportParser.unlisted("1. x")).isEqualTo("1. x");
  }

  @Test
  void typeLabelsAreStandardWhenTheyAreTheLocalizedNamesOfTheirTypes() {
    assertThat(Labels.typeLabel("功能增强"))
        .isEqualTo(new Labels.TypeLabel(List.of(ChangeType.FEATURE), true));
    assertThat(Labels.typeLabel("Bug fix / Tests").types())
        .containsExactly(ChangeType.BUGFIX, ChangeType.TEST);
    assertThat(Labels.typeLabel("Bug修复 / 兼容性增强").standard()).isFalse();
    assertThat(Labels.typeLabel("").standard()).isTrue();
    assertThat(Labels.typeLabel("未知").types()).isEmpty();
  }

  @Test
  void tableCellsRunToTheNextUnescapedBar() {
    assertThat(ReportParser.cells("| a | b \\| c | d |")).containsExactly("a", "b \\| c", "d");
    assertThat(ReportParser.cells("a | b")).containsExactly("a", "b");
    assertThat(ReportParser.cells("| a | b \\|")).containsExactly("a", "b \\|");
    assertThat(ReportParser.cells("|")).containsExactly("");
    assertThat(ReportParser.cells("| 中文 | x |  ")).containsExactly("中文", "x");
  }

  @Test
  void cleanDropsBlankAndSeparatorLinesAtTheEnds() {
    assertThat(ReportParser.clean(null)).isEmpty();
    assertThat(clean("\n \n")).isEmpty();
    assertThat(clean("---")).isEmpty();
    assertThat(clean("\n  one  \n\n")).isEqualTo("one");
    assertThat(clean("\n  a\nb  \n---\n\n")).isEqualTo("  a\nb");
    assertThat(clean("a\n\n* * *\n")).isEqualTo("a");
    assertThat(clean("---\na")).isEqualTo("---\na");
  }

  private static String clean(String text) {
    return ReportParser.clean(new StringBuilder(text));
  }
}
