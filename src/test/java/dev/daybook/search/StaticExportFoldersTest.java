package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The shown values of a large part are spread over numbered folders, not one folder. */
class StaticExportFoldersTest {

  @Test
  void aPartsChunksGoIntoFoldersOfAtMostDocsPerFolder() throws IOException {
    int commits = StaticExport.CHUNK * (StaticExport.PER_FOLDER + 3) - 1; // 1,003 chunks
    List<CommitDoc> docs = new ArrayList<>();
    for (int n = 0; n < commits; n++) {
      String sha = String.format("%040x", n + 1);
      docs.add(new CommitDoc("acme/tool", sha, LocalDate.parse("2020-01-05"),
          Instant.parse("2020-01-05T10:00:00Z").plusSeconds(n), "low", List.of("docs"), "Ann",
          "Change " + n, "A change.", "A change.", List.of(), "r.html#" + sha));
    }
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    SearchIndex.write(dir, docs, "test");
    Map<String, Integer> perFolder = new TreeMap<>();
    List<String> chunks = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      StaticExport.write(reader, (name, bytes) -> {
        perFolder.merge(name.substring(0, name.lastIndexOf('/') + 1), 1, Integer::sum);
        if (name.contains("/docs-")) {
          chunks.add(name);
        }
      });
    }
    assertThat(perFolder).containsEntry("2020-01/docs/0/", 1000)
        .containsEntry("2020-01/docs/1/", 3);
    assertThat(chunks).contains("2020-01/docs/0/docs-0.json", "2020-01/docs/0/docs-999.json",
        "2020-01/docs/1/docs-1000.json", "2020-01/docs/1/docs-1002.json").hasSize(1003);
    assertThat(perFolder.get("2020-01/")).as("the part's own folder")
        .isLessThan(StaticExport.PER_FOLDER);
  }
}
