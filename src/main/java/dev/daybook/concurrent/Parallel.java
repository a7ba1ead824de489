package dev.daybook.concurrent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs independent steps (one per report, page or kind of page) on every core. Results come back
 * in the order of the inputs and the first failure in that order is the one thrown, so a parallel
 * run gives the same output and the same error as a sequential one; no step is still running when
 * it returns or throws. The build's parse, bake and pages and the search index's analysis use it.
 */
public final class Parallel {

  /** One step; may throw an I/O error and one checked exception of its own. */
  @FunctionalInterface
  public interface Step<T, R, E extends Exception> {
    R apply(T input) throws IOException, E;
  }

  private Parallel() {}

  public static <T, R, E extends Exception> List<R> map(List<T> inputs, Step<T, R, E> step)
      throws IOException, E {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), inputs.size());
    if (threads <= 1) {
      List<R> results = new ArrayList<>(inputs.size());
      for (T input : inputs) {
        results.add(step.apply(input));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "daybook-parallel");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>(inputs.size());
      for (T input : inputs) {
        futures.add(pool.submit(() -> step.apply(input)));
      }
      List<R> results = new ArrayList<>(inputs.size());
      for (Future<R> f : futures) {
        results.add(Parallel.<R, E>get(f));
      }
      return results;
    } finally {
      // The steps still running when one failed write into folders the caller deletes or
      // publishes once this returns.
      stopAndWait(pool);
    }
  }

  /**
   * Stops a pool (interrupting what runs) and returns only once nothing runs in it. An interrupt
   * of the waiting thread does not cut the wait short; it is passed on afterwards.
   */
  public static void stopAndWait(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true; // keep waiting; say so to the caller afterwards
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private static <R, E extends Exception> R get(Future<R> future) throws IOException, E {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      // Step.apply declares only IOException and E: any other checked cause is an E.
      throw (E) rethrow(e.getCause());
    }
  }

  /**
   * Throws what failed on another thread as if it had failed on this one: an I/O error, an
   * unchecked exception or an error as it is. Returns any other (checked) exception, for the
   * caller to throw as the type it declares.
   */
  public static Exception rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return (Exception) failure;
  }
}
