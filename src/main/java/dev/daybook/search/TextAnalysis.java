package dev.daybook.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * How Daybook's search turns text into terms: one plain function, fully specified here, so that the
 * browser search can repeat it to the letter (the examples in
 * {@code src/test/resources/search/analyzer-spec.md} are the shared test). Lucene sees its output
 * through {@link DaybookAnalyzer}.
 *
 * <ol>
 *   <li><b>Fold.</b> Full-width ASCII (U+FF01..U+FF5E) becomes ASCII, one UTF-16 unit for one, so
 *       offsets stay those of the input: {@code ＨｉＣａｃｈｅ} is {@code HiCache}.
 *   <li><b>Runs.</b> A run is a maximal sequence of word characters: letters (Unicode L*), marks
 *       (M*), decimal digits (Nd) and {@code _}. Everything else separates runs.
 *   <li><b>Segments.</b> A run is cut where it changes between CJK characters (script Han,
 *       Hiragana, Katakana or Hangul) and the rest, so {@code 支持HiCache缓存} is 支持 / HiCache /
 *       缓存.
 *   <li><b>CJK segments</b> of n characters. Chinese has no spaces, so instead of segmenting words
 *       with a dictionary, each character and each pair of neighbours is a term (overlapping
 *       bigrams, as Lucene's {@code CJKBigramFilter}): 缓存淘汰 indexes 缓 缓存 | 存 存淘 | 淘 淘汰 | 汰
 *       at four positions. A query indexes only the bigrams (缓存 存淘 淘汰, a phrase), or the
 *       single character when it is alone. Why bigrams and not SmartChinese: a query then matches
 *       exactly the documents containing it as a substring, with no dictionary that could segment
 *       a query differently from the text around it (the pagefind problem), nothing to ship to the
 *       browser, and technical text that mixes Chinese with English and code is not split by a
 *       dictionary made for news. The index is larger; the archive is small.
 *   <li><b>Other segments</b> lose leading and trailing {@code _}; one longer than
 *       {@value #MAX_WORD} code points (a hash, a blob) is dropped. The segment, lower-cased, is a
 *       term (the <i>whole word</i>). It splits into <i>parts</i> at {@code _}, at lower→upper
 *       ({@code hiC}), at the last of several capitals before a lower ({@code KVManager}) and
 *       between letters and digits ({@code qwen3}). A word of n parts takes n positions, one per
 *       part, and its whole word stands at the first, as Lucene's word delimiter filter lays
 *       them out: at index time each part lower-cased is a term at its own position, so {@code
 *       HiCache} indexes hicach and hi at 0, cach at 1, and the next word is at 2. A query keeps
 *       the whole word only ({@link Mode#QUERY}), at the same positions, so {@code "hicache jit"}
 *       is a phrase of hicach@0 and jit@2 that the text {@code HiCache JIT} holds. {@link
 *       Mode#QUERY_PARTS} gives a split word's parts instead of it ({@code apply_rope} is
 *       appli@0 rope@1, a phrase found inside {@code apply_rope_with_cos_sin_cache_inplace}).
 *   <li><b>Lower case</b> maps each code point on its own (its lower case when that is one code
 *       point, else itself).
 *   <li><b>Stop words</b>: the 33 English words of Lucene's {@code ENGLISH_STOP_WORDS_SET}
 *       ({@link #STOP_WORDS}), compared before stemming, are dropped; their position stays empty.
 *   <li><b>Stemming</b>: a term of ASCII letters only ({@code [a-z]+}) is stemmed with Lucene's
 *       Porter stemmer ({@link PorterStems}); anything with digits, other letters or {@code _} is
 *       left as it is.
 *   <li>A term already produced at the same position is not repeated.
 * </ol>
 *
 * Positions: each part of a word takes one position (a word that does not split, one), each CJK
 * character one (a query's bigram run takes n-1, or 1). Offsets are UTF-16 indexes into the
 * input, as Java and JavaScript strings count.
 *
 * <p>{@link Mode#WORDS} gives the spelling vocabulary ({@link Spelling}): each whole word and part
 * that is made of 2 to {@value #MAX_SPELLED} ASCII letters, lower-cased and not stemmed, stop
 * words left out; nothing of CJK text, nor of a SHA (7 to 40 hex digits, a digit among them),
 * whose letters are no words.
 */
public final class TextAnalysis {

  /** Changes whenever any rule above changes; part of the index fingerprint. */
  public static final String VERSION = "daybook-text-2";

  /** Segments longer than this (code points) are dropped. */
  public static final int MAX_WORD = 64;

  /** Lucene's English stop words, the same 33. */
  public static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be",
      "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such",
      "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will",
      "with");

  /** The longest word of the spelling vocabulary ({@link Mode#WORDS}), in letters. */
  public static final int MAX_SPELLED = 24;

  /** Index text, analyze a query, or list the words of the spelling vocabulary. */
  public enum Mode {
    INDEX,
    /** The whole word of a word that splits. */
    QUERY,
    /** The parts of a word that splits, instead of the whole word. */
    QUERY_PARTS,
    /** The unstemmed words of ASCII letters, for spelling; see the class comment. */
    WORDS;

    boolean isQuery() {
      return this == QUERY || this == QUERY_PARTS;
    }
  }

  /**
   * One term at a position.
   *
   * @param start the offset of its first UTF-16 unit in the input
   * @param end the offset after its last
   */
  public record Token(String term, int position, int start, int end) {
    public Token {
      Objects.requireNonNull(term, "term");
    }
  }

  /** No code point below U+1100 (Hangul Jamo) is Han, Hiragana, Katakana or Hangul. */
  private static final int FIRST_CJK = 0x1100;

  private TextAnalysis() {}

  public static List<Token> analyze(String text, Mode mode) {
    List<Token> out = new ArrayList<>();
    new Scanner().scan(text.toCharArray(), text.length(), mode,
        (chars, offset, length, position, start, end) ->
            out.add(new Token(new String(chars, offset, length), position, start, end)));
    return out;
  }

  /** The terms only, in order. */
  public static List<String> terms(String text, Mode mode) {
    return analyze(text, mode).stream().map(Token::term).toList();
  }

  static boolean isWordChar(int cp) {
    if (cp == '_') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER:
        return true;
      default:
        return false;
    }
  }

  static boolean isCjk(int cp) {
    if (cp < FIRST_CJK) {
      return false; // Latin, digits, punctuation: most of the text, without a script lookup
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }

  // What the rules ask of a code point, as bits: see classOf.
  static final int WORD = 1;
  static final int CJK = 2;
  static final int UPPER = 4;
  static final int DIGIT = 8;
  private static final int KNOWN = 16;

  /**
   * The classes of the BMP's code points, filled in on first use: getType and above all the
   * script lookup (a binary search) are then done once per character instead of once per
   * occurrence. Racing threads write the same value, so no lock is needed.
   */
  private static final byte[] BMP_CLASSES = new byte[0x10000];

  /** {@link #WORD}, {@link #CJK}, {@link #UPPER} and {@link #DIGIT} of a code point. */
  static int classOf(int cp) {
    if (cp >= BMP_CLASSES.length) {
      return computeClass(cp);
    }
    int c = BMP_CLASSES[cp];
    if (c == 0) {
      c = computeClass(cp) | KNOWN;
      BMP_CLASSES[cp] = (byte) c;
    }
    return c & ~KNOWN;
  }

  private static int computeClass(int cp) {
    if (!isWordChar(cp)) {
      return 0;
    }
    int type = Character.getType(cp);
    return WORD | (isCjk(cp) ? CJK : 0) | (type == Character.UPPERCASE_LETTER ? UPPER : 0)
        | (type == Character.DECIMAL_DIGIT_NUMBER ? DIGIT : 0);
  }

  /** Lower case of one code point on its own, as {@link String#toLowerCase} gives it. */
  static int lower(int cp) {
    if (cp < 128) {
      return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }
    // İ is the one code point whose lower case alone is two code points ("i̇"): kept as is.
    return cp == '\u0130' ? cp : Character.toLowerCase(cp);
  }

  /** Receives the tokens of a text; {@code chars[offset, offset + length)} is the term. */
  @FunctionalInterface
  interface Sink {
    /** The chars are only valid during the call. */
    void token(char[] chars, int offset, int length, int position, int start, int end);
  }

  /**
   * The rules above over a char array, keeping its buffers from one text to the next: the index
   * runs it over every field of every commit, so it makes no String or object per token. One per
   * thread.
   */
  static final class Scanner {
    private char[] text;
    private int length;
    private Mode mode;
    private Sink sink;
    private int position;
    /** A whole word or part, lower-cased: at most two chars per code point of a segment. */
    private final char[] word = new char[2 * MAX_WORD];
    private final PorterStems porter = new PorterStems();
    private static final int MAX_STEMS = 1 << 16;
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(64, false);
    /** The terms already produced at this position, end to end, and where each ends. */
    private char[] seen = new char[4 * MAX_WORD];
    private int[] seenEnds = new int[8];
    private int seenCount;
    private int[] partStarts = new int[8];
    private int[] partEnds = new int[8];
    private int partCount;
    /** Whole words and CJK characters of the last text, its length for BM25 ({@link #words()}). */
    private int words;

    /**
     * The number of whole words (whatever their parts) and CJK characters that the last text
     * produced a term for: the field length BM25 normalizes by, so that a text full of names
     * that split does not count as longer than it reads ({@link Ranking}).
     */
    int words() {
      return words;
    }

    /** Analyzes {@code text[0, length)}, which it folds in place. */
    void scan(char[] text, int length, Mode mode, Sink sink) {
      this.text = text;
      this.length = length;
      this.mode = mode;
      this.sink = sink;
      position = -1;
      words = 0;
      fold(text, length);
      int i = 0;
      while (i < length) {
        int cp = codePointAt(i);
        int c = classOf(cp);
        if ((c & WORD) == 0) {
          i += Character.charCount(cp);
          continue;
        }
        int segStart = i;
        int cjk = c & CJK;
        while (i < length) {
          int next = codePointAt(i);
          int nc = classOf(next);
          if ((nc & WORD) == 0 || (nc & CJK) != cjk) {
            break;
          }
          i += Character.charCount(next);
        }
        if (cjk != 0) {
          cjkSegment(segStart, i);
        } else {
          otherSegment(segStart, i);
        }
      }
      this.text = null;
      this.sink = null;
    }

    private static void fold(char[] chars, int length) {
      for (int i = 0; i < length; i++) {
        if (chars[i] >= '\uFF01' && chars[i] <= '\uFF5E') {
          chars[i] = (char) (chars[i] - 0xFEE0);
        }
      }
    }

    private int codePointAt(int i) {
      char c = text[i];
      return Character.isSurrogate(c) ? Character.codePointAt(text, i, length) : c;
    }

    private void cjkSegment(int from, int to) {
      int i = from;
      if (mode == Mode.WORDS) {
        return;
      }
      int n = Character.charCount(codePointAt(i));
      if (mode.isQuery() && i + n < to) {
        while (i + n < to) { // bigrams only
          int next = i + n;
          int end = next + Character.charCount(codePointAt(next));
          sink.token(text, i, end - i, ++position, i, end);
          i = next;
          n = end - next;
        }
        position++; // the last character's, as in the index
        return;
      }
      while (true) { // each character, then it and the next
        sink.token(text, i, n, ++position, i, i + n);
        words++;
        int next = i + n;
        if (next >= to) {
          return;
        }
        int end = next + Character.charCount(codePointAt(next));
        sink.token(text, i, end - i, position, i, end);
        i = next;
        n = end - next;
      }
    }

    private void otherSegment(int from, int to) {
      while (from < to && text[from] == '_') {
        from++;
      }
      while (to > from && text[to - 1] == '_') {
        to--;
      }
      if (from == to
          || to - from > MAX_WORD && Character.codePointCount(text, from, to - from) > MAX_WORD) {
        return;
      }
      if (mode == Mode.WORDS && isHash(from, to)) {
        return;
      }
      int base = ++position;
      int n = parts(from, to);
      seenCount = 0;
      if (mode == Mode.QUERY_PARTS && n > 1) {
        emitParts(base, n);
      } else {
        if (emit(from, to)) {
          words++;
        }
        if ((mode == Mode.INDEX || mode == Mode.WORDS) && n > 1) {
          emitParts(base, n);
        }
      }
      position = base + n - 1;
    }

    /** Whether {@code text[from, to)} is 7 to 40 hex digits with a digit among them: a SHA. */
    private boolean isHash(int from, int to) {
      if (to - from < 7 || to - from > 40) {
        return false;
      }
      boolean digit = false;
      for (int i = from; i < to; i++) {
        char c = text[i];
        digit |= c >= '0' && c <= '9';
        if (Character.digit(c, 16) < 0 || c > 'f') {
          return false;
        }
      }
      return digit;
    }

    /** Part p of the word at position {@code base + p}. */
    private void emitParts(int base, int n) {
      for (int p = 0; p < n; p++) {
        if (position != base + p) {
          position = base + p;
          seenCount = 0;
        }
        emit(partStarts[p], partEnds[p]);
      }
    }

    /** Produces the term of {@code text[from, to)} unless it is a stop word or a repeat. */
    private boolean emit(int from, int to) {
      int n = 0;
      boolean asciiLetters = true;
      for (int i = from; i < to; ) {
        int cp = codePointAt(i);
        i += Character.charCount(cp);
        int low = lower(cp);
        n += Character.toChars(low, word, n);
        asciiLetters &= low >= 'a' && low <= 'z';
      }
      if (isStopWord(word, n)) {
        return false;
      }
      if (mode == Mode.WORDS) {
        if (asciiLetters && n >= 2 && n <= MAX_SPELLED && firstAtPosition(word, n)) {
          sink.token(word, 0, n, position, from, to);
          return true;
        }
        return false;
      }
      char[] term = word;
      if (asciiLetters) {
        term = stem(n);
        n = term.length;
      }
      if (firstAtPosition(term, n)) {
        sink.token(term, 0, n, position, from, to);
        return true;
      }
      return false;
    }

    /**
     * The stem of {@code word[0, n)}. Reports repeat a small vocabulary, so each word is stemmed
     * once per thread and then looked up (without making a String); the cache is emptied when it
     * grows past {@link #MAX_STEMS} words, which changes nothing but speed.
     */
    private char[] stem(int n) {
      char[] stem = stems.get(word, 0, n);
      if (stem == null) {
        char[] key = Arrays.copyOf(word, n);
        stem = porter.stem(word, n);
        if (stems.size() >= MAX_STEMS) {
          stems.clear();
        }
        stems.put(key, stem);
      }
      return stem;
    }

    /** Whether this term is new at this position; remembers it. */
    private boolean firstAtPosition(char[] term, int n) {
      int start = 0;
      for (int k = 0; k < seenCount; k++) {
        int end = seenEnds[k];
        if (Arrays.equals(seen, start, end, term, 0, n)) {
          return false;
        }
        start = end;
      }
      if (start + n > seen.length) {
        seen = Arrays.copyOf(seen, Math.max(2 * seen.length, start + n));
      }
      if (seenCount == seenEnds.length) {
        seenEnds = Arrays.copyOf(seenEnds, 2 * seenCount);
      }
      System.arraycopy(term, 0, seen, start, n);
      seenEnds[seenCount++] = start + n;
      return true;
    }

    /** Splits a word into its parts (see the class comment); returns how many. */
    private int parts(int from, int to) {
      partCount = 0;
      int partStart = -1;
      int prev = -1; // the class of the previous code point of the part; -1 after '_'
      int prevStart = -1;
      for (int i = from; i < to; ) {
        int cp = codePointAt(i);
        int n = Character.charCount(cp);
        if (cp == '_') {
          if (partStart >= 0) {
            addPart(partStart, i);
          }
          partStart = -1;
          prev = -1;
          i += n;
          continue;
        }
        int k = classOf(cp) & (UPPER | DIGIT); // 0: lower case, or any other letter or mark
        boolean split = false;
        if (partStart >= 0 && prev >= 0) {
          if (prev == 0 && k == UPPER) {
            split = true;
          } else if ((prev == DIGIT) != (k == DIGIT)) {
            split = true;
          } else if (prev == UPPER && k == 0) {
            // "KVManager": the capital before the lower-case letter starts the new part.
            if (prevStart > partStart) {
              addPart(partStart, prevStart);
              partStart = prevStart;
            }
          }
        }
        if (split) {
          addPart(partStart, i);
          partStart = i;
        }
        if (partStart < 0) {
          partStart = i;
        }
        prev = k;
        prevStart = i;
        i += n;
      }
      if (partStart >= 0) {
        addPart(partStart, to);
      }
      return partCount;
    }

    private void addPart(int start, int end) {
      if (partCount == partStarts.length) {
        partStarts = Arrays.copyOf(partStarts, 2 * partCount);
        partEnds = Arrays.copyOf(partEnds, 2 * partCount);
      }
      partStarts[partCount] = start;
      partEnds[partCount++] = end;
    }
  }

  /** {@link #STOP_WORDS} by length (all are at most five letters), for a check without a String. */
  private static final char[][][] STOP_BY_LENGTH = new char[6][][];

  static {
    for (int len = 0; len < STOP_BY_LENGTH.length; len++) {
      int n = len;
      STOP_BY_LENGTH[len] = STOP_WORDS.stream().filter(w -> w.length() == n).sorted()
          .map(String::toCharArray).toArray(char[][]::new);
    }
    if (STOP_WORDS.stream().anyMatch(w -> w.length() >= STOP_BY_LENGTH.length)) {
      throw new AssertionError("a stop word longer than " + (STOP_BY_LENGTH.length - 1));
    }
  }

  static boolean isStopWord(char[] chars, int length) {
    if (length >= STOP_BY_LENGTH.length) {
      return false;
    }
    for (char[] w : STOP_BY_LENGTH[length]) {
      if (Arrays.equals(w, 0, length, chars, 0, length)) {
        return true;
      }
    }
    return false;
  }
}
