package dev.daybook.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.config.SiteConfig;
import dev.daybook.model.DailyReport;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import dev.daybook.site.Bakes;
import dev.daybook.site.BaseUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse step of a build with the build cache: a report whose bytes were parsed before is
 * taken from the cache, any other is parsed; a damaged entry is parsed again; what comes from the
 * cache equals a fresh parse.
 */
class CachedParseTest {

  /** A time the test files are set to, long ago. */
  static final FileTime OLD = FileTime.from(Instant.parse("2026-02-09T00:00:00Z"));

  @TempDir
  Path dir;
  Path content;
  Path day;
  SiteBuilder.Options options;

  @BeforeEach
  void copyShippedContent() throws Exception {
    content = dir.resolve("content");
    try (Stream<Path> walk = Files.walk(Bakes.SHIPPED_CONTENT)) {
      for (Path p : walk.toList()) {
        Path target = content.resolve(Bakes.SHIPPED_CONTENT.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
          Files.setLastModifiedTime(target, OLD);
        }
      }
    }
    day = content.resolve("reports/2026/02/2026-02-06.md");
    SiteConfig c = Bakes.config();
    options = new SiteBuilder.Options(content, Bakes.TEMPLATES, Bakes.ASSETS,
        dir.resolve("output"), BaseUrl.parse(Bakes.ROOT), c.title(), c.language(), c.zone(),
        c.pageSize());
  }

  @Test
  void reportsFromTheCacheEqualAFreshParse() throws Exception {
    Map<LocalDate, ArchiveReader.Source> first = SiteBuilder.parseAll(options);
    Map<LocalDate, ArchiveReader.Source> second = SiteBuilder.parseAll(options);

    assertThat(withoutPages(second)).hasSize(7).isEqualTo(withoutPages(first));
    ReportParser parser = new ReportParser(options.defaultZone());
    for (ArchiveReader.Source s : second.values()) {
      byte[] bytes = Files.readAllBytes(s.file());
      ParsedReport fresh = parser.parse(s.file(), new String(bytes, StandardCharsets.UTF_8), true);
      assertThat(s.report()).isEqualTo(fresh.orThrow());
      // A cached report was not parsed: its page is read when asked, to the same HTML.
      assertThat(s.page().get().html()).isEqualTo(fresh.page().html());
      assertThat(s.digest()).isEqualTo(ArchiveReader.digest(bytes));
    }
  }

  @Test
  void aReportParsedBeforeIsTakenFromTheCacheWhichIsNotWrittenAgain() throws Exception {
    SiteBuilder.parseAll(options);
    Map<Path, Object> before = entries();

    SiteBuilder.parseAll(options);

    assertThat(before).hasSize(7);
    assertThat(entries()).isEqualTo(before);
  }

  /** The key is the bytes' digest: an edit is seen whatever the file's size and times say. */
  @Test
  void aSameSizeEditWithItsTimeSetBackIsParsedAgain() throws Exception {
    String title = firstCommitTitle(reportOf(SiteBuilder.parseAll(options)));
    String same = sameLength(title);
    edit(title, same);
    Files.setLastModifiedTime(day, OLD);

    ArchiveReader.Source s = SiteBuilder.parseAll(options).get(LocalDate.parse("2026-02-06"));
    assertThat(firstCommitTitle(s.report())).isEqualTo(same);
    assertThat(s.digest()).isEqualTo(ArchiveReader.digest(Files.readAllBytes(day)));
    // The entry of the old bytes is gone, the new one is there.
    assertThat(entries()).hasSize(7);
  }

  @Test
  void aDamagedEntryIsParsedAgainAndWrittenAnew() throws Exception {
    Map<LocalDate, List<Object>> before = withoutPages(SiteBuilder.parseAll(options));
    List<Path> files = List.copyOf(entries().keySet());
    for (Path entry : files) {
      byte[] bytes = Files.readAllBytes(entry);
      Files.write(entry, Arrays.copyOf(bytes, bytes.length - 1));
    }

    assertThat(withoutPages(SiteBuilder.parseAll(options))).isEqualTo(before);
    CacheStore store = new CacheStore(BuildCache.of(options.output()).entries());
    for (Path entry : files) {
      assertThat(store.get(BuildCache.REPORT, entry.getFileName().toString())).isNotNull();
    }
  }

  @Test
  void theEntryOfADeletedReportIsDeleted() throws Exception {
    SiteBuilder.parseAll(options);
    Files.delete(day);

    assertThat(SiteBuilder.parseAll(options)).hasSize(6);
    assertThat(entries()).hasSize(6);
  }

  @Test
  void theCachesOfEarlierVersionsAreRemoved() throws Exception {
    BuildCache cache = BuildCache.of(options.output());
    for (Path old : cache.old()) {
      Files.createDirectories(old.getParent());
      Files.write(old, new byte[] {1, 2, 3});
    }

    new SiteBuilder().build(options);

    for (Path old : cache.old()) {
      assertThat(old).doesNotExist();
    }
  }

  /** The report entries of the build cache, each with its identity (an inode) and bytes. */
  private Map<Path, Object> entries() throws Exception {
    Map<Path, Object> entries = new TreeMap<>();
    try (Stream<Path> files =
        Files.list(BuildCache.of(options.output()).entries().resolve(BuildCache.REPORT))) {
      for (Path f : files.toList()) {
        entries.put(f, List.of(Files.readAttributes(f, BasicFileAttributes.class).fileKey(),
            Arrays.hashCode(Files.readAllBytes(f))));
      }
    }
    return entries;
  }

  private static DailyReport reportOf(Map<LocalDate, ArchiveReader.Source> sources) {
    return sources.get(LocalDate.parse("2026-02-06")).report();
  }

  /**
   * The first commit's title without its pull request number, which the report's heading writes
   * as a link: the rest is written the same in the heading, the table and the contents.
   */
  private static String firstCommitTitle(DailyReport report) {
    return report.sections().get(0).commits().get(0).title().replaceFirst(" \\(#\\d+\\)$", "");
  }

  /** The title with its first letter changed: the same length in UTF-8. */
  private static String sameLength(String title) {
    int i = 0;
    while (!Character.isLetter(title.charAt(i)) || title.charAt(i) > 'y') {
      i++;
    }
    return title.substring(0, i) + (char) (title.charAt(i) + 1) + title.substring(i + 1);
  }

  private void edit(String from, String to) throws Exception {
    String text = Files.readString(day);
    assertThat(text).contains(from);
    Files.writeString(day, text.replace(from, to));
  }

  /** What a source says of its report, without its page (a function, equal only to itself). */
  private static Map<LocalDate, List<Object>> withoutPages(
      Map<LocalDate, ArchiveReader.Source> sources) {
    Map<LocalDate, List<Object>> values = new TreeMap<>();
    sources.forEach((date, s) -> values.put(date,
        List.of(s.file(), s.name(), s.digest(), s.report())));
    return values;
  }
}
