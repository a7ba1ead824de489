package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What results keep of a commit's text to take snippets from ({@link Snippet#source}). */
class SnippetSourceTest {

  @Test
  void aTextUpToTheLimitIsKeptWhole() {
    String text = "x".repeat(Snippet.SOURCE_LIMIT);
    assertThat(Snippet.source(text)).isSameAs(text);
    assertThat(Snippet.source("")).isEmpty();
  }

  @Test
  void aLongerTextIsCutAtTheLimitAndSaysSo() {
    String text = "中".repeat(Snippet.SOURCE_LIMIT + 100);
    assertThat(Snippet.source(text)).isEqualTo("中".repeat(Snippet.SOURCE_LIMIT) + "…");
  }

  @Test
  void theCutDoesNotSplitAWordNorASurrogatePair() {
    // "radix" would be cut after "ra": the cut moves back before the word (and its blank).
    String words = "a".repeat(Snippet.SOURCE_LIMIT - 3) + " radix cache";
    assertThat(Snippet.source(words)).isEqualTo("a".repeat(Snippet.SOURCE_LIMIT - 3) + "…");
    // A word longer than that is cut 15 characters before the limit, as a window's edge is.
    String run = "b".repeat(Snippet.SOURCE_LIMIT + 40);
    assertThat(Snippet.source(run)).isEqualTo("b".repeat(Snippet.SOURCE_LIMIT - 15) + "…");
    // 𝒳 is two UTF-16 units; the limit falls between them.
    String pairs = "中".repeat(Snippet.SOURCE_LIMIT - 1) + "𝒳" + "中";
    assertThat(Snippet.source(pairs)).isEqualTo("中".repeat(Snippet.SOURCE_LIMIT - 1) + "…");
  }

  /** A match past the limit is not shown; the snippet is the text's beginning, cut. */
  @Test
  void aMatchPastTheLimitGivesTheBeginning() {
    String text = "word ".repeat(Snippet.SOURCE_LIMIT / 5) + "zebrafinch";
    Snippet s = Snippet.of(Snippet.source(text), Set.of("zebrafinch"));
    assertThat(s.highlights()).isEmpty();
    assertThat(s.text()).startsWith("word word").endsWith("…");
  }
}
