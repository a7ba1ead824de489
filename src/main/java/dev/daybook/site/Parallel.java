package dev.daybook.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent steps of a build (one per report) on every core. Results come back in the
 * order of the inputs and the first failure in that order is the one thrown, so a parallel build
 * gives the same output and the same error as a sequential one.
 */
final class Parallel {

  /** One step; may throw what a build throws. */
  @FunctionalInterface
  interface Step<T, R> {
    R apply(T input) throws IOException, SiteException;
  }

  private Parallel() {}

  static <T, R> List<R> map(List<T> inputs, Step<T, R> step) throws IOException, SiteException {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), inputs.size());
    if (threads <= 1) {
      List<R> results = new ArrayList<>(inputs.size());
      for (T input : inputs) {
        results.add(step.apply(input));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "daybook-build");
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
        results.add(get(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R get(Future<R> future) throws IOException, SiteException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof SiteException site) {
        throw site;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
