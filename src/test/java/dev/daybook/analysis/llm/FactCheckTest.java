package dev.daybook.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.RepoId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule that decides which model sentences name something the commit does not hold. */
class FactCheckTest {

  static final String SHA = "3d68bd9d9b6ed994a2de1f7d9d2bd2956f8f1ac9";
  static final Commit COMMIT = new Commit(RepoId.parse("sgl-project/sglang"), SHA,
      "https://github.com/sgl-project/sglang/commit/" + SHA, "A",
      Instant.parse("2026-02-06T00:00:00Z"),
      "add hicache jit test (#17847)\n\nFollows up on 1a2b3c4d; see docs/bench.md", List.of(),
      10, 2, List.of(
          new FileChange("python/sglang/jit_kernel/benchmark/bench_hicache.py", null,
              FileChange.Status.ADDED, 10, 0, "+from sglang.jit_kernel.hicache import run\n"
                  + "+# see third_party/cutlass/include/gemm.h\n"),
          new FileChange("python/sglang/jit_kernel/benchmark/utils.py",
              "python/sglang/jit_kernel/utils_old.py", FileChange.Status.RENAMED, 0, 2, null)));

  static final FactCheck CHECK = new FactCheck(COMMIT);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Adds `python/sglang/jit_kernel/benchmark/bench_hicache.py`.      |
      Adds `bench_hicache.py` and `benchmark/utils.py`.                 |
      The folder python/sglang/jit_kernel/ gains a benchmark.           |
      Renamed from `python/sglang/jit_kernel/utils_old.py`.             |
      Touches sglang/jit_kernel as a whole.                             |
      Commit 3d68bd9 adds it.                                           |
      It follows 1a2b3c4d from the message.                             |
      See https://github.com/sgl-project/sglang/commit/3d68bd9d9b6ed994a2de1f7d9d2bd2956f8f1ac9. |
      The patch includes `third_party/cutlass/include/gemm.h`.          |
      It names docs/bench.md from the message.                          |
      CPU/GPU and AWQ/FP8/GPTQ are not paths, nor 1/2 or 2026/02/06.    |
      Numbers like 1234567 and words like defaced are not SHAs.         |
      Calls `torch.cuda.is_available()` and `sglang.srt.layers`.        |
      Adds `src/invented.py`.                                           | src/invented.py
      Edits tests/test_hicache.py too.                                  | tests/test_hicache.py
      Reverts 9f8e7d6c5b4a.                                             | 9f8e7d6c5b4a
      See https://github.com/sgl-project/sglang/pull/17847 for more.    | https://github.com/sgl-project/sglang/pull/17847
      Read www.example.org.                                             | www.example.org
      The python/sglang/srt/server/ folder.                             | python/sglang/srt/server/
      Mirrors ci/gpu/run.                                               | ci/gpu/run
      """)
  void unknownMention(String sentence, String unknown) {
    assertThat(CHECK.unknownMention(sentence.strip()).orElse(null)).isEqualTo(unknown);
  }
}
