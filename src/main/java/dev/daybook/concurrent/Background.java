package dev.daybook.concurrent;

import java.io.IOException;

/**
 * One piece of work on its own thread, started now and finished (waited for) later, for two
 * steps of a build that do not depend on each other. Its checked failure is an I/O error, given
 * to whoever finishes it, as if it had run on that thread.
 */
public final class Background<T> {

  /** The work; may throw an I/O error. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  private final Thread thread;
  private T result;
  private Throwable failure;

  private Background(String name, Work<T> work) {
    thread = new Thread(() -> {
      try {
        result = work.run();
      } catch (Throwable e) {
        failure = e;
      }
    }, name);
    thread.setDaemon(true);
  }

  /** Starts {@code work} on a new thread named {@code name}. */
  public static <T> Background<T> start(String name, Work<T> work) {
    Background<T> background = new Background<>(name, work);
    background.thread.start();
    return background;
  }

  /**
   * Waits for the work to end and returns its result, or throws what it threw. May be called
   * again: the outcome is the same.
   */
  public T finish() throws IOException {
    boolean interrupted = false;
    while (true) {
      try {
        // join() also makes the thread's writes of result and failure visible here.
        thread.join();
        break;
      } catch (InterruptedException e) {
        // The work writes into folders the caller cleans up after this returns: keep waiting.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      // Work.run declares only IOException: no other checked exception can come back.
      throw new IllegalStateException(Parallel.rethrow(failure));
    }
    return result;
  }
}
