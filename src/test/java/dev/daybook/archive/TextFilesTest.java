package dev.daybook.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Report files are strict UTF-8; a bad byte is named by its line. */
class TextFilesTest {

  static final Path FILE = Path.of("reports/2026/02/2026-02-06.md");

  @Test
  void aRealReplacementCharacterIsText() throws Exception {
    String text = "title=x\n替换字符 \uFFFD 是文字\n";
    assertThat(TextFiles.decode(FILE, text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @Test
  void aBadByteIsNamedByItsLine() {
    byte[] good = "a\nb\n\uFFFD\nc".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = '\n';
    bytes[good.length + 1] = (byte) 0xC3; // a lead byte with nothing after it
    assertThatThrownBy(() -> TextFiles.decode(FILE, bytes))
        .isInstanceOf(TextFiles.UnreadableFileException.class)
        .hasMessage(FILE + ":5: not UTF-8 text (byte " + bytes.length + ")");
  }

  @Test
  void anEncodedSurrogateIsNamedByItsCodePoint() {
    // U+D83D encoded on its own as UTF-8 would (CESU-8 writes half an emoji so): ED A0 BD.
    byte[] bytes = {'a', '\n', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0xBD, 'c'};
    assertThatThrownBy(() -> TextFiles.decode(FILE, bytes))
        .isInstanceOf(TextFiles.UnreadableFileException.class)
        .hasMessage(FILE + ":2: not UTF-8 text (byte 4: U+D83D, a surrogate, which UTF-8 does not"
            + " encode)");
  }
}
