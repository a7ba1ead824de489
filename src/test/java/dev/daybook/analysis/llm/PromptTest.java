package dev.daybook.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one request carries. */
class PromptTest {

  static FileChange file(String path, int patchChars) {
    return new FileChange(path, null, FileChange.Status.MODIFIED, 1, 1,
        patchChars < 0 ? null : "+".repeat(patchChars));
  }

  @Test
  void smallPatchesGoWholeAndTheRestOfTheBudgetIsSharedFairly() {
    List<FileChange> files = List.of(file("a", 100), file("b", 50_000), file("c", 10),
        file("d", -1), file("e", 9_000));
    int[] budget = Prompt.budgets(files, 1_000);
    assertThat(budget).containsExactly(100, 445, 10, 0, 445);
    assertThat(Prompt.budgets(files, 1_000_000)).containsExactly(100, 50_000, 10, 0, 9_000);
  }

  @Test
  void theUserMessageIsTheCommitAsJsonWithCutPatchesMarked() throws Exception {
    List<FileChange> files = new ArrayList<>();
    for (int i = 0; i < Prompt.MAX_FILES + 5; i++) {
      files.add(file("f" + i + ".py", 100));
    }
    String sha = "0123456789abcdef0123456789abcdef01234567";
    Commit c = new Commit(RepoId.parse("a/b"), sha, "https://github.com/a/b/commit/" + sha, "A",
        Instant.EPOCH, "x".repeat(Prompt.MAX_MESSAGE_CHARS + 10), List.of(), 1, 1, files);
    JsonNode data = FakeLlm.JSON.readTree(Prompt.data(c, 2_000));
    assertThat(data.path("files")).hasSize(Prompt.MAX_FILES);
    assertThat(data.path("files_not_listed").asInt()).isEqualTo(5);
    assertThat(data.path("files").path(0).path("patch").asText()).hasSize(10);
    assertThat(data.path("files").path(0).path("patch_cut_chars").asInt()).isEqualTo(90);
    assertThat(data.path("message").asText()).endsWith("[message cut: 10 more characters]");
  }

  @Test
  void theSystemMessageDependsOnlyOnTheLanguageAndTheRetry() {
    Commit a = Fixtures.sglangDay(java.time.LocalDate.of(2026, 2, 6)).get(0);
    Commit b = Fixtures.sglangDay(java.time.LocalDate.of(2026, 2, 6)).get(1);
    assertThat(Prompt.messages(a, Language.ZH, 100, null).get(0))
        .isEqualTo(Prompt.messages(b, Language.ZH, 100, null).get(0))
        .isNotEqualTo(Prompt.messages(a, Language.EN, 100, null).get(0))
        .isNotEqualTo(Prompt.messages(a, Language.ZH, 100, "x").get(0));
  }

  @Test
  void theDaySummaryIsSentTheDaysAnalysesAsPlainTextTheMostSevereFirstAndCut() throws Exception {
    List<Commit> commits = new ArrayList<>();
    List<dev.daybook.model.Analysis> analyses = new ArrayList<>();
    for (int i = 0; i < DayPrompt.MAX_COMMITS + 5; i++) {
      String sha = String.format("%040x", i + 1);
      commits.add(new Commit(RepoId.parse("a/b"), sha, "https://github.com/a/b/commit/" + sha,
          "A", Instant.EPOCH, "Change " + i, List.of(), 1, 1,
          List.of(file("python/pkg/srt/x" + i + ".py", 10), file("README.md", 10))));
      dev.daybook.model.Severity severity = i == 44 ? dev.daybook.model.Severity.HIGH
          : dev.daybook.model.Severity.LOW;
      analyses.add(new dev.daybook.model.Analysis(severity,
          List.of(dev.daybook.model.ChangeType.FEATURE), null, "",
          "Fixes \\[Kernel\\] `a.py` " + "y".repeat(DayPrompt.MAX_SUMMARY_CHARS), "",
          null, null, null, "", List.of(), false));
    }
    JsonNode data = FakeLlm.JSON.readTree(DayPrompt.data(commits, analyses));
    assertThat(data.path("repository").asText()).isEqualTo("a/b");
    assertThat(data.path("commits_in_day").asInt()).isEqualTo(45);
    assertThat(data.path("commits")).hasSize(DayPrompt.MAX_COMMITS);
    assertThat(data.path("commits_not_listed").asInt()).isEqualTo(5);
    JsonNode first = data.path("commits").path(0);
    assertThat(first.path("sha").asText()).isEqualTo("000000000000000000000000000000000000002d"
        .substring(0, 7));
    assertThat(first.path("title").asText()).isEqualTo("Change 44");
    assertThat(first.path("severity").asText()).isEqualTo("high");
    // What a reader sees, without the Markdown: escapes and backticks gone, cut with an ellipsis.
    assertThat(first.path("summary").asText()).startsWith("Fixes [Kernel] a.py yyy")
        .hasSize(DayPrompt.MAX_SUMMARY_CHARS + 1).endsWith("y…");
    assertThat(first.path("conclusion").isMissingNode()).isTrue();
    assertThat(first.path("folders")).extracting(JsonNode::asText)
        .containsExactly("/", "python/pkg/srt");
    assertThat(data.path("commits").path(1).path("title").asText()).isEqualTo("Change 0");
    assertThat(DayPrompt.messages("{}", Language.ZH, null).get(0).content())
        .contains("Simplified Chinese").doesNotContain("previous answer")
        .isNotEqualTo(DayPrompt.messages("{}", Language.EN, null).get(0).content());
  }
}
