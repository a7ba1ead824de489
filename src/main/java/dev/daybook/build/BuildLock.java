package dev.daybook.build;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One build of an output folder at a time. A build holds an operating-system lock on {@link
 * BuildCache#lock} ({@link FileChannel#tryLock}) from its start to its end, and the system
 * releases it when the process ends, however it ends: a killed build leaves no stale lock. The
 * file says who holds it (pid, start), for the message of a build that finds it taken.
 *
 * <p>Within one JVM the lock is also kept in a set: there a second channel on the file would not
 * see the first one's lock, and closing it would release that lock (POSIX record locks belong to
 * the process, not to the channel).
 */
final class BuildLock implements AutoCloseable {

  /** The lock files this JVM holds; guarded by itself. */
  private static final Set<Path> HELD = new HashSet<>();

  private final Path file;
  private final FileChannel channel;

  private BuildLock(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Takes the lock of an output folder.
   *
   * @param output the output folder, named in messages
   * @param waiting null to fail at once when another build holds it; else it is waited for, and
   *     {@code waiting} is told first whom it waits for
   * @throws IOException naming the output and the other build, when it holds the lock and is not
   *     waited for
   */
  static BuildLock take(Path file, Path output, Consumer<String> waiting) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    synchronized (HELD) {
      if (HELD.contains(key)) {
        String holder = "a build in this process";
        if (waiting == null) {
          throw busy(output, holder);
        }
        waiting.accept(waitingFor(output, holder));
        while (HELD.contains(key)) {
          try {
            HELD.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to build " + output, e);
          }
        }
      }
      HELD.add(key);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = "another daybook (" + holder(channel) + ")";
        if (waiting == null) {
          throw busy(output, holder);
        }
        waiting.accept(waitingFor(output, holder));
        channel.lock();
      }
      byte[] me = ("pid " + ProcessHandle.current().pid() + ", since "
          + Instant.now().truncatedTo(ChronoUnit.SECONDS)).getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me), 0);
      return new BuildLock(key, channel);
    } catch (IOException | RuntimeException | Error e) {
      if (channel != null) {
        channel.close(); // this JVM holds no other lock on the file: none is released with it
      }
      release(key);
      throw e;
    }
  }

  private static IOException busy(Path output, String holder) {
    return new IOException(output + " is being built by " + holder
        + "; try again when it is done");
  }

  private static String waitingFor(Path output, String holder) {
    return "waiting for " + holder + " to finish building " + output;
  }

  /** What the holder wrote in the lock file: its pid and start. */
  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(200);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "just starting" : text;
  }

  private static void release(Path key) {
    synchronized (HELD) {
      HELD.remove(key);
      HELD.notifyAll();
    }
  }

  /** Releases the lock; the file stays, for the next build to lock. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      release(file);
    }
  }
}
