package dev.daybook.analysis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.concurrent.Sleeper;
import dev.daybook.config.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible {@code POST /chat/completions} over {@code java.net.http}.
 *
 * <p>Retried, at most {@code maxRetries} times per request: timeouts and connection failures, 5xx
 * (backoff {@code backoff · 2^n} before the request's n-th retry, counting from 0, capped at
 * {@code maxWait}) and 429 (the {@code Retry-After} seconds or date when given and readable, else
 * the backoff; a wait longer than {@code maxWait} is not waited, the request fails). All the
 * retries of a run wait at most {@code maxTotalWait} together: once a wait would pass it, no
 * failed request of the run is retried any more, and a notice says so once. 401, 403 and 404 fail
 * at once and are fatal for the run (wrong key or URL). Any other status, an empty or non-JSON
 * body (an HTML error page), and a 200 carrying an {@code error} object fail without retry. At
 * most {@code permits} requests are in flight at once.
 *
 * <p>The key goes only into the {@code Authorization} header, and is checked first ({@link
 * Secrets#check}) so that the HTTP client never refuses it with an error quoting it; no message of
 * this class quotes a response body or a header. Each failure says why in English and in Chinese,
 * for the report's marker in the archive's language.
 */
final class HttpChatEndpoint implements ChatEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  /** A {@code Retry-After} too large to mean anything: longer than any wait allowed. */
  private static final Duration ABSURD = Duration.ofSeconds(Long.MAX_VALUE);

  private final HttpClient client;
  private final URI url;
  private final String apiKey;
  private final String model;
  private final int maxTokens;
  private final boolean jsonMode;
  private final Duration timeout;
  private final int maxRetries;
  private final Duration backoff;
  private final Duration maxWait;
  private final Duration maxTotalWait;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Semaphore permits;
  private final Consumer<String> notices;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong promptChars = new AtomicLong();
  private final AtomicLong waitedMillis = new AtomicLong();
  /** Set when a wait did not fit the run's budget: no retry waits after that. */
  private final AtomicBoolean budgetAnnounced = new AtomicBoolean();

  HttpChatEndpoint(URI baseUrl, String apiKey, String model, int maxTokens, boolean jsonMode,
      Duration timeout, int maxRetries, Duration backoff, Duration maxWait, Duration maxTotalWait,
      int concurrency, Sleeper sleeper, Clock clock, Consumer<String> notices) {
    String base = baseUrl.toString();
    this.url = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    this.apiKey = Secrets.check("the API key", Objects.requireNonNull(apiKey, "apiKey"));
    this.model = Objects.requireNonNull(model, "model");
    this.maxTokens = maxTokens;
    this.jsonMode = jsonMode;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.maxWait = maxWait;
    this.maxTotalWait = maxTotalWait;
    this.sleeper = sleeper;
    this.clock = clock;
    this.permits = new Semaphore(concurrency, true);
    this.notices = notices;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Requests sent so far, retries included. */
  int requests() {
    return requests.get();
  }

  /** Characters of message content sent so far, retries included. */
  long promptChars() {
    return promptChars.get();
  }

  /** How long retries have waited so far, all requests together. */
  Duration waited() {
    return Duration.ofMillis(waitedMillis.get());
  }

  /** The most all the retries of this endpoint may wait together. */
  Duration maxTotalWait() {
    return maxTotalWait;
  }

  @Override
  public Reply complete(List<Message> messages) throws LlmFailure {
    String body = body(messages);
    long chars = messages.stream().mapToLong(m -> m.content().length()).sum();
    for (int attempt = 0; ; attempt++) {
      Attempt result = send(body, chars);
      if (result.reply() != null) {
        return result.reply();
      }
      LlmFailure failure = result.failure();
      if (attempt > 0) {
        failure = failure.followedBy(", " + (attempt + 1) + " attempts",
            "，共尝试 " + (attempt + 1) + " 次");
      }
      if (!result.retryable() || attempt >= maxRetries) {
        throw failure;
      }
      Duration wait = result.retryAfter() != null ? result.retryAfter() : backoff(attempt);
      if (wait.compareTo(maxWait) > 0) {
        throw failure.followedBy("; asked to wait "
            + (wait.equals(ABSURD) ? "" : wait.toSeconds() + " s, ") + "more than the "
            + maxWait.toSeconds() + " s allowed", "；要求等待"
            + (wait.equals(ABSURD) ? "" : " " + wait.toSeconds() + " s，") + "超过允许的 "
            + maxWait.toSeconds() + " s");
      }
      if (!reserve(wait)) {
        if (budgetAnnounced.compareAndSet(false, true)) {
          notices.accept("LLM retries have waited " + describe(waited()) + " in this run;"
              + " waiting " + describe(wait) + " more would pass the " + describe(maxTotalWait)
              + " a run may wait, so failed requests are no longer retried");
        }
        throw failure.followedBy("; not retried, the run's retries have waited what they may",
            "；未重试：本次运行的重试已等满允许的时间");
      }
      notices.accept("LLM request failed (" + failure.getMessage()
          + (result.note() == null ? "" : "; " + result.note()) + "); retrying in "
          + describe(wait) + " (retry " + (attempt + 1) + " of " + maxRetries + ")");
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmFailure("interrupted while waiting to retry", "等待重试时被中断", true);
      }
    }
  }

  /**
   * Takes {@code wait} out of the run's budget for waits; false when it does not fit, and from then
   * on for every wait, so that "no longer retried" stays true.
   */
  private boolean reserve(Duration wait) {
    long millis = wait.toMillis();
    long budget = maxTotalWait.toMillis();
    long before;
    do {
      before = waitedMillis.get();
      if (budgetAnnounced.get() || before + millis > budget) {
        return false;
      }
    } while (!waitedMillis.compareAndSet(before, before + millis));
    return true;
  }

  /**
   * The outcome of one HTTP exchange: a reply, or a failure, whether it may be retried, the wait
   * the server asked for (null: the backoff) and a note on its {@code Retry-After}.
   */
  private record Attempt(Reply reply, LlmFailure failure, boolean retryable,
      Duration retryAfter, String note) {

    static Attempt of(Reply reply) {
      return new Attempt(reply, null, false, null, null);
    }

    static Attempt fail(LlmFailure failure) {
      return new Attempt(null, failure, false, null, null);
    }

    static Attempt retry(LlmFailure failure) {
      return new Attempt(null, failure, true, null, null);
    }
  }

  private Attempt send(String body, long chars) throws LlmFailure {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(url)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .header("Authorization", "Bearer " + apiKey)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
    } catch (IllegalArgumentException e) {
      // The JDK's message quotes the header value, key included: neither goes further.
      throw new LlmFailure("the API key holds a character no HTTP header may carry (not shown)",
          "API 密钥含有 HTTP 头不能携带的字符（不显示）", true);
    }
    HttpResponse<String> response;
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmFailure("interrupted", "被中断", true);
    }
    requests.incrementAndGet();
    promptChars.addAndGet(chars);
    // The request timeout of java.net.http ends when the headers arrive; the bound on the whole
    // exchange keeps a server that trickles its body from holding a permit for ever.
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return Attempt.retry(noAnswerInTime());
    } catch (ExecutionException e) {
      return Attempt.retry(e.getCause() instanceof HttpTimeoutException ? noAnswerInTime()
          : new LlmFailure("connection to " + host() + " failed", "连接 " + host() + " 失败",
              false));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmFailure("interrupted", "被中断", true);
    } finally {
      permits.release();
    }
    return answer(response);
  }

  private Attempt answer(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      try {
        return Attempt.of(parse(response.body()));
      } catch (LlmFailure f) {
        return Attempt.fail(f);
      }
    }
    if (status == 429) {
      LlmFailure failure = new LlmFailure("HTTP 429 (rate limited)", "HTTP 429（请求过于频繁）",
          false);
      Optional<String> header = response.headers().firstValue("Retry-After");
      if (header.isEmpty()) {
        return Attempt.retry(failure);
      }
      Duration wait = retryAfter(header.get().strip());
      return wait == null
          ? new Attempt(null, failure, true, null, "its Retry-After is unreadable; backing off")
          : new Attempt(null, failure, true, wait, null);
    }
    if (status >= 500 && status <= 599) {
      return Attempt.retry(new LlmFailure("HTTP " + status));
    }
    boolean fatal = status == 401 || status == 403 || status == 404;
    String why = switch (status) {
      case 401 -> " (the key was refused)";
      case 403 -> " (forbidden)";
      case 404 -> " (no chat/completions at " + host() + ")";
      default -> "";
    };
    String chinese = switch (status) {
      case 401 -> "（密钥被拒绝）";
      case 403 -> "（禁止访问）";
      case 404 -> "（" + host() + " 上没有 chat/completions）";
      default -> "";
    };
    return Attempt.fail(new LlmFailure("HTTP " + status + why, "HTTP " + status + chinese,
        fatal));
  }

  /** Reads the completion out of a 200 answer. */
  Reply parse(String body) throws LlmFailure {
    if (body == null || body.isBlank()) {
      throw new LlmFailure("the endpoint answered an empty body", "接口返回了空的内容", false);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      boolean html = body.stripLeading().startsWith("<");
      throw new LlmFailure(
          html ? "the endpoint answered HTML, not JSON" : "the endpoint answered something not JSON",
          html ? "接口返回的是 HTML，不是 JSON" : "接口返回的不是 JSON", false);
    }
    if (root == null || !root.isObject()) {
      throw new LlmFailure("the endpoint answered JSON that is not an object",
          "接口返回的 JSON 不是对象", false);
    }
    if (root.hasNonNull("error")) {
      JsonNode error = root.get("error");
      String code = error.path("code").asText(error.path("type").asText(""));
      throw new LlmFailure("the endpoint answered an error object"
          + (showable(code) ? " (" + code + ")" : ""),
          "接口返回了错误对象" + (showable(code) ? "（" + code + "）" : ""), false);
    }
    JsonNode choice = root.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    if (!content.isTextual()) {
      throw new LlmFailure("the endpoint answered without choices[0].message.content",
          "接口的返回中没有 choices[0].message.content", false);
    }
    return new Reply(content.asText(), choice.path("finish_reason").asText(""));
  }

  /** An error code short and plain enough to quote, and no part of the key: some echo it. */
  private boolean showable(String code) {
    return SAFE_CODE.matcher(code).matches() && !code.contains(apiKey)
        && !(code.length() >= 8 && apiKey.contains(code));
  }

  private String body(List<Message> messages) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model);
    ArrayNode list = root.putArray("messages");
    for (Message m : messages) {
      list.addObject().put("role", m.role()).put("content", m.content());
    }
    root.put("temperature", 0);
    root.put("max_tokens", maxTokens);
    if (jsonMode) {
      root.putObject("response_format").put("type", "json_object");
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request", e);
    }
  }

  /** The wait before the {@code retry}-th retry of a request, counting from 0. */
  private Duration backoff(int retry) {
    Duration wait = backoff.multipliedBy(1L << Math.min(retry, 20));
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  /**
   * {@code Retry-After} as seconds or as an HTTP date; {@link #ABSURD} for a number too large to
   * mean anything; null when unreadable (a negative number, other text).
   */
  private Duration retryAfter(String text) {
    if (text.matches("\\d+")) {
      return text.length() > 12 ? ABSURD : Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private LlmFailure noAnswerInTime() {
    return new LlmFailure("no answer within " + seconds(timeout),
        seconds(timeout) + " 内没有回答", false);
  }

  private String host() {
    return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
        : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** A wait for people: {@code 250 ms}, {@code 1.5 s}, {@code 90 s}, {@code 2 min 30 s}. */
  static String describe(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    if (d.toSeconds() < 120) {
      return seconds(d);
    }
    long s = d.toSeconds();
    return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
  }
}
