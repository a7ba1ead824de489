package dev.daybook.source.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A GitHub REST API on 127.0.0.1 serving {@link FakeRepo}s: the repository, the commit listing
 * (branch, since/until, pages, {@code Link} headers) and each commit with its files in pages of 300.
 * It records every request and can be told to answer some requests with a fault.
 */
public final class FakeGitHub implements StandIn {

  static final int FILES_PER_PAGE = 300;
  private static final int MAX_PER_PAGE = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANSWERING = "daybook.answering";
  private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)");
  private static final Pattern LIST = Pattern.compile("/repos/([^/]+)/([^/]+)/commits");
  private static final Pattern COMMIT = Pattern.compile("/repos/([^/]+)/([^/]+)/commits/(\\w+)");
  private static final Pattern LIST_BY_ID = Pattern.compile("/repositories/(\\d+)/commits");
  private static final Pattern COMMIT_BY_ID = Pattern.compile("/repositories/(\\d+)/commits/(\\w+)");

  /** One request as the server saw it. */
  public record Request(String method, String path, String query, String authorization,
      Instant at) {
    public String pathAndQuery() {
      return query == null ? path : path + "?" + query;
    }
  }

  /** An answer that replaces (or delays) the normal one. */
  @FunctionalInterface
  public interface Fault {
    /** Returns true when it answered the exchange itself. */
    boolean apply(HttpExchange exchange) throws IOException;
  }

  private record Injected(Pattern path, Fault fault, int[] remaining) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, FakeRepo> repos = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Injected> faults = new CopyOnWriteArrayList<>();
  /** The rate limit it keeps: so many requests per window, windows aligned on the epoch. */
  private volatile int rateLimit = 5000;
  private volatile Duration rateWindow = Duration.ofHours(1);
  private final Map<Long, Integer> requestsPerWindow = new ConcurrentHashMap<>();
  private final AtomicInteger refusedOverLimit = new AtomicInteger();
  /** A new counter after each reset: answers of an earlier test still running count in theirs. */
  private volatile AtomicInteger inProgress = new AtomicInteger();
  private final AtomicInteger mostInProgress = new AtomicInteger();
  private volatile boolean announceRateLimit = true;
  private volatile int failAfter = Integer.MAX_VALUE;
  private volatile Fault failAfterFault;
  private volatile int listPageLimit = MAX_PER_PAGE;
  private volatile URI linkBase;

  static {
    // Without TCP_NODELAY the server's two writes (headers, body) meet the client's delayed ACK:
    // 40 ms per request. The JDK server reads this property once, when it is first used.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeGitHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeGitHub start() throws IOException {
    return new FakeGitHub();
  }

  /** A stand-in GitHub for a test class ({@link StandIn}). */
  public static FakeGitHub perTestClass() {
    try {
      return start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeGitHub serve(FakeRepo repo) {
    repos.put(repo.id().toString(), repo);
    return this;
  }

  /** Lists at most {@code limit} commits per page, whatever {@code per_page} asks. */
  FakeGitHub listPageLimit(int limit) {
    listPageLimit = limit;
    return this;
  }

  /** Writes the {@code Link} headers with {@code base} in place of this server's URL. */
  FakeGitHub linkBase(URI base) {
    linkBase = base;
    return this;
  }

  /** The base of the URLs this server's answers name. */
  private String linkBase() {
    URI base = linkBase;
    return (base == null ? apiUrl() : base).toString();
  }

  /** Answers the next {@code times} requests whose path matches {@code pathRegex} with a fault. */
  public FakeGitHub inject(String pathRegex, int times, Fault fault) {
    faults.add(new Injected(Pattern.compile(pathRegex), fault, new int[] {times}));
    return this;
  }

  /**
   * Keeps GitHub's primary rate limit: {@code limit} requests per {@code window} (windows start
   * at multiples of it since the epoch, so a reset falls on a whole second), announced on every
   * answer; a request past it is refused with 403 and counted ({@link #refusedOverLimit}).
   */
  public FakeGitHub rateLimit(int limit, Duration window) {
    rateLimit = limit;
    rateWindow = window;
    requestsPerWindow.clear();
    return this;
  }

  /** Leaves the rate-limit headers out of its answers, as a server that keeps no limit. */
  FakeGitHub withoutRateLimitHeaders() {
    announceRateLimit = false;
    return this;
  }

  /** Answers every request after the first {@code n} (since the last reset) with a fault. */
  public FakeGitHub failAfter(int n, Fault fault) {
    failAfterFault = fault;
    failAfter = n;
    return this;
  }

  /** The most requests any one rate-limit window received. */
  public int mostRequestsInAWindow() {
    return requestsPerWindow.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** How many requests were refused for going past the rate limit. */
  public int refusedOverLimit() {
    return refusedOverLimit.get();
  }

  /** The most requests it was answering at one time. */
  public int mostAtOnce() {
    return mostInProgress.get();
  }

  /**
   * Forgets repositories, faults, recorded requests, the page limit and the rate limit's counts:
   * a server per test class.
   */
  public FakeGitHub reset() {
    repos.clear();
    faults.clear();
    requests.clear();
    rateLimit = 5000;
    rateWindow = Duration.ofHours(1);
    requestsPerWindow.clear();
    refusedOverLimit.set(0);
    inProgress = new AtomicInteger();
    mostInProgress.set(0);
    announceRateLimit = true;
    failAfter = Integer.MAX_VALUE;
    failAfterFault = null;
    listPageLimit = MAX_PER_PAGE;
    linkBase = null;
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * Returns once no request has arrived for {@code quiet}: a client that stopped may have sent a
   * request the server has not read yet, which a {@link #reset} would count as the next one's.
   */
  public void awaitQuiet(Duration quiet) throws InterruptedException {
    int seen = -1;
    while (seen != requests.size()) {
      seen = requests.size();
      Thread.sleep(quiet.toMillis());
    }
  }

  List<String> requestPaths() {
    return requests.stream().map(Request::path).collect(Collectors.toList());
  }

  /** Takes about a second: the JDK server's dispatcher notices the stop on its next poll. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow(); // ends the handlers still sleeping in a slow answer
  }

  // ---- faults ----------------------------------------------------------------------------------

  /** An error status with GitHub's JSON error body. */
  public static Fault status(int status, String message) {
    return exchange -> {
      send(exchange, status, Map.of(), errorBody(message));
      return true;
    };
  }

  /** The primary rate limit: 403, nothing remaining, resets at {@code reset}. */
  public static Fault rateLimited(Instant reset) {
    return exchange -> {
      send(exchange, 403,
          Map.of("X-RateLimit-Remaining", "0",
              "X-RateLimit-Reset", Long.toString(reset.getEpochSecond())),
          errorBody("API rate limit exceeded for 127.0.0.1."));
      return true;
    };
  }

  /** A secondary rate limit: 429 with {@code Retry-After}. */
  public static Fault retryAfter(Duration wait) {
    return exchange -> {
      send(exchange, 429, Map.of("Retry-After", Long.toString(wait.toSeconds())),
          errorBody("You have exceeded a secondary rate limit."));
      return true;
    };
  }

  /** A rate limit answered with these raw header values (null: header left out). */
  static Fault rateLimitHeaders(int status, String remaining, String reset, String retryAfter) {
    return exchange -> {
      Map<String, String> headers = new LinkedHashMap<>();
      if (remaining != null) {
        headers.put("X-RateLimit-Remaining", remaining);
      }
      if (reset != null) {
        headers.put("X-RateLimit-Reset", reset);
      }
      if (retryAfter != null) {
        headers.put("Retry-After", retryAfter);
      }
      send(exchange, status, headers, errorBody("You have exceeded a rate limit."));
      return true;
    };
  }

  /** A redirect to {@code location}. */
  static Fault redirect(int status, String location) {
    return exchange -> {
      send(exchange, status, Map.of("Location", location), new byte[0]);
      return true;
    };
  }

  /** A 200 answer carrying {@code body} as it is: HTML, cut-off JSON, nothing. */
  static Fault ok(String contentType, String body) {
    return exchange -> {
      send(exchange, 200, Map.of("Content-Type", contentType),
          body.getBytes(StandardCharsets.UTF_8));
      return true;
    };
  }

  /** Promises a 1000-byte body, sends 10 bytes of it and closes the connection. */
  static Fault cutOff() {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 1000);
      OutputStream out = exchange.getResponseBody();
      out.write("[{\"sha\":\"0".getBytes(StandardCharsets.UTF_8));
      out.flush();
      exchange.close();
      return true;
    };
  }

  /** Closes the connection without an answer, as a reset connection does. */
  public static Fault hangUp() {
    return exchange -> {
      exchange.close();
      return true;
    };
  }

  /** Answers normally, but only after {@code delay}. */
  public static Fault slow(Duration delay) {
    return exchange -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true; // the server is closing
      }
      return false;
    };
  }

  // ---- routing ---------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    // A request is in progress until its answer starts: a client that waits for each answer
    // before its next request is never seen with two at once.
    AtomicInteger counter = inProgress;
    mostInProgress.accumulateAndGet(counter.incrementAndGet(), Math::max);
    AtomicBoolean answering = new AtomicBoolean();
    Runnable answered = () -> {
      if (answering.compareAndSet(false, true)) {
        counter.decrementAndGet();
      }
    };
    exchange.setAttribute(ANSWERING, answered);
    try {
      String path = exchange.getRequestURI().getPath();
      Instant at = Instant.now();
      requests.add(new Request(exchange.getRequestMethod(), path,
          exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getFirst("Authorization"), at));
      long window = at.toEpochMilli() / rateWindow.toMillis();
      int used = requestsPerWindow.merge(window, 1, Integer::sum);
      if (used > rateLimit) {
        refusedOverLimit.incrementAndGet();
        rateLimited(windowEnd(window)).apply(exchange);
        return;
      }
      Fault last = failAfterFault;
      if (last != null && requests.size() > failAfter && last.apply(exchange)) {
        return;
      }
      if (applyFault(path, exchange)) {
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      Matcher m;
      if ((m = REPO.matcher(path)).matches() && repo(m.group(1) + "/" + m.group(2)) != null) {
        sendJson(exchange, Map.of(), repoJson(repo(m.group(1) + "/" + m.group(2))));
      } else if ((m = LIST.matcher(path)).matches() && repo(m.group(1) + "/" + m.group(2)) != null) {
        list(exchange, repo(m.group(1) + "/" + m.group(2)), query);
      } else if ((m = LIST_BY_ID.matcher(path)).matches() && repoById(m.group(1)) != null) {
        list(exchange, repoById(m.group(1)), query);
      } else if ((m = COMMIT.matcher(path)).matches() && repo(m.group(1) + "/" + m.group(2)) != null) {
        commit(exchange, repo(m.group(1) + "/" + m.group(2)), m.group(3), query);
      } else if ((m = COMMIT_BY_ID.matcher(path)).matches() && repoById(m.group(1)) != null) {
        commit(exchange, repoById(m.group(1)), m.group(2), query);
      } else {
        send(exchange, 404, Map.of(), errorBody("Not Found"));
      }
    } catch (IOException | RuntimeException e) {
      // The client gave up (a timeout test) or the server is closing; nothing to answer.
    } finally {
      answered.run();
      exchange.close();
    }
  }

  private boolean applyFault(String path, HttpExchange exchange) throws IOException {
    for (Injected injected : faults) {
      synchronized (injected) {
        if (injected.remaining()[0] <= 0 || !injected.path().matcher(path).matches()) {
          continue;
        }
        injected.remaining()[0]--;
      }
      return injected.fault().apply(exchange);
    }
    return false;
  }

  private FakeRepo repo(String fullName) {
    return repos.get(fullName);
  }

  private FakeRepo repoById(String id) {
    return repos.values().stream()
        .filter(r -> Long.toString(r.numericId()).equals(id)).findFirst().orElse(null);
  }

  // ---- endpoints -------------------------------------------------------------------------------

  private ObjectNode repoJson(FakeRepo repo) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", repo.numericId());
    json.put("name", repo.id().name());
    json.put("full_name", repo.id().toString());
    json.putObject("owner").put("login", repo.id().owner());
    json.put("private", false);
    json.put("html_url", "https://github.com/" + repo.id());
    json.put("url", apiUrl() + "/repos/" + repo.id());
    json.put("default_branch", repo.defaultBranch());
    return json;
  }

  /** Reachable commits, committer date within [since, until] (inclusive), newest first. */
  private void list(HttpExchange exchange, FakeRepo repo, Map<String, String> query)
      throws IOException {
    String from = query.getOrDefault("sha", repo.defaultBranch());
    String start = from.equals(repo.defaultBranch()) ? repo.tip() : from;
    Instant since = query.containsKey("since") ? Instant.parse(query.get("since")) : Instant.MIN;
    Instant until = query.containsKey("until") ? Instant.parse(query.get("until")) : Instant.MAX;
    List<JsonNode> matching = reachable(repo, start).stream()
        .filter(c -> !committedAt(c).isBefore(since) && !committedAt(c).isAfter(until))
        .sorted(Comparator.comparing(FakeGitHub::committedAt).reversed()
            .thenComparing(c -> c.path("sha").asText()))
        .collect(Collectors.toList());
    int perPage = Math.min(listPageLimit,
        Integer.parseInt(query.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    int pages = Math.max(1, (matching.size() + perPage - 1) / perPage);
    ArrayNode body = JSON.createArrayNode();
    for (JsonNode c : slice(matching, page, perPage)) {
      ObjectNode element = withUrl(repo, c);
      element.remove("files");
      element.remove("stats");
      body.add(element);
    }
    // Like GitHub (see the recorded testQueryCommits answer), pages link to /repositories/<id>.
    String others = withoutPage(exchange.getRequestURI().getRawQuery());
    String pageUrl = linkBase() + "/repositories/" + repo.numericId() + "/commits?"
        + (others.isEmpty() ? "" : others + "&") + "page=";
    sendJson(exchange, link(pageUrl, page, pages), body);
  }

  private void commit(HttpExchange exchange, FakeRepo repo, String sha, Map<String, String> query)
      throws IOException {
    JsonNode found = repo.commits().stream()
        .filter(c -> c.path("sha").asText().equals(sha)).findFirst().orElse(null);
    if (found == null) {
      send(exchange, 422, Map.of(), errorBody("No commit found for SHA: " + sha));
      return;
    }
    List<JsonNode> files = new ArrayList<>();
    found.path("files").forEach(files::add);
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    int pages = Math.max(1, (files.size() + FILES_PER_PAGE - 1) / FILES_PER_PAGE);
    ObjectNode body = withUrl(repo, found);
    body.putArray("files").addAll(slice(files, page, FILES_PER_PAGE));
    String base = linkBase() + "/repositories/" + repo.numericId() + "/commits/" + sha + "?page=";
    sendJson(exchange, link(base, page, pages), body);
  }

  private static List<JsonNode> reachable(FakeRepo repo, String start) {
    Map<String, JsonNode> bySha = new LinkedHashMap<>();
    repo.commits().forEach(c -> bySha.put(c.path("sha").asText(), c));
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    List<JsonNode> result = new ArrayList<>();
    while (!todo.isEmpty()) {
      JsonNode c = bySha.get(todo.pop());
      if (c != null && seen.add(c.path("sha").asText())) {
        result.add(c);
        c.path("parents").forEach(p -> todo.push(p.path("sha").asText()));
      }
    }
    return result;
  }

  /** hub4j reads a listed commit's details from its {@code url}; point it back at us. */
  private ObjectNode withUrl(FakeRepo repo, JsonNode commit) {
    ObjectNode copy = commit.deepCopy();
    copy.put("url", apiUrl() + "/repos/" + repo.id() + "/commits/" + commit.path("sha").asText());
    return copy;
  }

  private static Instant committedAt(JsonNode commit) {
    return Instant.parse(commit.path("commit").path("committer").path("date").asText());
  }

  private static List<JsonNode> slice(List<JsonNode> all, int page, int perPage) {
    int from = Math.min(all.size(), (page - 1) * perPage);
    return all.subList(from, Math.min(all.size(), from + perPage));
  }

  /** GitHub's {@code Link} header: next and last, plus first and prev after the first page. */
  private static Map<String, String> link(String pageUrl, int page, int pages) {
    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add("<" + pageUrl + (page - 1) + ">; rel=\"prev\"");
    }
    if (page < pages) {
      links.add("<" + pageUrl + (page + 1) + ">; rel=\"next\"");
      links.add("<" + pageUrl + pages + ">; rel=\"last\"");
    }
    if (page > 1) {
      links.add("<" + pageUrl + 1 + ">; rel=\"first\"");
    }
    return links.isEmpty() ? Map.of() : Map.of("Link", String.join(", ", links));
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private void sendJson(HttpExchange exchange, Map<String, String> headers, JsonNode body)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (!announceRateLimit) {
      send(exchange, 200, all, JSON.writeValueAsBytes(body));
      return;
    }
    long window = Instant.now().toEpochMilli() / rateWindow.toMillis();
    int used = requestsPerWindow.getOrDefault(window, 0);
    all.put("X-RateLimit-Limit", Integer.toString(rateLimit));
    all.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, rateLimit - used)));
    all.put("X-RateLimit-Reset", Long.toString(windowEnd(window).getEpochSecond()));
    all.put("X-RateLimit-Used", Integer.toString(used));
    all.put("X-RateLimit-Resource", "core");
    send(exchange, 200, all, JSON.writeValueAsBytes(body));
  }

  private Instant windowEnd(long window) {
    return Instant.ofEpochMilli((window + 1) * rateWindow.toMillis());
  }

  private static void send(HttpExchange exchange, int status, Map<String, String> headers,
      byte[] body) throws IOException {
    if (exchange.getAttribute(ANSWERING) instanceof Runnable answering) {
      answering.run();
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Date", DateTimeFormatter.RFC_1123_DATE_TIME
        .format(Instant.now().atOffset(ZoneOffset.UTC)));
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] errorBody(String message) {
    ObjectNode json = JSON.createObjectNode()
        .put("message", message)
        .put("documentation_url", "https://docs.github.com/rest");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static String withoutPage(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(p -> !p.startsWith("page="))
        .collect(Collectors.joining("&"));
  }
}
