package dev.daybook.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes files so that a reader sees the old content or the new, never a half-written file. */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Writes text to a temporary file beside the target, then moves it into place.
   *
   * @param replace whether an existing target may be replaced; when false and the target exists,
   *     nothing is written and {@link FileAlreadyExistsException} is thrown
   * @throws IOException with a message that names the folder when it cannot be written
   */
  public static void write(Path target, String text, boolean replace) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8), replace);
  }

  private static void write(Path target, byte[] bytes, boolean replace) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!replace && Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "exists already");
    }
    Path temp;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    } catch (IOException e) {
      throw new IOException("cannot write in " + dir + ": " + reason(e), e);
    }
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true); // on disk before it takes the target's name
      }
      if (replace) {
        moveIntoPlace(temp, target);
      } else {
        // A link fails if the target appeared meanwhile (another run): nothing is overwritten.
        try {
          Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
          throw new FileAlreadyExistsException(target.toString(), null,
              "appeared while writing (another run?); nothing was overwritten");
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Replaces a build cache: a reader sees the old file or the new one, but the bytes are not
   * forced to disk first. A crash may lose the cache, which only costs a slower next build;
   * forcing tens of megabytes on every build would cost more.
   */
  public static void replaceCache(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Renames a finished file over the target: atomically where the file system can. */
  public static void moveIntoPlace(Path finished, Path target) throws IOException {
    try {
      Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file stands where a folder is needed (" + e.getMessage() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
