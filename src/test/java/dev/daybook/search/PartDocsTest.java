package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PartDocsTest {

  /**
   * Three segments of 10 documents; the part holds the tail of the first, nothing of the second
   * and two stretches of the third (so a span holds documents that are not the part's).
   */
  @Test
  void aTermsPostingsGiveExactlyThePartsDocumentsAcrossSegments() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
          .setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (int segment = 0; segment < 3; segment++) {
          for (int d = 0; d < 10; d++) {
            Document doc = new Document();
            doc.add(new StringField("f", "every", Field.Store.NO));
            doc.add(new StringField("f", d % 2 == 0 ? "even" : "odd", Field.Store.NO));
            writer.addDocument(doc);
          }
          writer.commit(); // a segment of its own
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(3);
        int[] local = new int[30];
        Arrays.fill(local, -1);
        int[] inPart = {7, 8, 9, 21, 22, 25, 28, 29};
        for (int i = 0; i < inPart.length; i++) {
          local[inPart[i]] = i;
        }
        PartDocs part = new PartDocs(reader, local);

        assertThat(docs(reader, part, "every")).containsExactly(7, 8, 9, 21, 22, 25, 28, 29);
        assertThat(docs(reader, part, "even")).containsExactly(8, 22, 28);
        assertThat(docs(reader, part, "odd")).containsExactly(7, 9, 21, 25, 29);
        assertThat(part.id(25)).isEqualTo(5);
        assertThat(part.id(24)).isEqualTo(-1);
      }
    }
  }

  @Test
  void aPartWithNoDocumentsGivesNone() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        Document doc = new Document();
        doc.add(new StringField("f", "every", Field.Store.NO));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(docs(reader, new PartDocs(reader, new int[] {-1}), "every")).isEmpty();
      }
    }
  }

  private static List<Integer> docs(DirectoryReader reader, PartDocs part, String term)
      throws IOException {
    TermsEnum te = MultiTerms.getTerms(reader, "f").iterator();
    assertThat(te.seekExact(new BytesRef(term))).isTrue();
    PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
    List<Integer> out = new ArrayList<>();
    for (int doc = part.next(pe); doc != DocIdSetIterator.NO_MORE_DOCS; doc = part.next(pe)) {
      out.add(doc);
    }
    return out;
  }
}
