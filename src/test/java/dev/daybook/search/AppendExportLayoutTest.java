package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The last export's files are those of its layout, checked name by name. */
class AppendExportLayoutTest {

  /** The names a full export of this layout writes, made one by one. */
  private static Set<String> names(int docs, int shards, int posShards, int big) {
    Set<String> names = new TreeSet<>(List.of("meta.json", "facets.json"));
    StaticExport.FIELD_FILES.forEach(f -> names.add("field-" + f + ".json"));
    for (int s = 0; s < shards; s++) {
      names.add("terms-" + s + ".json");
    }
    for (int s = 0; s < posShards; s++) {
      names.add("pos-" + s + ".json");
    }
    for (int k = 0; k < big; k++) {
      names.add("big-" + k + ".json");
    }
    for (int c = 0; c * StaticExport.CHUNK < docs; c++) {
      names.add("docs-" + c + ".json");
    }
    names.addAll(List.of("words-a2.json", "words-c5.json", "words-z24.json"));
    return names;
  }

  @Test
  void theNamesOfTheLayoutAndNoOthers() {
    for (int[] l : new int[][] {{1, 1, 1, 0}, {9, 4, 2, 3}, {36_752, 1024, 512, 553},
        {8, 16, 8, 12}}) {
      Set<String> names = names(l[0], l[1], l[2], l[3]);
      assertThat(AppendExport.isLayout(names, l[0], l[1], l[2], l[3])).isTrue();
      assertThat(AppendExport.isLayout(names, l[0] + 4, l[1], l[2], l[3])).isFalse();
      assertThat(AppendExport.isLayout(names, l[0], l[1], l[2], l[3] + 1)).isFalse();
      for (String odd : List.of("terms-0" + l[1] / 2 + ".json", "terms-" + l[1] + ".json",
          "pos-" + l[2] + ".json", "big-" + l[3] + ".json", "docs-x.json", "field-.json",
          "field-author.json", "meta.jsonx", "terms-1.js", "terms-.json", "x.json", "-.json",
          "docs-" + (l[0] + 3) / 4 + ".json", "terms--1.json", "big-00.json",
          "words-c1.json", "words-c25.json", "words-C5.json", "words-.json", "words-c05.json",
          "words-cc5.json", "words-é5.json")) {
        Set<String> swapped = new TreeSet<>(names);
        String gone = swapped.contains("big-0.json") ? "big-0.json" : "terms-0.json";
        swapped.remove(gone);
        swapped.add(odd);
        assertThat(AppendExport.isLayout(swapped, l[0], l[1], l[2], l[3])).as(odd).isFalse();
      }
    }
  }
}
