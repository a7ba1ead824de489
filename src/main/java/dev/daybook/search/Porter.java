package dev.daybook.search;

/**
 * The Porter stemmer (M.F. Porter, "An algorithm for suffix stripping", 1980), in the variant that
 * Lucene's {@code PorterStemFilter} implements: Porter's own reference code, whose step 3 also maps
 * {@code -logi} to {@code -log}. It is written out here, rather than borrowed, because the browser
 * search must stem exactly the same way: this class is the reference for that port, one step per
 * method, and a test checks it against Lucene's filter over every word of the shipped reports.
 *
 * <p>It takes lower-case ASCII words ({@code [a-z]+}); words of one or two letters are returned as
 * they are. cache, caches, cached, caching all become {@code cach}.
 */
final class Porter {

  private char[] b;
  private int k; // index of the last letter of the current word
  private int j; // end of the stem before a suffix found by ends()

  /** A stemmer to reuse, word after word ({@link #stem(char[], int)}); not for two threads. */
  Porter() {}

  static String stem(String word) {
    if (word.length() <= 2) {
      return word;
    }
    Porter p = new Porter();
    int n = p.stem(word.toCharArray(), word.length());
    return new String(p.buffer(), 0, n);
  }

  /**
   * Stems {@code word[0, length)} in place and returns the stem's length; the stem is then at the
   * start of {@link #buffer()} (that array, unless a rule needed more room than the word had).
   */
  int stem(char[] word, int length) {
    b = word;
    if (length <= 2) {
      return length;
    }
    k = length - 1;
    step1();
    step2();
    step3();
    step4();
    step5();
    step6();
    return k + 1;
  }

  char[] buffer() {
    return b;
  }

  /** Whether b[i] is a consonant; 'y' is one at the start and after a vowel. */
  private boolean cons(int i) {
    switch (b[i]) {
      case 'a', 'e', 'i', 'o', 'u':
        return false;
      case 'y':
        return i == 0 || !cons(i - 1);
      default:
        return true;
    }
  }

  /** The number of vowel-consonant sequences in b[0..j]: [C](VC)^m[V]. */
  private int m() {
    int n = 0;
    int i = 0;
    while (true) {
      if (i > j) {
        return n;
      }
      if (!cons(i)) {
        break;
      }
      i++;
    }
    i++;
    while (true) {
      while (true) {
        if (i > j) {
          return n;
        }
        if (cons(i)) {
          break;
        }
        i++;
      }
      i++;
      n++;
      while (true) {
        if (i > j) {
          return n;
        }
        if (!cons(i)) {
          break;
        }
        i++;
      }
      i++;
    }
  }

  private boolean vowelInStem() {
    for (int i = 0; i <= j; i++) {
      if (!cons(i)) {
        return true;
      }
    }
    return false;
  }

  /** b[i-1] and b[i] are the same consonant. */
  private boolean doubleConsonant(int i) {
    return i >= 1 && b[i] == b[i - 1] && cons(i);
  }

  /** b[i-2..i] is consonant-vowel-consonant and b[i] is not w, x or y (hop, not snow). */
  private boolean cvc(int i) {
    if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) {
      return false;
    }
    return b[i] != 'w' && b[i] != 'x' && b[i] != 'y';
  }

  /** Whether b[0..k] ends with s; if so, j marks the end of what comes before it. */
  private boolean ends(String s) {
    int len = s.length();
    int o = k - len + 1;
    if (o < 0) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (b[o + i] != s.charAt(i)) {
        return false;
      }
    }
    j = k - len;
    return true;
  }

  /** Replaces b[j+1..k] with s. */
  private void setTo(String s) {
    int len = s.length();
    if (j + 1 + len > b.length) {
      b = java.util.Arrays.copyOf(b, j + 1 + len);
    }
    for (int i = 0; i < len; i++) {
      b[j + 1 + i] = s.charAt(i);
    }
    k = j + len;
  }

  private void replaceIfMeasured(String s) {
    if (m() > 0) {
      setTo(s);
    }
  }

  /** Plurals, -ed and -ing: caresses → caress, ponies → poni, agreed → agree, hopping → hop. */
  private void step1() {
    if (b[k] == 's') {
      if (ends("sses")) {
        k -= 2;
      } else if (ends("ies")) {
        setTo("i");
      } else if (b[k - 1] != 's') {
        k--;
      }
    }
    if (ends("eed")) {
      if (m() > 0) {
        k--;
      }
    } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
      k = j;
      if (ends("at")) {
        setTo("ate");
      } else if (ends("bl")) {
        setTo("ble");
      } else if (ends("iz")) {
        setTo("ize");
      } else if (doubleConsonant(k)) {
        char ch = b[k];
        if (ch != 'l' && ch != 's' && ch != 'z') {
          k--;
        }
      } else if (m() == 1 && cvc(k)) {
        // j == k here: m() measures the whole remaining word.
        setTo("e");
      }
    }
  }

  /** A final y becomes i when the stem has a vowel: happy → happi. */
  private void step2() {
    if (ends("y") && vowelInStem()) {
      b[k] = 'i';
    }
  }

  private static final String[][] STEP3 = {
      {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
      {"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
      {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"},
      {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},
      {"iviti", "ive"}, {"biliti", "ble"}, {"logi", "log"}};

  private static final String[][] STEP4 = {
      {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"},
      {"ful", ""}, {"ness", ""}};

  /**
   * Double suffixes to single ones (-ization → -ize) when the stem has m() > 0. As in the reference
   * code, only the rules listed for the word's second-to-last letter are tried, in table order, and
   * the first suffix that matches decides, whether or not its stem is long enough.
   */
  private void step3() {
    if (k == 0) {
      return;
    }
    applyFirst(STEP3, b[k - 1], true);
  }

  /** -icate, -ative, -alize, -iciti, -ical, -ful, -ness, chosen by the last letter. */
  private void step4() {
    applyFirst(STEP4, b[k], false);
  }

  private void applyFirst(String[][] rules, char key, boolean bySecondToLast) {
    for (String[] rule : rules) {
      String suffix = rule[0];
      char ruleKey = suffix.charAt(suffix.length() - (bySecondToLast ? 2 : 1));
      if (ruleKey == key && ends(suffix)) {
        replaceIfMeasured(rule[1]);
        return;
      }
    }
  }

  private static final String[] STEP5 = {"al", "ance", "ence", "er", "ic", "able", "ible", "ant",
      "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"};

  /** Drops -ant, -ence, -ment, -ion (after s or t) ... when the stem has m() > 1. */
  private void step5() {
    if (k == 0) {
      return;
    }
    char key = b[k - 1];
    for (String suffix : STEP5) {
      if (suffix.charAt(suffix.length() - 2) != key || !ends(suffix)) {
        continue;
      }
      if (suffix.equals("ion") && !(j >= 0 && (b[j] == 's' || b[j] == 't'))) {
        // "-ion" only after s or t; in the reference code the 'o' rules then try "-ou".
        continue;
      }
      if (m() > 1) {
        k = j;
      }
      return;
    }
  }

  /** Drops a final -e when m() > 1 (or m() == 1 and not cvc), and -ll to -l when m() > 1. */
  private void step6() {
    j = k;
    if (b[k] == 'e') {
      int a = m();
      if (a > 1 || a == 1 && !cvc(k - 1)) {
        k--;
      }
    }
    if (b[k] == 'l' && doubleConsonant(k) && m() > 1) {
      k--;
    }
  }
}
