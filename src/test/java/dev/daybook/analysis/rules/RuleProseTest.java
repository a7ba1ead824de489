package dev.daybook.analysis.rules;

import static dev.daybook.analysis.rules.TestCommits.added;
import static dev.daybook.analysis.rules.TestCommits.commit;
import static dev.daybook.analysis.rules.TestCommits.modified;
import static dev.daybook.analysis.rules.TestCommits.removed;
import static dev.daybook.analysis.rules.TestCommits.renamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import dev.daybook.testing.ItemText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuleProseTest {

  private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(GFM).build();
  // The default renderer passes raw HTML through: if escaping failed, the tags would survive.
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(GFM).build();

  private final RuleAnalyzer analyzer = new RuleAnalyzer();

  private static final String HOSTILE_TITLE =
      "[<b>x</b>] fix(<i>s</i>|x): <script>alert(1)</script> | a | b [c](javascript:alert(1))";
  private static final String HOSTILE_BODY = String.join("\n",
      "<img src=x onerror=alert(1)> | col | col |",
      "|---|---|",
      "`tick` ``two`` [link](javascript:alert(2)) <https://evil.example> &amp; &#60;",
      "\u202Egnp.exe\u202C مرحبا שלום 🚀👩‍👩‍👧 # heading * star _under_ ~strike~ !",
      "",
      "Signed-off-by: Mallory <m@example.com>");
  private static final List<FileChange> HOSTILE_FILES = List.of(
      modified("src/<img src=x onerror=alert(3)>.py", 40, 2),
      modified("src/a|b|c.py", 20, 1),
      added("src/`tick`.py", 12),
      renamed("old/<script>.py", "src/new[x](javascript:alert(4)).py", 3, 1),
      removed("src/pipe|gone.py", 9),
      modified("python/pyproject.toml", 1, 1));

  private Analysis hostile(Language language) {
    return analyzer.analyze(commit(HOSTILE_TITLE + "\n\n" + HOSTILE_BODY, HOSTILE_FILES),
        language);
  }

  private static List<String> prose(Analysis a) {
    return List.of(a.summary(), a.impact(), ItemText.of(a.insights()), ItemText.of(a.risks()),
        ItemText.of(a.recommendations()), a.conclusion());
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void hostileTitlesBodiesAndPathsRenderAsTextOnly(Language language) {
    Analysis analysis = hostile(language);
    assertThat(analysis.severity()).isNotEqualTo(Severity.LOW);
    for (String markdown : prose(analysis)) {
      assertThat(markdown).isNotEmpty();
      String html = RENDERER.render(PARSER.parse(markdown));
      assertThat(html).as(markdown)
          .doesNotContain("<script", "<img", "<b>", "<i>", "href=", "<table", "<h1", "<em>",
              "<strong>", "<del>");
      // The body's override is kept as the commit has it, and closed where it closes it.
      assertThat(html.split("\u202E", -1)).as(markdown)
          .hasSameSizeAs(html.split("\u202Egnp.exe\u202C", -1));
    }
  }

  @Test
  void hostileTextStaysVisibleAsTheCommitWroteIt() {
    String summaryHtml = RENDERER.render(PARSER.parse(hostile(Language.EN).summary()));
    assertThat(summaryHtml)
        .contains("&lt;img src=x onerror=alert(1)&gt; | col | col |")
        .contains("[link](javascript:alert(2))")
        .contains("مرحبا שלום 🚀👩‍👩‍👧")
        .doesNotContain("Mallory");
    String impactHtml = RENDERER.render(PARSER.parse(hostile(Language.EN).impact()));
    assertThat(impactHtml)
        .contains("<code>src/a|b|c.py</code>")
        .contains("<code>src/&lt;img src=x onerror=alert(3)&gt;.py</code>")
        .contains("renamed from <code>old/&lt;script&gt;.py</code>");
  }

  @Test
  void reasonsArePlainSingleLinesInTheArchiveLanguageQuotingTheDataAsWritten() {
    Analysis zh = hostile(Language.ZH);
    Analysis en = hostile(Language.EN);
    assertThat(en.reasons()).containsExactly(
        "tag [<b>x</b>] → area",
        "prefix \"fix(<i>s</i>|x):\" → bugfix",
        "shipped code +76/−14 lines in 6 files → medium",
        "dependency manifest python/pyproject.toml changed → at least medium");
    assertThat(zh.reasons()).containsExactly(
        "标签 [<b>x</b>] → 所属领域",
        "前缀 \"fix(<i>s</i>|x):\" → Bug 修复",
        "会发布的代码 6 个文件，+76 / −14 → 中",
        "依赖清单 python/pyproject.toml 有变更 → 至少为中");
    assertThat(zh.reasons()).allSatisfy(reason -> assertThat(reason).doesNotContain("\n"));
  }

  @Test
  void chineseIsTheArchiveLanguageAndEnglishExists() {
    Analysis zh = hostile(Language.ZH);
    Analysis en = hostile(Language.EN);
    // The body says what changed: the summary is the body, with no count beside it.
    assertThat(zh.summary()).isEqualTo(en.summary()).startsWith("\\<img src=x");
    assertThat(zh.impact()).contains("（删除，+0 / −9）", "（重命名自 `old/<script>.py`，+3 / −1）");
    assertThat(en.impact()).contains("(removed, +0 / −9)", "(renamed from `old/<script>.py`, +3 / −1)");
    assertThat(zh.recommendations().list()).extracting(p -> p.title())
        .containsExactly("核对依赖", "检查引用", "留意后续修复");
    assertThat(en.recommendations().list()).extracting(p -> p.title())
        .containsExactly("Check your dependencies", "Check references", "Watch for follow-up fixes");
    assertThat(zh.conclusion()).startsWith("重要程度为中，因为").endsWith("。");
    assertThat(en.conclusion()).startsWith("Medium severity because").endsWith(".");
    assertThat(ItemText.of(en.risks()) + ItemText.of(en.insights())
        + ItemText.of(en.recommendations()) + en.conclusion())
        .doesNotContainPattern("\\p{IsHan}");
    assertThat(zh.severity()).isEqualTo(en.severity());
    assertThat(zh.types()).isEqualTo(en.types());
  }

  @Test
  void theRisksNameOnlyWhatTheDataShows() {
    Analysis en = hostile(Language.EN);
    assertThat(en.risks().sources()).containsExactly(
        "Dependency change", "Dependency manifests changed: `python/pyproject.toml`.",
        "Files removed", "Removed: `src/pipe|gone.py`.",
        "No test changes", "Code: 5 files, +75 / −13; the commit changes no test.");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void theImpactListIsCappedAndSortedLargestChangeFirst(Language language) {
    List<FileChange> files = new ArrayList<>(IntStream.rangeClosed(1, 20)
        .mapToObj(i -> modified(String.format("src/f%02d.py", i), i % 7, 1)).toList());
    Collections.shuffle(files, new java.util.Random(7));
    Analysis analysis = analyzer.analyze(commit("Rework the loader", files), language);
    List<String> lines = analysis.impact().lines().toList();
    assertThat(lines).hasSize(ProseWriter.IMPACT_FILES + 1);
    assertThat(lines.get(0)).startsWith("- `src/f06.py`");
    assertThat(lines.get(1)).startsWith("- `src/f13.py`");
    assertThat(lines.get(2)).startsWith("- `src/f20.py`");
    assertThat(lines.get(ProseWriter.IMPACT_FILES))
        .isEqualTo(language == Language.ZH ? "- …及其他 5 个文件" : "- …and 5 more files");
  }

  @Test
  void theBodyParagraphIsCutWithAnEllipsisBetweenCharacters() {
    String family = "👩‍👩‍👧";
    String longParagraph = "a".repeat(BodyExcerpt.MAX_CHARACTERS - 2) + family + "b".repeat(20_000);
    Analysis analysis = analyzer.analyze(
        commit("Rework the loader\n\n" + longParagraph + "\n\nSecond paragraph.",
            List.of(modified("src/loader.py", 30, 3))), Language.EN);
    String first = analysis.summary().lines().findFirst().orElseThrow();
    assertThat(first).endsWith(family + "…").doesNotContain("b");
    assertThat(analysis.summary()).doesNotContain("Second paragraph");
  }

  @Test
  void aCutNeverSplitsAFlagOrAnAccent() {
    String flags = "🇨🇳🇺🇸";
    String prefix = "x".repeat(BodyExcerpt.MAX_CHARACTERS - 3);
    assertThat(BodyExcerpt.cut(prefix + flags + "tail")).isEqualTo(prefix + flags + "…");
    String accent = "e\u0301";
    String almost = "y".repeat(BodyExcerpt.MAX_CHARACTERS - 1);
    assertThat(BodyExcerpt.cut(almost + accent + "tail")).isEqualTo(almost + accent + "…");
  }

  @Test
  void aBodyOfOnlyTrailersGivesTheAreasInstead() {
    Analysis analysis = analyzer.analyze(commit(
        "fix: x\n\nSigned-off-by: A <a@b.c>\nCo-authored-by: B <b@c.d>",
        List.of(modified("src/x.py", 10, 2))), Language.EN);
    assertThat(analysis.summary()).isEqualTo("Changes `src` (1 file).");
  }

  @Test
  void thePullRequestTemplateIsNoSummary() {
    String body = String.join("\n",
        "## Motivation",
        "<!-- Describe the purpose and goals of this pull request. -->",
        "",
        "The scheduler dropped requests whose batch",
        "was empty.",
        "",
        "## Modifications",
        "<!-- Detail the changes made",
        "in this pull request. -->",
        "",
        "## Checklist",
        "- [ ] Format your code",
        "- [x] Add unit tests",
        "",
        "Co-authored-by: B <b@c.d>");
    Analysis analysis = analyzer.analyze(commit("fix: x\n\n" + body,
        List.of(modified("src/x.py", 10, 2))), Language.EN);
    assertThat(analysis.summary()).isEqualTo("The scheduler dropped requests whose batch was empty.");
    Analysis onlyTemplate = analyzer.analyze(commit("fix: x\n\n## Motivation\n\nN/A\n\n"
        + "## Checklist\n- [ ] Format your code\n<!-- hint -->",
        List.of(modified("src/x.py", 10, 2))), Language.ZH);
    assertThat(onlyTemplate.summary()).isEqualTo("改动位于 `src`（1 个文件）。");
  }

  @Test
  void withoutABodyTheSummarySaysWhereTheChangeIsNotHowManyLines() {
    List<FileChange> files = List.of(
        modified("python/pkg/srt/a.py", 30, 2), modified("python/pkg/srt/layers/b.py", 5, 1),
        added("python/pkg/kernels/k.cu", 90), removed("python/pkg/old/gone.py", 12),
        renamed("python/pkg/srt/c.py", "python/pkg/srt/d.py", 1, 1),
        modified("README.md", 1, 0), modified("setup.py", 2, 2));
    Analysis zh = analyzer.analyze(commit("Rework the loader", files), Language.ZH);
    Analysis en = analyzer.analyze(commit("Rework the loader", files), Language.EN);
    // Folders cut to three levels, most files first, then by name; the top level by its name.
    assertThat(zh.summary()).isEqualTo("改动位于 `python/pkg/srt`（3 个文件）、仓库根目录（2 个文件）、"
        + "`python/pkg/kernels`（1 个文件）等 4 个目录。新增 `k.cu`。删除 `gone.py`。移动或重命名 `d.py`。");
    assertThat(en.summary()).isEqualTo("Changes `python/pkg/srt` (3 files), the repository root"
        + " (2 files), `python/pkg/kernels` (1 file) and 1 more folder. Adds `k.cu`."
        + " Removes `gone.py`. Moves or renames `d.py`.");
    assertThat(en.summary()).doesNotContainPattern("[+−]\\d");
  }

  @Test
  void chineseProseSetsLatinWordsApartAndNothingElse() {
    Analysis root = analyzer.analyze(commit("Rework the loader",
        List.of(modified("setup.py", 2, 2))), Language.ZH);
    assertThat(root.summary()).isEqualTo("改动位于仓库根目录（1 个文件）。");
    Analysis ci = analyzer.analyze(commit("Rework the pipeline",
        List.of(modified(".github/workflows/ci.yml", 2, 2))), Language.ZH);
    assertThat(ci.reasons()).contains("1 个文件中 1 个是 CI 配置 → 只有 CI 配置");
    assertThat(ChineseWording.join("（1 个文件）", "等 4 个目录")).isEqualTo("（1 个文件）等 4 个目录");
    assertThat(ChineseWording.join("`src`", "等 4 个目录")).isEqualTo("`src` 等 4 个目录");
    assertThat(ChineseWording.join("位于", "`src`")).isEqualTo("位于 `src`");
    assertThat(ChineseWording.join("只有", "文档")).isEqualTo("只有文档");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void noSectionRepeatsTheFileList(Language language) {
    Analysis a = hostile(language);
    assertThat(a.impact().lines()).hasSize(HOSTILE_FILES.size());
    for (FileChange f : HOSTILE_FILES) {
      assertThat(ItemText.of(a.insights())).as(f.path()).doesNotContain(
          dev.daybook.text.MarkdownText.code(f.path()));
    }
    // Risks and recommendations name only the files that are a rule's evidence.
    assertThat(ItemText.of(a.risks()) + ItemText.of(a.recommendations()))
        .doesNotContain(dev.daybook.text.MarkdownText.code("src/a|b|c.py"))
        .doesNotContain(dev.daybook.text.MarkdownText.code("src/`tick`.py"));
  }

  @Test
  void aMediumCommitWhoseRulesFoundNoRiskHasNoRisksOrRecommendations() {
    Analysis a = analyzer.analyze(commit("fix: guard the batch", List.of(
        modified("python/pkg/scheduler.py", 12, 3), modified("test/test_scheduler.py", 20, 0))),
        Language.ZH);
    assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(a.risks().isEmpty()).isTrue();
    assertThat(a.recommendations().isEmpty()).isTrue();
    assertThat(a.insights().list()).extracting(i -> i.dimension() + " " + i.text())
        .containsExactly("MAINTAINABILITY 测试随代码一起修改（1 个文件，+20 / −0）。");
  }

  @Test
  void aKernelChangeIsAPerformanceInsightARiskWithItsEvidenceAndARecommendation() {
    Analysis a = analyzer.analyze(commit("[Kernel] Add a fused rope", List.of(
        added("python/pkg/jit_kernel/csrc/rope.cuh", 400),
        modified(".github/workflows/ci.yml", 3, 1))), Language.EN);
    assertThat(a.severity()).isEqualTo(Severity.HIGH);
    assertThat(a.insights().list()).extracting(i -> i.dimension())
        .containsExactly(dev.daybook.model.Dimension.ARCHITECTURE,
            dev.daybook.model.Dimension.PERFORMANCE, dev.daybook.model.Dimension.DEPLOYMENT);
    assertThat(a.risks().list()).containsExactly(
        new dev.daybook.model.Point("Kernel change", "Kernel code: 1 file, +400 / −0."),
        new dev.daybook.model.Point("No test changes", "Code: 1 file, +400 / −0; the commit"
            + " changes no test."));
    assertThat(a.recommendations().list()).extracting(dev.daybook.model.Point::title)
        .containsExactly("Verify on your hardware", "Watch for follow-up fixes");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void aLowCommitHasASummaryAndImpactOnly(Language language) {
    Analysis analysis = analyzer.analyze(
        commit("docs: typo", List.of(modified("docs/index.md", 1, 1))), language);
    assertThat(analysis.severity()).isEqualTo(Severity.LOW);
    assertThat(analysis.summary()).isNotEmpty();
    assertThat(analysis.impact()).isNotEmpty();
    assertThat(List.of(ItemText.of(analysis.insights()), ItemText.of(analysis.risks()),
        ItemText.of(analysis.recommendations()), analysis.conclusion())).containsOnly("");
  }

  @Test
  void typeLabelIsLeftToTheReportAndTheAnalysisIsComplete() {
    Analysis analysis = hostile(Language.ZH);
    assertThat(analysis.typeLabel()).isNull();
    assertThat(analysis.incomplete()).isFalse();
  }

  @Test
  void theSameCommitGivesAnEqualAnalysisWhateverTheFileOrder() {
    List<FileChange> reversed = new ArrayList<>(HOSTILE_FILES);
    Collections.reverse(reversed);
    Commit again = commit(HOSTILE_TITLE + "\n\n" + HOSTILE_BODY, reversed);
    for (Language language : Language.values()) {
      assertThat(analyzer.analyze(again, language)).isEqualTo(hostile(language));
      assertThat(new RuleAnalyzer().analyze(again, language)).isEqualTo(hostile(language));
    }
  }

  @Test
  void aCommitWithoutFilesSaysSo() {
    Analysis analysis = analyzer.analyze(commit("Trigger CI", List.of()), Language.ZH);
    assertThat(analysis.summary()).isEqualTo("提交中没有列出文件。");
    assertThat(analysis.severity()).isEqualTo(Severity.LOW);
  }
}
