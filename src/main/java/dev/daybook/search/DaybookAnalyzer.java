package dev.daybook.search;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene's view of {@link TextAnalysis} in index mode: the tokenizer reads the whole field value and
 * replays the tokens with their positions and offsets. Keeping all rules in one plain function,
 * rather than a chain of Lucene filters, is what lets the browser repeat them exactly.
 */
final class DaybookAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new ReplayTokenizer());
  }

  private static final class ReplayTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private Iterator<TextAnalysis.Token> tokens;
    private int lastPosition;
    private int length;

    @Override
    public void reset() throws IOException {
      super.reset();
      String text = read(input);
      length = text.length();
      tokens = TextAnalysis.analyze(text, TextAnalysis.Mode.INDEX).iterator();
      lastPosition = -1;
    }

    @Override
    public boolean incrementToken() {
      if (!tokens.hasNext()) {
        return false;
      }
      clearAttributes();
      TextAnalysis.Token t = tokens.next();
      term.setEmpty().append(t.term());
      offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
      increment.setPositionIncrement(t.position() - lastPosition);
      lastPosition = t.position();
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      int last = correctOffset(length);
      offset.setOffset(last, last);
    }

    private static String read(Reader reader) throws IOException {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = reader.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }
}
