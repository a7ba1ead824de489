package dev.daybook.build;

import dev.daybook.io.AtomicFiles;
import dev.daybook.site.Digests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The build cache's entries ({@link BuildCache} says where they live): each is the value of one
 * stage of the build for one set of inputs, in a file named by its key, a digest of the stage's
 * name, its version and its inputs ({@link #key}). So an entry is never out of date: other inputs
 * give another key, and an entry no build asked for is deleted by the build that no longer needs
 * it, once it has asked for all it needs of that stage ({@link #sweep}).
 *
 * <p>One format for every entry: the value's bytes, then a CRC-32C of them (4 bytes, big-endian).
 * An entry that is torn or damaged reads as missing, and so costs only the work of making it
 * again. Entries are written atomically and not forced to disk ({@link
 * AtomicFiles#replaceCache}).
 *
 * <p>Thread-safe: the stages read and write entries from every core.
 */
final class CacheStore {

  private final Path dir;
  /** The entries this build asked for or wrote, by stage: what {@link #sweep} keeps. */
  private final Set<Path> used = ConcurrentHashMap.newKeySet();

  CacheStore(Path dir) {
    this.dir = dir;
  }

  /** The key of a stage's value for some inputs: a digest of all of them, in order. */
  static String key(String stage, String version, String... inputs) {
    byte[][] parts = new byte[inputs.length + 2][];
    parts[0] = Digests.utf8(stage);
    parts[1] = Digests.utf8(version);
    for (int i = 0; i < inputs.length; i++) {
      parts[i + 2] = Digests.utf8(inputs[i]);
    }
    return Digests.digest(parts);
  }

  /**
   * The value of an entry, or null when there is none or it is damaged: a buffer over the bytes
   * read, not a copy of them.
   */
  ByteBuffer get(String stage, String key) throws IOException {
    Path file = file(stage, key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
    used.add(file);
    return value(bytes);
  }

  /** Writes an entry (over a damaged one of the same key). */
  void put(String stage, String key, byte[] value) throws IOException {
    Path file = file(stage, key);
    used.add(file);
    AtomicFiles.replaceCache(file, framed(value));
  }

  /** Keeps an entry through the next {@link #sweep} without reading it. */
  void keep(String stage, String key) {
    used.add(file(stage, key));
  }

  /**
   * The file of an entry and the bytes to put there, for an entry that is published with the
   * site rather than written now ({@link SiteOutput#commit}).
   */
  Path fileFor(String stage, String key) {
    Path file = file(stage, key);
    used.add(file);
    return file;
  }

  /** An entry's bytes as stored: the value and its CRC. */
  static byte[] framed(byte[] value) {
    byte[] framed = Arrays.copyOf(value, value.length + Integer.BYTES);
    ByteBuffer.wrap(framed, value.length, Integer.BYTES).putInt(crc(value, value.length));
    return framed;
  }

  /** Deletes the entries of a stage that this build neither asked for nor wrote. */
  void sweep(String stage) throws IOException {
    Path folder = dir.resolve(stage);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (!used.contains(entry)) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }

  private Path file(String stage, String key) {
    return dir.resolve(stage).resolve(key);
  }

  /** The value of an entry's bytes, or null when its CRC does not match. */
  private static ByteBuffer value(byte[] bytes) {
    int length = bytes.length - Integer.BYTES;
    if (length < 0
        || crc(bytes, length) != ByteBuffer.wrap(bytes, length, Integer.BYTES).getInt()) {
      return null;
    }
    return ByteBuffer.wrap(bytes, 0, length);
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
