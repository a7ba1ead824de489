package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code daybook serve} in a child JVM, started as a user starts it, against clients on raw
 * sockets that send half a request and go silent, or trickle it a byte at a time. The JDK server's
 * deadlines are JVM-wide settings read once, which is why the server runs in a process of its own.
 */
class ServeStallTest {

  /** How long a client of these tests waits for a byte before it gives up. */
  static final int PATIENCE_MILLIS = 5_000;
  /** Longer than serve's deadlines (10 s) with room for the JDK's timer, which ticks each second. */
  static final int DEADLINE_PATIENCE_MILLIS = 30_000;

  @TempDir
  static Path dir;
  static Process serve;
  static int port;

  @BeforeAll
  static void startServe() throws Exception {
    Path log = dir.resolve("serve.log");
    String java = ProcessHandle.current().info().command().orElseThrow();
    serve = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "dev.daybook.cli.Main",
        "serve", "--port=0", "--content=content", "--out=" + dir.resolve("output"),
        "--config=" + dir.resolve("site.properties"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    port = Integer.parseInt(await(log, Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/")));
  }

  @AfterAll
  static void stopServe() throws InterruptedException {
    if (serve != null) {
      serve.destroyForcibly().waitFor();
    }
  }

  /** Waits up to 60 s for the child's output to match; returns group 1. */
  static String await(Path log, Pattern pattern) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(Files.readString(log));
      if (m.find()) {
        return m.group(1);
      }
      assertThat(serve.isAlive()).as("daybook serve: %s", Files.readString(log)).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("no " + pattern + " in: " + Files.readString(log));
  }

  static Socket connect(int patienceMillis) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), PATIENCE_MILLIS);
    socket.setSoTimeout(patienceMillis);
    return socket;
  }

  static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** All the server sends until it closes the connection (a reset ends it too). */
  static String readToEnd(Socket socket) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    try {
      in.transferTo(answer);
    } catch (SocketException reset) {
      // closed by the server while this client was still sending
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void clientsThatStallHoldUpNoOtherClient() throws IOException {
    List<Socket> stalled = new ArrayList<>();
    try {
      // Nothing, half a request line, or a head without its blank line; then silence. Before,
      // the server read requests on 4 threads, so 4 of these stopped it for good.
      List<String> halves = List.of("", "GE", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      for (int i = 0; i < 24; i++) {
        Socket socket = connect(PATIENCE_MILLIS);
        stalled.add(socket);
        send(socket, halves.get(i % halves.size()));
      }

      for (int i = 0; i < 3; i++) {
        try (Socket client = connect(PATIENCE_MILLIS)) {
          send(client, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
          assertThat(readToEnd(client)).startsWith("HTTP/1.1 200 OK\r\n").contains("</html>");
        }
      }
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  /** Before, neither connection was ever closed: the JDK server has no deadline unless told. */
  @Test
  void aRequestThatStallsOrTricklesIsCutOffAtItsDeadline() throws Exception {
    byte[] trickled = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "x".repeat(200)
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    try (Socket half = connect(DEADLINE_PATIENCE_MILLIS);
        Socket slow = connect(DEADLINE_PATIENCE_MILLIS)) {
      send(half, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      // A byte every 100 ms: each comes in time, the whole request would take 25 s.
      Thread trickle = new Thread(() -> {
        try {
          for (byte b : trickled) {
            slow.getOutputStream().write(b);
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException e) {
          // closed by the server: what the test waits for
        }
      });
      trickle.start();
      try {
        assertThat(readToEnd(half)).as("answer to half a request").isEmpty();
        assertThat(readToEnd(slow)).as("answer to a trickled request").isEmpty();
      } finally {
        trickle.interrupt();
        trickle.join();
      }
    }
  }
}
