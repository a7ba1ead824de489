package dev.daybook.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in server (the model endpoint, GitHub) as a JUnit extension of a test class, registered
 * with {@code @RegisterExtension}: started with the class, {@linkplain #reset reset} before each
 * test, stopped after the last.
 */
public interface StandIn extends AutoCloseable, BeforeEachCallback, AfterAllCallback {

  /** Forgets what the last test scripted and saw. */
  Object reset();

  @Override
  void close();

  @Override
  default void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  default void afterAll(ExtensionContext context) {
    close();
  }
}
