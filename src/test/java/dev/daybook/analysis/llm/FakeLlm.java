package dev.daybook.analysis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.daybook.testing.StandIn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} on 127.0.0.1. It answers from a queue of
 * scripted responses, then from a default (a valid answer built from the commit in the request),
 * and records every request: body, Authorization header, prompt size, the most requests ever in
 * flight at once.
 */
public final class FakeLlm implements StandIn {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the server saw it. */
  public record Request(JsonNode body, String authorization) {

    public String system() {
      return body.path("messages").path(0).path("content").asText();
    }

    public String user() {
      return body.path("messages").path(1).path("content").asText();
    }

    /** The commit data the user message carries. */
    public JsonNode commit() {
      try {
        return JSON.readTree(user());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Whether this asks for a repository's day summary rather than a commit's analysis. */
    public boolean isDaySummary() {
      return commit().has("commits");
    }

    public int promptChars() {
      int n = 0;
      for (JsonNode m : body.path("messages")) {
        n += m.path("content").asText().length();
      }
      return n;
    }
  }

  /** One scripted answer. */
  public record Response(int status, Map<String, String> headers, String body, long delayMillis) {

    public static Response of(int status, String body) {
      return new Response(status, Map.of("Content-Type", "application/json"), body, 0);
    }

    /** A chat completion carrying {@code content}, stopped for {@code finishReason}. */
    public static Response completion(String content, String finishReason) {
      ObjectNode root = JSON.createObjectNode();
      root.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "fake");
      ObjectNode choice = root.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", finishReason);
      choice.putObject("message").put("role", "assistant").put("content", content);
      return of(200, root.toString());
    }

    /** A completion whose content is this JSON answer. */
    public static Response answer(Object answer) {
      try {
        return completion(JSON.writeValueAsString(answer), "stop");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public Response delayed(long millis) {
      return new Response(status, headers, body, millis);
    }

    public Response withHeader(String name, String value) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put(name, value);
      return new Response(status, h, body, delayMillis);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Response> script = new ArrayDeque<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Function<Request, Response> fallback = FakeLlm::goodAnswer;

  private FakeLlm(HttpServer server) {
    this.server = server;
  }

  public static FakeLlm start() throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeLlm fake = new FakeLlm(server);
    server.createContext("/v1/chat/completions", fake::handle);
    server.setExecutor(fake.executor);
    server.start();
    return fake;
  }

  /** A stand-in model endpoint for a test class ({@link StandIn}). */
  public static FakeLlm perTestClass() {
    try {
      return start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Answers the next requests with these, in order, before the default. */
  public synchronized FakeLlm then(Response... responses) {
    script.addAll(List.of(responses));
    return this;
  }

  /** What to answer once the script is used up. */
  public FakeLlm otherwise(Function<Request, Response> answer) {
    this.fallback = answer;
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  public long promptChars() {
    return requests.stream().mapToLong(Request::promptChars).sum();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  public synchronized FakeLlm reset() {
    requests.clear();
    script.clear();
    maxInFlight.set(0);
    fallback = FakeLlm::goodAnswer;
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    boolean counted = true;
    try {
      byte[] in = exchange.getRequestBody().readAllBytes();
      Request request = new Request(JSON.readTree(in),
          exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(request);
      Response response;
      synchronized (this) {
        response = script.isEmpty() ? null : script.poll();
      }
      if (response == null) {
        response = fallback.apply(request);
      }
      if (response.delayMillis() > 0) {
        try {
          Thread.sleep(response.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      // No longer in flight once the answer starts: the client may send its next request as soon
      // as it has read this one, before this thread would get past the writing.
      inFlight.decrementAndGet();
      counted = false;
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    } catch (IOException e) {
      // the client went away (a timeout): nothing to answer
    } finally {
      if (counted) {
        inFlight.decrementAndGet();
      }
      exchange.close();
    }
  }

  /**
   * A valid answer that a careful model could give: it names the commit's largest file and its
   * stats, nothing else. Medium for code, low when only docs/tests change.
   */
  public static Response goodAnswer(Request request) {
    if (request.isDaySummary()) {
      return goodDaySummary(request);
    }
    JsonNode commit = request.commit();
    JsonNode files = commit.path("files");
    String first = files.size() == 0 ? null : files.path(0).path("path").asText();
    boolean zh = request.system().contains("Simplified Chinese");
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("severity", "medium");
    answer.put("types", List.of("feature"));
    answer.put("severity_reason", zh ? "改动涉及可运行代码。" : "The change touches shipped code.");
    String title = commit.path("message").asText().lines().findFirst().orElse("");
    answer.put("summary", (zh ? "本次提交：" : "This commit: ") + title + (zh ? "。" : "."));
    answer.put("impact", first == null ? List.of() : List.of("`" + first + "`"));
    answer.put("insights", List.of(Map.of("dimension", "maintainability", "text",
        zh ? "共修改 " + commit.path("stats").path("files").asInt() + " 个文件。"
            : commit.path("stats").path("files").asInt() + " files changed.")));
    answer.put("risks", List.of(Map.of("title", zh ? "风险" : "Risk",
        "details", zh ? "暂无明显风险。" : "No obvious risk.")));
    answer.put("recommendations", List.of(Map.of("title", zh ? "测试" : "Tests",
        "details", zh ? "关注相关测试。" : "Watch the related tests.")));
    answer.put("conclusion", zh ? "常规改动。" : "A routine change.");
    return Response.answer(answer);
  }

  /**
   * A valid day summary a careful model could give: the first commit listed (the most severe)
   * as the one highlight, by its SHA and title, and its first folder as the area that moved.
   */
  public static Response goodDaySummary(Request request) {
    JsonNode day = request.commit();
    JsonNode first = day.path("commits").path(0);
    boolean zh = request.system().contains("Simplified Chinese");
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("overview", zh ? "本日共 " + day.path("commits_in_day").asInt() + " 个提交。"
        : day.path("commits_in_day").asInt() + " commits today.");
    answer.put("highlights", List.of(Map.of("sha", first.path("sha").asText(),
        "text", (zh ? "最重要的改动：" : "The most important change: ")
            + first.path("title").asText() + (zh ? "。" : "."))));
    answer.put("areas", (zh ? "改动集中在 `" : "Most changes are in `")
        + first.path("folders").path(0).asText() + (zh ? "`。" : "`."));
    return Response.answer(answer);
  }
}
