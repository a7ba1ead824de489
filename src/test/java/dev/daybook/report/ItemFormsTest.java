package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.Dimension;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Language;
import dev.daybook.model.Point;
import dev.daybook.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How insights, risks and recommendations are written and read back. */
class ItemFormsTest {

  private final ItemForms zh = ItemForms.of(Language.ZH);
  private final ItemForms en = ItemForms.of(Language.EN);

  @Test
  void insightsUnderDimensionsAreTheReferenceTable() {
    Items<Insight> items = Items.of(List.of(
        new Insight(Dimension.ARCHITECTURE, "新增 `utils.py`<br>- 可复用"),
        new Insight(Dimension.DEPLOYMENT, "首次编译有延时 a \\| b"),
        new Insight(null, "无维度")));
    String zhText = zh.insights(items);
    assertThat(zhText).isEqualTo("""
        | 维度 | 影响 |
        |------|------|
        | **架构影响** | 新增 `utils.py`<br>- 可复用 |
        | **部署/资源** | 首次编译有延时 a \\| b |
        |  | 无维度 |""");
    assertThat(en.insights(items)).startsWith("| Aspect | Impact |\n|------|------|\n"
        + "| **Architecture** | ").contains("| **Deployment/resources** | ");
    assertThat(zh.readInsights(zhText)).isEqualTo(items);
    assertThat(en.readInsights(en.insights(items))).isEqualTo(items);
  }

  @Test
  void insightsUnderNoDimensionAreABulletList() {
    Items<Insight> items = Items.of(List.of(new Insight(null, "涉及内核代码：`a.cu`"),
        new Insight(null, "标题标签：\\[Kernel\\]")));
    assertThat(zh.insights(items)).isEqualTo("- 涉及内核代码：`a.cu`\n- 标题标签：\\[Kernel\\]");
    assertThat(zh.readInsights(zh.insights(items))).isEqualTo(items);
  }

  @Test
  void titledPointsAreANumberedListWithFurtherLinesIndentedToTheText() {
    List<Point> list = new ArrayList<>();
    list.add(new Point("CI 超时", "新增基准会延长 CI。"));
    list.add(new Point("测试覆盖", "建议补充：\n- 非对称输入；\n\n- 极端大小。"));
    list.add(new Point("CI 配置", "- 单独的 job\n- 超时阈值"));
    list.add(new Point("只有标题", ""));
    list.add(Point.untitled("没有标题的一条。"));
    for (int i = 6; i <= 10; i++) {
      list.add(new Point("第 " + i + " 条", "内容\n续行"));
    }
    Items<Point> items = Items.of(list);
    String text = zh.points(items);
    assertThat(text).startsWith("""
        1. **CI 超时**：新增基准会延长 CI。
        2. **测试覆盖**：建议补充：
           - 非对称输入；

           - 极端大小。
        3. **CI 配置**
           - 单独的 job
           - 超时阈值
        4. **只有标题**
        5. 没有标题的一条。
        6. **第 6 条**：内容
           续行
        """).endsWith("""
        10. **第 10 条**：内容
            续行""");
    assertThat(zh.readPoints(text)).isEqualTo(items);
    assertThat(en.points(Items.of(List.of(new Point("Timeout", "CI runs longer.")))))
        .isEqualTo("1. **Timeout**: CI runs longer.");
  }

  @Test
  void aTitleWithEscapedMarkupReadsBackAsItsTitle() {
    Items<Point> items = Items.of(List.of(new Point("\\*\\*Bold\\*\\* \\| \\[x\\](y)", "z")));
    assertThat(en.points(items)).isEqualTo("1. **\\*\\*Bold\\*\\* \\| \\[x\\](y)**: z");
    assertThat(en.readPoints(en.points(items))).isEqualTo(items);
  }

  @Test
  void untitledPointsAreABulletList() {
    Items<Point> items = Items.of(List.of(Point.untitled("修改了内核代码：`a.cu`"),
        Point.untitled("改动量大：4 个文件")));
    assertThat(zh.points(items)).isEqualTo("- 修改了内核代码：`a.cu`\n- 改动量大：4 个文件");
    assertThat(zh.readPoints(zh.points(items))).isEqualTo(items);
  }

  /** Text that is not exactly as the writer writes it stays text, so it is written back as is. */
  @Test
  void textInNoWrittenFormStaysTextByteForByte() {
    for (String text : List.of(
        "1. **标题**  \n   - 细节  ",            // trailing spaces (hard breaks)
        "1. **a**：x\n\n2. **b**：y",           // a loose list
        "1. **a**：x\n\n总体来说，很好。",        // a paragraph after the list
        "2. **a**：x",                          // numbered from 2
        "1. **a**: x",                          // the other language's colon
        "| 维度 | 影响描述 |\n|------|----------|\n| **架构影响** | x |", // other column names
        "| 维度 | 影响 |\n|------|------|\n| **兼容性** | x |", // a dimension we do not know
        "Plain words.",
        "- a\ncontinued")) {
      assertThat(zh.readPoints(text)).as(text).isEqualTo(Items.text(text));
      assertThat(zh.points(zh.readPoints(text))).isEqualTo(text);
      assertThat(zh.insights(zh.readInsights(text))).isEqualTo(text);
    }
    assertThat(zh.readInsights("| 维度 | 影响 |\n|------|------|\n| **兼容性** | x |").text())
        .isNotEmpty();
    // An English table in a Chinese report is read loosely but not kept as items.
    assertThat(zh.readInsights(en.insights(Items.of(List.of(
        new Insight(Dimension.SECURITY, "x"))))).list()).isEmpty();
  }

  @Test
  void importingReadsLooseListsAndTablesAndMovesTheClosingParagraphToTheConclusion() {
    Analysis historical = new Analysis(Severity.HIGH, List.of(ChangeType.FEATURE), null, "",
        "s", "- `a.py`",
        Items.text("| 维度 | 影响描述 |\n|------|----------|\n| **架构影响** | 模块化 |\n"
            + "| 部署/资源 | 需要 NVCC |"),
        Items.text("1. **CI 超时**  \n   - 会延长 CI。  \n\n2. **硬件依赖**：需要 CUDA。  "),
        Items.text("1. **可选依赖**：改为可选。  \n2. **测试**：补充：  \n   - 边界；  \n\n"
            + "总体来说，改动稳妥。"),
        "", List.of(), false);
    Analysis a = ItemForms.restructure(historical);
    assertThat(a.insights()).isEqualTo(Items.of(List.of(
        new Insight(Dimension.ARCHITECTURE, "模块化"),
        new Insight(Dimension.DEPLOYMENT, "需要 NVCC"))));
    assertThat(a.risks()).isEqualTo(Items.of(List.of(
        new Point("CI 超时", "会延长 CI。"), new Point("硬件依赖", "需要 CUDA。"))));
    assertThat(a.recommendations()).isEqualTo(Items.of(List.of(
        new Point("可选依赖", "改为可选。"), new Point("测试", "补充：\n- 边界；"))));
    assertThat(a.conclusion()).isEqualTo("总体来说，改动稳妥。");
    assertThat(a.summary()).isEqualTo("s");
    // What is in no form of items is left as it was.
    Analysis prose = new Analysis(Severity.MEDIUM, List.of(), null, "", "", "",
        Items.text("Some words."), Items.text("Words."), Items.none(), "c", List.of(), false);
    assertThat(ItemForms.restructure(prose)).isEqualTo(prose);
  }
}
