package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.source.github.FakeGitHub;
import dev.daybook.source.github.FakeRepo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports shipped in {@code content/} are exactly what Daybook makes of the real data: the
 * reference report imported, and the sglang fixture week generated (the imported 2026-02-06 is kept,
 * as generate keeps existing reports). Run with {@code -Ddaybook.updateShipped=true} to rewrite
 * {@code content/reports} after a deliberate format or analyzer change, then review the diff.
 */
class ShippedContentTest {

  static final Path SHIPPED = Path.of("content");

  @TempDir
  Path dir;

  @Test
  void shippedReportsAreWhatImportAndGenerateMakeOfTheFixtures() throws IOException {
    Path content = dir.resolve("content");
    Path reference = dir.resolve("report-2026-02-06.zh.md");
    try (InputStream in = getClass().getResourceAsStream(
        "/reports/reference/report-2026-02-06.zh.md")) {
      Files.copy(in, reference);
    }
    Path config = dir.resolve("site.properties");
    try (FakeGitHub github = FakeGitHub.start().serve(FakeRepo.sglangWeek())) {
      Files.writeString(config, "repos=sgl-project/sglang\nreport.timezone=Asia/Shanghai\n"
          + "site.locale=zh\ngithub.api-url=" + github.apiUrl() + "\n");
      CliRun imported = CliRun.run("import", "--config=" + config, "--content=" + content,
          reference.toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      Clock afterTheWeek = Clock.fixed(Instant.parse("2026-02-10T00:00:00Z"), ZoneOffset.UTC);
      CliRun generated = CliRun.run(Map.of(), afterTheWeek, "generate", "--config=" + config,
          "--content=" + content, "--date=2026-02-02", "--to=2026-02-08");
      assertThat(generated.exitCode()).as(generated.err()).isZero();
      assertThat(generated.out()).contains("2026-02-06: kept");
    }
    List<Path> made = relativeFiles(content.resolve("reports"));
    assertThat(made).hasSize(7);
    if (Boolean.getBoolean("daybook.updateShipped")) {
      for (Path p : made) {
        Path target = SHIPPED.resolve("reports").resolve(p);
        Files.createDirectories(target.getParent());
        Files.copy(content.resolve("reports").resolve(p), target,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertThat(relativeFiles(SHIPPED.resolve("reports"))).isEqualTo(made);
    for (Path p : made) {
      assertThat(Files.readString(SHIPPED.resolve("reports").resolve(p)))
          .as("content/reports/%s", p)
          .isEqualTo(Files.readString(content.resolve("reports").resolve(p)));
    }
  }

  @Test
  void shippedContentChecksClean() {
    CliRun run = CliRun.run("check", "--config=site.properties", "--content=" + SHIPPED);
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).isEqualTo("7 reports, 141 commits, 0 problems\n");
  }

  static List<Path> relativeFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
