package dev.daybook.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code daybook} in a child JVM, as a user does: this JVM's {@code java} and class path,
 * main class {@link Main}. A real process, so a test can kill it, run two side by side, or run
 * one that file permissions bind when the tests run as root.
 */
final class ChildDaybook {

  private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();
  /** Drops the capabilities that let root read and write whatever the permissions say. */
  private static final List<String> WITHOUT_OVERRIDE = List.of("setpriv",
      "--bounding-set=-dac_override,-dac_read_search");
  private static Boolean permissionsBind;

  private ChildDaybook() {}

  /** A child {@code daybook ARGS}, started in this JVM's working folder with these options. */
  static ProcessBuilder command(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.add("-XX:TieredStopAtLevel=1"); // as the launcher: a short run starts sooner
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command);
  }

  /**
   * Runs {@code daybook ARGS} so that file permissions bind it: in this JVM when they bind this
   * one, else (root) in a child without the capabilities that override them. Skips the test
   * when neither can be had.
   */
  static CliRun runBoundByPermissions(Path scratch, String... args) throws Exception {
    if (permissionsBind(scratch)) {
      return CliRun.run(args);
    }
    assumeTrue(setprivWorks(), "running as root, and setpriv cannot drop dac_override");
    List<String> command = new ArrayList<>(WITHOUT_OVERRIDE);
    command.addAll(command(List.of(), List.of(args)).command());
    return run(new ProcessBuilder(command), scratch);
  }

  /** Runs a child to its end (2 minutes at most) and keeps what it printed. */
  static CliRun run(ProcessBuilder child, Path scratch) throws Exception {
    Path out = Files.createTempFile(scratch, "child", ".out");
    Path err = Files.createTempFile(scratch, "child", ".err");
    Process p = child.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("daybook did not finish: " + child.command());
    }
    CliRun run = new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  /** Whether this process is refused a file that nobody may read (it is not, as root). */
  private static synchronized boolean permissionsBind(Path scratch) throws IOException {
    if (permissionsBind == null) {
      Path probe = Files.createTempFile(scratch, "probe", "");
      Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
      permissionsBind = !Files.isReadable(probe);
      Files.delete(probe);
    }
    return permissionsBind;
  }

  private static boolean setprivWorks() throws InterruptedException {
    List<String> command = new ArrayList<>(WITHOUT_OVERRIDE);
    command.add("true");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false; // no setpriv here
    }
  }
}
