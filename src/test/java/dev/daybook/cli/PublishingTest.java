package dev.daybook.cli;

import static dev.daybook.cli.BuildCommandTest.assertSameFiles;
import static dev.daybook.cli.BuildCommandTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing is all or nothing (issue 14, item 4), with real {@code daybook build} processes: one
 * killed while it moves files into place, two on one output at once, one that meets a folder it
 * cannot write. The site is always the last build's or the new one, whole; never a mix.
 *
 * <p>To stop a child build at a chosen moment of its publish it is started with the test hook
 * {@value #PAUSE} (see {@code build.Publication}): after that many moves it says so on standard
 * error and waits for a line on standard input.
 */
class PublishingTest {

  static final String PAUSE = "daybook.test.publish.pause-after";

  @TempDir
  Path dir;
  Path content;
  Path out;
  final List<Process> children = new ArrayList<>();

  /** A site of two days is built; then a third day is added, which changes most files. */
  @BeforeEach
  void buildTwoDaysAndAddOne() throws IOException {
    content = dir.resolve("content");
    for (String day : List.of("2026-02-07", "2026-02-08")) {
      addDay(content, day);
    }
    Files.copy(Path.of("content/about.md"), content.resolve("about.md"));
    out = dir.resolve("output");
    CliRun first = CliRun.run(build(content, out));
    assertThat(first.exitCode()).as(first.err()).isZero();
    addDay(content, "2026-02-06");
  }

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  static void addDay(Path content, String day) throws IOException {
    Path target = content.resolve("reports/2026/02/" + day + ".md");
    Files.createDirectories(target.getParent());
    Files.copy(Path.of("content/reports/2026/02/" + day + ".md"), target);
  }

  static String[] build(Path content, Path out) {
    return new String[] {"build", "--config=site.properties", "--content=" + content,
        "--out=" + out};
  }

  /** The site a first build of this content makes, in a folder of its own. */
  Map<String, byte[]> coldBuild(Path content) throws IOException {
    Path fresh = Files.createTempDirectory(dir, "cold");
    Path copy = BuildCommandTest.copyOf(content, fresh.resolve("content"));
    CliRun cold = CliRun.run(build(copy, fresh.resolve("output")));
    assertThat(cold.exitCode()).as(cold.err()).isZero();
    return snapshot(fresh.resolve("output"));
  }

  /** Nothing of an unfinished build is left: no work folder, no journal. */
  void assertNoLeftovers() throws IOException {
    try (Stream<Path> cache = Files.list(dir.resolve(".daybook"));
        Stream<Path> beside = Files.list(dir)) {
      assertThat(cache.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".work") || name.endsWith(".journal"));
      assertThat(beside.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".daybook-build-"));
    }
  }

  /** A child build of {@code content} into {@link #out}, stopped after {@code moves} moves. */
  Paused startPaused(Path content, int moves) throws Exception {
    Process p = ChildDaybook.command(List.of("-D" + PAUSE + "=" + moves),
        List.of(build(content, out))).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    children.add(p);
    Paused paused = new Paused(p);
    paused.awaitErr("paused after " + moves + " moves");
    return paused;
  }

  /** A child build and what it has printed on standard error so far. */
  static final class Paused {
    final Process process;
    final StringBuffer err = new StringBuffer();

    Paused(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (InputStream in = process.getErrorStream()) {
          byte[] buffer = new byte[4096];
          for (int n; (n = in.read(buffer)) > 0; ) {
            err.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          // the process was killed: what it printed is all there is
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    void awaitErr(String text) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!err.toString().contains(text)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("no '" + text + "' from the child build: " + err);
        }
        Thread.sleep(20);
      }
    }

    /** Lets it go on; returns its exit code. */
    int resume() throws Exception {
      try (OutputStream in = process.getOutputStream()) {
        in.write('\n');
      }
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("finished").isTrue();
      return process.exitValue();
    }
  }

  /**
   * Regression: a build killed while moving its files into place left old and new files mixed
   * (and its work folder behind). The next build finishes that publish before anything else,
   * even when it then fails itself, so the site is whole; the build after it finds nothing to
   * change.
   */
  @Test
  void aBuildKilledWhileMovingFilesIsFinishedByTheNextBeforeAnythingElse() throws Exception {
    Map<String, byte[]> threeDays = coldBuild(content);

    Paused killed = startPaused(content, 5);
    killed.process.destroyForcibly();
    killed.process.waitFor(30, TimeUnit.SECONDS);

    // A work folder an earlier version's killed build left beside the output goes too.
    Files.createDirectories(dir.resolve(".daybook-build-123/site"));
    // The next build fails on a broken report, yet the site is the killed build's, whole.
    Path broken = content.resolve("reports/2026/02/2026-02-05.md");
    Files.writeString(broken, "not a report\n");
    CliRun failed = CliRun.run(build(content, out));
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains(broken + ":1: missing JBake header");
    assertSameFiles(snapshot(out), threeDays);
    assertNoLeftovers();

    Files.delete(broken);
    CliRun again = CliRun.run(build(content, out));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("(nothing changed)");
    assertSameFiles(snapshot(out), threeDays);
  }

  /**
   * Regression: two builds of one output at once both exited 0, leaving a site that matched
   * neither. The second now fails at once, naming the output and the first build, and touches
   * nothing; the first finishes as if alone.
   */
  @Test
  void aSecondBuildOfTheSameOutputFailsAtOnceAndTheFirstFinishesAlone() throws Exception {
    Map<String, byte[]> before = snapshot(out);
    Path other = BuildCommandTest.copyOf(content, dir.resolve("other"));
    addDay(other, "2026-02-05");
    Paused first = startPaused(content, 1);
    Map<String, byte[]> duringFirst = snapshot(out);

    CliRun second = ChildDaybook.run(ChildDaybook.command(List.of(), List.of(build(other, out))),
        dir);

    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).matches("daybook: " + Pattern.quote(out.toString())
        + " is being built by another daybook \\(pid " + first.process.pid()
        + ", since [^)]+\\); try again when it is done\n");
    assertSameFiles(snapshot(out), duringFirst);
    assertThat(duringFirst).isNotEqualTo(before); // the first was moving files: really at once
    assertThat(first.resume()).as(first.err.toString()).isZero();
    assertSameFiles(snapshot(out), coldBuild(content));
    assertNoLeftovers();
  }

  /**
   * Regression: a folder of the site that could not be written, met midway through the moves,
   * left feed.xml new and the pages old. Now what was moved is moved back: the site is exactly
   * as it was, and once the folder can be written the next build publishes the whole new site.
   */
  @Test
  void aFolderThatCannotBeWrittenMidwayLeavesThePreviousSiteExactlyAsItWas() throws Exception {
    Map<String, byte[]> before = snapshot(out);
    Path reports = out.resolve("reports/2026/02");
    Files.setPosixFilePermissions(reports, PosixFilePermissions.fromString("r-xr-xr-x"));
    CliRun failed;
    try {
      failed = ChildDaybook.runBoundByPermissions(dir, build(content, out));
    } finally {
      Files.setPosixFilePermissions(reports, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).startsWith("daybook: cannot publish " + out + ": " + reports)
        .contains(": permission denied; the site is as it was")
        .endsWith("\n").hasLineCount(1);
    assertSameFiles(snapshot(out), before);
    assertNoLeftovers();

    CliRun again = CliRun.run(build(content, out));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertSameFiles(snapshot(out), coldBuild(content));
  }

  /**
   * {@code serve} builds the output another build is publishing: it waits for that build, says
   * so, and then builds and serves the site.
   */
  @Test
  void serveWaitsForAnotherBuildOfItsOutput() throws Exception {
    Paused build = startPaused(content, 1);
    StringWriter said = new StringWriter();
    // (Its error stream is left out: the interrupt that stops it in a test is not a user's Ctrl-C.)
    Daybook.Context context = new Daybook.Context(new PrintWriter(said, true),
        new PrintWriter(new StringWriter(), true), Map.of(), Clock.systemUTC());
    Thread serve = new Thread(() -> Daybook.commandLine(context).execute("serve", "--port=0",
        "--config=site.properties", "--content=" + content, "--out=" + out));
    serve.start();
    try {
      ServeCommandTest.await(said, Pattern.compile("(waiting for another daybook .*)"));
      assertThat(said.toString()).doesNotContain("serving");
      assertThat(build.resume()).isZero();
      URI url = URI.create(
          ServeCommandTest.await(said, Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)")));
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(url.resolve("reports/2026/02/2026-02-06.html"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
    assertThat(said.toString()).startsWith("waiting for another daybook (pid "
        + build.process.pid() + ", since ").contains(" to finish building " + out + "\n");
  }
}
