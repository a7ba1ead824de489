package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.model.DailyReport;
import dev.daybook.report.ReportParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCacheTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @TempDir
  Path dir;

  /** Every shipped report, parsed; by file name. */
  static Map<String, ReportCache.Entry> shipped() throws Exception {
    Map<String, ReportCache.Entry> entries = new TreeMap<>();
    ReportParser parser = new ReportParser(ZONE);
    for (Path f : new ReportStore(Bakes.SHIPPED_CONTENT).list()) {
      DailyReport r = parser.parse(f, Files.readString(f, StandardCharsets.UTF_8), true)
          .orThrow();
      entries.put(f.getFileName().toString(), new ReportCache.Entry("d-" + f.getFileName(), r));
    }
    return entries;
  }

  @Test
  void reportsComeBackEqualToWhatWasParsed() throws Exception {
    Map<String, ReportCache.Entry> entries = shipped();
    Path file = dir.resolve("site.reports");

    ReportCache.save(file, ZONE, entries);

    assertThat(ReportCache.load(file, ZONE)).isEqualTo(entries).hasSize(7);
  }

  @Test
  void anotherZoneOrAnotherFormatOrADamagedFileIsNoCache() throws Exception {
    Path file = dir.resolve("site.reports");
    ReportCache.save(file, ZONE, shipped());
    byte[] bytes = Files.readAllBytes(file);

    assertThat(ReportCache.load(file, ZoneId.of("UTC"))).isEmpty();
    assertThat(ReportCache.load(dir.resolve("missing"), ZONE)).isEmpty();
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(ReportCache.load(file, ZONE)).isEmpty();
    bytes[3] ^= 0x20; // the format name
    Files.write(file, bytes);
    assertThat(ReportCache.load(file, ZONE)).isEmpty();
  }
}
