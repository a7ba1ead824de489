package dev.daybook.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a baked site from a folder under a sub-path of 127.0.0.1, the way a static host such as
 * GitHub Pages does: folder URLs get their {@code index.html}, a folder without its trailing slash
 * is redirected, types carry a charset, anything missing gets the site's {@code 404.html} with status
 * 404. Every request is recorded, so a test can tell which URLs the browser asked for.
 */
final class StaticSiteServer implements AutoCloseable {

  /** One request and the status it got. */
  record Request(String method, String path, int status) {}

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("xml", "application/xml; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"));

  private final HttpServer server;
  private final ExecutorService threads;
  private final String prefix;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Path root;

  private StaticSiteServer(HttpServer server, ExecutorService threads, String prefix) {
    this.server = server;
    this.threads = threads;
    this.prefix = prefix;
  }

  /**
   * Listens on a free port of 127.0.0.1 at once, so the site can be built for its URL; serves
   * nothing but 404s until {@link #serve} names the folder.
   *
   * @param prefix the sub-path, such as {@code /daybook/}
   */
  static StaticSiteServer start(String prefix) throws IOException {
    if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
      throw new IllegalArgumentException("a sub-path starts and ends with /: " + prefix);
    }
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "static-site-server");
      t.setDaemon(true);
      return t;
    });
    StaticSiteServer s = new StaticSiteServer(server, threads, prefix);
    server.createContext("/", s::handle);
    server.setExecutor(threads);
    server.start();
    return s;
  }

  /** The site's URL, e.g. {@code http://127.0.0.1:41234/daybook/}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  StaticSiteServer serve(Path folder) {
    this.root = folder.toAbsolutePath().normalize();
    return this;
  }

  /** The requests so far, oldest first. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      int status = respond(exchange, method, path == null ? "" : path);
      requests.add(new Request(method, exchange.getRequestURI().getRawPath(), status));
    }
  }

  private int respond(HttpExchange exchange, String method, String path) throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      exchange.sendResponseHeaders(405, -1);
      return 405;
    }
    if ((path + "/").equals(prefix)) {
      return redirect(exchange, prefix);
    }
    Path site = root;
    if (site == null || !path.startsWith(prefix)) {
      return notFound(exchange, method);
    }
    Path file;
    try {
      file = site.resolve(path.substring(prefix.length())).normalize();
    } catch (InvalidPathException e) {
      return notFound(exchange, method);
    }
    if (!file.startsWith(site)) {
      return notFound(exchange, method);
    }
    if (Files.isDirectory(file)) {
      if (!path.endsWith("/")) {
        return redirect(exchange, exchange.getRequestURI().getRawPath() + "/");
      }
      file = file.resolve("index.html");
    }
    if (!Files.isRegularFile(file)) {
      return notFound(exchange, method);
    }
    send(exchange, method, 200, file);
    return 200;
  }

  private int notFound(HttpExchange exchange, String method) throws IOException {
    Path page = root == null ? null : root.resolve(SitePaths.NOT_FOUND);
    if (page != null && Files.isRegularFile(page)) {
      send(exchange, method, 404, page);
    } else {
      exchange.sendResponseHeaders(404, -1);
    }
    return 404;
  }

  private static int redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(301, -1);
    return 301;
  }

  private static void send(HttpExchange exchange, String method, int status, Path file)
      throws IOException {
    byte[] body = Files.readAllBytes(file);
    exchange.getResponseHeaders().set("Content-Type", type(file));
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    if (method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String type(Path file) {
    String name = file.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }
}
