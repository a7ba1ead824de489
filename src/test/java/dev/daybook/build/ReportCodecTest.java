package dev.daybook.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daybook.archive.ReportStore;
import dev.daybook.model.Analysis;
import dev.daybook.model.DailyReport;
import dev.daybook.report.ReportParser;
import dev.daybook.site.Bakes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCodecTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Every shipped report, parsed; by file name. */
  static Map<String, DailyReport> shipped() throws Exception {
    Map<String, DailyReport> reports = new TreeMap<>();
    ReportParser parser = new ReportParser(ZONE);
    for (Path f : new ReportStore(Bakes.SHIPPED_CONTENT).list()) {
      reports.put(f.getFileName().toString(),
          parser.parse(f, Files.readString(f, StandardCharsets.UTF_8), true).orThrow());
    }
    return reports;
  }

  @Test
  void reportsComeBackEqualToWhatWasParsed() throws Exception {
    Map<String, DailyReport> reports = shipped();
    assertThat(reports).hasSize(7);
    for (DailyReport r : reports.values()) {
      assertThat(decode(ReportCodec.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void aBreakingMarkerComesBack() throws Exception {
    DailyReport report = shipped().values().iterator().next();
    var section = report.sections().get(0);
    var commits = new java.util.ArrayList<>(section.commits());
    var first = commits.get(0);
    commits.set(0, new dev.daybook.model.ReportedCommit(first.sha(), first.url(), first.time(),
        first.author(), first.title(), first.analysis().withBreaking("标题带有 `!`")));
    DailyReport marked = new DailyReport(report.date(), report.zone(),
        java.util.List.of(new dev.daybook.model.RepoSection(section.repo(), commits)),
        report.partialAsOf());

    DailyReport back = decode(ReportCodec.encode(marked));
    assertThat(back).isEqualTo(marked).isNotEqualTo(report);
    assertThat(back.sections().get(0).commits().get(0).analysis().breaking())
        .isEqualTo("标题带有 `!`");
  }

  /**
   * The prose is read on first use, but its lengths are checked when the entry is read: an entry
   * whose prose does not add up (a string length changed) fails then, not later when a page asks
   * for the text.
   */
  @Test
  void proseIsReadOnFirstUseButCheckedWhenDecoded() throws Exception {
    DailyReport report = shipped().values().iterator().next();
    String summary = report.sections().get(0).commits().get(0).analysis().summary();
    byte[] bytes = ReportCodec.encode(report);

    Analysis decoded = decode(bytes).sections().get(0).commits().get(0).analysis();
    assertThat(decoded.summary()).isEqualTo(summary);
    assertThat(decoded.prose()).isSameAs(decoded.prose()); // decoded once

    int at = indexOf(bytes, summary.getBytes(StandardCharsets.UTF_8)) - Integer.BYTES;
    assertThat(at).isPositive();
    ByteBuffer.wrap(bytes).putInt(at, ByteBuffer.wrap(bytes).getInt(at) - 1);
    assertThatThrownBy(() -> decode(bytes)).isInstanceOf(IOException.class);
  }

  /**
   * A build does not keep an entry's bytes for the prose: it is decoded from the bytes read
   * again, when first wanted; those may sit elsewhere in another array.
   */
  @Test
  void theProseIsDecodedFromTheEntryReadAgainWhenFirstWanted() throws Exception {
    DailyReport report = shipped().values().iterator().next();
    byte[] bytes = ReportCodec.encode(report);
    AtomicInteger reads = new AtomicInteger();
    byte[] elsewhere = new byte[bytes.length + 11];
    System.arraycopy(bytes, 0, elsewhere, 7, bytes.length);

    byte[] padded = new byte[bytes.length + 5];
    System.arraycopy(bytes, 0, padded, 5, bytes.length);
    DailyReport back = ReportCodec.decode(ByteBuffer.wrap(padded, 5, bytes.length), () -> {
      reads.incrementAndGet();
      return ByteBuffer.wrap(elsewhere).position(7).slice().limit(bytes.length);
    });
    assertThat(reads).as("nothing read again before the prose is wanted").hasValue(0);
    assertThat(back).isEqualTo(report);
    assertThat(reads.get()).isPositive();

    DailyReport cut = ReportCodec.decode(ByteBuffer.wrap(bytes),
        () -> ByteBuffer.wrap(bytes, 0, 10));
    assertThatThrownBy(() -> cut.sections().get(0).commits().get(0).analysis().prose())
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("shorter");
  }

  /** The entry read again once for all of a report's analyses, or a clear stop when it is gone. */
  @Test
  void aBuildReadsAnEntryAgainOnceAndSaysSoWhenItWentMissing(@TempDir Path dir) throws Exception {
    CacheStore entries = new CacheStore(dir);
    String key = CacheStore.key("report", "v", "x");
    entries.put("report", key, new byte[] {1, 2, 3});
    Supplier<ByteBuffer> again = SiteBuilder.readAgain(entries, key, "reports/2026/02/x.md", 3);
    assertThat(again.get()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    Supplier<ByteBuffer> other = SiteBuilder.readAgain(entries, key, "reports/2026/02/x.md", 4);
    assertThatThrownBy(other::get).as("not what the build read first")
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("changed");

    Files.delete(dir.resolve("report").resolve(key));
    assertThat(again.get()).as("read once").isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    Supplier<ByteBuffer> gone = SiteBuilder.readAgain(entries, key, "reports/2026/02/x.md", 3);
    assertThatThrownBy(gone::get).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("reports/2026/02/x.md").hasMessageContaining("build again");
  }

  @Test
  void bytesCutShortOrWithMoreAfterThemAreNotAReport() throws Exception {
    byte[] bytes = ReportCodec.encode(shipped().values().iterator().next());

    assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, bytes.length - 7)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(IOException.class).hasMessageContaining("after the report");
  }

  static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int k = 0; k < part.length; k++) {
        if (bytes[i + k] != part[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static DailyReport decode(byte[] bytes) throws IOException {
    return ReportCodec.decode(ByteBuffer.wrap(bytes));
  }
}
