package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.source.github.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The backfill's progress line and its estimate of the time left, worked by hand. */
class BackfillProgressTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final RequestBudget.Snapshot UNLIMITED =
      new RequestBudget.Snapshot(200, 0, 0, null, Duration.ofHours(1));

  @Test
  void withoutARateLimitTheRestTakesAsLongAsTheDaysSoFar() {
    // 10 days in 60 s: 6 s a day, 90 days left.
    assertThat(BackfillProgress.estimate(10, 90, Duration.ofSeconds(60), UNLIMITED, NOW))
        .isEqualTo(Duration.ofSeconds(540));
  }

  @Test
  void requestsTheWindowStillHasDoNotHoldTheRestBack() {
    // 20 requests a day, 90 days left: 1800 requests, and 1900 are left before the reset.
    RequestBudget.Snapshot budget = new RequestBudget.Snapshot(200, 5000, 1900,
        NOW.plus(Duration.ofMinutes(20)), Duration.ofHours(1));
    assertThat(BackfillProgress.estimate(10, 90, Duration.ofSeconds(60), budget, NOW))
        .isEqualTo(Duration.ofSeconds(540));
  }

  @Test
  void requestsPastTheWindowWaitForTheResetAndAWindowPerLimit() {
    // 1800 requests needed, 300 left until the reset in 20 min, then 1000 an hour: the last
    // 500 go out in the second hour after the reset, so not before 20 min + 1 h.
    RequestBudget.Snapshot budget = new RequestBudget.Snapshot(200, 1000, 300,
        NOW.plus(Duration.ofMinutes(20)), Duration.ofHours(1));
    assertThat(BackfillProgress.estimate(10, 90, Duration.ofSeconds(60), budget, NOW))
        .isEqualTo(Duration.ofMinutes(80));
    // A rate slower than the limit allows is the estimate.
    assertThat(BackfillProgress.estimate(10, 90, Duration.ofMinutes(20), budget, NOW))
        .isEqualTo(Duration.ofMinutes(180));
  }

  @Test
  void nothingLeftOrNothingDoneIsNoTime() {
    assertThat(BackfillProgress.estimate(10, 0, Duration.ofSeconds(60), UNLIMITED, NOW))
        .isZero();
    assertThat(BackfillProgress.estimate(0, 10, Duration.ofSeconds(60), UNLIMITED, NOW))
        .isZero();
  }

  @Test
  void timesAreShortWords() {
    assertThat(BackfillProgress.describe(Duration.ofMillis(300))).isEqualTo("1 s");
    assertThat(BackfillProgress.describe(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(BackfillProgress.describe(Duration.ofSeconds(119))).isEqualTo("119 s");
    assertThat(BackfillProgress.describe(Duration.ofMinutes(12))).isEqualTo("12 min");
    assertThat(BackfillProgress.describe(Duration.ofMinutes(120))).isEqualTo("2 h");
    assertThat(BackfillProgress.describe(Duration.ofMinutes(450))).isEqualTo("7 h 30 min");
    assertThat(BackfillProgress.describe(Duration.ofHours(76))).isEqualTo("3 d 4 h");
  }

  @Test
  void theLineSaysDaysRequestsTheLimitAndTheTimeLeftEveryTenSeconds() {
    MovingClock clock = new MovingClock(NOW);
    AtomicReference<RequestBudget.Snapshot> budget = new AtomicReference<>();
    BackfillProgress progress = new BackfillProgress(clock, budget::get);
    progress.planned(8, 2);

    clock.advance(Duration.ofSeconds(30));
    budget.set(new RequestBudget.Snapshot(40, 5000, 4960, Instant.parse("2026-03-01T12:45:00Z"),
        Duration.ofHours(1)));
    assertThat(progress.written()).isEqualTo("daybook: progress: 3/10 days done (2 were there"
        + " already), 7 left; 40 GitHub requests, 4960 of 5000 left until 12:45:00 UTC; about"
        + " 4 min to go at the current rate");
    clock.advance(Duration.ofSeconds(5));
    assertThat(progress.written()).as("5 s after the last line").isNull();
    clock.advance(Duration.ofSeconds(5));
    budget.set(new RequestBudget.Snapshot(120, 0, 0, null, Duration.ofHours(1)));
    assertThat(progress.written()).isEqualTo("daybook: progress: 5/10 days done (2 were there"
        + " already), 5 left; 120 GitHub requests, no rate limit announced; about 67 s to go at"
        + " the current rate");
    for (int day = 6; day <= 9; day++) {
      assertThat(progress.written()).isNull();
    }
    assertThat(progress.written()).endsWith("10/10 days done (2 were there already), 0 left;"
        + " 120 GitHub requests, no rate limit announced; finished");
    assertThat(progress.finished())
        .isEqualTo("daybook: done: 8 days written, 2 kept; 120 GitHub requests in 40 s");
  }

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
