package dev.daybook.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.daybook.archive.ReportStore;
import dev.daybook.model.Analysis;
import dev.daybook.model.DailyReport;
import dev.daybook.report.ReportParser;
import dev.daybook.site.Bakes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
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
    long modified = 1_700_000_000_000_000_000L;
    for (Path f : new ReportStore(Bakes.SHIPPED_CONTENT).list()) {
      DailyReport r = parser.parse(f, Files.readString(f, StandardCharsets.UTF_8), true)
          .orThrow();
      entries.put(f.getFileName().toString(), new ReportCache.Entry(
          new ReportCache.Stamp(Files.size(f), modified++, modified), "d-" + f.getFileName(), r));
    }
    return entries;
  }

  static ReportCache saved(Path cacheDir, Map<String, ReportCache.Entry> entries)
      throws Exception {
    ReportCache cache = ReportCache.load(cacheDir, ZONE);
    entries.forEach(cache::put);
    cache.save();
    return cache;
  }

  @Test
  void reportsComeBackEqualToWhatWasParsed() throws Exception {
    Map<String, ReportCache.Entry> entries = shipped();
    Path cache = dir.resolve("site.parsed");

    saved(cache, entries);

    assertThat(ReportCache.load(cache, ZONE).entries()).isEqualTo(entries).hasSize(7);
  }

  @Test
  void anotherZoneOrAMissingFolderIsNoCache() throws Exception {
    Path cache = dir.resolve("site.parsed");
    saved(cache, shipped());

    assertThat(ReportCache.load(cache, ZoneId.of("UTC")).entries()).isEmpty();
    assertThat(ReportCache.load(dir.resolve("missing"), ZONE).entries()).isEmpty();
  }

  /**
   * A torn segment (cut short), a damaged one (a byte changed anywhere, even inside a summary
   * where it would still decode) or one of another format is left out: its reports are parsed
   * again, the other segments still count, and the next save writes it anew.
   */
  @Test
  void aTornOrDamagedSegmentIsIgnoredAndRewritten() throws Exception {
    Map<String, ReportCache.Entry> entries = shipped();
    Path cache = dir.resolve("site.parsed");
    saved(cache, entries);
    List<String> names = List.copyOf(entries.keySet());
    String torn = names.get(0);
    String damaged = names.stream()
        .filter(n -> ReportCache.segment(n) != ReportCache.segment(torn)).findFirst().orElseThrow();
    String otherFormat = names.stream().filter(n -> ReportCache.segment(n)
        != ReportCache.segment(torn) && ReportCache.segment(n) != ReportCache.segment(damaged))
        .findFirst().orElseThrow();
    Path tornFile = ReportCache.segmentFile(cache, ReportCache.segment(torn));
    byte[] bytes = Files.readAllBytes(tornFile);
    Files.write(tornFile, Arrays.copyOf(bytes, bytes.length - 100));
    Path damagedFile = ReportCache.segmentFile(cache, ReportCache.segment(damaged));
    bytes = Files.readAllBytes(damagedFile);
    int summary = indexOf(bytes, "修改".getBytes(StandardCharsets.UTF_8));
    assertThat(summary).isPositive();
    bytes[summary + 3] = (byte) "加".getBytes(StandardCharsets.UTF_8)[0];
    Files.write(damagedFile, bytes);
    Path otherFormatFile = ReportCache.segmentFile(cache, ReportCache.segment(otherFormat));
    bytes = Files.readAllBytes(otherFormatFile);
    bytes[10] ^= 0x01; // in "daybook-parsed-2", with a CRC that fits: only the name is wrong
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
    Files.write(otherFormatFile, bytes);

    ReportCache loaded = ReportCache.load(cache, ZONE);

    Map<String, ReportCache.Entry> expected = new HashMap<>(entries);
    expected.keySet().removeIf(n -> ReportCache.segment(n) == ReportCache.segment(torn)
        || ReportCache.segment(n) == ReportCache.segment(damaged)
        || ReportCache.segment(n) == ReportCache.segment(otherFormat));
    assertThat(loaded.entries()).isEqualTo(expected);
    assertThat(expected).isNotEmpty();
    loaded.save();
    assertThat(Files.exists(tornFile)).isFalse(); // nothing left in it: deleted, not kept torn
    assertThat(ReportCache.load(cache, ZONE).entries()).isEqualTo(expected);
  }

  /**
   * The prose is read on first use, but its lengths are checked at load: a segment whose prose
   * does not add up (a string length changed, with a CRC that fits) is left out then, not found
   * broken later when a page asks for the text.
   */
  @Test
  void proseIsReadOnFirstUseButCheckedAtLoad() throws Exception {
    Map<String, ReportCache.Entry> entries = shipped();
    Path cache = dir.resolve("site.parsed");
    saved(cache, entries);
    String name = entries.keySet().iterator().next();
    String summary = entries.get(name).report().sections().get(0).commits().get(0).analysis()
        .summary();

    Analysis loaded = ReportCache.load(cache, ZONE).get(name).report().sections().get(0)
        .commits().get(0).analysis();
    assertThat(loaded.summary()).isEqualTo(summary);
    assertThat(loaded.prose()).isSameAs(loaded.prose()); // decoded once

    Path file = ReportCache.segmentFile(cache, ReportCache.segment(name));
    byte[] bytes = Files.readAllBytes(file);
    int at = indexOf(bytes, summary.getBytes(StandardCharsets.UTF_8)) - Integer.BYTES;
    assertThat(at).isPositive();
    ByteBuffer.wrap(bytes).putInt(at, ByteBuffer.wrap(bytes).getInt(at) - 1);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
    Files.write(file, bytes);

    assertThat(ReportCache.load(cache, ZONE).entries()).doesNotContainKey(name)
        .hasSizeLessThan(entries.size()).isNotEmpty();
  }

  @Test
  void oneChangedReportRewritesOnlyItsSegment() throws Exception {
    Map<String, ReportCache.Entry> entries = shipped();
    Path cache = dir.resolve("site.parsed");
    saved(cache, entries);
    Map<Path, Object> before = fileKeys(cache);
    String changed = entries.keySet().iterator().next();

    ReportCache again = ReportCache.load(cache, ZONE);
    ReportCache.Entry old = again.get(changed);
    again.put(changed, new ReportCache.Entry(new ReportCache.Stamp(1, 2, 3), "other",
        old.report()));
    again.save();

    Map<Path, Object> after = fileKeys(cache);
    Path segment = ReportCache.segmentFile(cache, ReportCache.segment(changed));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get(segment)).isNotEqualTo(before.get(segment));
    after.remove(segment);
    before.remove(segment);
    assertThat(after).isEqualTo(before).isNotEmpty();
    assertThat(ReportCache.load(cache, ZONE).get(changed).digest()).isEqualTo("other");
  }

  @Test
  void deletedReportsAreForgotten() throws Exception {
    Map<String, ReportCache.Entry> entries = shipped();
    Path cache = dir.resolve("site.parsed");
    ReportCache c = saved(cache, entries);
    List<String> kept = List.copyOf(entries.keySet()).subList(0, 3);

    c.retainOnly(kept);
    c.save();

    assertThat(ReportCache.load(cache, ZONE).entries()).containsOnlyKeys(kept);
    try (var files = Files.list(cache)) {
      assertThat(files.count()).isLessThanOrEqualTo(3); // empty segments are deleted
    }
  }

  @Test
  void aFileModifiedJustBeforeItWasReadIsRecordedWithoutAStamp() throws Exception {
    Path file = Files.writeString(dir.resolve("r.md"), "x");
    ReportCache.Stamp seen = ReportCache.Stamp.read(file);
    Instant modified = Instant.EPOCH.plusNanos(seen.modified());

    assertThat(seen.toRecord(modified.plusMillis(500))).isEqualTo(ReportCache.Stamp.NONE);
    assertThat(seen.toRecord(modified.plusSeconds(3))).isEqualTo(seen);
    assertThat(seen.size()).isEqualTo(1);
    assertThat(seen.modified()).isEqualTo(
        Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
    assertThat(ReportCache.Stamp.NONE).isNotEqualTo(seen);
    ReportCache.Stamp same = new ReportCache.Stamp(seen.size(), seen.modified(), seen.changed());
    assertThat(same).isEqualTo(seen).hasSameHashCodeAs(seen);
    assertThat(new ReportCache.Stamp(seen.size() + 1, seen.modified(), seen.changed()))
        .isNotEqualTo(seen);
    assertThat(new ReportCache.Stamp(seen.size(), seen.modified(), seen.changed() + 1))
        .isNotEqualTo(seen);
  }

  @Test
  void aStampHoldsTheChangeTimeThatAWriteMovesAndNoOneSetsBack() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"));
    Path file = Files.writeString(dir.resolve("r.md"), "x");
    FileTime old = FileTime.from(Instant.parse("2025-01-01T00:00:00Z"));
    Files.setLastModifiedTime(file, old);
    ReportCache.Stamp first = ReportCache.Stamp.read(file);

    Files.writeString(file, "y");
    Files.setLastModifiedTime(file, old);
    ReportCache.Stamp second = ReportCache.Stamp.read(file);

    assertThat(second.size()).isEqualTo(first.size());
    assertThat(second.modified()).isEqualTo(first.modified());
    assertThat(second.changed()).isGreaterThan(first.changed());
    assertThat(second).isNotEqualTo(first);
  }

  /** Each file's identity (inode): an atomic replace gives the file a new one. */
  private static Map<Path, Object> fileKeys(Path folder) throws Exception {
    Map<Path, Object> keys = new TreeMap<>();
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        keys.put(f, List.of(Files.readAttributes(f, BasicFileAttributes.class).fileKey(),
            Arrays.hashCode(Files.readAllBytes(f))));
      }
    }
    return keys;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
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
}
