package dev.daybook.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves a baked site from 127.0.0.1 the way GitHub Pages does: folder URLs give their
 * {@code index.html}, a folder without its slash is redirected, missing paths get the site's
 * {@code 404.html} with status 404, and nothing outside the site folder is reachable. The folder is
 * looked up on every request, so a rebuild that swaps it in is served at once. A path that does
 * not decode gets 400.
 *
 * <p>How long a client may take over its request and its answer is up to the JDK server's JVM-wide
 * settings {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime}, unlimited by default:
 * {@code daybook serve} sets them.
 */
public final class StaticServer implements AutoCloseable {

  /** One request as answered, for whoever watches the server (tests do). */
  public record Request(String method, String path, int status) {}

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("gz", "application/gzip"),
      Map.entry("xml", "application/xml; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("bin", "application/octet-stream"));

  /**
   * The JDK server reads each request on one of these threads, from its first byte to its end, so
   * a client that sends half a request holds a thread until its deadline. Enough that a few dozen
   * such clients (or a browser's many connections) leave others served; bounded, so that a flood
   * of them queues instead of making threads without end.
   */
  private static final int THREADS = 64;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
  private final Supplier<Path> root;
  private final String basePath;
  private final Consumer<Request> log;

  private StaticServer(Supplier<Path> root, int port, String basePath, Consumer<Request> log)
      throws IOException {
    this.root = root;
    this.log = log;
    this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new BindException("cannot serve on 127.0.0.1:" + port + ": " + e.getMessage());
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Starts serving.
   *
   * @param port a port, or 0 for any free one
   * @param basePath the path the site lives under, e.g. {@code /} or {@code /project/}
   */
  public static StaticServer start(Path root, int port, String basePath) throws IOException {
    return start(root, port, basePath, request -> { });
  }

  /** Starts serving and tells {@code log} of every request answered. */
  public static StaticServer start(Path root, int port, String basePath, Consumer<Request> log)
      throws IOException {
    return new StaticServer(() -> root, port, basePath, log);
  }

  /** The site's address, e.g. {@code http://127.0.0.1:8820/project/}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes());
        return;
      }
      String rawPath = exchange.getRequestURI().getRawPath();
      Optional<String> decoded = decodePath(rawPath);
      if (decoded.isEmpty()) {
        send(exchange, 400, "text/plain; charset=utf-8",
            ("bad request: the path does not decode: " + rawPath + "\n").getBytes());
        return;
      }
      String path = decoded.get();
      Path site = root.get().toAbsolutePath().normalize();
      if (!path.startsWith(basePath)) {
        notFound(exchange, site);
        return;
      }
      Path file = site.resolve(path.substring(basePath.length())).normalize();
      if (!file.startsWith(site)) {
        notFound(exchange, site);
        return;
      }
      if (Files.isDirectory(file)) {
        if (!path.endsWith("/")) {
          exchange.getResponseHeaders().set("Location", rawPath + "/");
          send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
          return;
        }
        file = file.resolve("index.html");
      }
      if (!Files.isRegularFile(file)) {
        notFound(exchange, site);
        return;
      }
      send(exchange, 200, type(file), Files.readAllBytes(file));
    }
  }

  /**
   * The path with its %-escapes decoded as UTF-8; empty when it is not printable ASCII, an escape
   * is not two hex digits, the bytes are not UTF-8 (overlong forms and surrogates are not), or it
   * decodes to a control character such as NUL. (The JDK's own {@code getPath()} is lenient: a
   * bad byte becomes U+FFFD, {@code %00} a NUL. The JDK server turns away only bad escapes and raw
   * control bytes itself, with its own 400.)
   */
  private static Optional<String> decodePath(String rawPath) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%' && i + 2 < rawPath.length() && HexFormat.isHexDigit(rawPath.charAt(i + 1))
          && HexFormat.isHexDigit(rawPath.charAt(i + 2))) {
        bytes.write(HexFormat.fromHexDigits(rawPath, i + 1, i + 3));
        i += 2;
      } else if (c == '%' || c <= ' ' || c >= 0x7f) {
        return Optional.empty();
      } else {
        bytes.write(c);
      }
    }
    try {
      // A decoder of its own reports malformed bytes, which new String(...) would replace.
      String path = StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
      return path.chars().anyMatch(Character::isISOControl) ? Optional.empty() : Optional.of(path);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private void notFound(HttpExchange exchange, Path site) throws IOException {
    Path page = site.resolve(SitePaths.NOT_FOUND);
    byte[] body = Files.isRegularFile(page) ? Files.readAllBytes(page) : "not found\n".getBytes();
    send(exchange, 404, TYPES.get("html"), body);
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  private void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    log.accept(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        status));
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
