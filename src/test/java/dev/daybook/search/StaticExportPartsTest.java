package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the export splits its documents into parts: by the month of their reports. */
class StaticExportPartsTest {

  private static CommitDoc doc(int n, String date, String time) {
    String sha = String.format("%040x", n + 1);
    return new CommitDoc("acme/tool", sha, LocalDate.parse(date), Instant.parse(time), "low",
        List.of("docs"), "Ann", "Change " + n, "A change.", "A change.", List.of(), "r.html#" + sha);
  }

  private static List<StaticExport.Part> parts(Path dir, List<CommitDoc> docs)
      throws IOException {
    try (FSDirectory index = FSDirectory.open(dir)) {
      SearchIndex.write(index, docs, "test");
      try (DirectoryReader reader = DirectoryReader.open(index)) {
        return StaticExport.Part.of(ExportOrder.of(reader));
      }
    }
  }

  @Test
  void theNewestMonthIsAPartAndTheOlderMonthsAnother(@TempDir Path dir) throws IOException {
    List<CommitDoc> docs = new ArrayList<>();
    docs.add(doc(0, "2020-01-05", "2020-01-05T10:00:00Z"));
    docs.add(doc(1, "2020-01-31", "2020-01-31T10:00:00Z"));
    docs.add(doc(2, "2020-02-10", "2020-02-10T10:00:00Z"));
    docs.add(doc(3, "2020-03-01", "2020-02-29T20:00:00Z")); // a report's day ahead of UTC
    docs.add(doc(4, "2020-03-02", "2020-03-02T10:00:00Z"));
    assertThat(parts(dir, docs)).containsExactly(new StaticExport.Part("2020-01/", 0, 3),
        new StaticExport.Part("2020-03/", 3, 2));
  }

  @Test
  void oneMonthIsOnePart(@TempDir Path dir) throws IOException {
    assertThat(parts(dir, List.of(doc(0, "2026-02-02", "2026-02-02T01:00:00Z"),
        doc(1, "2026-02-08", "2026-02-08T01:00:00Z"))))
        .containsExactly(new StaticExport.Part("2026-02/", 0, 2));
  }

  @Test
  void aDocumentWhoseDateIsOutOfStepWithItsTimeNeverSplitsAPartInTwoOfOneName(@TempDir Path dir)
      throws IOException {
    // By time: March, January, March, March. The newest month's part cannot take the January
    // document, and would then be named like the older part: one part, then.
    List<CommitDoc> docs = List.of(doc(0, "2020-03-01", "2020-01-01T00:00:00Z"),
        doc(1, "2020-01-20", "2020-01-20T00:00:00Z"), doc(2, "2020-03-02", "2020-03-02T00:00:00Z"),
        doc(3, "2020-03-03", "2020-03-03T00:00:00Z"));
    assertThat(parts(dir, docs)).containsExactly(new StaticExport.Part("2020-03/", 0, 4));
  }

  @Test
  void anEmptyIndexHasNoPartAndAMetaJsonThatSaysSo(@TempDir Path dir) throws IOException {
    assertThat(parts(dir, List.of())).isEmpty();
    Map<String, byte[]> files = new TreeMap<>();
    StaticExport.write(dir, files::put);
    assertThat(files).containsOnlyKeys("meta.json");
    JsonNode meta = new ObjectMapper().readTree(files.get("meta.json"));
    assertThat(meta.get("n").asInt()).isZero();
    assertThat(meta.get("parts")).isEmpty();
  }
}
