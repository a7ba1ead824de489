package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quick path of {@link TextAnalysis#isCjk} agrees with Unicode's scripts everywhere. */
class TextAnalysisCjkTest {

  private static boolean byScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }

  @Test
  void everyCodePointIsClassifiedAsItsScriptSays() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (TextAnalysis.isCjk(cp) != byScript(cp)) {
        throw new AssertionError("U+" + Integer.toHexString(cp));
      }
    }
    assertThat(TextAnalysis.isCjk('缓')).isTrue();
    assertThat(TextAnalysis.isCjk('\u1100')).isTrue();
    assertThat(TextAnalysis.isCjk('z')).isFalse();
  }
}
