package dev.daybook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs the jar as the benchmark measures it: with the launcher's JVM options, and
 * with the class data archive that its first build with a jar records.
 */
class LauncherTest {

  private static final Path LAUNCHER = Path.of("daybook");

  @Test
  void theLauncherRunsTheJarWithTheOptionsTheBenchmarkMeasures() throws Exception {
    assertThat(Files.isExecutable(LAUNCHER)).as("./daybook is executable").isTrue();
    String script = Files.readString(LAUNCHER);
    Matcher opts = Pattern.compile("(?m)^opts=\"([^\"]*)\"$").matcher(script);
    assertThat(opts.find()).as("the options line of ./daybook").isTrue();
    assertThat(opts.group(1)).isEqualTo(String.join(" ", Benchmark.LAUNCHER_JVM_OPTIONS));
  }

  @Test
  void theLauncherRunsTheBenchmarkFromOutsideTheProductJar() throws Exception {
    String script = Files.readString(LAUNCHER);
    assertThat(script).contains("target/test-classes").contains("target/bench.classpath")
        .contains(BenchCommand.class.getName())
        // Daybook's measured builds get the product jar, not the benchmark's classpath.
        .contains("-D" + Benchmark.PRODUCT_CLASSPATH + "=\"$product\"")
        .contains("product=\"$here/target/daybook.jar:$here/target/test-classes\"");
  }

  /**
   * A stand-in for the product: {@code COMMAND STATUS [mapped|unmapped]} exits with STATUS, or
   * with 99 when the JVM was (or was not) started with a class data archive to map.
   */
  public static final class Exit {
    public static void main(String[] args) {
      boolean mapped = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
      if (args.length > 2 && mapped != args[2].equals("mapped")) {
        System.exit(99);
      }
      System.exit(Integer.parseInt(args[1]));
    }
  }

  @Test
  void aBuildThatGoesThroughRecordsTheClassDataArchiveThatLaterRunsMap(@TempDir Path dir)
      throws Exception {
    Files.copy(LAUNCHER, dir.resolve("daybook"));
    Path jar = dir.resolve("target/daybook.jar");
    jarOf(Exit.class, jar);

    assertThat(run(dir, null, "build", "3", "unmapped")).as("the status passes through")
        .isEqualTo(3);
    assertThat(archives(dir)).as("a failed build records nothing").isEmpty();
    assertThat(run(dir, null, "check", "0", "unmapped")).isZero();
    assertThat(run(dir, null, "build", "0", "--help")).isZero();
    assertThat(archives(dir)).as("only a build records, not its help").isEmpty();
    assertThat(run(dir, "", "build", "0", "unmapped")).isZero();
    assertThat(archives(dir)).as("not with options of one's own").isEmpty();

    assertThat(run(dir, null, "build", "0", "unmapped")).isZero();
    assertThat(archives(dir)).as("nothing half-written is left").hasSize(1);
    Path archive = archives(dir).get(0);
    assertThat(archive.getFileName().toString()).matches("daybook-[0-9]+\\.jsa");
    // -Xshare:on fails rather than load the classes the usual way: the archive maps.
    Process mapped = new ProcessBuilder("java", "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
        "-cp", jar.toString(), Exit.class.getName(), "build", "0").inheritIO().start();
    assertThat(mapped.waitFor()).as("java -Xshare:on with the recorded archive").isZero();

    FileTime recorded = Files.getLastModifiedTime(archive);
    assertThat(run(dir, null, "build", "0", "mapped")).as("a later build maps it").isZero();
    assertThat(run(dir, null, "check", "0", "mapped")).as("so does any command").isZero();
    assertThat(run(dir, "", "check", "0", "unmapped")).as("but not with options of one's own")
        .isZero();
    assertThat(Files.getLastModifiedTime(archive)).as("and none records again")
        .isEqualTo(recorded);

    // A jar newer than the archive: the next build records again.
    FileTime older = FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(60));
    Files.setLastModifiedTime(archive, older);
    assertThat(run(dir, null, "build", "0", "unmapped")).isZero();
    assertThat(archives(dir)).containsExactly(archive);
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(older);
  }

  /** The class data archives in the launcher's target folder, and anything half-written. */
  private static List<Path> archives(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("target"))) {
      return files.filter(p -> p.getFileName().toString().contains(".jsa")).sorted().toList();
    }
  }

  /** Runs the launcher in {@code dir}, with DAYBOOK_JAVA_OPTS set to {@code javaOpts} if any. */
  private static int run(Path dir, String javaOpts, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("sh", dir.resolve("daybook").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    pb.environment().remove("DAYBOOK_JAVA_OPTS");
    if (javaOpts != null) {
      pb.environment().put("DAYBOOK_JAVA_OPTS", javaOpts);
    }
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not end within a minute");
    }
    return p.exitValue();
  }

  /** A jar of one class, which is its main class. */
  private static void jarOf(Class<?> main, Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
    String entry = main.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        var in = main.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
  }
}
