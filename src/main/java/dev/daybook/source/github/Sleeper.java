package dev.daybook.source.github;

import java.time.Duration;

/** Waits for a while; the seam that lets tests run retries and rate-limit waits without sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the current thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
