package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Spelling} over the shipped week's index: Lucene's fuzzy candidates are those the browser
 * computes with the optimal string alignment distance over the exported vocabulary, and the best
 * one is picked alike; words that match are never replaced.
 */
class SpellingTest {

  private static DirectoryReader reader;
  private static Spelling spelling;
  /** The vocabulary as StaticExport writes it: word to the number of commits holding it. */
  private static final Map<String, Integer> WORDS = new TreeMap<>();

  @BeforeAll
  static void index() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    SearchIndex.write(dir, ShippedIndex.docs(), "test");
    reader = DirectoryReader.open(dir);
    spelling = new Spelling(reader);
    Terms terms = MultiTerms.getTerms(reader, SearchIndex.SPELL);
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      WORDS.put(t.utf8ToString(), te.docFreq());
    }
  }

  /** search.js's closestWord, in Java: every word of the same first letter, by hand. */
  private static String browserClosest(String word) {
    int k = word.length() >= Spelling.LONG_WORD ? 2 : 1;
    String best = null;
    float bestSimilarity = 0;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : WORDS.entrySet()) {
      String w = e.getKey();
      if (w.equals(word) || w.charAt(0) != word.charAt(0)
          || Math.abs(w.length() - word.length()) > k) {
        continue;
      }
      int edits = Closest.edits(word, w);
      if (edits > k) {
        continue;
      }
      float similarity = 1f - (float) edits / (float) Math.min(w.length(), word.length());
      if (best == null || similarity > bestSimilarity
          || similarity == bestSimilarity && e.getValue() > bestCount) {
        best = w;
        bestSimilarity = similarity;
        bestCount = e.getValue();
      }
    }
    return best;
  }

  @Test
  void luceneAndTheBrowsersRulesPickTheSameWordForEveryTypo() throws IOException {
    assertThat(WORDS).hasSizeGreaterThan(800).containsKey("cache").doesNotContainKey("cach");
    Random random = new Random(16);
    List<String> words = new ArrayList<>(WORDS.keySet());
    String letters = "abcdefghijklmnopqrstuvwxyz";
    int corrected = 0;
    for (int n = 0; n < 3000; n++) {
      StringBuilder typo = new StringBuilder(words.get(random.nextInt(words.size())));
      for (int e = random.nextInt(3); e >= 0 && typo.length() > 1; e--) {
        int at = 1 + random.nextInt(typo.length() - 1); // the first letter stays
        switch (random.nextInt(4)) {
          case 0 -> typo.deleteCharAt(at);
          case 1 -> typo.insert(at, letters.charAt(random.nextInt(26)));
          case 2 -> typo.setCharAt(at, letters.charAt(random.nextInt(26)));
          default -> {
            if (at + 1 < typo.length()) {
              char c = typo.charAt(at);
              typo.setCharAt(at, typo.charAt(at + 1));
              typo.setCharAt(at + 1, c);
            }
          }
        }
      }
      String word = typo.toString();
      String lucene = spelling.closest(word);
      assertThat(lucene).as(word).isEqualTo(browserClosest(word));
      corrected += lucene == null ? 0 : 1;
    }
    assertThat(corrected).isGreaterThan(1500);
  }

  @Test
  void aWordThatMatchesIsNeverReplaced() throws IOException, QuerySyntaxException {
    IndexSearch search = ShippedIndex.open();
    // caches: its stem is cache's; cachee, one edit from cache, is no word of the week.
    assertThat(search.search("caches", 10).corrected()).isNull();
    assertThat(search.search("cachee", 10).corrected()).isEqualTo("cache");
    assertThat(search.search("Alison", 10).corrected()).as("an author").isNull();
    assertThat(search.search("修复 fix", 10).corrected()).as("a type's words").isNull();
    assertThat(search.search("\"cahce\"", 10).corrected()).as("in quotes").isNull();
    assertThat(search.search("-cahce kernel", 10).corrected()).as("excluded").isNull();
    assertThat(search.search("KVManager", 10).corrected()).as("found by its parts").isNull();
    assertThat(search.search("radix cahce OR kernle", 10).corrected())
        .isEqualTo("radix cache OR kernel");
    assertThat(search.search("radix cahce", 10).hits()).extracting(SearchHit::shortSha)
        .isEqualTo(search.search("radix cache", 10).hits().stream()
            .map(SearchHit::shortSha).toList());
  }
}
