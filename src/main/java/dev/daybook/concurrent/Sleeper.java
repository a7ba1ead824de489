package dev.daybook.concurrent;

import java.time.Duration;

/**
 * Waits for a while: between retries, until a rate limit resets. The seam that lets tests run
 * retries and waits without sleeping (they pass one that records the waits and returns at once).
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the current thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
