package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keyword values of the path and author filters, as the first implementation made them. */
class SearchIndexKeysTest {

  /** The first pathKeys: split at runs of '/', join each leading and trailing sublist. */
  private static Set<String> referencePathKeys(List<String> paths) {
    Set<String> keys = new LinkedHashSet<>();
    for (String path : paths) {
      String p = SearchIndex.normalizePath(path);
      if (p.isEmpty()) {
        continue;
      }
      List<String> segments = new ArrayList<>(List.of(p.split("/+")));
      for (int i = 1; i <= segments.size(); i++) {
        keys.add(String.join("/", segments.subList(0, i)));
        keys.add(String.join("/", segments.subList(segments.size() - i, segments.size())));
      }
    }
    return keys;
  }

  private static final String[] PIECES = {"a", "B", "py", ".", "./", "/", "//", "_", " ", "\t",
      "x.py", "中", "\\"};

  @Test
  void pathKeysAreTheReferenceKeysInTheSameOrder() {
    List<List<String>> cases = new ArrayList<>(List.of(
        List.of("python/sglang/jit_kernel/x.py"), List.of("a//b///c"), List.of("./a/b/"),
        List.of("/a"), List.of(""), List.of("/"), List.of("./"), List.of("a", "a/b", "b"),
        List.of(" A\\B/c.py ")));
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      List<String> paths = new ArrayList<>();
      for (int j = random.nextInt(3); j >= 0; j--) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(8); k >= 0; k--) {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        paths.add(sb.toString());
      }
      cases.add(paths);
    }
    for (List<String> paths : cases) {
      assertThat(new ArrayList<>(SearchIndex.pathKeys(paths))).as(paths.toString())
          .isEqualTo(new ArrayList<>(referencePathKeys(paths)));
    }
    assertThat(SearchIndex.pathKeys(List.of("python/sglang/jit_kernel/x.py"))).containsExactly(
        "python", "x.py", "python/sglang", "jit_kernel/x.py", "python/sglang/jit_kernel",
        "sglang/jit_kernel/x.py", "python/sglang/jit_kernel/x.py");
  }

  @Test
  void keywordsCollapseWhitespace() {
    for (String v : List.of("  Byron   Hsu ", "a\tb\nc", "", " ", "ÄB  c")) {
      assertThat(SearchIndex.keyword(v))
          .isEqualTo(String.join(" ", v.strip().toLowerCase(Locale.ROOT).split("\\s+")));
    }
    assertThat(SearchIndex.authorKeys(" Byron  Hsu ")).containsExactly("byron hsu", "byron", "hsu");
  }

  @Test
  void anAuthorIsFoundByTheWordsOfTheNameBetweenItsPunctuation() {
    assertThat(SearchIndex.authorKeys("\"Mallory\" 'O'Brien")).containsExactly(
        "\"mallory\" 'o'brien", "\"mallory\"", "mallory", "'o'brien", "o'brien", "o", "brien");
    assertThat(SearchIndex.authorKeys("Jean-Luc Picard")).containsExactly(
        "jean-luc picard", "jean-luc", "jean", "luc", "picard");
    assertThat(SearchIndex.authorKeys("Ann <ann@example.com>")).containsExactly(
        "ann <ann@example.com>", "ann", "<ann@example.com>", "ann@example.com", "example", "com");
    // Vowel signs stay with their letters; a name of one script is one word.
    assertThat(SearchIndex.authorKeys("अमित शाह")).containsExactly("अमित शाह", "अमित", "शाह");
    assertThat(SearchIndex.authorKeys("陈一涵")).containsExactly("陈一涵");
    assertThat(SearchIndex.authorKeys("---")).containsExactly("---");
  }
}
