package dev.daybook.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daybook.analysis.llm.FakeLlm.Request;
import dev.daybook.analysis.llm.FakeLlm.Response;
import dev.daybook.analysis.rules.RuleAnalyzer;
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
import dev.daybook.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The LLM analyzer against a real HTTP server on 127.0.0.1 playing the endpoint. */
class LlmAnalyzerTest {

  static final String KEY = "sk-test-0123456789-secret";
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final String PARENT = "fedcba9876543210fedcba9876543210fedcba98";
  static final String URL = "https://github.com/example/repo/commit/" + SHA;

  @RegisterExtension
  static final FakeLlm fake = FakeLlm.perTestClass();

  @TempDir
  Path dir;
  final List<Duration> sleeps = new ArrayList<>();
  final List<String> notices = new ArrayList<>();

  LlmAnalyzer.Builder builder() {
    return LlmAnalyzer.builder()
        .baseUrl(fake.baseUrl())
        .model("test-model")
        .apiKey(KEY)
        .timeout(Duration.ofSeconds(5))
        .maxRetries(2)
        .backoff(Duration.ofMillis(10))
        .maxWait(Duration.ofSeconds(30))
        .sleeper(sleeps::add)
        .cacheDir(dir.resolve("cache"))
        .notices(n -> {
          synchronized (notices) {
            notices.add(n);
          }
        });
  }

  LlmAnalyzer analyzer() {
    return builder().build();
  }

  static Commit commit(String message) {
    List<FileChange> files = List.of(
        new FileChange("python/sglang/srt/server.py", null, FileChange.Status.MODIFIED, 40, 10,
            "@@ -1,3 +1,4 @@\n import os\n+from sglang.srt.utils import helper\n"),
        new FileChange("docs/usage.md", null, FileChange.Status.MODIFIED, 5, 1, "@@ -1 +1 @@\n+x"));
    return new Commit(RepoId.parse("example/repo"), SHA, URL, "Example Author",
        Instant.parse("2026-02-06T00:00:00Z"), message, List.of(PARENT), 45, 11, files);
  }

  static Commit other(String sha, String message) {
    Commit c = commit(message);
    return new Commit(c.repo(), sha, c.url().replace(SHA, sha), c.authorName(),
        c.committedAt(), message, List.of(), c.additions(), c.deletions(), c.files());
  }

  static Map<String, Object> answer(String severity, String summary) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("severity", severity);
    a.put("types", List.of("bugfix"));
    a.put("severity_reason", "It changes the server.");
    a.put("summary", summary);
    a.put("impact", List.of("`python/sglang/srt/server.py`"));
    a.put("insights", List.of(Map.of("dimension", "maintainability",
        "text", "The import of `helper` moves.")));
    a.put("risks", List.of(Map.of("title", "Startup",
        "details", "Startup may fail if the import is missing.")));
    a.put("recommendations", List.of(Map.of("title", "Tests", "details", "Run the server tests.")));
    a.put("conclusion", "A small fix.");
    return a;
  }

  static Response good() {
    return Response.answer(answer("high", "Fixes the server start."));
  }

  static boolean isFallback(Analysis a) {
    return a.rationale().contains("⚠️ Model analysis failed")
        || a.rationale().contains("⚠️ 模型分析失败");
  }

  // ---- good answers -------------------------------------------------------------------------

  @Test
  void aGoodAnswerBecomesTheAnalysisAndTheRequestIsWhatWeDefined() {
    fake.then(good());
    Analysis a = analyzer().analyze(commit("fix: server start\n\nDetails."), Language.EN);

    assertThat(a.severity()).isEqualTo(Severity.HIGH);
    assertThat(a.types()).containsExactly(ChangeType.BUGFIX);
    assertThat(a.summary()).isEqualTo("Fixes the server start.");
    assertThat(a.impact()).isEqualTo("- `python/sglang/srt/server.py`");
    assertThat(a.insights()).isEqualTo(Items.of(List.of(
        new Insight(Dimension.MAINTAINABILITY, "The import of `helper` moves."))));
    assertThat(a.risks()).isEqualTo(Items.of(List.of(
        new Point("Startup", "Startup may fail if the import is missing."))));
    assertThat(a.recommendations()).isEqualTo(Items.of(List.of(
        new Point("Tests", "Run the server tests."))));
    assertThat(a.rationale()).isEqualTo("It changes the server.");
    assertThat(a.incomplete()).isFalse();
    assertThat(a.reasons()).contains("model: test-model (prompt v3)");

    assertThat(fake.requests()).hasSize(1);
    Request r = fake.requests().get(0);
    assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
    assertThat(r.body().path("model").asText()).isEqualTo("test-model");
    assertThat(r.body().path("temperature").asInt()).isZero();
    assertThat(r.body().path("max_tokens").asInt()).isEqualTo(2048);
    assertThat(r.body().path("response_format").path("type").asText()).isEqualTo("json_object");
    assertThat(r.system()).contains("\"severity\": \"high\" | \"medium\" | \"low\"")
        .contains("write in English");
    assertThat(r.commit().path("sha").asText()).isEqualTo(SHA);
    assertThat(r.commit().path("message").asText()).isEqualTo("fix: server start\n\nDetails.");
    assertThat(r.commit().path("stats").path("additions").asInt()).isEqualTo(45);
    assertThat(r.commit().path("files").path(0).path("patch").asText()).contains("helper");
  }

  @Test
  void theArchiveLocaleIsAskedFor() {
    fake.then(good());
    analyzer().analyze(commit("fix: x"), Language.ZH);
    assertThat(fake.requests().get(0).system()).contains("write in Simplified Chinese");
  }

  @Test
  void theRulesSeverityStaysVisibleWhenTheModelDisagrees() {
    fake.then(good());
    Commit c = commit("docs: typo");
    Analysis ruled = new RuleAnalyzer().analyze(c, Language.EN);
    Analysis a = analyzer().analyze(c, Language.EN);
    assertThat(ruled.severity()).isNotEqualTo(Severity.HIGH);
    assertThat(a.reasons()).contains("rules: " + ruled.severity().key() + "; model: high");
  }

  @Test
  void noDisagreementLineWhenModelAndRulesAgree() {
    Commit c = commit("fix: server start");
    Severity ruled = new RuleAnalyzer().analyze(c, Language.EN).severity();
    fake.then(Response.answer(answer(ruled.key(), "Fixes it.")));
    assertThat(analyzer().analyze(c, Language.EN).reasons())
        .noneMatch(r -> r.startsWith("rules: "));
  }

  // ---- truncated and invalid answers -----------------------------------------------------------

  @Test
  void aTruncatedAnswerIsAskedAgainWithAStricterPrompt() {
    fake.then(Response.completion("{\"severity\": \"high\", \"summary\": \"The risk is", "length"),
        good());
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(isFallback(a)).isFalse();
    assertThat(a.summary()).isEqualTo("Fixes the server start.");
    List<Request> r = fake.requests();
    assertThat(r).hasSize(2);
    assertThat(r.get(0).system()).doesNotContain("could not be used");
    assertThat(r.get(1).system()).contains("could not be used (the answer was cut off")
        .contains("compact JSON only");
    assertThat(r.get(1).user()).isEqualTo(r.get(0).user());
  }

  @Test
  void truncatedTwiceFallsBackToTheRulesWithAVisibleMarkerAndNothingHalfCut() {
    // Even a cut-off answer that happens to be valid JSON is not published.
    Response cut = Response.completion(
        "{\"severity\":\"high\",\"types\":[\"feature\"],\"summary\":\"Adds the CI stage; the"
            + " risk list is\"}", "length");
    fake.then(cut, cut);
    Commit c = commit("feat: add stage");
    Analysis a = analyzer().analyze(c, Language.ZH);
    Analysis ruled = new RuleAnalyzer().analyze(c, Language.ZH);
    assertThat(fake.requests()).hasSize(2);
    assertThat(a.rationale()).startsWith("> ⚠️ 模型分析失败（回答在 token 上限处被截断，两次），以下为规则分析。");
    assertThat(a.severity()).isEqualTo(ruled.severity());
    assertThat(a.summary()).isEqualTo(ruled.summary()).doesNotContain("risk list is");
    assertThat(a.incomplete()).isFalse();
    assertThat(a.reasons().get(0)).isEqualTo(
        "模型：test-model 失败（回答在 token 上限处被截断，两次），使用规则分析");
    assertThat(a.reasons()).containsAll(ruled.reasons());
  }

  @Test
  void invalidJsonIsRetriedOnceThenFallsBack() {
    fake.then(Response.completion("Sure! Here is the analysis: severity high", "stop"),
        Response.completion("{\"severity\": \"high\",", "stop"));
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(fake.requests()).hasSize(2);
    assertThat(a.rationale()).isEqualTo(
        "> ⚠️ Model analysis failed (the answer is not valid JSON, twice); rule analysis shown.");
  }

  @Test
  void invalidJsonThenAGoodAnswerIsUsed() {
    fake.then(Response.completion("not json", "stop"), good());
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(isFallback(a)).isFalse();
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void aCodeFenceAroundTheJsonIsAccepted() throws Exception {
    String json = FakeLlm.JSON.writeValueAsString(answer("low", "Fine."));
    fake.then(Response.completion("```json\n" + json + "\n```", "stop"));
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(a.severity()).isEqualTo(Severity.LOW);
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void severityOrTypesOutsideOurEnumsAreInvalid() {
    Map<String, Object> badSeverity = answer("critical", "x");
    Map<String, Object> badTypes = answer("high", "x");
    badTypes.put("types", List.of("security-hotfix"));
    fake.then(Response.answer(badSeverity), Response.answer(badTypes));
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(isFallback(a)).isTrue();
    assertThat(fake.requests().get(1).system())
        .contains("could not be used (severity is not one of high, medium, low)");
    assertThat(a.rationale()).contains("types names none of our change types, twice");
  }

  // ---- invented facts ----------------------------------------------------------------------

  @Test
  void sentencesAndItemsNamingAShaPathOrUrlNotInTheCommitAreDropped() {
    Map<String, Object> a = answer("medium",
        "Fixes the server start in `python/sglang/srt/server.py`. It reverts commit 9f8e7d6c5b4a."
            + " See https://evil.example/x for details. Parent fedcba9 is kept.");
    a.put("impact", List.of("`python/sglang/srt/server.py`", "`python/sglang/srt/invented.py`",
        "srt/server.py and docs/", "the folder python/sglang/srt/", "`src/made/up/`",
        "CPU/GPU paths"));
    a.put("risks", List.of(Map.of("title", "Diff", "details", "See " + URL + " for the diff."),
        Map.of("title", "Mirror", "details", "Read www.example.org first."),
        Map.of("title", "Upstream at f0e1d2c", "details", "Tracked upstream."),
        Map.of("title", "Upstream", "details", "Tracked in 0123456 upstream.")));
    fake.then(Response.answer(a));
    Analysis result = analyzer().analyze(commit("fix: x"), Language.EN);

    assertThat(result.summary())
        .isEqualTo("Fixes the server start in `python/sglang/srt/server.py`. Parent fedcba9 is"
            + " kept.");
    assertThat(result.impact()).isEqualTo(String.join("\n",
        "- `python/sglang/srt/server.py`", "- srt/server.py and docs/",
        "- the folder python/sglang/srt/", "- CPU/GPU paths"));
    // A point goes whole when its title or its details name what the commit does not hold.
    assertThat(result.risks()).isEqualTo(Items.of(List.of(
        new Point("Diff", "See " + URL + " for the diff."),
        new Point("Upstream", "Tracked in 0123456 upstream."))));
    assertThat(result.reasons()).contains("model text: 6 statements dropped (a file, SHA or URL"
        + " not in the commit, or too long)");
  }

  @Test
  void anAnswerWhoseEverySummarySentenceIsInventedKeepsTheRulesSummary() {
    fake.then(Response.answer(answer("medium", "It edits `src/nowhere.py`.")));
    Commit c = commit("fix: x\n\nBody text.");
    Analysis result = analyzer().analyze(c, Language.EN);
    assertThat(result.summary()).isEqualTo(new RuleAnalyzer().analyze(c, Language.EN).summary());
  }

  // ---- the endpoint misbehaves ---------------------------------------------------------------

  @Test
  void rateLimitedRequestsHonourRetryAfter() {
    fake.then(Response.of(429, "{\"error\":{\"message\":\"slow down\"}}")
        .withHeader("Retry-After", "7"), good());
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(isFallback(a)).isFalse();
    assertThat(fake.requests()).hasSize(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterDateIsWaitedUntil() {
    Instant now = Instant.parse("2026-02-10T08:00:00Z");
    fake.then(Response.of(429, "").withHeader("Retry-After", "Tue, 10 Feb 2026 08:00:12 GMT"),
        good());
    Analysis a = builder().clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).build()
        .analyze(commit("fix: x"), Language.EN);
    assertThat(isFallback(a)).isFalse();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aWrongBaseUrlStopsFurtherRequests() {
    fake.otherwise(r -> Response.of(404, "<html>Not Found</html>"));
    List<Analysis> all = builder().concurrency(1).build()
        .analyzeAll(List.of(commit("fix: x"), other(PARENT, "fix: y")), Language.EN);
    assertThat(fake.requests()).hasSize(1);
    assertThat(all.get(0).rationale()).contains("(HTTP 404 (no chat/completions at 127.0.0.1:");
    assertThat(all.get(1).rationale()).contains("(not asked: HTTP 404");
  }

  @Test
  void aRetryAfterLongerThanAllowedIsNotWaited() {
    fake.then(Response.of(429, "").withHeader("Retry-After", "3600"));
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(fake.requests()).hasSize(1);
    assertThat(sleeps).isEmpty();
    assertThat(a.rationale()).contains("HTTP 429 (rate limited); asked to wait 3600 s");
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenFallBack() {
    Response error = Response.of(500, "<html>oops</html>");
    fake.then(error, error, error, good());
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(fake.requests()).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(a.rationale()).contains("(HTTP 500, 3 attempts)");
  }

  @Test
  void aServerErrorThenAGoodAnswerIsUsed() {
    fake.then(Response.of(503, ""), good());
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(isFallback(a)).isFalse();
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void aTimeoutIsRetriedThenFallsBack() {
    fake.then(good().delayed(1_500), good().delayed(1_500));
    Analysis a = builder().timeout(Duration.ofMillis(200)).maxRetries(1).build()
        .analyze(commit("fix: x"), Language.EN);
    assertThat(fake.requests()).hasSize(2);
    assertThat(a.rationale()).contains("(no answer within 0.2 s, 2 attempts)");
  }

  @Test
  void aChineseArchiveSaysWhyTheEndpointFailedInChinese() {
    Response error = Response.of(500, "<html>oops</html>");
    fake.then(error, error, error);
    assertThat(analyzer().analyze(commit("fix: x"), Language.ZH).rationale())
        .contains("⚠️ 模型分析失败（HTTP 500，共尝试 3 次），以下为规则分析。");
    fake.then(Response.of(200, "<!DOCTYPE html><html></html>"));
    assertThat(analyzer().analyze(commit("fix: x"), Language.ZH).rationale())
        .contains("（接口返回的是 HTML，不是 JSON）");
    fake.then(Response.of(429, "").withHeader("Retry-After", "3600"));
    assertThat(analyzer().analyze(commit("fix: x"), Language.ZH).rationale())
        .contains("（HTTP 429（请求过于频繁）；要求等待 3600 s，超过允许的 ");
    fake.then(good().delayed(1_500), good().delayed(1_500));
    Analysis late = builder().timeout(Duration.ofMillis(200)).maxRetries(1).build()
        .analyze(commit("fix: x"), Language.ZH);
    assertThat(late.rationale()).contains("（0\\.2 s 内没有回答，共尝试 2 次）"); // escaped: "0." opens a list
    fake.otherwise(r -> Response.of(404, "<html>Not Found</html>"));
    List<Analysis> all = builder().concurrency(1).build()
        .analyzeAll(List.of(commit("fix: x"), other(PARENT, "fix: y")), Language.ZH);
    assertThat(all.get(0).rationale()).contains("（HTTP 404（127.0.0.1:")
        .contains(" 上没有 chat/completions）");
    assertThat(all.get(1).rationale()).contains("（未请求：HTTP 404（127.0.0.1:");
    assertThat(all.get(0).reasons().get(0)).startsWith("模型：test-model 失败（HTTP 404（");
    for (Analysis a : all) {
      assertThat(a.rationale() + a.reasons()).doesNotContain("no chat", "not asked", "attempts");
    }
  }

  @Test
  void htmlEmptyBodyAndErrorObjectFallBackWithAMarker() {
    fake.then(Response.of(200, "<!DOCTYPE html><html><body>Gateway</body></html>"));
    assertThat(analyzer().analyze(commit("fix: x"), Language.EN).rationale())
        .contains("(the endpoint answered HTML, not JSON)");
    fake.then(Response.of(200, ""));
    assertThat(analyzer().analyze(commit("fix: x"), Language.EN).rationale())
        .contains("(the endpoint answered an empty body)");
    fake.then(Response.of(200,
        "{\"error\":{\"message\":\"Incorrect API key " + KEY + "\",\"code\":\"invalid_api_key\"}}"));
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(a.rationale()).contains("(the endpoint answered an error object (invalid_api_key))")
        .doesNotContain(KEY);
    assertThat(fake.requests()).hasSize(3);
    // A code that is the key, or a good part of it, is not quoted.
    fake.then(Response.of(200, "{\"error\":{\"code\":\"" + KEY + "\"}}"),
        Response.of(200, "{\"error\":{\"code\":\"" + KEY.substring(5, 20) + "\"}}"));
    assertThat(analyzer().analyze(commit("fix: x"), Language.EN).rationale())
        .contains("(the endpoint answered an error object)").doesNotContain("0123456789");
    assertThat(analyzer().analyze(commit("fix: x"), Language.EN).rationale())
        .contains("(the endpoint answered an error object)").doesNotContain("0123456789");
  }

  @Test
  void aRefusedKeyStopsFurtherRequestsOfTheRunAndIsNeverQuoted() {
    fake.otherwise(r -> Response.of(401, "{\"error\":{\"message\":\"bad key " + KEY + "\"}}"));
    List<Commit> commits = Fixtures.sglangDay(LocalDate.of(2026, 2, 6)).subList(0, 4);
    LlmAnalyzer analyzer = builder().concurrency(1).build();
    List<Analysis> all = analyzer.analyzeAll(commits, Language.EN);
    assertThat(fake.requests()).hasSize(1);
    assertThat(all).allMatch(LlmAnalyzerTest::isFallback);
    assertThat(all.get(1).rationale()).contains("not asked: HTTP 401 (the key was refused)");
    assertThat(analyzer.usage().fallbacks()).isEqualTo(4);
    assertThat(String.join("\n", notices)).doesNotContain(KEY);
    assertThat(all.toString()).doesNotContain(KEY);
  }

  @Test
  void theBackoffCountsTheRetriesOfEachRequestNotTheRequestsOfTheRun() {
    fake.then(good(), good(), good(), good(), good(), good(), good(), good(), good(), good(),
        good(), Response.of(500, ""), good());
    List<Commit> commits = Fixtures.sglangDay(LocalDate.of(2026, 2, 6)).subList(0, 12);
    LlmAnalyzer analyzer = builder().concurrency(1).build();
    List<Analysis> all = analyzer.analyzeAll(commits, Language.EN);
    assertThat(all).noneMatch(LlmAnalyzerTest::isFallback);
    assertThat(fake.requests()).hasSize(13);
    // The twelfth request's first retry waits the first backoff, not 2^11 of it.
    assertThat(sleeps).containsExactly(Duration.ofMillis(10));
    assertThat(notices).containsExactly(
        "LLM request failed (HTTP 500); retrying in 10 ms (retry 1 of 2)");
    assertThat(analyzer.usage().retryWait()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void anEndpointThatAlwaysFailsCostsSecondsPerCommitNotMinutes() {
    fake.otherwise(r -> Response.of(500, "<html>down</html>"));
    List<Commit> commits = Fixtures.sglangDay(LocalDate.of(2026, 2, 6));
    // The defaults: 3 retries, backoff from 1 s, 120 s per wait, 5 min per run.
    LlmAnalyzer analyzer = LlmAnalyzer.builder().baseUrl(fake.baseUrl()).model("test-model")
        .apiKey(KEY).concurrency(1).sleeper(sleeps::add).notices(notices::add).build();
    List<Analysis> all = analyzer.analyzeAll(commits, Language.EN);

    assertThat(commits).hasSize(13);
    assertThat(all).allMatch(LlmAnalyzerTest::isFallback);
    assertThat(fake.requests()).hasSize(13 * 4);
    assertThat(sleeps).hasSize(13 * 3).allMatch(d -> d.compareTo(Duration.ofSeconds(4)) <= 0);
    assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofSeconds(13 * 7));
    assertThat(analyzer.usage().retryWait()).isEqualTo(Duration.ofSeconds(91));
    assertThat(analyzer.usage().summary()).isEqualTo("52 requests (~"
        + fake.promptChars() / 4 + " prompt tokens), 0 answers from the cache, 13 fell back to"
        + " the rules; retries waited 91 s in all (at most 5 min a run)");
    assertThat(analyzer.usage().maxRetryWait()).isEqualTo(Duration.ofMinutes(5));
    assertThat(all.get(12).rationale()).contains("(HTTP 500, 4 attempts)");
  }

  @Test
  void theWholeRunWaitsABoundedTimeAndSaysWhenItStopsRetrying() {
    fake.otherwise(r -> Response.of(503, ""));
    List<Commit> commits = Fixtures.sglangDay(LocalDate.of(2026, 2, 6));
    LlmAnalyzer analyzer = builder().concurrency(1).maxRetries(3).backoff(Duration.ofSeconds(1))
        .maxTotalWait(Duration.ofSeconds(20)).build();
    List<Analysis> all = analyzer.analyzeAll(commits, Language.EN);

    // 1 + 2 + 4 s for each of the first two commits, then 1 + 2 s: 4 s more would pass 20 s.
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(analyzer.usage().retryWait()).isEqualTo(Duration.ofSeconds(17));
    assertThat(analyzer.usage().summary()).endsWith(", 13 fell back to the rules; retries waited"
        + " 17 s in all (at most 20 s a run)");
    assertThat(notices).filteredOn(n -> n.startsWith("LLM retries have waited")).containsExactly(
        "LLM retries have waited 17 s in this run; waiting 4 s more would pass the 20 s a run may"
            + " wait, so failed requests are no longer retried");
    assertThat(all.get(2).rationale())
        .contains("(HTTP 503, 3 attempts; not retried, the run's retries have waited what they"
            + " may)");
    assertThat(all.get(3).rationale())
        .contains("(HTTP 503; not retried, the run's retries have waited what they may)");
    assertThat(fake.requests()).hasSize(4 + 4 + 3 + 10);
  }

  @Test
  void anAbsurdOrUnreadableRetryAfterIsExplainedNeverQuoted() {
    fake.then(Response.of(429, "").withHeader("Retry-After", "99999999999999999999"));
    Analysis a = analyzer().analyze(commit("fix: x"), Language.EN);
    assertThat(a.rationale())
        .contains("(HTTP 429 (rate limited); asked to wait more than the 30 s allowed)")
        .doesNotContain("For input string").doesNotContain("9999");
    assertThat(sleeps).isEmpty();

    fake.reset().then(Response.of(429, "").withHeader("Retry-After", "-3"), good());
    assertThat(isFallback(analyzer().analyze(commit("fix: y"), Language.EN))).isFalse();
    assertThat(sleeps).containsExactly(Duration.ofMillis(10));
    assertThat(notices).contains("LLM request failed (HTTP 429 (rate limited); its Retry-After is"
        + " unreadable; backing off); retrying in 10 ms (retry 1 of 2)");
  }

  @Test
  void aKeyWithAControlCharacterIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> builder().apiKey(KEY + "\u0001tail").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the API key holds a control character (U+0001) inside")
        .hasMessageNotContaining(KEY).hasMessageNotContaining("secret");
    assertThatThrownBy(() -> builder().apiKey("sk-abc\r\ndef").build())
        .hasMessageStartingWith("the API key holds a carriage return (U+000D) inside (character 7)")
        .hasMessageNotContaining("sk-abc");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void oneTrailingLineBreakOfACopiedKeyIsDropped() {
    fake.then(good());
    assertThat(isFallback(builder().apiKey(KEY + "\r").build()
        .analyze(commit("fix: x"), Language.EN))).isFalse();
    assertThat(fake.requests()).singleElement()
        .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
  }

  // ---- cache ---------------------------------------------------------------------------------

  @Test
  void aCachedAnswerCostsNoRequestAndGivesTheSameAnalysis() throws IOException {
    Commit c = commit("fix: x");
    fake.then(good());
    Analysis first = analyzer().analyze(c, Language.EN);
    LlmAnalyzer again = analyzer();
    Analysis second = again.analyze(c, Language.EN);
    assertThat(second).isEqualTo(first);
    assertThat(fake.requests()).hasSize(1);
    assertThat(again.usage().cacheHits()).isEqualTo(1);
    assertThat(again.usage().requests()).isZero();

    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
      files = s.toList();
    }
    assertThat(files).hasSize(1);
    String text = Files.readString(files.get(0));
    assertThat(files.get(0).getFileName().toString()).startsWith(SHA + "-en-").endsWith(".json");
    assertThat(text).endsWith("}\n").doesNotContain(KEY);
    assertThat(text.indexOf("\"answer\"")).isLessThan(text.indexOf("\"key\""));
    assertThat(text.indexOf("\"conclusion\"")).isLessThan(text.indexOf("\"impact\""));
  }

  @Test
  void anotherModelOrLanguageIsAskedAgainAndFailuresAreNotCached() {
    Commit c = commit("fix: x");
    fake.then(good());
    analyzer().analyze(c, Language.EN);
    builder().model("other-model").build().analyze(c, Language.EN);
    analyzer().analyze(c, Language.ZH);
    assertThat(fake.requests()).hasSize(3);

    fake.reset().then(Response.of(400, "{}"));
    Commit other = commit("fix: y");
    Analysis failed = builder().model("m3").build().analyze(other, Language.EN);
    assertThat(isFallback(failed)).isTrue();
    builder().model("m3").build().analyze(other, Language.EN);
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void aDamagedCacheFileIsAskedAgain() throws IOException {
    Commit c = commit("fix: x");
    fake.then(good(), good());
    analyzer().analyze(c, Language.EN);
    Path file;
    try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
      file = s.findFirst().orElseThrow();
    }
    Files.writeString(file, "{ not json");
    assertThat(isFallback(analyzer().analyze(c, Language.EN))).isFalse();
    assertThat(fake.requests()).hasSize(2);
  }

  // ---- concurrency ---------------------------------------------------------------------------

  @Test
  void analyzeAllKeepsTheOrderAndTheConcurrencyLimit() {
    fake.otherwise(r -> Response.answer(answer("medium",
        "Analysis of " + r.commit().path("sha").asText().substring(0, 7) + ".")).delayed(60));
    List<Commit> commits = Fixtures.sglangDay(LocalDate.of(2026, 2, 6)).subList(0, 8);
    List<Analysis> all = builder().concurrency(3).build().analyzeAll(commits, Language.EN);
    assertThat(fake.maxInFlight()).isBetween(2, 3);
    assertThat(fake.requests()).hasSize(8);
    for (int i = 0; i < commits.size(); i++) {
      assertThat(all.get(i).summary()).isEqualTo("Analysis of " + commits.get(i).shortSha() + ".");
    }
  }
}
