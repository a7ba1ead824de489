package dev.daybook.analysis.llm;

import static dev.daybook.analysis.llm.LlmReportTest.html;
import static dev.daybook.analysis.llm.LlmReportTest.report;
import static dev.daybook.analysis.llm.LlmReportTest.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.analysis.llm.FakeLlm.Response;
import dev.daybook.archive.Importer;
import dev.daybook.archive.ReportStore;
import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.Commit;
import dev.daybook.model.Dimension;
import dev.daybook.model.FileChange;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Language;
import dev.daybook.model.Point;
import dev.daybook.model.RepoId;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured model answers against the stand-in endpoint on 127.0.0.1 (the real HTTP client):
 * insights by dimension and titled risks and recommendations are written as the reference report
 * writes them; answers off the schema are mended when what they mean is clear, and asked again,
 * then replaced by the rules, when it is not; each case is counted in the run's line.
 */
class StructuredAnswerTest {

  static final String SHA = "5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b";
  static final String URL = "https://github.com/example/repo/commit/" + SHA;
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // A label line: the bold label alone, or before its value.
  static final Pattern LABEL = Pattern.compile("^\\*\\*[^*]+\\*\\*(?=$|：)");

  @RegisterExtension
  static final FakeLlm fake = FakeLlm.perTestClass();

  @TempDir
  Path dir;

  LlmAnalyzer analyzer() {
    return LlmAnalyzer.builder()
        .baseUrl(fake.baseUrl())
        .model("test-model")
        .apiKey("sk-test")
        .timeout(Duration.ofSeconds(5))
        .backoff(Duration.ofMillis(1))
        .sleeper(d -> { })
        .cacheDir(dir.resolve("cache"))
        .build();
  }

  static Commit commit() {
    return new Commit(RepoId.parse("example/repo"), SHA, URL, "Linyu Wu",
        Instant.parse("2026-02-06T00:31:42Z"), "[Kernel] Migrate GEMM kernel to JIT", List.of(),
        300, 20, List.of(
            new FileChange("python/sglang/jit_kernel/gptq_marlin.py", null,
                FileChange.Status.ADDED, 280, 0, "@@ -0,0 +1 @@\n+def gemm(): pass"),
            new FileChange("python/sglang/srt/layers/quantization/marlin_utils.py", null,
                FileChange.Status.MODIFIED, 20, 20, "@@ -1 +1 @@\n-old\n+new")));
  }

  /** A well-formed v2 answer, its insights out of the dimensions' order. */
  static Map<String, Object> structured() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("severity", "high");
    a.put("types", List.of("feature", "perf"));
    a.put("severity_reason", "迁移了量化推理的关键算子。");
    a.put("summary", "把 GEMM 算子迁移为 JIT 实现。");
    a.put("impact", List.of("`python/sglang/jit_kernel/gptq_marlin.py`"));
    a.put("insights", List.of(
        Map.of("dimension", "performance", "text", "按形状选择配置，吞吐可能提升。"),
        Map.of("dimension", "architecture", "text", "新增 `gptq_marlin.py` 封装 JIT 编译。"),
        Map.of("dimension", "deployment", "text", "运行机器需要 NVCC。")));
    a.put("risks", List.of(
        Map.of("title", "编译环境依赖", "details", "没有 NVCC 时 JIT 编译会失败。"),
        Map.of("title", "架构兼容", "details", "低于 SM80 的显卡不可用。")));
    a.put("recommendations", List.of(
        Map.of("title", "基准对比", "details", "在目标显卡上对比 JIT 与 AOT 的吞吐。")));
    a.put("conclusion", "整体为正向改动。");
    return a;
  }

  @Test
  void structuredAnswersAreWrittenAsTheReferenceWritesThemAndReadBackTheSame() throws Exception {
    fake.then(Response.answer(structured()));
    LlmAnalyzer analyzer = analyzer();
    Analysis a = analyzer.analyze(commit(), Language.ZH);

    assertThat(a.severity()).isEqualTo(Severity.HIGH);
    assertThat(a.types()).containsExactly(ChangeType.FEATURE, ChangeType.PERFORMANCE);
    assertThat(a.insights()).isEqualTo(Items.of(List.of(
        new Insight(Dimension.ARCHITECTURE, "新增 `gptq_marlin.py` 封装 JIT 编译。"),
        new Insight(Dimension.PERFORMANCE, "按形状选择配置，吞吐可能提升。"),
        new Insight(Dimension.DEPLOYMENT, "运行机器需要 NVCC。"))));
    assertThat(a.risks().list()).containsExactly(
        new Point("编译环境依赖", "没有 NVCC 时 JIT 编译会失败。"),
        new Point("架构兼容", "低于 SM80 的显卡不可用。"));
    assertThat(a.reasons().get(0)).isEqualTo("模型：test-model（提示词 v3）");
    // The prompt asked for that shape, and the answer needed no mending.
    assertThat(fake.requests()).hasSize(1);
    assertThat(fake.requests().get(0).system())
        .contains("\"insights\": [{\"dimension\": one of \"architecture\", \"performance\","
            + " \"security\", \"maintainability\", \"deployment\"")
        .contains("\"risks\": [{\"title\"");
    assertThat(analyzer.answerSummary(Language.ZH))
        .isEqualTo("模型回答：0 个规整后采用，0 个重新请求，0 个改用规则分析。");

    String markdown = roundTrip(report(List.of(commit()), List.of(a)), Language.ZH);
    assertThat(markdown).contains("""
        **🔍 技术洞察**

        | 维度 | 影响 |
        |------|------|
        | **架构影响** | 新增 `gptq_marlin.py` 封装 JIT 编译。 |
        | **性能影响** | 按形状选择配置，吞吐可能提升。 |
        | **部署/资源** | 运行机器需要 NVCC。 |

        **⚠️ 潜在风险**

        1. **编译环境依赖**：没有 NVCC 时 JIT 编译会失败。
        2. **架构兼容**：低于 SM80 的显卡不可用。

        **💡 关注建议**

        1. **基准对比**：在目标显卡上对比 JIT 与 AOT 的吞吐。

        **📌 结论**

        整体为正向改动。
        """);
    assertThat(html(markdown)).contains("<th>维度</th>", "<td><strong>性能影响</strong></td>",
        "<li><strong>编译环境依赖</strong>：没有 NVCC 时 JIT 编译会失败。</li>");

    String english = roundTrip(report(List.of(commit()), List.of(a)), Language.EN);
    assertThat(english).contains("| Aspect | Impact |\n|------|------|\n"
        + "| **Architecture** | ", "1. **编译环境依赖**: 没有");
  }

  /**
   * The reference day, imported, and a model-analyzed day read into the same structure, and
   * their high commits are written with the same sections in the same forms.
   */
  @Test
  void theImportedReferenceAndAModelDayHaveTheSameStructure() throws Exception {
    Path content = dir.resolve("content");
    new Importer(new ReportStore(content), SHANGHAI).importFile(
        Path.of("src/test/resources/reports/reference/report-2026-02-06.zh.md"), false);
    Path imported = content.resolve("reports/2026/02/2026-02-06.md");
    String referenceText = Files.readString(imported);
    Analysis reference = new ReportParser(SHANGHAI).parse(imported, referenceText, true)
        .orThrow().sections().get(0).commits().stream().filter(c -> c.sha().startsWith("3d68bd9"))
        .findFirst().orElseThrow().analysis();
    fake.then(Response.answer(structured()));
    Analysis model = analyzer().analyze(commit(), Language.ZH);
    String modelText = roundTrip(report(List.of(commit()), List.of(model)), Language.ZH);

    for (Analysis a : List.of(reference, model)) {
      assertThat(a.insights().list()).isNotEmpty().allMatch(i -> i.dimension() != null);
      assertThat(a.risks().list()).isNotEmpty().allMatch(p -> !p.title().isEmpty());
      assertThat(a.recommendations().list()).isNotEmpty().allMatch(p -> !p.title().isEmpty());
      assertThat(a.conclusion()).isNotEmpty();
    }
    assertThat(reference.risks().list().get(0)).isEqualTo(new Point("CI 超时 / 资源耗尽",
        "新增的 hicache 基准与统一化的量化范围会显著延长 CI 运行时间，特别是在 GPU 共享的 CI 环境中可能导致排队或"
            + "超时。建议在 CI 配置中单独标记 `benchmark` 阶段，或提供 `--skip-benchmarks` 选项。"));
    assertThat(skeleton(modelText, SHA.substring(0, 7)))
        .isEqualTo(skeleton(referenceText, "3d68bd9"))
        .containsExactly("**🎯 变更类型**", "**⚡ 重要程度**", "**📋 变更摘要**", "**🎯 影响范围**",
            "**🔍 技术洞察**", "| 维度 | 影响 |", "**⚠️ 潜在风险**", "1. **", "**💡 关注建议**",
            "1. **", "**📌 结论**");
  }

  /**
   * The labels and item forms of one commit's section, in order; its reasons (which a model's
   * analysis has and the reference never had) left aside.
   */
  private static List<String> skeleton(String markdown, String anchor) {
    String section = markdown.substring(markdown.indexOf("<a id=\"" + anchor + "\"></a>"));
    section = section.substring(0, section.indexOf("\n---\n"));
    List<String> out = new ArrayList<>();
    for (String line : section.lines().toList()) {
      Matcher label = LABEL.matcher(line);
      if (label.find()) {
        if (!label.group().equals("**🧭 判定依据**")) {
          out.add(label.group());
        }
      } else if (line.equals("| 维度 | 影响 |") || line.startsWith("1. **")) {
        out.add(line.equals("| 维度 | 影响 |") ? line : "1. **");
      }
    }
    return out;
  }

  @Test
  void aCachedAnswerComposesTheSameAnalysis() {
    fake.then(Response.answer(structured()));
    Analysis first = analyzer().analyze(commit(), Language.ZH);
    Analysis again = analyzer().analyze(commit(), Language.ZH);
    assertThat(fake.requests()).hasSize(1);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void modelMarkupInTitlesDetailsAndCellsStaysText() throws Exception {
    Map<String, Object> a = structured();
    a.put("insights", List.of(Map.of("dimension", "security",
        "text", "a | b <script>x</script> **bold**\nsecond line")));
    a.put("risks", List.of(Map.of("title", "**Bold** | [x](y)",
        "details", "1. not a list\n- nor this")));
    fake.then(Response.answer(a));
    Analysis result = analyzer().analyze(commit(), Language.EN);
    assertThat(result.insights().list()).containsExactly(new Insight(Dimension.SECURITY,
        "a \\| b \\<script\\>x\\</script\\> \\*\\*bold\\*\\* second line"));
    assertThat(result.risks().list()).containsExactly(
        // A model's own list marker is dropped, as in any list item it writes.
        new Point("\\*\\*Bold\\*\\* \\| \\[x\\](y)", "not a list - nor this"));
    String markdown = roundTrip(report(List.of(commit()), List.of(result)), Language.EN);
    String html = html(markdown);
    assertThat(html).doesNotContain("<script>").doesNotContain("href=\"javascript")
        .contains("<td>a | b &lt;script&gt;x&lt;/script&gt; **bold** second line</td>")
        .contains("<li><strong>**Bold** | [x](y)</strong>: not a list - nor this</li>");
  }

  // ---- breaking ------------------------------------------------------------------------------

  @Test
  void theModelMayMarkACommitBreakingWithAReasonThatPassesTheChecks() throws Exception {
    Map<String, Object> a = structured();
    a.put("breaking", "旧的 `marlin_utils.py` 接口 <b>不再</b> 接受 `group_size`。");
    fake.then(Response.answer(a));
    Analysis result = analyzer().analyze(commit(), Language.ZH);
    assertThat(result.breaking())
        .isEqualTo("模型 test-model：旧的 marlin_utils.py 接口 <b>不再</b> 接受 group_size。");
    assertThat(fake.requests().get(0).system()).contains("\"breaking\": optional");
    String markdown = roundTrip(report(List.of(commit()), List.of(result)), Language.ZH);
    assertThat(markdown).contains("**💥 破坏性变更**：模型 test-model：旧的 marlin_utils.py");
    assertThat(html(markdown)).doesNotContain("<b>不再").contains("&lt;b&gt;不再&lt;/b&gt;");
    // The cached answer keeps it.
    assertThat(analyzer().analyze(commit(), Language.ZH)).isEqualTo(result);
  }

  @Test
  void aBreakingReasonNamingAFileTheCommitLacksOrABareTrueMarksNothing() {
    Map<String, Object> a = structured();
    a.put("breaking", "Removes `python/sglang/api.py`.");
    fake.then(Response.answer(a));
    Analysis unknownFile = analyzer().analyze(commit(), Language.EN);
    assertThat(unknownFile.isBreaking()).isFalse();
    assertThat(unknownFile.reasons()).anyMatch(r -> r.startsWith("model text: 1 statement"));

    Map<String, Object> bare = structured();
    bare.put("breaking", true);
    fake.reset().then(Response.answer(bare));
    Analysis bareTrue = LlmAnalyzer.builder().baseUrl(fake.baseUrl()).model("other-model")
        .apiKey("sk-test").timeout(Duration.ofSeconds(5)).backoff(Duration.ofMillis(1))
        .sleeper(d -> { }).cacheDir(dir.resolve("cache2")).build()
        .analyze(commit(), Language.EN);
    assertThat(bareTrue.isBreaking()).isFalse();
  }

  @Test
  void theRulesMarkerWinsOverTheModelsAndSurvivesAFallback() {
    Commit bang = new Commit(RepoId.parse("example/repo"), SHA, URL, "Linyu Wu",
        Instant.parse("2026-02-06T00:31:42Z"), "feat(kernel)!: migrate GEMM", List.of(), 300, 20,
        commit().files());
    Map<String, Object> a = structured();
    a.put("breaking", "The old entry point is gone.");
    fake.then(Response.answer(a));
    assertThat(analyzer().analyze(bang, Language.EN).breaking())
        .isEqualTo("conventional-commit breaking marker \"feat(kernel)!:\"");
    fake.reset().then(Response.of(500, "no"), Response.of(500, "no"), Response.of(500, "no"),
        Response.of(500, "no"));
    Analysis fellBack = LlmAnalyzer.builder().baseUrl(fake.baseUrl()).model("m2")
        .apiKey("sk-test").timeout(Duration.ofSeconds(5)).backoff(Duration.ofMillis(1))
        .sleeper(d -> { }).cacheDir(dir.resolve("cache3")).build().analyze(bang, Language.EN);
    assertThat(fellBack.reasons().get(0)).startsWith("model: m2 failed");
    assertThat(fellBack.breaking())
        .isEqualTo("conventional-commit breaking marker \"feat(kernel)!:\"");
  }

  // ---- off the schema ----------------------------------------------------------------------

  @Test
  void anUnambiguousOffSchemaAnswerIsMendedUsedAndCounted() throws Exception {
    Map<String, Object> a = structured();
    a.remove("types");
    a.put("change_type", "fix"); // another key name, one text for the list, another type name
    a.put("insights", "Only one insight, as text.");
    a.put("risks", List.of("A risk without a title."));
    a.put("recommendations", List.of(Map.of("title", "Check", "description", "Run the tests.")));
    Map<String, Object> wrapped = Map.of("analysis", a);
    Map<String, Object> other = structured();
    other.put("insights", List.of(Map.of("dimension", "compatibility", "text", "Old GPUs.")));
    fake.then(Response.answer(wrapped), Response.answer(other));
    LlmAnalyzer analyzer = analyzer();
    Analysis mended = analyzer.analyze(commit(), Language.EN);
    Commit second = new Commit(commit().repo(), SHA.replace('5', '6'), URL.replace('5', '6'),
        "b", commit().committedAt(), "feat: x", List.of(), 1, 1, commit().files());
    Analysis unknown = analyzer.analyze(second, Language.EN);

    assertThat(fake.requests()).hasSize(2); // nothing asked again
    assertThat(LlmAnalyzerTest.isFallback(mended)).isFalse();
    assertThat(mended.types()).containsExactly(ChangeType.BUGFIX);
    assertThat(mended.insights().list())
        .containsExactly(new Insight(null, "Only one insight, as text."));
    assertThat(mended.risks().list()).containsExactly(Point.untitled("A risk without a title."));
    assertThat(mended.recommendations().list()).containsExactly(new Point("Check",
        "Run the tests."));
    assertThat(unknown.insights().list()).containsExactly(new Insight(null, "Old GPUs."));
    assertThat(analyzer.answerSummary(Language.EN)).isEqualTo("model answers: 2 normalized"
        + " (insight dimension `compatibility` unknown, kept without one; key change_type → types;"
        + " key description → details; one text for the list insights; one text for the list types;"
        + " plain text items in insights; plain text items in risks; the answer wrapped in `analysis`;"
        + " type `fix` → bugfix), 0 retried, 0 fell back to the rules");
    assertThat(analyzer.answerSummary(Language.ZH)).startsWith("模型回答：2 个规整后采用（")
        .contains("键名 change_type → types", "洞察维度 `compatibility` 未知，按无维度保留")
        .endsWith("），0 个重新请求，0 个改用规则分析。");
    // Mended answers are kept in our schema: read again, they need no mending.
    Analysis cached = analyzer().analyze(commit(), Language.EN);
    assertThat(cached).isEqualTo(mended);
    // A report with items of both kinds still reads back the same.
    roundTrip(report(List.of(commit()), List.of(mended)), Language.EN);
  }

  @Test
  void anAmbiguousAnswerIsAskedAgainThenFallsBackToTheRulesInTheArchivesLanguage() {
    Map<String, Object> a = structured();
    a.put("change_type", List.of("docs")); // beside "types": which is meant?
    fake.then(Response.answer(a), Response.answer(a));
    LlmAnalyzer analyzer = analyzer();
    Analysis result = analyzer.analyze(commit(), Language.ZH);

    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.requests().get(1).system())
        .contains("Your previous answer could not be used (types, change_type are both given)");
    assertThat(result.rationale())
        .startsWith("> ⚠️ 模型分析失败（同时给出了 types, change_type，两次），以下为规则分析。");
    assertThat(result.reasons().get(0))
        .isEqualTo("模型：test-model 失败（同时给出了 types, change_type，两次），使用规则分析");
    assertThat(analyzer.answerSummary(Language.ZH)).isEqualTo("模型回答：0 个规整后采用，"
        + "1 个重新请求（同时给出了 types, change_type），"
        + "1 个改用规则分析（同时给出了 types, change_type，两次）。");
    assertThat(analyzer.answerSummary(Language.EN)).isEqualTo("model answers: 0 normalized,"
        + " 1 retried (types, change_type are both given), 1 fell back to the rules"
        + " (types, change_type are both given, twice)");
  }

  @Test
  void anAnswerAskedAgainThatThenFitsIsUsedAndCountedAsRetried() {
    Map<String, Object> bad = structured();
    bad.put("risks", Map.of("title", "one object, not a list"));
    fake.then(Response.answer(bad), Response.answer(structured()));
    LlmAnalyzer analyzer = analyzer();
    Analysis result = analyzer.analyze(commit(), Language.EN);
    assertThat(LlmAnalyzerTest.isFallback(result)).isFalse();
    assertThat(result.risks().list()).hasSize(2);
    assertThat(analyzer.answerSummary(Language.EN)).isEqualTo("model answers: 0 normalized,"
        + " 1 retried (risks is not a list), 0 fell back to the rules");
  }
}
