package dev.daybook.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void resultsComeInTheOrderOfTheInputs() throws IOException {
    List<Integer> inputs = List.of(5, 1, 4, 2, 3, 0, 9, 8, 7, 6);
    assertThat(Parallel.map(inputs, i -> i * 10))
        .containsExactly(50, 10, 40, 20, 30, 0, 90, 80, 70, 60);
  }

  @Test
  void theFirstFailureInInputOrderIsThrown() {
    assertThatThrownBy(() -> Parallel.map(List.of(0, 1, 2, 3), i -> {
      if (i >= 2) {
        throw new IOException("step " + i);
      }
      return i;
    })).isInstanceOf(IOException.class).hasMessage("step 2");
  }

  /**
   * The caller deletes or publishes what the steps write once map returns: a step that was
   * running when another failed has ended by then.
   */
  @Test
  void noStepIsStillRunningWhenAFailureIsThrown() {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    assertThatThrownBy(() -> Parallel.map(List.of(0, 1), i -> {
      started.incrementAndGet();
      try {
        if (i == 0) {
          throw new IOException("the first step fails at once");
        }
        // The second keeps working (deaf to interruption) well after the first failed.
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        return i;
      } finally {
        ended.incrementAndGet();
      }
    })).hasMessage("the first step fails at once");
    assertThat(ended.get()).isEqualTo(started.get());
  }
}
