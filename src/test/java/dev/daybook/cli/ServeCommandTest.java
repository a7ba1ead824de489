package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daybook serve} serves the baked site on 127.0.0.1 and rebuilds when content changes. */
class ServeCommandTest {

  @TempDir
  Path dir;

  @Test
  void servesTheSiteAndRebuildsWhenAReportChanges() throws Exception {
    Path content = dir.resolve("content");
    copy(Path.of("content"), content);
    StringWriter out = new StringWriter();
    Daybook.Context context = new Daybook.Context(new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true), Map.of(), Clock.systemUTC());
    Thread serve = new Thread(() -> Daybook.commandLine(context).execute("serve", "--port=0",
        "--content=" + content, "--out=" + dir.resolve("output"),
        "--config=" + dir.resolve("site.properties")));
    serve.start();
    try {
      URI url = URI.create(await(out, Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)")));
      HttpClient http = HttpClient.newHttpClient();
      assertThat(get(http, url).statusCode()).isEqualTo(200);
      assertThat(get(http, url.resolve("reports/2026/02/2026-02-06.html")).body())
          .contains("每日更新报告（2026-02-06）");
      assertThat(get(http, url.resolve("no/such/page")).statusCode()).isEqualTo(404);

      Path about = content.resolve("about.md");
      Files.writeString(about, Files.readString(about).replace("title=关于 Daybook",
          "title=About this archive"));
      await(out, Pattern.compile("(?s)built .*built (\\d+) reports"));
      assertThat(get(http, url.resolve("about.html")).body()).contains("About this archive");
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
    assertThat(serve.isAlive()).isFalse();
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits up to 60 s for the output to match; returns group 1. */
  static String await(StringWriter out, Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + pattern + " in: " + out);
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
