package dev.daybook.analysis.rules;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which commits the rules mark breaking, which rule the marker names, and which they leave. */
class BreakingTest {

  private final RuleAnalyzer analyzer = new RuleAnalyzer();

  private static final List<FileChange> CODE = List.of(modified("python/pkg/core.py", 30, 4));

  private Analysis zh(Commit c) {
    return analyzer.analyze(c, Language.ZH);
  }

  private Analysis en(Commit c) {
    return analyzer.analyze(c, Language.EN);
  }

  private static FileChange patched(String path, String patch) {
    return new FileChange(path, null, FileChange.Status.MODIFIED, 3, 3, patch);
  }

  @Test
  void aConventionalBangMarksTheCommitAndSaysSo() {
    Commit c = commit("fix(api)!: drop the v1 route", CODE);
    assertThat(zh(c).breaking()).isEqualTo("约定式提交的破坏性标记 “fix(api)!:”");
    assertThat(en(c).breaking()).isEqualTo("conventional-commit breaking marker \"fix(api)!:\"");
    assertThat(en(c).severity()).isEqualTo(Severity.HIGH);
    assertThat(en(c).reasons()).contains(
        "conventional-commit breaking marker \"fix(api)!:\" → breaking change, high");
    assertThat(en(commit("feat!: new config", CODE)).breaking())
        .isEqualTo("conventional-commit breaking marker \"feat!:\"");
  }

  @Test
  void aFooterInCapitalsAtALineStartMarksTheCommit() {
    assertThat(en(commit("Rework config\n\nBREAKING CHANGE: the key moved", CODE)).breaking())
        .isEqualTo("\"BREAKING CHANGE:\" footer in the message");
    assertThat(zh(commit("Rework config\n\nBREAKING-CHANGE: the key moved", CODE)).breaking())
        .isEqualTo("提交信息带有 “BREAKING-CHANGE:” 脚注");
  }

  @Test
  void wordsInASentenceAreNoMarker() {
    for (String message : List.of("Avoid a breaking change in the API",
        "Fix: this is not a BREAKING CHANGE: really", "feat: add x\n\nbreaking change: none",
        "Feat! add x")) {
      Analysis a = en(commit(message, CODE));
      assertThat(a.isBreaking()).as(message).isFalse();
      assertThat(a.reasons()).as(message).noneMatch(r -> r.contains("breaking"));
    }
  }

  @Test
  void aRemovedOrMovedPublicApiFileMarksTheCommit() {
    assertThat(en(commit("Clean up", List.of(removed("python/sglang/api.py", 80)))).breaking())
        .isEqualTo("removed public API file python/sglang/api.py");
    assertThat(zh(commit("Move", List.of(renamed("python/sglang/srt/entrypoints/engine.py",
        "python/sglang/srt/engine.py", 0, 0)))).breaking())
        .isEqualTo("把公开接口路径下的文件 python/sglang/srt/entrypoints/engine.py 移到了 "
            + "python/sglang/srt/engine.py");
    assertThat(en(commit("Headers", List.of(removed("csrc/include/ops.h", 10)))).breaking())
        .isEqualTo("removed public API file csrc/include/ops.h");
  }

  @Test
  void removingOtherFilesIsNoBreakingChange() {
    for (FileChange f : List.of(removed("python/sglang/srt/utils.py", 40),
        removed("test/api/test_api.py", 40), removed("docs/api/index.md", 40),
        removed("python/sglang/apidoc.py", 4), modified("python/sglang/api.py", 3, 3),
        renamed("python/sglang/srt/old.py", "python/sglang/api.py", 0, 0))) {
      assertThat(en(commit("Tidy", List.of(f))).isBreaking()).as(f.toString()).isFalse();
    }
  }

  @Test
  void aFlagRemovedFromWhereFlagsAreDefinedMarksTheCommit() {
    String patch = String.join("\n", "@@ -10,12 +10,6 @@ def add_cli_args(parser):",
        "         parser.add_argument(", "             \"--model-path\",",
        "-        parser.add_argument(", "-            \"--enable-old-cache\",",
        "-            action=\"store_true\",", "-        )");
    Commit c = commit("Drop an option", List.of(patched("python/sglang/srt/server_args.py",
        patch)));
    assertThat(en(c).breaking()).isEqualTo(
        "removed command-line flag --enable-old-cache (python/sglang/srt/server_args.py)");
    assertThat(zh(c).breaking()).isEqualTo(
        "删除了命令行参数 --enable-old-cache（python/sglang/srt/server_args.py）");
  }

  @Test
  void aFlagMovedOrOnlyUsedIsNoRemoval() {
    String moved = String.join("\n", "@@ -1,4 +1,4 @@", "-    parser.add_argument(\"--tp-size\", type=int)",
        "+    parser.add_argument(\"--tp-size\", type=int, default=1)");
    String usedInACommand = String.join("\n", "@@ -1,3 +1,3 @@",
        "-    cmd = [\"python\", \"-m\", \"x\", \"--tp\", \"2\"]", "+    cmd = [\"python\"]");
    String testFile = String.join("\n", "@@ -1,3 +1,1 @@", "-    parser.add_argument(\"--seed\")");
    assertThat(en(commit("Tweak", List.of(patched("python/pkg/args.py", moved)))).isBreaking())
        .isFalse();
    assertThat(en(commit("Tweak", List.of(patched("python/pkg/launch.py", usedInACommand))))
        .isBreaking()).isFalse();
    assertThat(en(commit("Tweak", List.of(patched("test/test_args.py", testFile))))
        .isBreaking()).isFalse();
  }

  @Test
  void theMarkerStaysPlainTextWhateverThePathHolds() {
    Analysis a = en(commit("x", List.of(removed("api/<b>`x`|y</b>.py", 3))));
    assertThat(a.breaking()).isEqualTo("removed public API file api/<b>`x`|y</b>.py");
  }
}
