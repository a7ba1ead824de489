package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview server driven over raw sockets on 127.0.0.1: what it answers to paths that decode and
 * to paths that do not, and where it listens. (How it stands up to clients that stall is tested
 * against a real {@code daybook serve} process: {@code ServeStallTest}.)
 */
class StaticServerTest {

  /** How long a client of these tests waits for an answer before it gives up. */
  static final int PATIENCE_MILLIS = 10_000;

  @TempDir
  Path dir;
  StaticServer server;

  @BeforeEach
  void serveASite() throws IOException {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("index.html"), "home");
    Files.writeString(site.resolve("404.html"), "gone");
    Files.writeString(Files.createDirectories(site.resolve("reports")).resolve("index.html"),
        "reports");
    Files.writeString(site.resolve("中文.html"), "zh");
    Files.writeString(dir.resolve("secret.txt"), "outside the site");
    server = StaticServer.start(site, 0, "/");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * Sends a request line (each char one byte, as ISO-8859-1) with a Host header and returns the
   * whole answer ("" when the server closes the connection without one).
   */
  String exchange(String requestLine) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
          server.url().getPort()), PATIENCE_MILLIS);
      socket.setSoTimeout(PATIENCE_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  static String statusLine(String answer) {
    int end = answer.indexOf("\r\n");
    return end < 0 ? answer : answer.substring(0, end);
  }

  /**
   * A bad %-escape, bytes that are not UTF-8 (a lone or cut-off sequence, an encoded surrogate, an
   * overlong '/'), a control character, escaped or raw, or a raw byte that is not ASCII: 400, and
   * the server goes on answering. Some the JDK server turns away itself (a bad escape, a raw control byte);
   * before, {@code /%00} lost the connection and {@code /%c3} got 404.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/%00", "/index.html%00.png", "/%2e%2e/%00", "/a%0ab", "/%0d%0a",
      "/%09", "/%7f", "/%c2%85", "/%zz", "/%", "/%4", "/%c3", "/%c3%28.html", "/%e2%82",
      "/%ed%a0%80", "/%c0%af", "/%ff", "/caf\u00e9.html", "/caf\u00c3\u00a9.html", "/a\u0001b",
      "/a\u007fb"})
  void aPathThatDoesNotDecodeIsABadRequest(String path) throws IOException {
    String answer = exchange("GET " + path + " HTTP/1.1");

    assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(statusLine(exchange("GET / HTTP/1.1"))).isEqualTo("HTTP/1.1 200 OK");
  }

  @Test
  void aCompressedFileOfTheSearchIndexIsSentAsItIs() throws IOException {
    Files.write(Files.createDirectories(dir.resolve("site/search")).resolve("meta.json.gz"),
        new byte[] {0x1f, (byte) 0x8b, 8});
    // As GitHub Pages sends it: a gzip file, not JSON sent with a Content-Encoding.
    assertThat(exchange("GET /search/meta.json.gz HTTP/1.1"))
        .startsWith("HTTP/1.1 200 OK\r\n")
        .containsIgnoringCase("\r\nContent-Type: application/gzip\r\n")
        .doesNotContainIgnoringCase("Content-Encoding");
  }

  @Test
  void pathsAreDecodedAsUtf8AndStayInsideTheSite() throws IOException {
    assertThat(exchange("GET /%E4%B8%AD%E6%96%87.html?q=1 HTTP/1.1"))
        .startsWith("HTTP/1.1 200 OK\r\n")
        .containsIgnoringCase("\r\nContent-Type: text/html; charset=utf-8\r\n")
        .endsWith("\r\n\r\nzh");
    for (String outside : List.of("/../secret.txt", "/%2e%2e/secret.txt",
        "/reports/../../secret.txt", "/reports/%2e%2e/%2e%2e/secret.txt", "/nothing-here")) {
      assertThat(exchange("GET " + outside + " HTTP/1.1")).as(outside)
          .startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("\r\n\r\ngone");
    }
    assertThat(exchange("GET /reports HTTP/1.1")).startsWith("HTTP/1.1 301 ")
        .containsIgnoringCase("\r\nLocation: /reports/\r\n");
    assertThat(exchange("GET /reports/ HTTP/1.0")).startsWith("HTTP/1.1 200 OK\r\n")
        .endsWith("\r\n\r\nreports");
    assertThat(exchange("HEAD / HTTP/1.1")).startsWith("HTTP/1.1 200 OK\r\n")
        .endsWith("\r\n\r\n");
    assertThat(statusLine(exchange("POST / HTTP/1.1")))
        .isEqualTo("HTTP/1.1 405 Method Not Allowed");
  }

  @Test
  void aPortInUseIsNamed() {
    int port = server.url().getPort();

    assertThatThrownBy(() -> StaticServer.start(dir, port, "/"))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot serve on 127.0.0.1:" + port + ": Address already in use");
  }

  @Test
  void itListensOnTheLoopbackInterfaceOnly() throws IOException {
    assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
    int port = server.url().getPort();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address.isLoopbackAddress()) {
          continue;
        }
        try (Socket socket = new Socket()) {
          assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port),
              PATIENCE_MILLIS)).as("%s on %s", address, nic.getName())
              .isInstanceOf(ConnectException.class);
        }
      }
    }
  }
}
