package dev.daybook.analysis.llm;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the waits and returns at once. */
@FunctionalInterface
interface Sleeper {

  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
