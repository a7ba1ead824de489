package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"cache, cach", "caches, cach", "cached, cach", "caching, cach", "hicache, hicach",
      "caresses, caress", "ponies, poni", "ties, ti", "agreed, agre", "disabled, disabl",
      "matting, mat", "mating, mate", "meetings, meet", "happy, happi", "relational, relat",
      "conditional, condit", "generalization, gener", "hopefulness, hope", "analogi, analog",
      "electrical, electr", "adjustment, adjust", "adoption, adopt", "controll, control",
      "rate, rate", "ies, i", "is, is", "sky, sky"})
  void stemsAsPorterSaid(String word, String stem) {
    assertThat(Porter.stem(word)).isEqualTo(stem);
  }

  /** Every ASCII word of the shipped reports stems as Lucene's PorterStemFilter stems it. */
  @Test
  void agreesWithLucenesPorterStemFilterOnTheShippedReports() throws IOException {
    TreeSet<String> words = new TreeSet<>();
    Pattern word = Pattern.compile("[A-Za-z]+");
    try (Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = word.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          words.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    assertThat(words).hasSizeGreaterThan(1000);
    Map<String, String> lucene = luceneStems(String.join(" ", words));
    Map<String, String> ours = new TreeMap<>();
    Map<String, String> theirs = new TreeMap<>();
    for (String w : words) {
      String expected = lucene.get(w);
      if (!Porter.stem(w).equals(expected)) {
        ours.put(w, Porter.stem(w));
        theirs.put(w, expected);
      }
    }
    assertThat(ours).isEqualTo(theirs);
  }

  private static Map<String, String> luceneStems(String text) throws IOException {
    Map<String, String> out = new TreeMap<>();
    String[] words = text.split(" ");
    Tokenizer tokenizer = new WhitespaceTokenizer();
    tokenizer.setReader(new StringReader(text));
    try (PorterStemFilter ts = new PorterStemFilter(tokenizer)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      int i = 0;
      while (ts.incrementToken()) {
        out.put(words[i++], term.toString());
      }
      ts.end();
    }
    return out;
  }
}
