package dev.daybook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's Porter stemmer ({@link PorterStemFilter}), one word at a time: {@link TextAnalysis}
 * finds the words itself (so that the browser's script can mirror it), and hands each word of
 * ASCII letters here. cache, caches, cached, caching all become {@code cach}. Lucene keeps the
 * stemmer itself package-private, so the word goes through the filter as a one-token stream,
 * reused from word to word. Not for two threads.
 */
final class PorterStems {

  private final OneWord word = new OneWord();
  private final PorterStemFilter filter = new PorterStemFilter(word);
  private final CharTermAttribute term = filter.getAttribute(CharTermAttribute.class);

  /** The stem of {@code chars[0, length)}, lower-case ASCII letters. */
  char[] stem(char[] chars, int length) {
    word.set(chars, length);
    try {
      filter.reset();
      if (!filter.incrementToken()) {
        throw new IllegalStateException("the stemmer dropped a word");
      }
      char[] stem = Arrays.copyOf(term.buffer(), term.length());
      filter.end();
      filter.close();
      return stem;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a stream over an array reads nothing from outside
    }
  }

  /** The stem of one word. */
  static String stem(String word) {
    return new String(new PorterStems().stem(word.toCharArray(), word.length()));
  }

  /** A token stream of one word. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] chars;
    private int length;
    private boolean given;

    void set(char[] chars, int length) {
      this.chars = chars;
      this.length = length;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      given = false;
    }

    @Override
    public boolean incrementToken() {
      if (given) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(chars, 0, length);
      given = true;
      return true;
    }
  }
}
