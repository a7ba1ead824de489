package dev.daybook.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  @Test
  void runsBesideTheCallerAndGivesItsResult() throws Exception {
    CountDownLatch callerWent = new CountDownLatch(1);
    Background<String> work = Background.start("test-work", () -> {
      try {
        // Ends only once the caller has gone on: so it does run on another thread.
        if (!callerWent.await(10, TimeUnit.SECONDS)) {
          throw new IOException("the caller never went on");
        }
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      return Thread.currentThread().getName();
    });
    callerWent.countDown();
    assertThat(work.finish()).isEqualTo("test-work");
    assertThat(work.finish()).isEqualTo("test-work");
  }

  @Test
  void givesItsIoErrorToWhoeverFinishesIt() {
    IOException boom = new IOException("disk full: out/x.html");
    Background<Void> work = Background.start("test-io", () -> {
      throw boom;
    });
    assertThatThrownBy(work::finish).isSameAs(boom);
    // Finishing again reports the same failure, not a result.
    assertThatThrownBy(work::finish).isSameAs(boom);
  }

  @Test
  void givesUncheckedFailuresAsTheyAre() {
    Background<Void> work = Background.start("test-unchecked", () -> {
      throw new UncheckedIOException(new IOException("bad index"));
    });
    assertThatThrownBy(work::finish).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("bad index");
  }

  @Test
  void waitsEvenWhenTheCallerIsInterrupted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Background<Integer> work = Background.start("test-slow", () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      return 42;
    });
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      release.countDown();
    });
    releaser.start();
    Thread.currentThread().interrupt();
    try {
      assertThat(work.finish()).isEqualTo(42);
      // The interrupt is kept for the caller to see.
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      releaser.join();
    }
  }
}
