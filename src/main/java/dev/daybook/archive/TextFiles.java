package dev.daybook.archive;

import dev.daybook.io.FileErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads report files as strict UTF-8, with errors that name the file and the line. */
final class TextFiles {

  /**
   * A file that cannot be read as text; {@link #reason()} says why without the file name, {@link
   * #line()} where (0 when the whole file cannot be read).
   */
  static final class UnreadableFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final int line;

    UnreadableFileException(Path file, int line, String reason, Throwable cause) {
      super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
      this.reason = reason;
      this.line = line;
    }

    String reason() {
      return reason;
    }

    int line() {
      return line;
    }
  }

  private TextFiles() {}

  static String read(Path file) throws IOException {
    return decode(file, bytes(file));
  }

  static byte[] bytes(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnreadableFileException(file, 0, FileErrors.reason(e), e);
    }
  }

  /** The text of a file's bytes; bytes that are not UTF-8 are an error naming their line. */
  static String decode(Path file, byte[] bytes) throws UnreadableFileException {
    // The JDK's own decoding is the quick one; it replaces a bad byte with U+FFFD, so only a
    // text that holds U+FFFD is decoded again strictly, to tell a bad byte from a real U+FFFD.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new UnreadableFileException(file, line, "not UTF-8 text (byte " + (in.position() + 1)
          + surrogate(bytes, in.position()) + ")", null);
    }
    return out.flip().toString();
  }

  /**
   * What the bytes at {@code at} are when they encode a surrogate code point, which UTF-8 may not
   * (CESU-8 and "WTF-8" do): ", U+D800, a surrogate"; else nothing.
   */
  private static String surrogate(byte[] bytes, int at) {
    if (at + 2 < bytes.length && (bytes[at] & 0xFF) == 0xED && (bytes[at + 1] & 0xE0) == 0xA0
        && (bytes[at + 2] & 0xC0) == 0x80) {
      int codePoint = 0xD000 | (bytes[at + 1] & 0x3F) << 6 | bytes[at + 2] & 0x3F;
      return String.format(Locale.ROOT, ": U+%04X, a surrogate, which UTF-8 does not encode",
          codePoint);
    }
    return "";
  }
}
