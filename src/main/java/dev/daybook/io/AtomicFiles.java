package dev.daybook.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

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
      temp = createTempFile(dir, target);
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
        keepMode(target, temp);
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
    Path temp = createTempFile(dir, target);
    try {
      Files.write(temp, bytes);
      keepMode(target, temp);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Creates a new folder in {@code parent} whose name starts with {@code prefix}, for work that
   * is moved into place when done. Unlike {@link Files#createTempDirectory}, which makes it
   * private to the owner (0700), it gets the mode of any new folder of the process (0755 under
   * umask 022): a folder that becomes a cache or part of the site must not change mode by
   * being built elsewhere first.
   */
  public static Path createTempDirectory(Path parent, String prefix) throws IOException {
    return createUnique(parent, prefix, "", Files::createDirectory);
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

  /**
   * A new empty file beside the target, to be moved over it. Unlike {@link Files#createTempFile},
   * which makes it readable by its owner only (0600), it gets the mode of any new file of the
   * process (0644 under umask 022): reports, caches and site files are read by others too (a
   * web server, a teammate, the CI's next step).
   */
  private static Path createTempFile(Path dir, Path target) throws IOException {
    return createUnique(dir, "." + target.getFileName() + ".", ".tmp", Files::createFile);
  }

  /** The way a file or folder is created, failing when the name is taken. */
  private interface Creator {
    Path create(Path path) throws IOException;
  }

  /** Creates {@code prefix}, a random part and {@code suffix} in {@code dir}, free name found. */
  private static Path createUnique(Path dir, String prefix, String suffix, Creator creator)
      throws IOException {
    while (true) {
      String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      try {
        return creator.create(dir.resolve(prefix + random + suffix));
      } catch (FileAlreadyExistsException e) {
        // another writer's name: draw again
      }
    }
  }

  /**
   * Gives the replacement the mode of the file it replaces (a report made group-writable stays
   * so). Done once written: the mode may be read-only.
   */
  private static void keepMode(Path target, Path replacement) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: nothing to keep
    }
    Set<PosixFilePermission> mode;
    try {
      mode = view.readAttributes().permissions();
    } catch (NoSuchFileException e) {
      return; // a new file: it keeps the process's mode
    }
    Files.setPosixFilePermissions(replacement, mode);
  }

  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      return "a file stands where a folder is needed (" + e.getMessage() + ")";
    }
    return FileErrors.reason(e);
  }

  /** Deletes a folder and everything in it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
