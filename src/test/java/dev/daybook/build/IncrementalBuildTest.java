package dev.daybook.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.bench.ArchiveSynthesizer;
import dev.daybook.config.SiteConfig;
import dev.daybook.io.AtomicFiles;
import dev.daybook.site.Bakes;
import dev.daybook.site.BaseUrl;
import dev.daybook.site.SearchPage;
import dev.daybook.site.SiteException;
import dev.daybook.site.SitePaths;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild of an existing site gives the same bytes as a cold build of the same content, and
 * writes only what changed: nothing when nothing changed; after one more day, the new report, its
 * previous day's page (its "next" link) and the pages that list commits or days, never the other
 * reports. Made on a synthetic archive of 14 days (from the shipped week), with the search index.
 */
class IncrementalBuildTest {

  static final int DAYS = 14;

  @TempDir
  static Path dir;
  static ArchiveSynthesizer synth;

  @BeforeAll
  static void synthesizer() throws IOException {
    synth = new ArchiveSynthesizer(Bakes.SHIPPED_CONTENT);
  }

  @Test
  void oneMoreDayRewritesItsNeighbourhoodAndEqualsAColdBuild() throws Exception {
    Site site = builtSite("grow");
    Map<String, String> before = snapshot(site.out);

    synth.writeDay(site.content, DAYS);
    SiteBuilder.Result added = site.build();

    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-grow"));
    String newDay = SitePaths.report(ArchiveSynthesizer.START.plusDays(DAYS));
    String previousDay = SitePaths.report(ArchiveSynthesizer.START.plusDays(DAYS - 1));
    assertThat(added.written()).contains(newDay, previousDay, "index.html", "feed.xml",
        "sitemap.xml");
    assertThat(added.deleted()).isEmpty();
    // Every other report keeps its file, untouched.
    List<String> otherReports = before.keySet().stream()
        .filter(p -> p.matches("reports/.*/\\d{4}-\\d{2}-\\d{2}\\.html")
            && !p.equals(previousDay)).toList();
    assertThat(otherReports).hasSize(DAYS - 1);
    assertThat(added.written()).doesNotContainAnyElementsOf(otherReports);
    // Under reports/ also the calendar pages of the new day's month and year, which list it.
    LocalDate date = ArchiveSynthesizer.START.plusDays(DAYS);
    String month = SitePaths.file(SitePaths.month(YearMonth.from(date)));
    String year = SitePaths.file(SitePaths.year(date.getYear()));
    assertThat(added.written()).contains(month, year);
    assertThat(added.written()).allMatch(p -> p.equals(newDay) || p.equals(previousDay)
        || p.equals(month) || p.equals(year) || !p.startsWith("reports/"));
    // The search export numbers commits oldest first: only the last chunk of shown text can
    // change, and new chunks follow it.
    String docs = "search/2020-01/docs/";
    long chunks = before.keySet().stream().filter(p -> p.startsWith(docs)).count();
    assertThat(added.written()).filteredOn(p -> p.contains("/docs-"))
        .isNotEmpty()
        .allMatch(p -> p.startsWith(docs) && Integer.parseInt(p.substring(
            p.lastIndexOf("/docs-") + 6).replaceAll("\\D", "")) >= chunks - 1, "a last chunk");
  }

  @Test
  void aNewDayRemakesOnlyTheSearchExportsNewestMonth() throws Exception {
    Site site = builtSite("parts");
    // January's fortnight, then the first two days of February: the export has two parts.
    synth.writeDay(site.content, 31);
    synth.writeDay(site.content, 32);
    site.build();
    Map<String, FileTime> times = mtimes(site.out);
    assertThat(times.keySet()).anyMatch(p -> p.startsWith("search/2020-01/terms-"))
        .anyMatch(p -> p.startsWith("search/2020-02/terms-"));

    synth.writeDay(site.content, 33);
    SiteBuilder.Result added = site.build();

    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-parts"));
    assertThat(added.written()).filteredOn(p -> p.startsWith("search/"))
        .contains("search/meta.json.gz")
        .anyMatch(p -> p.startsWith("search/2020-02/terms-"))
        .allMatch(p -> p.equals("search/meta.json.gz") || p.startsWith("search/2020-02/"));
    // January's files were kept as they were published: not even written again.
    times.forEach((path, time) -> {
      if (path.startsWith("search/2020-01/")) {
        assertThat(site.out.resolve(path)).as(path).exists();
        try {
          assertThat(Files.getLastModifiedTime(site.out.resolve(path))).as(path).isEqualTo(time);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });

    // The first day of a month makes February's part one of the older ones.
    synth.writeDay(site.content, 60);
    site.build();
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-march"));
    assertThat(mtimes(site.out).keySet()).noneMatch(p -> p.startsWith("search/2020-02/"))
        .anyMatch(p -> p.startsWith("search/2020-01/"))
        .anyMatch(p -> p.startsWith("search/2020-03/"));
  }

  @Test
  void aSearchPartIsKeptOnlyAsThePublishedSiteRecordsIt() throws Exception {
    Site site = builtSite("unpublished");
    synth.writeDay(site.content, 31); // February: January is an older part
    site.build();
    Path root = site.out.getParent();
    Path pages = BuildCache.of(site.out).entries().resolve(BuildCache.SITE);
    copyTree(site.out, root.resolve("saved-output"));
    copyTree(pages, root.resolve("saved-pages"));
    // Two words of a January title swapped, everywhere the report has it: every search file
    // keeps its size (the same terms, lengths and counts), some change their bytes.
    Path edited = reportFiles(site.content).get(1);
    String text = Files.readString(edited);
    java.util.regex.Matcher words = java.util.regex.Pattern
        .compile("(?m)^#### <a id=\"\\w+\"></a>([A-Za-z]+) ([A-Za-z]+) ").matcher(text);
    assertThat(words.find()).as("a title that opens with two words").isTrue();
    String swapped = text.replace(words.group(1) + " " + words.group(2) + " ",
        words.group(2) + " " + words.group(1) + " ");
    assertThat(swapped).hasSameSizeAs(text).isNotEqualTo(text);
    Files.writeString(edited, swapped);
    site.build();
    // That build's publish undone, as if it was killed before it: its cache entries stay.
    AtomicFiles.deleteTree(site.out);
    AtomicFiles.deleteTree(pages);
    copyTree(root.resolve("saved-output"), site.out);
    copyTree(root.resolve("saved-pages"), pages);

    site.build();

    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-unpublished"));
  }

  @Test
  void anOlderPartKeptAllMonthIsTheOneAColdBuildMakes() throws Exception {
    Site site = builtSite("month");
    synth.writeDay(site.content, 31); // February's first day: January is an older part
    site.build();
    Map<String, FileTime> january = new TreeMap<>(mtimes(site.out));
    january.keySet().removeIf(p -> !p.startsWith("search/2020-01/"));
    // All of February later, twice January's commits: January is still kept (not even written
    // again), and still what a cold build makes: its shards are sized by the part itself, not by
    // the archive around it.
    for (int day = 32; day <= 59; day++) {
      synth.writeDay(site.content, day);
    }
    site.build();
    Map<String, FileTime> kept = new TreeMap<>(mtimes(site.out));
    kept.keySet().removeIf(p -> !p.startsWith("search/2020-01/"));
    assertThat(kept).isEqualTo(january);
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-month"));
  }

  @Test
  void aCacheEntryOfAPartThatCannotBeReadOnlyCostsTheParts() throws Exception {
    Site site = builtSite("unreadable");
    synth.writeDay(site.content, 31);
    site.build();
    // Entries whose CRC holds but whose summary is no summary (say, of another version).
    Path saved = BuildCache.of(site.out).entries().resolve(BuildCache.SEARCH);
    try (Stream<Path> entries = Files.list(saved)) {
      for (Path entry : entries.toList()) {
        Files.write(entry, CacheStore.framed("{\"dir\":\"2020-01/\"}".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)));
      }
    }
    synth.writeDay(site.content, 32);
    site.build();
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-unreadable"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Test
  void aRebuildWithNothingChangedWritesNothing() throws Exception {
    Site site = builtSite("same");
    Map<String, FileTime> times = mtimes(site.out);
    Map<String, String> bytes = snapshot(site.out);

    SiteBuilder.Result again = site.build();

    assertThat(again.written()).isEmpty();
    assertThat(again.deleted()).isEmpty();
    assertThat(again.indexed()).isFalse();
    assertThat(mtimes(site.out)).isEqualTo(times);
    assertThat(snapshot(site.out)).isEqualTo(bytes);
  }

  /**
   * How the search page searches (search.facets-at-once, search.opensearch-public) is a value of
   * that page alone: changing it makes no other page again.
   */
  @Test
  void aChangedSearchSettingRewritesTheSearchPageOnly() throws Exception {
    Site site = builtSite("search-setting");

    SiteBuilder.Result facets = site.build(new SearchPage(null, 0));
    assertThat(facets.written()).containsExactly(SitePaths.SEARCH);
    assertThat(Files.readString(site.out.resolve(SitePaths.SEARCH)))
        .contains("data-facets-at-once=\"0\"");

    SiteBuilder.Result endpoint = site.build(
        new SearchPage(URI.create("https://search.example.org/daybook/_search"), 0));
    // The page, and meta.json alone of the static index: the page reads only that of it.
    assertThat(endpoint.written()).contains(SitePaths.SEARCH)
        .allMatch(p -> p.equals(SitePaths.SEARCH) || p.startsWith("search/"));
    // (The page writes the policy's quotes as &#39;, which the browser reads as quotes.)
    assertThat(Files.readString(site.out.resolve(SitePaths.SEARCH)).replace("&#39;", "'"))
        .contains("connect-src 'self' https://search.example.org\"",
            "data-opensearch=\"https://search.example.org/daybook/_search\"");
    assertThat(Files.readString(site.out.resolve("index.html"))).doesNotContain("connect-src");

    // Back to the static search: the whole export again, byte for byte a cold build's site.
    site.build();
    assertThat(Files.readString(site.out.resolve(SitePaths.SEARCH))).doesNotContain(
        "connect-src", "data-opensearch");
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-search-setting"));
  }

  @Test
  void anEditedReportAndARemovedOneGiveWhatAColdBuildGives() throws Exception {
    Site site = builtSite("edit");
    List<Path> reports = reportFiles(site.content);
    // A commit title changed in the middle of the archive (its search terms change), and the
    // third day deleted.
    Path edited = reports.get(DAYS / 2);
    String text = Files.readString(edited);
    String title = text.lines().filter(l -> l.startsWith("#### ")).findFirst().orElseThrow();
    Files.writeString(edited, text.replace(title, title + " zebracorn"));
    Path removed = reports.get(2);
    Files.delete(removed);

    SiteBuilder.Result r = site.build();

    assertThat(r.indexed()).isTrue();
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-edit"));
    // The removed day's page is gone (list pages and search files may be fewer too).
    assertThat(r.deleted()).filteredOn(p -> p.startsWith("reports/"))
        .containsExactly(SitePaths.report(ArchiveSynthesizer.START.plusDays(2)));
    assertThat(Files.readString(site.out.resolve(SitePaths.report(
        ArchiveSynthesizer.START.plusDays(DAYS / 2))))).contains("zebracorn");
    assertThat(r.written()).anyMatch(p -> p.startsWith(SitePaths.SEARCH_DATA + "/"));
  }

  @Test
  void anEditedOldReportRewritesThePagesThatShowIt() throws Exception {
    Site site = builtSite("old-edit");
    // The second day: older than any list page shows, so only its own pages show its titles.
    Path edited = reportFiles(site.content).get(1);
    String text = Files.readString(edited);
    String title = text.lines().filter(l -> l.startsWith("#### ")).findFirst().orElseThrow();
    Files.writeString(edited, text.replace(title, title + " zebracorn"));

    SiteBuilder.Result r = site.build();

    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-old-edit"));
    String day = edited.getFileName().toString().replace(".md", "");
    String page = "reports/" + day.substring(0, 4) + "/" + day.substring(5, 7) + "/" + day
        + ".html";
    assertThat(r.written()).contains(page);
    assertThat(Files.readString(site.out.resolve(page))).contains("zebracorn");
  }

  @Test
  void aDamagedOrMissingSearchPartEntryGivesWhatAColdBuildGives() throws Exception {
    Site site = builtSite("state");
    Path saved = BuildCache.of(site.out).entries().resolve(BuildCache.SEARCH);
    List<Path> entries;
    try (Stream<Path> files = Files.list(saved)) {
      entries = files.toList();
    }
    assertThat(entries).isNotEmpty();

    // Every entry the last export saved (what meta.json needs of a part, and its files) torn:
    // the export starts over.
    for (Path entry : entries) {
      byte[] bytes = Files.readAllBytes(entry);
      Files.write(entry, Arrays.copyOf(bytes, bytes.length - 1));
    }
    synth.writeDay(site.content, DAYS);
    site.build();
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-state"));

    // Nothing saved at all.
    AtomicFiles.deleteTree(saved);
    synth.writeDay(site.content, DAYS + 1);
    site.build();
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-state-2"));
    assertThat(saved).isDirectory();

    // A published file the export makes again, changed by hand (same size): made again, and
    // never read to make the next export.
    Path facets = site.out.resolve(SitePaths.SEARCH_DATA + "/2020-01/facets.json.gz");
    byte[] bytes = Files.readAllBytes(facets);
    bytes[bytes.length - 3] ^= 1; // a byte of the gzip trailer's length
    Files.write(facets, bytes);
    synth.writeDay(site.content, DAYS + 2);
    site.build();
    assertThat(snapshot(site.out)).isEqualTo(coldBuild(site.content, "cold-state-3"));
  }

  @Test
  void aDeletedOutputFileIsMadeAgain() throws Exception {
    Site site = builtSite("lost");
    String report = SitePaths.report(ArchiveSynthesizer.START.plusDays(3));
    String page = ArchiveReader.digest(Files.readAllBytes(site.out.resolve(report)));
    Files.delete(site.out.resolve(report));
    Files.writeString(site.out.resolve("stray.html"), "not ours");

    SiteBuilder.Result r = site.build();

    assertThat(r.written()).containsExactly(report);
    assertThat(r.deleted()).containsExactly("stray.html");
    assertThat(ArchiveReader.digest(Files.readAllBytes(site.out.resolve(report)))).isEqualTo(page);
  }

  /** A site of {@link #DAYS} synthetic days, built once. */
  private static Site builtSite(String name) throws Exception {
    Site site = new Site(dir.resolve(name));
    synth.synthesize(site.content, DAYS);
    site.build();
    return site;
  }

  /** A content folder, its output and its search index, as {@code daybook build} lays them. */
  static final class Site {
    final Path content;
    final Path out;
    final Path index;

    Site(Path root) {
      this(root.resolve("content"), root);
    }

    /** A site of a content folder that may be elsewhere. */
    Site(Path content, Path root) {
      this.content = content;
      out = root.resolve("output");
      index = root.resolve(".daybook/lucene");
    }

    SiteBuilder.Result build() throws IOException, SiteException {
      return build(SearchPage.STATIC);
    }

    SiteBuilder.Result build(SearchPage searchPage) throws IOException, SiteException {
      SiteConfig c = Bakes.config();
      return new SiteBuilder().build(new SiteBuilder.Options(content, Bakes.TEMPLATES,
          Bakes.ASSETS, out, BaseUrl.parse(Bakes.ROOT), c.title(), c.language(), c.zone(),
          c.pageSize()).withSearchIndex(index).withSearchPage(searchPage));
    }
  }

  private static Map<String, String> coldBuild(Path content, String name) throws Exception {
    Site cold = new Site(content, dir.resolve(name));
    SiteBuilder.Result r = cold.build();
    assertThat(r.written()).hasSize(r.files());
    return snapshot(cold.out);
  }

  private static List<Path> reportFiles(Path content) throws IOException {
    try (Stream<Path> files = Files.walk(content.resolve("reports"))) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  /** Every file of a folder by its path inside it, as a digest of its bytes (short failures). */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'),
            ArchiveReader.digest(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  private static Map<String, FileTime> mtimes(Path root) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        times.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return times;
  }
}
