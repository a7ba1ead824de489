package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.archive.ArchiveReader;
import dev.daybook.bench.ArchiveSynthesizer;
import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export that extends the last one ({@link AppendExport}) gives, file for file, the bytes of
 * a full export of the same index, and sends only the files the new documents change; whenever
 * it cannot be sure (a report edited or removed in the middle, a day inserted before the last
 * one, a missing, foreign or damaged state, a saved file damaged or lost, a published file it
 * would keep gone), it makes the full export. It never reads the published files.
 */
class AppendExportTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final CommitDoc.ReportUrls URLS = (date, anchor) -> "reports/" + date + ".html#" + anchor;

  static ArchiveSynthesizer synth;

  @TempDir
  Path dir;

  @BeforeAll
  static void synthesizer() throws IOException {
    synth = new ArchiveSynthesizer(Path.of("content"));
  }

  @Test
  void aNewDayGivesTheBytesOfAFullExportAndSendsOnlyWhatItChanges() throws Exception {
    Archive archive = new Archive(dir, 10);
    Run first = archive.update(null, Map.of());
    assertThat(first.export().appended()).isFalse();
    assertThat(first.kept()).isEmpty();
    Map<String, byte[]> site = first.site(Map.of());
    assertThat(site).containsOnlyKeys(archive.full().keySet());

    // A day that brings a term no other day has: it must land in its shard.
    archive.add(10, withTitleWord(synth.day(10), "zebracorn"));
    Run second = archive.update(first.export().state(), site);

    assertThat(second.export().appended()).isTrue();
    Map<String, byte[]> full = archive.full();
    assertSameFiles(second.site(site), full);
    // Only what the day changed was sent: every file sent is new or differs from the last one.
    assertThat(second.written().keySet()).allMatch(name -> !site.containsKey(name)
        || !Arrays.equals(site.get(name), second.written().get(name)), "changed or new");
    int chunks = (int) site.keySet().stream().filter(n -> n.startsWith("docs-")).count();
    assertThat(second.kept()).contains("docs-0.json", "docs-" + (chunks - 2) + ".json");
    String zebra = "terms-" + StaticExport.shard("zebracorn", meta(full, "shards")) + ".json";
    assertThat(new String(second.written().get(zebra), StandardCharsets.UTF_8))
        .contains("\"zebracorn\":");
    // The state is the one a full export of the new index leaves, so the next day appends too.
    assertThat(second.export().state()).isEqualTo(archive.update(null, Map.of()).export().state());

    // A day with a commit of every change type: a severity and types no commit had before
    // (facets.json gets a new combo) and, likely, a type value new to field-type.json.
    archive.add(11, withEveryType(synth.day(11)));
    Run third = archive.update(second.export().state(), second.site(site));
    assertThat(third.export().appended()).isTrue();
    assertSameFiles(third.site(second.site(site)), archive.full());
  }

  @Test
  void aTermThatGrowsPastBigMovesTheSpilledFilesAfterItAndStillEqualsAFullExport()
      throws Exception {
    // "zulu" 9000 times in one title: its positions spill at once. Each new day has "alpha"
    // 3000 times: its positions spill on the third day, before zulu's (term order), which moves.
    // Twelve days: the shard counts stay those of the first export as the four days are added
    // (a day that doubles them is a full export, rightly).
    Archive archive = new Archive(dir, 12);
    archive.add(0, withTitleWord(synth.day(0), " zulu".repeat(9000).strip()));
    Run run = archive.update(null, Map.of());
    Map<String, byte[]> site = run.site(Map.of());
    assertThat(ExportState.parse(run.export().state()).big()).containsExactly("pzulu");
    byte[] zulu = site.get("big-0.json");
    Run shift = null;
    for (int day = 12; day < 16; day++) {
      archive.add(day, withTitleWord(synth.day(day), " alpha".repeat(3000).strip()));
      Run next = archive.update(run.export().state(), site);
      Map<String, byte[]> nextSite = next.site(site);
      assertSameFiles(nextSite, archive.full());
      assertThat(next.export().appended()).as("day %d", day).isTrue();
      if (shift == null && ExportState.parse(next.export().state()).big().size() > 1) {
        shift = next;
      }
      run = next;
      site = nextSite;
    }
    assertThat(ExportState.parse(run.export().state()).big()).containsExactly("palpha", "pzulu");
    // The day alpha spilled, zulu's file moved from big-0 to big-1, bytes unchanged.
    assertThat(shift).isNotNull();
    assertThat(shift.written().keySet()).contains("big-0.json", "big-1.json");
    assertThat(shift.written().get("big-1.json")).isEqualTo(zulu);
    assertThat(site.get("big-1.json")).isEqualTo(zulu);
  }

  @Test
  void appendsToTheLongSpilledListsFromTheLastIdsTheStateKeeps() throws Exception {
    // Some 3,000 commits: the commonest words' postings spill, with lists long enough that the
    // state keeps their last doc ids, and every new day appends to them from there.
    Archive archive = new Archive(dir, 150);
    Run run = archive.update(null, Map.of());
    Map<String, byte[]> site = run.site(Map.of());
    ExportState first = ExportState.parse(run.export().state());
    long known = IntStream.range(0, first.big().size())
        .filter(k -> first.big().get(k).startsWith("t") && first.bigLast().get(2 * k + 1) >= 0)
        .count();
    assertThat(known).isGreaterThan(0);
    for (int day = 150; day < 153; day++) {
      archive.add(day, synth.day(day));
      Run next = archive.update(run.export().state(), site);
      assertThat(next.export().appended()).as("day %d", day).isTrue();
      Map<String, byte[]> nextSite = next.site(site);
      assertSameFiles(nextSite, archive.full());
      // The last ids are those a full export of the new index records.
      assertThat(ExportState.parse(next.export().state()))
          .isEqualTo(ExportState.parse(archive.update(null, Map.of()).export().state()));
      run = next;
      site = nextSite;
    }
  }

  @Test
  void anEditedOrRemovedReportInTheMiddleGivesAFullExport() throws Exception {
    Archive archive = new Archive(dir, 8);
    Run first = archive.update(null, Map.of());
    Map<String, byte[]> site = first.site(Map.of());

    archive.edit(3, withTitleWord(synth.day(3), "zebracorn"));
    Run edited = archive.update(first.export().state(), site);
    assertThat(edited.export().appended()).isFalse();
    assertThat(edited.kept()).isEmpty();
    assertSameFiles(edited.site(site), archive.full());

    Map<String, byte[]> editedSite = edited.site(site);
    archive.remove(5);
    Run removed = archive.update(edited.export().state(), editedSite);
    assertThat(removed.export().appended()).isFalse();
    assertSameFiles(removed.site(editedSite), archive.full());
  }

  @Test
  void aDayBeforeTheLastOneGivesAFullExport() throws Exception {
    Archive archive = new Archive(dir, 8);
    archive.remove(4);
    Run first = archive.update(null, Map.of());
    Map<String, byte[]> site = first.site(Map.of());

    archive.add(4, synth.day(4));
    Run inserted = archive.update(first.export().state(), site);

    assertThat(inserted.export().appended()).isFalse();
    assertSameFiles(inserted.site(site), archive.full());
  }

  @Test
  void aMissingForeignOrDamagedStateOrSavedFileGivesAFullExport() throws Exception {
    // Twelve days, so that the day added keeps the shard counts (see the test above).
    Archive archive = new Archive(dir, 12);
    Run first = archive.update(null, Map.of());
    Map<String, byte[]> site = first.site(Map.of());
    byte[] state = first.export().state();
    // (Below:) a saved file that is not the one the state describes: changed, or gone.
    List<Map<String, byte[]>> damages = new ArrayList<>();
    for (String name : List.of("facets.json", "field-date.json")) {
      String id = archive.savedId(name);
      Map<String, byte[]> damaged = new TreeMap<>(archive.saved);
      byte[] bytes = damaged.get(id).clone();
      bytes[2] = (byte) (bytes[2] == 'x' ? 'y' : 'x');
      damaged.put(id, bytes);
      damages.add(damaged);
      Map<String, byte[]> lost = new TreeMap<>(archive.saved);
      lost.remove(id);
      damages.add(lost);
    }
    archive.add(12, synth.day(12));
    // The same state and files append: the cases below differ from it in one thing each.
    assertThat(archive.update(state, site).export().appended()).isTrue();
    Map<String, byte[]> full = archive.full();

    List<byte[]> states = List.of(new byte[0], "{\"format\":1}".getBytes(StandardCharsets.UTF_8),
        Arrays.copyOf(state, state.length / 2),
        new String(state, StandardCharsets.UTF_8).replace(ExportState.FORMAT,
            ExportState.FORMAT + " other").getBytes(StandardCharsets.UTF_8));
    for (byte[] bad : states) {
      Run run = archive.update(bad, site);
      assertThat(run.export().appended()).isFalse();
      assertSameFiles(run.site(site), full);
    }
    Run none = archive.update(null, site);
    assertThat(none.export().appended()).isFalse();
    assertSameFiles(none.site(site), full);

    for (Map<String, byte[]> saved : damages) { // see above
      Run run = archive.update(state, site, saved);
      assertThat(run.export().appended()).isFalse();
      assertThat(run.kept()).isEmpty();
      assertSameFiles(run.site(site), full);
    }

    // A published file the export would keep, gone: it cannot be kept.
    Map<String, byte[]> lost = new TreeMap<>(site);
    lost.remove("docs-0.json");
    Run run = archive.update(state, lost);
    assertThat(run.export().appended()).isFalse();
    assertSameFiles(run.site(lost), full);
  }

  /** A published file changed by hand is not read: the export still appends, and remakes it. */
  @Test
  void aPublishedFileIsNeverReadToMakeTheNextExport() throws Exception {
    Archive archive = new Archive(dir, 12);
    Run first = archive.update(null, Map.of());
    Map<String, byte[]> site = new TreeMap<>(first.site(Map.of()));
    byte[] facets = site.get("facets.json").clone();
    facets[2] = (byte) (facets[2] == 'x' ? 'y' : 'x');
    site.put("facets.json", facets);
    archive.add(12, synth.day(12));

    Run next = archive.update(first.export().state(), site);

    assertThat(next.export().appended()).isTrue();
    assertThat(next.written()).containsKey("facets.json");
    assertSameFiles(next.site(site), archive.full());
  }

  private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String name : expected.keySet()) {
      assertThat(new String(actual.get(name), StandardCharsets.UTF_8)).as(name)
          .isEqualTo(new String(expected.get(name), StandardCharsets.UTF_8));
    }
  }

  private static int meta(Map<String, byte[]> files, String key) throws IOException {
    return (Integer) new ObjectMapper().readValue(files.get("meta.json"), Map.class).get(key);
  }

  /** The report with a word added to the title of its first commit. */
  static DailyReport withTitleWord(DailyReport report, String word) {
    List<RepoSection> sections = new ArrayList<>(report.sections());
    RepoSection s = sections.get(0);
    List<ReportedCommit> commits = new ArrayList<>(s.commits());
    ReportedCommit c = commits.get(0);
    commits.set(0, new ReportedCommit(c.sha(), c.url(), c.time(), c.author(),
        c.title() + " " + word, c.analysis()));
    sections.set(0, new RepoSection(s.repo(), commits));
    return new DailyReport(report.date(), report.zone(), sections, report.partialAsOf());
  }

  /** The report with its first commit of every change type. */
  static DailyReport withEveryType(DailyReport report) {
    List<RepoSection> sections = new ArrayList<>(report.sections());
    RepoSection s = sections.get(0);
    List<ReportedCommit> commits = new ArrayList<>(s.commits());
    ReportedCommit c = commits.get(0);
    Analysis a = c.analysis();
    commits.set(0, new ReportedCommit(c.sha(), c.url(), c.time(), c.author(), c.title(),
        new Analysis(a.severity(), List.of(ChangeType.values()), a.typeLabel(), a.rationale(),
            a.summary(), a.impact(), a.insights(), a.risks(), a.recommendations(),
            a.conclusion(), a.reasons(), a.incomplete())));
    sections.set(0, new RepoSection(s.repo(), commits));
    return new DailyReport(report.date(), report.zone(), sections, report.partialAsOf());
  }

  /** One export: the files sent and those kept. */
  record Run(StaticExport.Export export, Map<String, byte[]> written, List<String> kept) {
    /** The site after this export, from the one before it. */
    Map<String, byte[]> site(Map<String, byte[]> before) {
      Map<String, byte[]> after = new TreeMap<>(written);
      for (String name : kept) {
        after.put(name, before.get(name));
      }
      return after;
    }
  }

  /** Synthetic days in an index on disk, updated as {@code daybook build} updates it. */
  static final class Archive {
    private final Path index;
    private final Map<Integer, DailyReport> days = new TreeMap<>();
    private final Map<Integer, String> versions = new TreeMap<>();

    Archive(Path dir, int days) {
      this.index = dir.resolve("lucene");
      for (int i = 0; i < days; i++) {
        add(i, synth.day(i));
      }
    }

    void add(int day, DailyReport report) {
      days.put(day, report);
      versions.put(day, "v1");
    }

    void edit(int day, DailyReport report) {
      days.put(day, report);
      versions.put(day, "v2");
    }

    void remove(int day) {
      days.remove(day);
      versions.remove(day);
    }

    /** What the exports saved for the next ones, by id (a build keeps them in its cache). */
    final Map<String, byte[]> saved = new TreeMap<>();
    /** The id of each file last saved, by name. */
    private final Map<String, String> ids = new TreeMap<>();

    String savedId(String name) {
      return ids.get(name);
    }

    /** Brings the index up to date, then exports it extending {@code state} if it can. */
    Run update(byte[] state, Map<String, byte[]> published) throws IOException {
      return update(state, published, saved);
    }

    /** {@link #update}, extending from {@code files} saved by an export before. */
    Run update(byte[] state, Map<String, byte[]> published, Map<String, byte[]> files)
        throws IOException {
      Map<String, DailyReport> reports = new TreeMap<>();
      days.forEach((day, report) -> reports.put(
          SearchIndex.reportKey("reports/" + report.date() + ".md", versions.get(day)), report));
      SearchIndex.update(index, reports, URLS,
          ArchiveReader.digest(
              String.join("\n", reports.keySet()).getBytes(StandardCharsets.UTF_8)),
          ZONE);
      Map<String, byte[]> written = new TreeMap<>();
      List<String> kept = new ArrayList<>();
      StaticExport.Previous previous = new StaticExport.Previous() {
        @Override
        public byte[] read(String id) {
          byte[] bytes = files.get(id);
          return bytes == null ? null : bytes.clone();
        }

        @Override
        public boolean has(String name, long size) {
          return published.containsKey(name) && published.get(name).length == size;
        }
      };
      StaticExport.Export export = StaticExport.update(index, state, previous,
          new StaticExport.Sink() {
            @Override
            public void file(String name, byte[] bytes) {
              assertThat(written.put(name, bytes)).as(name).isNull();
            }

            @Override
            public void keep(String name, long size) {
              assertThat(published.get(name)).as(name).hasSize((int) size);
              kept.add(name);
            }

            @Override
            public void save(String id, byte[] bytes) {
              assertThat(id).startsWith(name(id) + " ");
              saved.put(id, bytes.clone());
              ids.put(name(id), id);
            }

            @Override
            public void saved(String id) {
              assertThat(files).as(id).containsKey(id);
            }
          });
      assertThat(export.result().files()).isEqualTo(written.size() + kept.size());
      return new Run(export, written, kept);
    }

    private static String name(String id) {
      return id.substring(0, id.indexOf(' '));
    }

    /** A full export of the index as it is. */
    Map<String, byte[]> full() throws IOException {
      Map<String, byte[]> files = new TreeMap<>();
      StaticExport.write(index, files::put);
      return files;
    }
  }
}
