package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyzerSpecTest {

  static Stream<AnalyzerSpec.Example> examples() {
    return AnalyzerSpec.read().stream();
  }

  @Test
  void theSpecHasExamples() {
    assertThat(AnalyzerSpec.read()).hasSizeGreaterThan(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void indexTokensAreAsSpecified(AnalyzerSpec.Example example) {
    if (example.index() != null) {
      check(example.index(), TextAnalysis.analyze(example.input(), TextAnalysis.Mode.INDEX));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void queryTokensAreAsSpecified(AnalyzerSpec.Example example) {
    if (example.query() != null) {
      check(example.query(), TextAnalysis.analyze(example.input(), TextAnalysis.Mode.QUERY));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void partsTokensAreAsSpecified(AnalyzerSpec.Example example) {
    if (example.parts() != null) {
      check(example.parts(), TextAnalysis.analyze(example.input(),
          TextAnalysis.Mode.QUERY_PARTS));
    }
  }

  /** What Lucene indexes is exactly the function's output: terms, positions, offsets. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void luceneSeesTheSameTokens(AnalyzerSpec.Example example) throws IOException {
    List<String> expected = TextAnalysis.analyze(example.input(), TextAnalysis.Mode.INDEX)
        .stream().map(t -> t.term() + "@" + t.position() + "/" + t.start() + "-" + t.end())
        .toList();
    assertThat(luceneTokens(example.input())).isEqualTo(expected);
  }

  static List<String> luceneTokens(String text) throws IOException {
    try (DaybookAnalyzer analyzer = new DaybookAnalyzer()) {
      return luceneTokens(analyzer, text);
    }
  }

  /** The tokens Lucene indexes for a text: {@code term@position/start-end}. */
  static List<String> luceneTokens(DaybookAnalyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(term + "@" + position + "/" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
      assertThat(offset.endOffset()).as("the final offset").isEqualTo(text.length());
    }
    return out;
  }

  private static void check(List<AnalyzerSpec.Expected> expected,
      List<TextAnalysis.Token> actual) {
    String actualText = actual.stream()
        .map(t -> t.term() + "@" + t.position() + "/" + t.start() + "-" + t.end())
        .reduce((a, b) -> a + " " + b).orElse("-");
    assertThat(actual).as("actual: %s", actualText).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(expected.get(i).matches(actual.get(i)))
          .as("token %d: expected %s, actual: %s", i, expected.get(i), actualText).isTrue();
    }
  }
}
