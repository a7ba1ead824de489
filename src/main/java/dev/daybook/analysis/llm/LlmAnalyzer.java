package dev.daybook.analysis.llm;

import dev.daybook.analysis.CommitAnalyzer;
import dev.daybook.analysis.rules.RuleAnalyzer;
import dev.daybook.concurrent.Sleeper;
import dev.daybook.io.Sha256;
import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.Language;
import dev.daybook.text.MarkdownText;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Analyzes commits with a model behind an OpenAI-compatible chat-completions endpoint, and falls
 * back to the rules, visibly, whenever the model gives nothing usable.
 *
 * <p>For each commit: a cached answer (commit SHA + model + prompt version + language) is used
 * when there is one; else the commit's message, stats and patches (cut to a budget) are sent with
 * a fixed system prompt asking for one JSON object of our schema. An answer that was cut off
 * ({@code finish_reason=length}), is not JSON or does not fit the schema is asked once more with a
 * stricter prompt; if that fails too, or the endpoint fails (after bounded retries for timeouts,
 * 429 and 5xx, waiting at most a bounded time per run), the rule analysis is published with a
 * marker in its rationale and a reason line.
 * A usable answer is fact-checked and escaped ({@link SafeProse}), and the rules' severity is kept
 * beside the model's in the reasons when they differ. Nothing is ever published half-cut.
 *
 * An answer off the schema whose meaning is clear is mended and used ({@link Answer}); every
 * mending, second try and fallback is counted, with why, for {@link #answerSummary}.
 *
 * <p>The overview that opens a repository's day ({@link #summarizeDay}) is one more request, with
 * its own prompt ({@link DayPrompt}) and the day's analyses as data, read, checked, cached and
 * counted the same way; when it fails the rules' overview is published under a marker ({@code >
 * ⚠️ 模型摘要失败（why），以下为规则摘要。} / {@code > ⚠️ Model summary failed (why); rule
 * summary shown.}).
 *
 * <p>Markers, in the report's language (they survive writing and parsing a report): rationale
 * {@code > ⚠️ 模型分析失败（why），以下为规则分析。} / {@code > ⚠️ Model analysis failed (why);
 * rule analysis shown.}; reasons {@code 模型：<name> 失败（why），使用规则分析} / {@code model:
 * <name> failed (why); rules used} and, on disagreement, {@code 规则：中；模型：高} / {@code rules:
 * medium; model: high}. Why it failed is said in the report's language too (a status code, a
 * host or a key name stays as it is).
 *
 * <p>The API key goes into the {@code Authorization} header and nowhere else.
 */
public final class LlmAnalyzer implements CommitAnalyzer {

  /**
   * What a run cost: requests sent (retries included), answers from the cache, fallbacks, and how
   * long retries waited in all, of the most they may wait in a run.
   */
  public record Usage(int requests, long promptChars, int cacheHits, int fallbacks,
      Duration retryWait, Duration maxRetryWait) {

    /** A rough token count: characters / 4. */
    public long promptTokens() {
      return promptChars / 4;
    }

    /**
     * One line for the end of a run: {@code 13 requests (~7500 prompt tokens), 0 answers from the
     * cache, 1 fell back to the rules; retries waited 3 s in all (at most 5 min a run)}; the part
     * on waits only when retries waited.
     */
    public String summary() {
      return requests + " requests (~" + promptTokens() + " prompt tokens), " + cacheHits
          + " answers from the cache, " + fallbacks + " fell back to the rules"
          + (retryWait.isZero() ? "" : "; retries waited " + HttpChatEndpoint.describe(retryWait)
              + " in all (at most " + HttpChatEndpoint.describe(maxRetryWait) + " a run)");
    }
  }

  private final ChatEndpoint endpoint;
  private final HttpChatEndpoint http;
  private final String model;
  private final int maxPatchChars;
  private final int concurrency;
  private final AnswerCache cache;
  private final CommitAnalyzer rules;
  private final Consumer<String> notices;
  private final AtomicInteger cacheHits = new AtomicInteger();
  private final AnswerTally tally = new AnswerTally();
  private final AtomicReference<LlmFailure> fatal = new AtomicReference<>();

  private LlmAnalyzer(Builder b) {
    this.model = requireText(b.model, "model");
    this.maxPatchChars = b.maxPatchChars;
    this.concurrency = b.concurrency;
    this.cache = b.cacheDir == null ? null : new AnswerCache(b.cacheDir);
    this.rules = b.fallback;
    this.notices = b.notices;
    if (b.endpoint != null) {
      this.endpoint = b.endpoint;
      this.http = null;
    } else {
      Objects.requireNonNull(b.baseUrl, "baseUrl");
      this.http = new HttpChatEndpoint(b.baseUrl, requireText(b.apiKey, "apiKey"), model,
          b.maxTokens, b.jsonMode, b.timeout, b.maxRetries, b.backoff, b.maxWait, b.maxTotalWait,
          concurrency, b.sleeper, b.clock, b.notices);
      this.endpoint = http;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What this analyzer has cost so far. */
  public Usage usage() {
    return new Usage(http == null ? 0 : http.requests(), http == null ? 0 : http.promptChars(),
        cacheHits.get(), tally.fellBackAnswers(), http == null ? Duration.ZERO : http.waited(),
        http == null ? Duration.ZERO : http.maxTotalWait());
  }

  /**
   * One line, in the archive's language, on what became of the answers so far: how many were
   * used after mending an answer off the schema, asked again, or replaced by the rules, and why.
   */
  public String answerSummary(Language language) {
    return tally.line(language);
  }

  @Override
  public Analysis analyze(Commit commit, Language language) {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(language, "language");
    Analysis ruled = rules.analyze(commit, language);
    AnswerCache.Key key = new AnswerCache.Key(commit.sha(), model, Prompt.VERSION, language);
    Answer answer = cached(key);
    if (answer != null) {
      cacheHits.incrementAndGet();
      return Composer.compose(commit, answer, ruled, model, language);
    }
    LlmFailure stop = fatal.get();
    if (stop != null) {
      return fallback(commit, ruled, language, new LlmFailure(
          "not asked: " + stop.getMessage(), "未请求：" + stop.message(Language.ZH), false));
    }
    try {
      Answer.Read read = ask(commit.shortSha(), reason -> Prompt.messages(commit, language,
          maxPatchChars, reason), Answer::parse, why -> why);
      answer = read.answer();
      tally.mended(read.mended().stream().map(AnswerTally.Why::of).toList());
    } catch (LlmFailure failure) {
      if (failure.fatal()) {
        fatal.compareAndSet(null, failure);
      }
      return fallback(commit, ruled, language, failure);
    }
    if (cache != null) {
      try {
        cache.write(key, answer);
      } catch (IOException e) {
        notices.accept("cannot keep the LLM answer for " + commit.shortSha() + " in "
            + cache.file(key) + ": " + e.getMessage());
      }
    }
    return Composer.compose(commit, answer, ruled, model, language);
  }

  /**
   * Analyzes commits with at most {@code concurrency} requests at once; the results are in the
   * order of the commits.
   */
  @Override
  public List<Analysis> analyzeAll(List<Commit> commits, Language language) {
    if (concurrency <= 1 || commits.size() <= 1) {
      return CommitAnalyzer.super.analyzeAll(commits, language);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, commits.size()));
    try {
      List<Future<Analysis>> futures = new ArrayList<>();
      for (Commit c : commits) {
        futures.add(pool.submit(() -> analyze(c, language)));
      }
      List<Analysis> out = new ArrayList<>();
      for (Future<Analysis> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analyzing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The model's overview of the day, written from the analyses with one more request (cached as
   * the commits' answers are); the rules' overview, with a marker saying why, when the model
   * gives nothing usable. Its answer is checked, mended, asked again and counted as a commit's.
   */
  @Override
  public String summarizeDay(List<Commit> commits, List<Analysis> analyses, Language language) {
    Objects.requireNonNull(language, "language");
    if (commits.isEmpty()) {
      return "";
    }
    String subject = commits.get(0).repo() + " (" + commits.size() + " commits)";
    String data = DayPrompt.data(commits, analyses);
    AnswerCache.DayKey key = new AnswerCache.DayKey(
        Sha256.hex(data.getBytes(StandardCharsets.UTF_8)), model, DayPrompt.VERSION, language);
    DayAnswer cached = cachedDay(key);
    if (cached != null) {
      Optional<String> summary = DayComposer.compose(commits, cached, model, language);
      if (summary.isPresent()) {
        cacheHits.incrementAndGet();
        return summary.get();
      }
    }
    LlmFailure stop = fatal.get();
    if (stop != null) {
      return dayFallback(subject, commits, analyses, language, new LlmFailure(
          "not asked: " + stop.getMessage(), "未请求：" + stop.message(Language.ZH), false));
    }
    DayAnswer.Read read;
    try {
      read = ask(subject, reason -> DayPrompt.messages(data, language, reason), DayAnswer::parse,
          LlmAnalyzer::aboutTheDay);
    } catch (LlmFailure failure) {
      if (failure.fatal()) {
        fatal.compareAndSet(null, failure);
      }
      return dayFallback(subject, commits, analyses, language, failure);
    }
    Optional<String> summary = DayComposer.compose(commits, read.answer(), model, language);
    if (summary.isEmpty()) {
      return dayFallback(subject, commits, analyses, language, new LlmFailure(
          "no highlight passed the fact check (each named a file, SHA or URL not in the day's"
              + " commits)", "没有一条要点通过事实核查（都提到了本日提交中没有的文件、SHA 或网址）",
          false));
    }
    tally.mended(read.mended().stream().map(AnswerTally.Why::of).map(LlmAnalyzer::aboutTheDay)
        .toList());
    if (cache != null) {
      try {
        cache.write(key, read.answer());
      } catch (IOException e) {
        notices.accept("cannot keep the LLM day summary of " + subject + " in "
            + cache.file(key) + ": " + e.getMessage());
      }
    }
    return summary.get();
  }

  private static AnswerTally.Why aboutTheDay(AnswerTally.Why why) {
    return why.about("day summary", "本日要点");
  }

  /** The rules' overview under a marker saying why the model's is not there. */
  private String dayFallback(String subject, List<Commit> commits, List<Analysis> analyses,
      Language language, LlmFailure failure) {
    tally.fellBack(aboutTheDay(AnswerTally.Why.of(failure)));
    notices.accept("LLM summary of " + subject + " failed (" + failure.getMessage()
        + "); the rule summary is used");
    String why = MarkdownText.inline(failure.message(language));
    String marker = "> " + (language == Language.ZH
        ? "⚠️ 模型摘要失败（" + why + "），以下为规则摘要。"
        : "⚠️ Model summary failed (" + why + "); rule summary shown.");
    return marker + "\n\n" + rules.summarizeDay(commits, analyses, language);
  }

  private DayAnswer cachedDay(AnswerCache.DayKey key) {
    return cached(key, () -> cache.read(key));
  }

  private Answer cached(AnswerCache.Key key) {
    return cached(key, () -> cache.read(key));
  }

  /** What the answer cache holds for a key, or null (none, no cache, or unreadable: said). */
  private <T> T cached(AnswerCache.Keyed key, CachedRead<T> read) {
    if (cache == null) {
      return null;
    }
    try {
      return read.read().orElse(null);
    } catch (IOException e) {
      notices.accept("cannot read " + cache.file(key) + ": " + e.getMessage());
      return null;
    }
  }

  @FunctionalInterface
  private interface CachedRead<T> {
    java.util.Optional<T> read() throws IOException;
  }

  /** Reads a model's answer; {@link Answer.Invalid} when it cannot be used. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(String content) throws Answer.Invalid;
  }

  /**
   * Asks, and asks once more with a stricter prompt if the answer is cut off or unusable (an
   * answer mended to fit the schema is used as it is).
   *
   * @param subject what is asked about, for notices (a short SHA, a repository's day)
   * @param messages the conversation, given why the previous answer was unusable (null at first)
   * @param said how a reason is counted for this kind of answer
   */
  private <T> T ask(String subject, Function<String, List<ChatEndpoint.Message>> messages,
      Reader<T> reader, UnaryOperator<AnswerTally.Why> said) throws LlmFailure {
    AnswerIssue.Note problem = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      ChatEndpoint.Reply reply = endpoint.complete(
          messages.apply(problem == null ? null : problem.text(Language.EN)));
      if (reply.truncated()) {
        problem = new AnswerIssue.Note(AnswerIssue.CUT_OFF, null);
      } else {
        try {
          return reader.read(reply.content());
        } catch (Answer.Invalid invalid) {
          problem = invalid.note();
        }
      }
      if (attempt == 0) {
        tally.retried(said.apply(AnswerTally.Why.of(problem)));
        notices.accept("LLM answer for " + subject + " unusable ("
            + problem.text(Language.EN) + "); asking again");
      }
    }
    throw new LlmFailure(problem.text(Language.EN) + ", twice",
        problem.text(Language.ZH) + "，两次", false);
  }

  private Analysis fallback(Commit commit, Analysis ruled, Language language,
      LlmFailure failure) {
    tally.fellBack(AnswerTally.Why.of(failure));
    notices.accept("LLM analysis of " + commit.shortSha() + " failed (" + failure.getMessage()
        + "); the rule analysis is used");
    String why = failure.message(language);
    String marker = "> " + (language == Language.ZH
        ? "⚠️ 模型分析失败（" + MarkdownText.inline(why) + "），以下为规则分析。"
        : "⚠️ Model analysis failed (" + MarkdownText.inline(why) + "); rule analysis shown.");
    String rationale = ruled.rationale().isBlank() ? marker : marker + "\n\n" + ruled.rationale();
    List<String> reasons = new ArrayList<>();
    reasons.add(language == Language.ZH ? "模型：" + model + " 失败（" + why + "），使用规则分析"
        : "model: " + model + " failed (" + why + "); rules used");
    reasons.addAll(ruled.reasons());
    return new Analysis(ruled.severity(), ruled.types(), ruled.typeLabel(), rationale,
        ruled.summary(), ruled.impact(), ruled.insights(), ruled.risks(),
        ruled.recommendations(), ruled.conclusion(), reasons, ruled.incomplete())
        .withBreaking(ruled.breaking());
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the LLM analyzer needs a " + name);
    }
    return value;
  }

  /** Sets up an analyzer; every setting but the model and the key has a default. */
  public static final class Builder {
    private URI baseUrl;
    private String model;
    private String apiKey;
    private int maxPatchChars = 12_000;
    private int maxTokens = 2_048;
    private Duration timeout = Duration.ofSeconds(60);
    private int concurrency = 4;
    private int maxRetries = 3;
    private boolean jsonMode = true;
    private Path cacheDir;
    private CommitAnalyzer fallback = new RuleAnalyzer();
    private Consumer<String> notices = notice -> {};
    private Duration backoff = Duration.ofSeconds(1);
    private Duration maxWait = Duration.ofSeconds(120);
    private Duration maxTotalWait = Duration.ofMinutes(5);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private ChatEndpoint endpoint;

    private Builder() {}

    /** The API base, e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is added. */
    public Builder baseUrl(URI value) {
      this.baseUrl = Objects.requireNonNull(value, "baseUrl");
      return this;
    }

    public Builder model(String value) {
      this.model = value;
      return this;
    }

    /**
     * The API key; sent as a bearer token, never printed. {@link #build} refuses a key holding a
     * character no header can carry ({@link dev.daybook.config.Secrets#check}), without showing it.
     */
    public Builder apiKey(String value) {
      this.apiKey = value;
      return this;
    }

    /** Characters of diff one request carries at most, shared fairly among the files. */
    public Builder maxPatchChars(int value) {
      this.maxPatchChars = atLeast(value, 0, "maxPatchChars");
      return this;
    }

    public Builder maxTokens(int value) {
      this.maxTokens = atLeast(value, 1, "maxTokens");
      return this;
    }

    /** How long one HTTP request (and its connection) may take. */
    public Builder timeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + value);
      }
      this.timeout = value;
      return this;
    }

    /** How many requests may be in flight at once. */
    public Builder concurrency(int value) {
      this.concurrency = atLeast(value, 1, "concurrency");
      return this;
    }

    /** How many times a timed-out, rate-limited or 5xx request is repeated. */
    public Builder maxRetries(int value) {
      this.maxRetries = atLeast(value, 0, "maxRetries");
      return this;
    }

    /** Whether to send {@code response_format: json_object}. */
    public Builder jsonMode(boolean value) {
      this.jsonMode = value;
      return this;
    }

    /** Where answers are kept between runs; {@code null} keeps none. */
    public Builder cacheDir(Path value) {
      this.cacheDir = value;
      return this;
    }

    /** The analyzer used when the model fails (default: the rules). */
    public Builder fallback(CommitAnalyzer value) {
      this.fallback = Objects.requireNonNull(value, "fallback");
      return this;
    }

    /** Receives one-line notices (retries, fallbacks); they never hold the key. */
    public Builder notices(Consumer<String> value) {
      this.notices = Objects.requireNonNull(value, "notices");
      return this;
    }

    /** The first wait after a failure; it doubles each time, up to {@code maxWait}. */
    public Builder backoff(Duration value) {
      this.backoff = Objects.requireNonNull(value, "backoff");
      return this;
    }

    /** The longest wait accepted, from the backoff or a {@code Retry-After}. */
    public Builder maxWait(Duration value) {
      this.maxWait = Objects.requireNonNull(value, "maxWait");
      return this;
    }

    /**
     * The most all retries of this analyzer wait together (default 5 min): once used up, a failed
     * request falls back to the rules without a retry.
     */
    public Builder maxTotalWait(Duration value) {
      Objects.requireNonNull(value, "maxTotalWait");
      if (value.isNegative()) {
        throw new IllegalArgumentException("maxTotalWait must not be negative: " + value);
      }
      this.maxTotalWait = value;
      return this;
    }

    Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    Builder endpoint(ChatEndpoint value) {
      this.endpoint = value;
      return this;
    }

    public LlmAnalyzer build() {
      return new LlmAnalyzer(this);
    }

    private static int atLeast(int value, int min, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
      }
      return value;
    }
  }
}
