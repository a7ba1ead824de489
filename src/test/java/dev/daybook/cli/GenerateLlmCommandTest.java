package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.analysis.llm.FakeLlm;
import dev.daybook.model.DailyReport;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import dev.daybook.source.github.FakeGitHub;
import dev.daybook.source.github.FakeRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daybook generate --analyzer llm} end to end: fake GitHub, fake model endpoint. */
class GenerateLlmCommandTest {

  static final Clock AFTER_THE_WEEK = Clock.fixed(Instant.parse("2026-02-10T00:00:00Z"),
      ZoneOffset.UTC);
  static final String KEY = "sk-live-DO-NOT-PRINT-4f9a2c";

  static FakeGitHub github;
  static FakeLlm llm;

  @TempDir
  Path dir;
  Path content;
  Path config;

  @BeforeAll
  static void start() throws IOException {
    github = FakeGitHub.start();
    llm = FakeLlm.start();
  }

  @AfterAll
  static void stop() {
    github.close();
    llm.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    github.reset().serve(FakeRepo.sglangWeek());
    llm.reset();
    content = dir.resolve("content");
    config = dir.resolve("site.properties");
    writeConfig("");
  }

  void writeConfig(String extra) throws IOException {
    Files.writeString(config, "repos=sgl-project/sglang\nreport.timezone=Asia/Shanghai\n"
        + "github.api-url=" + github.apiUrl() + "\n"
        + "llm.base-url=" + llm.baseUrl() + "\n"
        + "llm.model=test-model\n"
        + "llm.max-retries=0\n"
        + extra);
  }

  CliRun generate(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("generate", "--config=" + config,
        "--content=" + content, "--date=2026-02-06", "--analyzer=llm"));
    all.addAll(List.of(args));
    return CliRun.run(env, AFTER_THE_WEEK, all.toArray(String[]::new));
  }

  Path report() {
    return content.resolve("reports/2026/02/2026-02-06.md");
  }

  DailyReport read() throws Exception {
    ParsedReport parsed = new ReportParser(ZoneId.of("Asia/Shanghai"))
        .parse(report(), Files.readString(report()), true);
    assertThat(parsed.problems()).isEmpty();
    return parsed.orThrow();
  }

  List<Path> cacheFiles() throws IOException {
    Path cache = dir.resolve("content/.cache/llm");
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aMissingKeyIsAUsageErrorNamingTheVariableBeforeAnyRequest() {
    CliRun run = generate(Map.of());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("environment variable DAYBOOK_LLM_API_KEY");
    assertThat(github.requests()).isEmpty();
    assertThat(llm.requests()).isEmpty();
  }

  @Test
  void theVariableNamedInTheSettingsIsTheOneAskedFor() throws IOException {
    writeConfig("llm.api-key-env=MY_MODEL_KEY\n");
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("environment variable MY_MODEL_KEY").doesNotContain(KEY);
  }

  @Test
  void aKeyWithALineBreakInsideIsAUsageErrorNamingTheVariableNotTheKey() {
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", "sk-live-DO-NOT\nPRINT-4f9a2c"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("DAYBOOK_LLM_API_KEY holds a line break (U+000A) inside"
        + " (character 15); a token or key is printable ASCII without spaces or line breaks (the"
        + " value is not shown)\n")
        .doesNotContain("DO-NOT").doesNotContain("4f9a2c").doesNotContain("invalid header");
    assertThat(github.requests()).isEmpty();
    assertThat(llm.requests()).isEmpty();

    CliRun control = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY + "\u0001\r\n"));
    assertThat(control.exitCode()).isEqualTo(2);
    assertThat(control.err()).contains("DAYBOOK_LLM_API_KEY holds a control character (U+0001)"
        + " at its end").doesNotContain("DO-NOT-PRINT");
  }

  @Test
  void aKeyCopiedWithItsCarriageReturnIsSentWithout() throws Exception {
    // Today's report: "daybook: invalid header value: "Bearer sk-...^M"", the whole key printed.
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY + "\r"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err()).doesNotContain("DO-NOT-PRINT");
    assertThat(llm.requests()).hasSize(14) // 13 commits and the day's summary
        .allMatch(r -> ("Bearer " + KEY).equals(r.authorization()));
  }

  @Test
  void whenTheRunMayWaitNoLongerForRetriesItSaysSoOnce() throws IOException {
    writeConfig("llm.concurrency=1\nllm.max-retries=2\nllm.max-total-wait-seconds=0\n");
    llm.otherwise(r -> FakeLlm.Response.of(502, "<html>Bad Gateway</html>"));
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines().filter(l -> l.contains("no longer retried")))
        .containsExactly("daybook: LLM retries have waited 0 ms in this run; waiting 1 s more would"
            + " pass the 0 ms a run may wait, so failed requests are no longer retried");
    assertThat(llm.requests()).hasSize(14); // one attempt each (13 commits, 1 day), nothing slept
    assertThat(run.out()).contains("14 fell back to the rules").doesNotContain("retries waited");
  }

  @Test
  void aMissingModelIsAUsageError() throws IOException {
    Files.writeString(config, "repos=sgl-project/sglang\n");
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("llm.model");
  }

  @Test
  void aBadSettingNamesTheKey() throws IOException {
    writeConfig("llm.concurrency=lots\n");
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("llm.concurrency: 'lots' is not valid");
  }

  @Test
  void theModelWritesTheReportAndARerunCostsNoRequest() throws Exception {
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("llm: 14 requests (~")
        .contains("0 answers from the cache, 0 fell back to the rules")
        .contains("\n模型回答：0 个规整后采用，0 个重新请求，0 个改用规则分析。\n");
    assertThat(llm.requests()).hasSize(14)
        .allMatch(r -> ("Bearer " + KEY).equals(r.authorization()));
    assertThat(llm.requests()).filteredOn(FakeLlm.Request::isDaySummary).hasSize(1);
    DailyReport report = read();
    // The stand-in highlights the first commit it is sent: all are medium, so the newest.
    assertThat(report.sections().get(0).summary())
        .startsWith("本日共 13 个提交。\n\n- **Add Nemotron 3 Nano tests (#18119)**（`c6aa186`）："
            + "最重要的改动：Add Nemotron 3 Nano tests (#18119)。\n\n改动集中在 `")
        .endsWith("\n\n🤖 由模型 test-model 根据本日各提交的分析写成（要点提示词 v1）。");
    assertThat(report.commitCount()).isEqualTo(13);
    assertThat(report.sections().get(0).commits()).map(ReportedCommit::analysis)
        .allMatch(a -> a.summary().startsWith("本次提交："))
        .allMatch(a -> a.reasons().get(0).equals("模型：test-model（提示词 v3）"));
    assertThat(cacheFiles()).hasSize(14);
    String first = Files.readString(report());

    CliRun again = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY), "--force");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("llm: 0 requests (~0 prompt tokens), 14 answers from the"
        + " cache, 0 fell back to the rules");
    assertThat(llm.requests()).hasSize(14);
    assertThat(Files.readString(report())).isEqualTo(first);
  }

  @Test
  void theKeyNeverAppearsInOutputReportsOrCacheEvenWhenTheEndpointEchoesIt() throws Exception {
    writeConfig("llm.concurrency=1\n");
    llm.then(FakeLlm.Response.of(500, "{\"error\":\"bad key " + KEY + "\"}"))
        .otherwise(r -> FakeLlm.Response.of(401, "{\"error\":{\"message\":\"Incorrect API key"
            + " provided: " + KEY + "\"}}"));
    CliRun run = generate(Map.of("DAYBOOK_LLM_API_KEY", KEY));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err()).doesNotContain(KEY).doesNotContain("DO-NOT-PRINT");
    assertThat(run.err()).contains("HTTP 401 (the key was refused)");
    // One 500 (no retries configured), one 401, then the run stops asking.
    assertThat(llm.requests()).hasSize(2);
    String markdown = Files.readString(report());
    assertThat(markdown).doesNotContain(KEY)
        .contains("⚠️ 模型分析失败（HTTP 500），以下为规则分析。")
        .contains("⚠️ 模型分析失败（HTTP 401（密钥被拒绝）），以下为规则分析。")
        .contains("⚠️ 模型分析失败（未请求：HTTP 401（密钥被拒绝）），以下为规则分析。")
        .contains("**📝 本日要点**\n\n> ⚠️ 模型摘要失败（未请求：HTTP 401（密钥被拒绝）），以下为规则摘要。"
            + "\n\n本日重要程度最高")
        .doesNotContain("the key was refused");
    assertThat(cacheFiles()).isEmpty();
    assertThat(run.out()).contains("14 fell back to the rules")
        .contains("模型回答：0 个规整后采用，0 个重新请求，14 个改用规则分析（HTTP 401（密钥被拒绝）；"
            + "HTTP 500；未请求：HTTP 401（密钥被拒绝） ×11；本日要点：未请求：HTTP 401（密钥被拒绝））。");
  }
}
