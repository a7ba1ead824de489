package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Export ids: oldest first; of equal times the greater id (repo@sha) first, across segments. */
class ExportOrderTest {

  private static CommitDoc doc(String sha, long seconds) {
    return new CommitDoc("o/r", sha, LocalDate.of(2024, 1, 1), Instant.ofEpochSecond(seconds),
        "low", List.of(), "a", "t", "b", "b", List.of(), "u");
  }

  /** The shas in export id order, of docs written in these segments. */
  private static List<String> order(List<List<CommitDoc>> segments, boolean[] ties)
      throws Exception {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new DaybookAnalyzer())
          .setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (List<CommitDoc> segment : segments) {
          for (CommitDoc d : segment) {
            w.addDocument(SearchIndex.document(d, "k"));
          }
          w.commit();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(segments.size());
        ExportOrder order = ExportOrder.of(reader);
        List<String> shas = new ArrayList<>();
        for (int e = 0; e < order.size(); e++) {
          shas.add(reader.storedFields().document(order.doc[e])
              .get(SearchIndex.SHOW + SearchIndex.SHA));
          assertThat(order.id[order.doc[e]]).isEqualTo(e);
        }
        ties[0] = order.ties;
        return shas;
      }
    }
  }

  @Test
  void equalTimesGoByIdAcrossSegments() throws Exception {
    boolean[] ties = new boolean[1];
    List<String> shas = order(List.of(
        List.of(doc("c", 20), doc("a", 10), doc("e", 20), doc("z", 5)),
        List.of(doc("b", 20), doc("d", 10), doc("f", 30))), ties);
    assertThat(shas).containsExactly("z", "d", "a", "e", "c", "b", "f");
    assertThat(ties[0]).isFalse();
    // c's ord in its segment is above e's in its own: ids are compared, not ords.
    assertThat(order(List.of(List.of(doc("a", 5), doc("b", 5), doc("e", 20)),
        List.of(doc("0", 1), doc("1", 1), doc("2", 1), doc("c", 20))), ties))
        .containsExactly("2", "1", "0", "b", "a", "e", "c");
  }

  @Test
  void theSameTimeAndIdTwiceIsATie() throws Exception {
    boolean[] ties = new boolean[1];
    order(List.of(List.of(doc("a", 10), doc("b", 10)), List.of(doc("a", 10))), ties);
    assertThat(ties[0]).isTrue();
    order(List.of(List.of(doc("a", 10), doc("b", 10)), List.of(doc("a", 11))), ties);
    assertThat(ties[0]).isFalse();
  }
}
