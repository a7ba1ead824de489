package dev.daybook.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Balanced bidirectional controls: what a text opens it closes, and it closes nothing else. The
 * cases write the controls by name: LRE RLE LRO RLO PDF (embeddings, overrides) and LRI RLI FSI
 * PDI (isolates).
 */
class BidiTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "plain text, שלום عالم                  | plain text, שלום عالم",
      "a RLO b                                 | a RLO b PDF",
      "over RLO ride PDF                       | over RLO ride PDF",
      "a LRI b                                 | a LRI b PDI",
      "RLE RLO x                               | RLE RLO x PDF PDF",
      "RLI a RLE b                             | RLI a RLE b PDF PDI",
      // A closer that closes nothing of the text is dropped: it would close its surroundings.
      "x PDI RLO y                             | x RLO y PDF",
      "x PDF y                                 | x y",
      "RLI a PDF b PDI                         | RLI a b PDI",
      // An isolate's end closes the embeddings opened inside it, as Unicode's algorithm does.
      "RLI a RLE b PDI c PDF                   | RLI a RLE b PDI c",
      "LRE FSI x PDI PDF y                     | LRE FSI x PDI PDF y"})
  void balanced(String text, String expected) {
    assertThat(Bidi.balance(controls(text))).isEqualTo(controls(expected));
    assertThat(Bidi.balance(Bidi.balance(controls(text)))).isEqualTo(controls(expected));
    assertThat(Bidi.without(controls(text))).doesNotContainPattern("[\u202A-\u202E\u2066-\u2069]");
  }

  /** The text with each control written by name replaced by the control. */
  private static String controls(String named) {
    return named.replace("LRE ", "\u202A").replace("RLE ", "\u202B").replace("PDF", "\u202C")
        .replace("LRO ", "\u202D").replace("RLO ", "\u202E").replace("LRI ", "\u2066")
        .replace("RLI ", "\u2067").replace("FSI ", "\u2068").replace("PDI", "\u2069")
        .replace(" \u202C", "\u202C").replace(" \u2069", "\u2069");
  }
}
