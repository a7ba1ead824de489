package dev.daybook.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.RepoId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule that decides which model sentences name something the commit does not hold. */
class FactCheckTest {

  static final String SHA = "3d68bd9d9b6ed994a2de1f7d9d2bd2956f8f1ac9";
  static final Commit COMMIT = new Commit(RepoId.parse("sgl-project/sglang"), SHA,
      "https://github.com/sgl-project/sglang/commit/" + SHA, "A",
      Instant.parse("2026-02-06T00:00:00Z"),
      "add hicache jit test (#17847)\n\nFollows up on 1a2b3c4d; see docs/bench.md and the guide"
          + " at docs.sglang.ai/start", List.of(),
      10, 2, List.of(
          new FileChange("python/sglang/jit_kernel/benchmark/bench_hicache.py", null,
              FileChange.Status.ADDED, 10, 0, "+from sglang.jit_kernel.hicache import run\n"
                  + "+# see third_party/cutlass/include/gemm.h\n"
                  + "+self.net = Net()\n+logger.info(run)\n"),
          new FileChange("python/sglang/jit_kernel/benchmark/utils.py",
              "python/sglang/jit_kernel/utils_old.py", FileChange.Status.RENAMED, 0, 2, null),
          new FileChange("README.md", null, FileChange.Status.MODIFIED, 1, 1, null),
          new FileChange("docs/my notes.md", null, FileChange.Status.ADDED, 3, 0, null),
          new FileChange("python/sglang/srt/configs/E=128,N=384,device_name=H200.json", null,
              FileChange.Status.ADDED, 5, 0, null)));

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

  /** Ordinary prose names none of the things checked, or only what the commit holds. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Bumps to v0.5.1 and Qwen2.5-VL, e.g. for the tests, i.e. all of them. |
      Updates README.md and `README.md`.                                 |
      修复了 `README.md` 中的错别字，例如 v0.5.1 的说明。                 |
      新增 docs/my notes.md 文件，用于说明。                              |
      Adds `docs/my notes.md` and docs/my notes.md, with blanks.         |
      Run `cd python/sglang/jit_kernel` first, then `open docs/my notes.md`. |
      Logs with logger.info and sets self.net in the benchmark.          |
      See github.com/sgl-project/sglang for the repository.              |
      The setup guide is on docs.sglang.ai/start.                        |
      Commit 3D68BD9 adds it, after 1A2B3C4D.                            |
      中文句子，没有任何路径、网址或提交。                                |
      At 12:30 the ratio is 1:2; std::vector and key:value stay prose.    |
      FTP: a protocol name before a blank. Note: so is this.             |
      The A100 and H100 GPUs run FP8 and BF16, 1e-5 apart.               |
      `torch.compile(model, mode=max)` and `x = a / b` are code.          |
      Tunes python/sglang/srt/configs/E=128,N=384,device_name=H200.json.   |
      Tunes E=128,N=384,device_name=H200.json for the H200.               |
      """)
  void ordinaryProseIsKept(String sentence, String unknown) {
    assertThat(CHECK.unknownMention(sentence.strip()).orElse(null)).isEqualTo(unknown);
  }

  /** The spellings models use for an address, a SHA or a path the commit does not hold. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Read evil.example/steal for the details.     | evil.example/steal
      Go to Evil.Example/Steal now.                | Evil.Example/Steal
      Visit evil.com for more.                     | evil.com
      Host evil.xyz serves it.                     | evil.xyz
      See bit.ly/abc.                              | bit.ly/abc
      Mail ann@evil.example for access.            | ann@evil.example
      Read WWW.EVIL.COM first.                     | WWW.EVIL.COM
      Fetch ftp://evil.example/x.                  | ftp://evil.example/x
      Fetch ftp:evil.example/x.                    | ftp:evil.example/x
      Clone ssh://git@evil.example/x.git today.    | ssh://git@evil.example/x.git
      Open file:///etc/passwd.                     | file:///etc/passwd
      Write to mailto:ann@evil.example today.      | mailto:ann@evil.example
      Click javascript:alert(1) now.               | javascript:alert
      Use data:text/html,hi.                       | data:text/html,hi
      Reverts 9F8E7D6C5B4A.                        | 9F8E7D6C5B4A
      Reverts 9f8E7d6C5b4A.                        | 9f8E7d6C5b4A
      Adds `src/invented dir/x.py`.                | src/invented dir/x.py
      Edits `docs/other notes.md`.                 | docs/other notes.md
      Run `cd docs/invented` first.                | cd docs/invented
      Edits docs/other notes.md too.               | notes.md
      Tunes E=128,N=384,device_name=B200.json.     | B200.json
      访问 evil.example/steal 获取数据。            | evil.example/steal
      访问ｅｖｉｌ．ｅｘａｍｐｌｅ／ｓｔｅａｌ。      | evil.example/steal
      """)
  void unknownSpelling(String sentence, String unknown) {
    assertThat(CHECK.unknownMention(sentence.strip()).orElse(null)).isEqualTo(unknown);
  }

  @Test
  void invisibleCharactersHideNoAddress() {
    // A zero-width space, a soft hyphen, a word joiner: a reader sees the address whole.
    assertThat(CHECK.unknownMention("See evil\u200B.example/steal now.")).contains(
        "evil.example/steal");
    assertThat(CHECK.unknownMention("See evil.exam\u00ADple/steal now.")).contains(
        "evil.example/steal");
    assertThat(CHECK.unknownMention("See www\u2060.evil.com now.")).contains("www.evil.com");
  }
}
