package dev.daybook.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** XML 1.0's Char production, and the replacement of what it leaves out. */
class XmlCharsTest {

  @ParameterizedTest
  @ValueSource(ints = {0x9, 0xA, 0xD, 0x20, 0x7F, 0x85, 0xD7FF, 0xE000, 0xFDD0, 0xFEFF, 0xFFFD,
      0x10000, 0x1FFFE, 0x10FFFF})
  void allowed(int codePoint) {
    assertThat(XmlChars.allowed(codePoint)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1B, 0x1F, 0xD800, 0xDBFF, 0xDC00, 0xDFFF,
      0xFFFE, 0xFFFF, 0x110000})
  void notAllowed(int codePoint) {
    assertThat(XmlChars.allowed(codePoint)).isFalse();
  }

  @Test
  void textWithNothingToReplaceIsReturnedAsItIs() {
    String text = "tab\there, line\nand CR\r, 中文, 🚀 👨‍👩‍👧, \u0085 and \uFFFD";
    assertThat(XmlChars.replaceDisallowed(text)).isSameAs(text);
    assertThat(XmlChars.indexOfDisallowed(text, 0)).isEqualTo(-1);
  }

  @Test
  void eachCharacterXmlRefusesBecomesOneReplacementCharacter() {
    assertThat(XmlChars.replaceDisallowed("a\uFFFFb\uFFFEc\u0000d\u0007e\u001Bf"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf");
  }

  @Test
  void surrogatesArePairsOrReplaced() {
    String pair = "\uD83D\uDE80"; // 🚀
    assertThat(XmlChars.replaceDisallowed("x" + pair + "y")).isEqualTo("x" + pair + "y");
    assertThat(XmlChars.replaceDisallowed("\uD83D")).isEqualTo("\uFFFD"); // high at the end
    assertThat(XmlChars.replaceDisallowed("\uD83Dx")).isEqualTo("\uFFFDx"); // high, no low
    assertThat(XmlChars.replaceDisallowed("\uDE80x")).isEqualTo("\uFFFDx"); // low first
    assertThat(XmlChars.replaceDisallowed("\uDE80\uD83D")).isEqualTo("\uFFFD\uFFFD"); // reversed
    assertThat(XmlChars.replaceDisallowed("\uD83D\uD83D\uDE80")).isEqualTo("\uFFFD" + pair);
  }

  @Test
  void aFoundCharacterIsNamedByItsCodePointAndKind() {
    String text = "ok\u0007\uFFFF\uD800";
    int bell = XmlChars.indexOfDisallowed(text, 0);
    int noncharacter = XmlChars.indexOfDisallowed(text, bell + 1);
    int surrogate = XmlChars.indexOfDisallowed(text, noncharacter + 1);
    assertThat(XmlChars.indexOfDisallowed(text, surrogate + 1)).isEqualTo(-1);

    assertThat(XmlChars.name(text, bell)).isEqualTo("U+0007");
    assertThat(XmlChars.kind(text.charAt(bell))).isEqualTo("a control character");
    assertThat(XmlChars.name(text, noncharacter)).isEqualTo("U+FFFF");
    assertThat(XmlChars.kind(text.charAt(noncharacter))).isEqualTo("a noncharacter");
    assertThat(XmlChars.name(text, surrogate)).isEqualTo("U+D800");
    assertThat(XmlChars.kind(text.charAt(surrogate)))
        .isEqualTo("half of a surrogate pair, alone");
  }

  @Test
  void aLongTextIsScannedWholeAcrossItsChunks() {
    String pair = "\uD83D\uDE80";
    for (int at = 4090; at <= 4100; at++) {
      String before = "x".repeat(at);
      // A pair across the chunk boundary is allowed; what follows it is still scanned.
      assertThat(XmlChars.indexOfDisallowed(before + pair + "y".repeat(5000), 0)).isEqualTo(-1);
      assertThat(XmlChars.indexOfDisallowed(before + pair + "y".repeat(5000) + "\uFFFF", 0))
          .isEqualTo(at + 2 + 5000);
      assertThat(XmlChars.indexOfDisallowed(before + "\uD83Dy" + pair, 0)).isEqualTo(at);
      assertThat(XmlChars.indexOfDisallowed(before + "\uD83D", 0)).isEqualTo(at);
      assertThat(XmlChars.indexOfDisallowed(before + "\u0001" + "z".repeat(9000), 0))
          .isEqualTo(at);
      assertThat(XmlChars.indexOfDisallowed(before + "\u0001" + "z".repeat(9000), at + 1))
          .isEqualTo(-1);
    }
    assertThat(XmlChars.indexOfDisallowed("abc", 3)).isEqualTo(-1);
    assertThat(XmlChars.indexOfDisallowed("", 0)).isEqualTo(-1);
  }
}
