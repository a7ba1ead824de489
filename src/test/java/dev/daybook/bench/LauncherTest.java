package dev.daybook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark measures Daybook as the launcher runs it: with the launcher's JVM options. */
class LauncherTest {

  private static final Path LAUNCHER = Path.of("daybook");

  @Test
  void theLauncherRunsTheJarWithTheOptionsTheBenchmarkMeasures() throws Exception {
    assertThat(Files.isExecutable(LAUNCHER)).as("./daybook is executable").isTrue();
    String script = Files.readString(LAUNCHER);
    Matcher exec = Pattern.compile("(?m)^exec java \\$\\{DAYBOOK_JAVA_OPTS-([^}]*)} \\\\\n"
        + "  -jar \"\\$here/target/daybook\\.jar\" \"\\$@\"$").matcher(script);
    assertThat(exec.find()).as("the exec line of ./daybook").isTrue();
    assertThat(exec.group(1)).isEqualTo(String.join(" ", Benchmark.LAUNCHER_JVM_OPTIONS));
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
}
