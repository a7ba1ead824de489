package dev.daybook.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads report files as strict UTF-8, with errors that name the file. */
final class TextFiles {

  /** A file that cannot be read as text; {@link #reason()} says why without the file name. */
  static final class UnreadableFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    UnreadableFileException(Path file, String reason, Throwable cause) {
      super(file + ": " + reason, cause);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  private TextFiles() {}

  static String read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UnreadableFileException(file, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new UnreadableFileException(file, "permission denied", e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableFileException(file, "not UTF-8 text", e);
    }
  }
}
