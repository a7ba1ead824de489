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

  private static CommitDoc doc(int n, String date, String author, String title, String body) {
    String sha = String.format("%040x", n + 1);
    return new CommitDoc("acme/tool", sha, LocalDate.parse(date),
        Instant.parse(date + "T10:00:00Z"), "low", List.of("docs"), author, title, body, body,
        List.of(), "r.html#" + sha);
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

  /**
   * The newest part's value of a text term ends with how many documents of the other parts hold
   * it, per field, when some do, and the newest part holds every author: what a query that
   * cannot match the other parts needs of them (BM25's document frequency is the whole index's).
   */
  @Test
  void theNewestPartSaysHowManyDocumentsOfTheOthersHoldItsTextTerms(@TempDir Path dir)
      throws IOException {
    List<CommitDoc> docs = List.of(
        doc(0, "2020-01-05", "Bo", "zebra crossing", "plain words"),
        doc(1, "2020-01-06", "Ann", "zebra again", "lion words"),
        doc(2, "2020-01-07", "Bo", "otter", "lion"),
        doc(3, "2020-02-10", "Ann", "quiet", "zebra lion newt"),
        doc(4, "2020-02-11", "Ann", "newt", "calm"));
    try (FSDirectory index = FSDirectory.open(dir)) {
      SearchIndex.write(index, docs, "test");
    }
    Map<String, byte[]> files = new TreeMap<>();
    StaticExport.write(dir, files::put);
    ObjectMapper json = new ObjectMapper();
    JsonNode meta = json.readTree(files.get("meta.json"));
    assertThat(meta.get("parts")).hasSize(2);

    // zebra: two older titles, no older body; lion: two older bodies; newt: in no other part.
    JsonNode zebra = value(json, files, meta.get("parts").get(1), "zebra");
    assertThat(zebra).hasSize(3);
    assertThat(zebra.get(2).toString()).isEqualTo("[2,0]");
    assertThat(value(json, files, meta.get("parts").get(1), "lion").get(2).toString())
        .isEqualTo("[0,2]");
    assertThat(value(json, files, meta.get("parts").get(1), "newt")).hasSize(2);
    // The older part's values are as ever: title and body.
    assertThat(value(json, files, meta.get("parts").get(0), "zebra")).hasSize(2);
    assertThat(value(json, files, meta.get("parts").get(0), "otter")).hasSize(2);
    assertThat(value(json, files, meta.get("parts").get(1), "otter")).isNull();
    // Every author is in the newest part, one of the older part alone without docs: whether a
    // word names an author decides whether it is spelled.
    assertThat(value(json, files, meta.get("parts").get(1), "author:bo").asText()).isEmpty();
    assertThat(value(json, files, meta.get("parts").get(1), "author:ann").asText()).isNotEmpty();
    assertThat(value(json, files, meta.get("parts").get(0), "author:bo").asText()).isNotEmpty();
    assertThat(value(json, files, meta.get("parts").get(0), "author:ann").asText()).isNotEmpty();
  }

  /** A term's value in a part's shard, or null. */
  private static JsonNode value(ObjectMapper json, Map<String, byte[]> files, JsonNode part,
      String term) throws IOException {
    String shard = part.get("dir").asText()
        + StaticExport.termsFile(StaticExport.shard(term, part.get("shards").asInt()));
    return json.readTree(files.get(shard)).get(term);
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
