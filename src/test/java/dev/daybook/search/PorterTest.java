package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The index stems with Lucene's Porter stemmer, reused word after word; these are the examples of
 * Porter's paper and of the reports, and the browser's port is held to the same stemmer over the
 * whole vocabulary of the shipped reports in {@code SearchAgreementTest}.
 */
class PorterTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"cache, cach", "caches, cach", "cached, cach", "caching, cach", "hicache, hicach",
      "caresses, caress", "ponies, poni", "ties, ti", "agreed, agre", "disabled, disabl",
      "matting, mat", "mating, mate", "meetings, meet", "happy, happi", "relational, relat",
      "conditional, condit", "generalization, gener", "hopefulness, hope", "analogi, analog",
      "electrical, electr", "adjustment, adjust", "adoption, adopt", "controll, control",
      "rate, rate", "ies, i", "is, is", "sky, sky"})
  void stemsAsPorterSaid(String word, String stem) {
    assertThat(PorterStems.stem(word)).isEqualTo(stem);
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource({"caching, relational", "a, generalization", "sky, hopefulness"})
  void aReusedStemmerForgetsTheWordBefore(String word, String before) {
    PorterStems stems = new PorterStems();
    stems.stem(before.toCharArray(), before.length());
    assertThat(new String(stems.stem(word.toCharArray(), word.length())))
        .isEqualTo(PorterStems.stem(word));
  }
}
