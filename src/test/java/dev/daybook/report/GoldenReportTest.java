package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden report reads without a problem and is written back byte for byte. */
class GoldenReportTest {

  static Stream<Path> goldenReports() throws IOException, URISyntaxException {
    Path dir = Path.of(GoldenReportTest.class.getResource("/reports/golden").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenReports")
  void parsesAndWritesBackTheSameBytes(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    ParsedReport parsed = new ReportParser(ZoneId.of("Asia/Shanghai")).parse(file, text, true);
    assertThat(parsed.problems()).isEmpty();
    assertThat(new ReportWriter(parsed.language()).write(parsed.orThrow())).isEqualTo(text);
  }
}
