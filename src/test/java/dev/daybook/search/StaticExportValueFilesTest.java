package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doc sets of repositories, severities and types are a file per value ({@code
 * field-F-K.json}, K the value's place in the part's list in meta.json), so that a filter or a
 * word that names a value loads that value's set alone.
 */
class StaticExportValueFilesTest {

  private static CommitDoc doc(int n, String repo, String severity, List<String> types) {
    String sha = String.format("%040x", n + 1);
    return new CommitDoc(repo, sha, LocalDate.parse("2020-01-0" + (n + 1)),
        Instant.parse("2020-01-0" + (n + 1) + "T10:00:00Z"), severity, types, "Ann",
        "Change " + n, "A change.", "A change.", List.of(), "r.html#" + sha);
  }

  @Test
  void aValueOfARepositorySeverityOrTypeHasAFileOfItsOwn(@TempDir Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (FSDirectory index = FSDirectory.open(dir)) {
      // Ids run oldest first: 0 to 3 in this order.
      SearchIndex.write(index, List.of(doc(0, "acme/tool", "low", List.of("docs")),
          doc(1, "acme/app", "high", List.of("bugfix")),
          doc(2, "acme/tool", "low", List.of("docs", "performance")),
          doc(3, "zeta/x", "medium", List.of("bugfix"))), "test");
    }
    StaticExport.write(dir, files::put);

    JsonNode part = new ObjectMapper().readTree(files.get("meta.json")).get("parts").get(0);
    assertThat(part.get("dir").asText()).isEqualTo("2020-01/");
    assertThat(part.get("repos").toString()).isEqualTo("[\"acme/app\",\"acme/tool\",\"zeta/x\"]");
    assertThat(part.get("severities").toString()).isEqualTo("[\"high\",\"low\",\"medium\"]");
    assertThat(part.get("types").toString())
        .isEqualTo("[\"bugfix\",\"docs\",\"performance\"]");

    // Each set in the shortest form: here the ids as deltas from the one before.
    assertThat(text(files, "2020-01/field-repo-0.json")).isEqualTo("{\"d\":[1]}");
    assertThat(text(files, "2020-01/field-repo-1.json")).isEqualTo("{\"d\":[0,2]}");
    assertThat(text(files, "2020-01/field-repo-2.json")).isEqualTo("{\"d\":[3]}");
    assertThat(text(files, "2020-01/field-severity-0.json")).isEqualTo("{\"d\":[1]}");
    assertThat(text(files, "2020-01/field-severity-1.json")).isEqualTo("{\"d\":[0,2]}");
    assertThat(text(files, "2020-01/field-severity-2.json")).isEqualTo("{\"d\":[3]}");
    assertThat(text(files, "2020-01/field-type-0.json")).isEqualTo("{\"d\":[1,2]}");
    assertThat(text(files, "2020-01/field-type-1.json")).isEqualTo("{\"d\":[0,2]}");
    assertThat(text(files, "2020-01/field-type-2.json")).isEqualTo("{\"d\":[2]}");
    assertThat(files).doesNotContainKeys("2020-01/field-repo-3.json", "2020-01/field-type-3.json",
        "2020-01/field-repo.json", "2020-01/field-severity.json", "2020-01/field-type.json");
    // Dates stay one file of sets per field.
    assertThat(files).containsKeys("2020-01/field-date.json", "2020-01/field-year.json",
        "2020-01/field-month.json");
  }

  private static String text(Map<String, byte[]> files, String name) {
    assertThat(files).containsKey(name);
    return new String(files.get(name), StandardCharsets.UTF_8);
  }
}
