package dev.daybook.concurrent;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first. A failure to make it is thrown
 * to the asker and leaves it to be made on the next ask.
 */
public final class Once<T> implements Supplier<T> {

  private final Supplier<T> make;
  private T value;

  public Once(Supplier<T> make) {
    this.make = Objects.requireNonNull(make, "make");
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = make.get();
    }
    return value;
  }
}
