package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser appends prose lines of a commit straight from the text: it must read every report
 * as it does reading each of those lines the long way.
 */
class ProseShortcutTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static List<Path> reports() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("content"), Path.of("src/test/resources/reports"))) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".md") && !p.endsWith("README.md")).sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  private static void assertSameBothWays(Path file, String text) {
    ParsedReport quick = new ReportParser(ZONE, true).parse(file, text, true);
    ParsedReport slow = new ReportParser(ZONE, false).parse(file, text, true);
    assertThat(quick).as("%s", file).isEqualTo(slow);
  }

  @Test
  void shippedAndTestReportsReadTheSame() throws Exception {
    List<Path> files = reports();
    assertThat(files).hasSizeGreaterThan(5);
    for (Path f : files) {
      assertSameBothWays(f, Files.readString(f));
    }
  }

  /** Each line that is almost prose, after every line of a report, with \n and \r\n ends. */
  @Test
  void linesThatAreAlmostProseReadTheSame() throws Exception {
    Path golden = Path.of("src/test/resources/reports/golden/2026-02-06.zh.md");
    List<String> lines = Files.readAllLines(golden);
    for (String tricky : List.of("", " ", "\t", "\u3000", "- x", "  - x", "\u3000> x", "\t> x",
        "> x", ">", " *x", "*x*", "**x**", "  **📋 变更摘要**", "   # x", "    # x", "#x", "```",
        "   ~~~", "    ```", "``x", "---", " * * *", "\u00A0> x", "\u2028- x", "x\u2028",
        "**SHA**: `abcdef1`", "> ⚠️ 此条分析不完整：原文在此处被截断。", "| a | b | c |")) {
      for (String eol : List.of("\n", "\r\n")) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
          text.append(line).append(eol).append(tricky).append(eol);
        }
        assertSameBothWays(golden, text.toString());
      }
    }
  }
}
