package dev.daybook.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/**
 * Lucene's view of {@link TextAnalysis}: the tokenizer reads the whole field value and replays the
 * tokens with their positions and offsets, in index mode, or for the spelling vocabulary ({@link
 * SearchIndex#SPELL}) in words mode. Keeping all rules in one plain function, rather than a chain
 * of Lucene filters, is what lets the browser repeat them exactly.
 */
final class DaybookAnalyzer extends Analyzer {

  DaybookAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY); // the spelling field's tokenizer runs in another mode
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new ReplayTokenizer(fieldName.equals(SearchIndex.SPELL)
        ? TextAnalysis.Mode.WORDS : TextAnalysis.Mode.INDEX));
  }

  /**
   * How many words the field value held ({@link TextAnalysis.Scanner#words}), for the norm that
   * {@link Ranking#similarity} computes from it.
   */
  interface WordCount extends Attribute {
    int words();
  }

  private static final class WordCountImpl extends AttributeImpl implements WordCount {
    int words;

    @Override
    public int words() {
      return words;
    }

    @Override
    public void clear() {
      // Kept from reset() to the end: the norm is computed after the last token.
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
      reflector.reflect(WordCount.class, "words", words);
    }

    @Override
    public void copyTo(AttributeImpl target) {
      ((WordCountImpl) target).words = words;
    }
  }

  /**
   * Lucene reuses one tokenizer per thread, so its buffers (the text, the tokens' chars and
   * numbers) grow to the largest field once and then serve every field: no object per token.
   */
  private static final class ReplayTokenizer extends Tokenizer implements TextAnalysis.Sink {
    private static final int FIELDS = 4; // per token: end of its chars, position, start, end

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final TextAnalysis.Scanner scanner = new TextAnalysis.Scanner();
    private final TextAnalysis.Mode mode;
    private final WordCountImpl wordCount = new WordCountImpl();
    private char[] text = new char[1024];
    private int length;
    private char[] chars = new char[1024];
    private int charsUsed;
    private int[] tokens = new int[FIELDS * 256];
    private int count;
    private int next;
    private int lastPosition;

    ReplayTokenizer(TextAnalysis.Mode mode) {
      this.mode = mode;
      addAttributeImpl(wordCount);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      length = 0;
      for (int n; (n = input.read(text, length, text.length - length)) > 0; ) {
        length += n;
        if (length == text.length) {
          text = Arrays.copyOf(text, 2 * length);
        }
      }
      charsUsed = 0;
      count = 0;
      next = 0;
      lastPosition = -1;
      scanner.scan(text, length, mode, this);
      wordCount.words = scanner.words();
    }

    /** Keeps one token of the text being read. */
    @Override
    public void token(char[] term, int from, int n, int position, int start, int end) {
      if (charsUsed + n > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(2 * chars.length, charsUsed + n));
      }
      System.arraycopy(term, from, chars, charsUsed, n);
      charsUsed += n;
      int t = FIELDS * count;
      if (t == tokens.length) {
        tokens = Arrays.copyOf(tokens, 2 * t);
      }
      tokens[t] = charsUsed;
      tokens[t + 1] = position;
      tokens[t + 2] = start;
      tokens[t + 3] = end;
      count++;
    }

    @Override
    public boolean incrementToken() {
      if (next == count) {
        return false;
      }
      clearAttributes();
      int t = FIELDS * next;
      int from = next == 0 ? 0 : tokens[t - FIELDS];
      term.copyBuffer(chars, from, tokens[t] - from);
      offset.setOffset(correctOffset(tokens[t + 2]), correctOffset(tokens[t + 3]));
      increment.setPositionIncrement(tokens[t + 1] - lastPosition);
      lastPosition = tokens[t + 1];
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      int last = correctOffset(length);
      offset.setOffset(last, last);
    }
  }
}
