package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * The streaming {@link TextAnalysis} (char arrays, reused buffers, a class table) gives exactly the
 * tokens of the first implementation, {@link TextAnalysisReference}: on every report and fixture
 * text of the project, line by line and whole, and on random hostile text; and Lucene sees them
 * too, with a tokenizer reused from a long text to a short one.
 */
class TextAnalysisStreamingTest {

  /** Every Markdown file of the shipped content and the test resources, whole. */
  static List<String> fixtureTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path root : List.of(Path.of("content"), Path.of("src/test/resources"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          texts.add(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return texts;
  }

  /** Pieces that stress the rules: case changes, digits, '_', stop words, CJK, surrogates. */
  private static final String[] PIECES = {
      "a", "Z", "_", "__", "0", "9", " ", "\n", "-", ".", "/", "the", "The", "THE", "is", "IsOK",
      "HiCache", "KVManager", "qwen3", "Qwen3VL", "x86_64", "caching", "ational", "ies", "ed",
      "缓", "存", "缓存淘汰", "の", "カ", "한", "ｈｉＣ", "Ａ", "＿", "İ", "ı", "\u212A", "ß", "Σ",
      "ǅ", "é", "e\u0301", "\u0663", "\uD840\uDC00", "\uD801\uDC00", "\uD801\uDC28", "\uD835\uDC00",
      "\uD800", "\uDC00", "\u00A0", "\u3000", "\u200B", "😀", "ﬁ", "Ⅻ", "²", "Ǆa"};

  private static String hostile(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(20) == 0) {
        sb.append("ab".repeat(30 + random.nextInt(5))); // about MAX_WORD, either side
      } else {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }

  private static List<String> texts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String file : fixtureTexts()) {
      texts.add(file);
      texts.addAll(List.of(file.split("\n")));
    }
    Random random = new Random(20261124);
    for (int i = 0; i < 20_000; i++) {
      texts.add(hostile(random));
    }
    return texts;
  }

  @Test
  void streamingTokensAreTheReferenceTokens() throws IOException {
    List<String> texts = texts();
    assertThat(fixtureTexts()).hasSizeGreaterThan(10);
    long tokens = 0;
    for (String text : texts) {
      for (TextAnalysis.Mode mode : TextAnalysis.Mode.values()) {
        List<TextAnalysis.Token> expected = TextAnalysisReference.analyze(text, mode);
        assertThat(TextAnalysis.analyze(text, mode)).as("%s %s", mode, text)
            .isEqualTo(expected);
        tokens += expected.size();
      }
    }
    assertThat(tokens).isGreaterThan(100_000);
  }

  /** More distinct words than the stem cache keeps: it is emptied and filled again, same stems. */
  @Test
  void aVocabularyLargerThanTheStemCache() {
    String[] suffixes = {"", "ing", "ed", "ational", "ies", "ness"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 80_000; i++) {
      StringBuilder word = new StringBuilder();
      for (int n = i + 26 * 26; n > 0; n /= 26) {
        word.append((char) ('a' + n % 26));
      }
      text.append(word).append(suffixes[i % suffixes.length]).append(' ');
    }
    text.append(text); // the first words again, after the cache was emptied
    List<TextAnalysis.Token> expected =
        TextAnalysisReference.analyze(text.toString(), TextAnalysis.Mode.INDEX);
    assertThat(expected).hasSizeGreaterThan(150_000);
    assertThat(TextAnalysis.analyze(text.toString(), TextAnalysis.Mode.INDEX)).isEqualTo(expected);
  }

  /** One analyzer for all texts, as the index uses it: no state leaks from one field to the next. */
  @Test
  void luceneSeesTheReferenceTokensWithAReusedTokenizer() throws IOException {
    List<String> texts = texts();
    try (DaybookAnalyzer analyzer = new DaybookAnalyzer()) {
      for (String text : texts) {
        List<String> expected = TextAnalysisReference.analyze(text, TextAnalysis.Mode.INDEX)
            .stream().map(t -> t.term() + "@" + t.position() + "/" + t.start() + "-" + t.end())
            .toList();
        assertThat(AnalyzerSpecTest.luceneTokens(analyzer, text)).as(text).isEqualTo(expected);
      }
    }
  }


  /** The class table says what getType and the script lookup say, for every code point. */
  @Test
  void classOfEveryCodePointIsAsTheRulesSay() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int expected = 0;
      if (TextAnalysis.isWordChar(cp)) {
        expected = TextAnalysis.WORD | (TextAnalysis.isCjk(cp) ? TextAnalysis.CJK : 0)
            | (Character.getType(cp) == Character.UPPERCASE_LETTER ? TextAnalysis.UPPER : 0)
            | (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? TextAnalysis.DIGIT : 0);
      }
      if (TextAnalysis.classOf(cp) != expected || TextAnalysis.classOf(cp) != expected) {
        throw new AssertionError("U+" + Integer.toHexString(cp));
      }
    }
    assertThat(TextAnalysis.classOf('A')).isEqualTo(TextAnalysis.WORD | TextAnalysis.UPPER);
    assertThat(TextAnalysis.classOf('缓')).isEqualTo(TextAnalysis.WORD | TextAnalysis.CJK);
    assertThat(TextAnalysis.classOf('-')).isZero();
  }

  /** Lower case of one code point is that of the code point alone as a String, when one. */
  @Test
  void lowerOfEveryCodePointIsThatOfItsString() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String one = new String(Character.toChars(cp));
      String low = one.toLowerCase(Locale.ROOT);
      int expected = low.codePointCount(0, low.length()) == 1 ? low.codePointAt(0) : cp;
      if (TextAnalysis.lower(cp) != expected) {
        throw new AssertionError("U+" + Integer.toHexString(cp));
      }
    }
    assertThat(TextAnalysis.lower('İ')).isEqualTo('İ');
    assertThat(TextAnalysis.lower('Q')).isEqualTo('q');
  }

  @Test
  void stopWordsAreFoundWithoutAString() {
    for (String w : TextAnalysis.STOP_WORDS) {
      assertThat(TextAnalysis.isStopWord((w + "xyz").toCharArray(), w.length())).as(w).isTrue();
    }
    assertThat(TextAnalysis.isStopWord("thes".toCharArray(), 4)).isFalse();
    assertThat(TextAnalysis.isStopWord("cache".toCharArray(), 5)).isFalse();
    assertThat(TextAnalysis.isStopWord("".toCharArray(), 0)).isFalse();
  }
}
