package dev.daybook.analysis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible {@code POST /chat/completions} over {@code java.net.http}.
 *
 * <p>Retried, at most {@code maxRetries} times: timeouts and connection failures, 5xx (backoff
 * {@code backoff · 2^n}, capped at {@code maxWait}) and 429 (the {@code Retry-After} seconds or
 * date when given, else the backoff; a wait longer than {@code maxWait} is not waited, the request
 * fails). 401, 403 and 404 fail at once and are fatal for the run (wrong key or URL). Any other
 * status, an empty or non-JSON body (an HTML error page), and a 200 carrying an {@code error}
 * object fail without retry. At most {@code permits} requests are in flight at once.
 *
 * <p>The key goes only into the {@code Authorization} header; no message of this class quotes a
 * response body or a header.
 */
final class HttpChatEndpoint implements ChatEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

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
  private final Sleeper sleeper;
  private final Clock clock;
  private final Semaphore permits;
  private final Consumer<String> notices;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong promptChars = new AtomicLong();

  HttpChatEndpoint(URI baseUrl, String apiKey, String model, int maxTokens, boolean jsonMode,
      Duration timeout, int maxRetries, Duration backoff, Duration maxWait, int concurrency,
      Sleeper sleeper, Clock clock, Consumer<String> notices) {
    String base = baseUrl.toString();
    this.url = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.model = Objects.requireNonNull(model, "model");
    this.maxTokens = maxTokens;
    this.jsonMode = jsonMode;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.maxWait = maxWait;
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
      Duration wait = result.delay();
      if (wait == null || attempt >= maxRetries) {
        throw attempt == 0 || wait == null ? failure
            : new LlmFailure(failure.getMessage() + ", " + (attempt + 1) + " attempts");
      }
      if (wait.compareTo(maxWait) > 0) {
        throw new LlmFailure(failure.getMessage() + "; asked to wait " + wait.toSeconds()
            + " s, more than the " + maxWait.toSeconds() + " s allowed");
      }
      notices.accept("LLM request failed (" + failure.getMessage() + "); retrying in "
          + wait.toMillis() + " ms");
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmFailure("interrupted while waiting to retry", true);
      }
    }
  }

  /** The outcome of one HTTP exchange: a reply, or a failure and how long to wait (null: give up). */
  private record Attempt(Reply reply, LlmFailure failure, Duration delay) {}

  private Attempt send(String body, long chars) throws LlmFailure {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmFailure("interrupted", true);
    }
    int n = requests.incrementAndGet();
    promptChars.addAndGet(chars);
    // The request timeout of java.net.http ends when the headers arrive; the bound on the whole
    // exchange keeps a server that trickles its body from holding a permit for ever.
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Attempt(null, new LlmFailure("no answer within " + seconds(timeout)),
          backoff(n));
    } catch (ExecutionException e) {
      String why = e.getCause() instanceof HttpTimeoutException
          ? "no answer within " + seconds(timeout) : "connection to " + host() + " failed";
      return new Attempt(null, new LlmFailure(why), backoff(n));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmFailure("interrupted", true);
    } finally {
      permits.release();
    }
    return answer(response, n);
  }

  private Attempt answer(HttpResponse<String> response, int n) {
    int status = response.statusCode();
    if (status == 200) {
      try {
        return new Attempt(parse(response.body()), null, null);
      } catch (LlmFailure f) {
        return new Attempt(null, f, null);
      }
    }
    if (status == 429) {
      Duration wait = retryAfter(response).orElse(backoff(n));
      return new Attempt(null, new LlmFailure("HTTP 429 (rate limited)"), wait);
    }
    if (status >= 500 && status <= 599) {
      return new Attempt(null, new LlmFailure("HTTP " + status), backoff(n));
    }
    boolean fatal = status == 401 || status == 403 || status == 404;
    String why = switch (status) {
      case 401 -> " (the key was refused)";
      case 403 -> " (forbidden)";
      case 404 -> " (no chat/completions at " + host() + ")";
      default -> "";
    };
    return new Attempt(null, new LlmFailure("HTTP " + status + why, fatal), null);
  }

  /** Reads the completion out of a 200 answer. */
  static Reply parse(String body) throws LlmFailure {
    if (body == null || body.isBlank()) {
      throw new LlmFailure("the endpoint answered an empty body");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new LlmFailure(body.stripLeading().startsWith("<")
          ? "the endpoint answered HTML, not JSON" : "the endpoint answered something not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new LlmFailure("the endpoint answered JSON that is not an object");
    }
    if (root.hasNonNull("error")) {
      JsonNode error = root.get("error");
      String code = error.path("code").asText(error.path("type").asText(""));
      throw new LlmFailure("the endpoint answered an error object"
          + (SAFE_CODE.matcher(code).matches() ? " (" + code + ")" : ""));
    }
    JsonNode choice = root.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    if (!content.isTextual()) {
      throw new LlmFailure("the endpoint answered without choices[0].message.content");
    }
    return new Reply(content.asText(), choice.path("finish_reason").asText(""));
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

  private Duration backoff(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration wait = backoff.multipliedBy(factor);
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  /** {@code Retry-After} as seconds or as an HTTP date; absent or unreadable gives empty. */
  private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    java.util.Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return java.util.Optional.empty();
    }
    String text = header.get().strip();
    try {
      long seconds = Long.parseLong(text);
      return java.util.Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException e) {
      // an HTTP date, below
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private String host() {
    return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
        : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
