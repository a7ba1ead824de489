package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.DailyReport;
import dev.daybook.model.Dimension;
import dev.daybook.model.Insight;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference report must be read as it is, with nothing lost. */
class ReferenceReportTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Path FILE = Path.of("report-2026-02-06.zh.md");
  static String text;
  static ParsedReport parsed;
  static RepoSection sglang;

  static String reference() throws IOException {
    try (InputStream in = ReferenceReportTest.class.getResourceAsStream(
        "/reports/reference/report-2026-02-06.zh.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeAll
  static void parseReference() throws IOException {
    text = reference();
    parsed = new ReportParser(SHANGHAI).parse(FILE, text, false);
    sglang = parsed.report().orElseThrow().sections().get(0);
  }

  ReportedCommit commit(String sha7) {
    return sglang.commits().stream().filter(c -> c.shortSha().equals(sha7)).findFirst()
        .orElseThrow();
  }

  @Test
  void readsWithoutProblems() {
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.hasHeader()).isFalse();
    assertThat(parsed.language()).isEqualTo(dev.daybook.model.Language.ZH);
    DailyReport report = parsed.report().orElseThrow();
    assertThat(report.date()).isEqualTo(LocalDate.of(2026, 2, 6));
    assertThat(report.repos()).containsExactly(Fixtures.SGLANG);
  }

  @Test
  void recoversAllThirteenCommitsNewestFirstWithFullShasTimesAuthorsAndTitles() {
    // The fixture holds the same 13 commits from git; the report must agree with it exactly.
    var fixture = Fixtures.sglangDay(LocalDate.of(2026, 2, 6));
    assertThat(sglang.commits()).hasSize(13);
    for (int i = 0; i < 13; i++) {
      ReportedCommit c = sglang.commits().get(i);
      assertThat(c.sha()).isEqualTo(fixture.get(i).sha());
      assertThat(c.time()).isEqualTo(fixture.get(i).committedAt());
      assertThat(c.author()).isEqualTo(fixture.get(i).authorName());
      assertThat(c.title()).isEqualTo(fixture.get(i).title());
      assertThat(c.url()).isEqualTo(fixture.get(i).url());
    }
  }

  @Test
  void recoversSeverities() {
    Map<Severity, Long> counts = sglang.commits().stream()
        .collect(Collectors.groupingBy(ReportedCommit::severity, Collectors.counting()));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(
        Map.of(Severity.HIGH, 2L, Severity.MEDIUM, 7L, Severity.LOW, 4L));
    assertThat(sglang.commits(Severity.HIGH)).extracting(ReportedCommit::shortSha)
        .containsExactly("3d68bd9", "aa390d2");
    assertThat(sglang.commits(Severity.LOW)).extracting(ReportedCommit::shortSha)
        .containsExactly("79d409f", "92b8bd6", "ef1d0ea", "d22163e");
  }

  @Test
  void recoversSectionTextsOfTheFirstHighCommit() {
    var a = commit("3d68bd9").analysis();
    assertThat(a.typeLabel()).isNull(); // "功能增强 / 重构" is exactly our own spelling
    assertThat(a.types()).extracting(Enum::name).containsExactly("FEATURE", "REFACTOR");
    assertThat(a.summary()).startsWith("本次提交在 `sglang/jit_kernel/benchmark` 目录新增了")
        .endsWith("整体提升了基准代码的可维护性与可复用性。");
    assertThat(a.impact()).startsWith("- `python/sglang/jit_kernel/benchmark/bench_hicache.py`（新加入）")
        .contains("utils.py`（新增公共工具）");
    // Its table is written as Daybook writes one: read as insights by dimension.
    assertThat(a.insights().list()).extracting(Insight::dimension).containsExactly(
        Dimension.ARCHITECTURE, Dimension.PERFORMANCE, Dimension.SECURITY,
        Dimension.MAINTAINABILITY);
    assertThat(a.insights().list().get(0).text()).startsWith("- **模块化**：新增 `utils.py`")
        .endsWith("保持代码风格一致。");
    // Its lists are loose, titles above their bullets: kept as written (the importer reads them).
    assertThat(a.risks().text()).startsWith("1. **CI 超时 / 资源耗尽**").contains("4. **版本兼容**");
    assertThat(a.recommendations().text()).startsWith("1. **CI 配置**")
        .contains("6. **依赖管理**");
    assertThat(a.conclusion()).startsWith("本次提交通过新增 HiCache JIT Kernel 基准")
        .endsWith("继续完善基准体系。");
    assertThat(a.incomplete()).isFalse();
  }

  @Test
  void keepsTheTruncatedHighCommitAsItWasCut() {
    var a = commit("aa390d2").analysis();
    assertThat(a.typeLabel()).startsWith("功能增强 / 性能优化（将 GPTQ‑Marlin GEMM 核心");
    assertThat(a.types()).extracting(Enum::name).containsExactly("FEATURE", "PERFORMANCE");
    assertThat(a.rationale()).startsWith("* 影响到量化推理的关键算子");
    assertThat(a.summary()).startsWith("1. **新增 JIT 实现**");
    assertThat(a.insights().text()).contains("| **部署/资源** |");
    assertThat(a.risks().text()).startsWith("1. **编译环境依赖**")
        .contains("时会按 SM 数分配最大 `64").endsWith("KB * SMS");
    assertThat(a.recommendations().isEmpty()).isTrue();
    assertThat(a.conclusion()).isEmpty();
  }

  @Test
  void keepsTrailingParagraphsAndLowCommitSummaries() {
    assertThat(commit("c6aa186").analysis().recommendations().text())
        .endsWith("完成上述细节检查后即可平稳推送至主分支。");
    assertThat(commit("d0c39bc").analysis().typeLabel()).isEqualTo("Bug 修复（跨容器 HF 下载竞态）");
    assertThat(commit("f798ab9").analysis().types()).extracting(Enum::name)
        .containsExactly("BUGFIX", "FEATURE");
    assertThat(commit("92b8bd6").analysis().summary())
        .startsWith("修正 Ascend NPU 最佳实践表格中的量化类型错误");
    assertThat(commit("d22163e").analysis().types()).extracting(Enum::name)
        .containsExactly("TEST");
  }

  @Test
  void everyNonBlankLineOfEveryCommitSectionSurvivesARewrite() throws Exception {
    String rewritten = new ReportWriter(parsed.language()).write(parsed.orThrow());
    // Each line of prose in the reference's commit sections is in the rewrite, apart from the
    // separators and labels that the writer spells its own way.
    int first = text.indexOf("### add hicache jit test");
    // A label line keeps its value ("**📋 变更摘要**：text" → "text").
    java.util.regex.Pattern label =
        java.util.regex.Pattern.compile("^(?:> )?\\*\\*[^*]+\\*\\*[：:]?\\s*(.*)$");
    List<String> lines = text.substring(first).lines().map(String::strip)
        .map(l -> {
          java.util.regex.Matcher m = label.matcher(l);
          return m.matches() ? m.group(1).strip() : l;
        })
        .filter(l -> !l.isEmpty() && !l.equals("---") && !l.startsWith("#")
            && !l.matches("[🔴🟡🟢] ?[高中低]"))
        .toList();
    assertThat(lines).hasSizeGreaterThan(100);
    for (String line : lines) {
      assertThat(rewritten).as("line kept: %s", line).contains(line);
    }
  }

  @Test
  void importMarksTheCutOffAnalysisAsIncomplete() {
    Function<String, Boolean> cut = sha -> Truncation.looksCutOff(commit(sha).analysis());
    assertThat(cut.apply("aa390d2")).isTrue();
    for (ReportedCommit c : sglang.commits()) {
      if (!c.shortSha().equals("aa390d2")) {
        assertThat(Truncation.looksCutOff(c.analysis())).as(c.shortSha()).isFalse();
      }
    }
  }
}
