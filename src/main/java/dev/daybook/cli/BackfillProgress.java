package dev.daybook.cli;

import dev.daybook.source.github.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The progress line of a long {@code generate}: days done and left, GitHub requests made and the
 * rate limit's state, and how long the rest will take at the current rate, e.g.
 *
 * <pre>
 * daybook: progress: 40/1825 days done (12 were there already), 1785 left; 900 GitHub requests,
 * 4100 of 5000 left until 14:05:00 UTC; about 7 h 30 min to go at the current rate
 * </pre>
 *
 * (one line). It is printed after the first day written and then at most once per {@link
 * #INTERVAL}, so a backfill of years writes a few lines a minute, not one per request. It names no
 * secret: it is made of counts and times only.
 */
final class BackfillProgress {

  static final Duration INTERVAL = Duration.ofSeconds(10);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Supplier<RequestBudget.Snapshot> budget;
  private Instant start;
  private Instant lastShown;
  private long toWrite;
  private long kept;
  private long written;

  /**
   * @param clock the time the run takes and the rate limit resets on (the real one, even when a
   *     test fixes the report's "now")
   * @param budget the GitHub requests made so far and the limit GitHub last announced
   */
  BackfillProgress(Clock clock, Supplier<RequestBudget.Snapshot> budget) {
    this.clock = clock;
    this.budget = budget;
  }

  /** The days are planned: the time from now on is the backfill's. */
  void planned(long toWrite, long kept) {
    this.toWrite = toWrite;
    this.kept = kept;
    this.start = clock.instant();
  }

  /** A day was written; returns the line to print now, or null when it is too soon. */
  String written() {
    written++;
    Instant now = clock.instant();
    if (toWrite < 2 || (lastShown != null && written < toWrite
        && Duration.between(lastShown, now).compareTo(INTERVAL) < 0)) {
      return null;
    }
    lastShown = now;
    return line(now);
  }

  /** The run's last line: what it did in how long. */
  String finished() {
    RequestBudget.Snapshot b = budget.get();
    return "daybook: done: " + written + " days written, " + kept + " kept; " + b.sent()
        + " GitHub requests in " + describe(Duration.between(start, clock.instant()));
  }

  private String line(Instant now) {
    long left = toWrite - written;
    RequestBudget.Snapshot b = budget.get();
    String limit = b.limited()
        ? b.remaining() + " of " + b.limit() + " left until " + TIME.format(b.resetsAt())
        : "no rate limit announced";
    Duration eta = estimate(written, left, Duration.between(start, now), b, now);
    return "daybook: progress: " + (kept + written) + "/" + (kept + toWrite) + " days done ("
        + kept + " were there already), " + left + " left; " + b.sent() + " GitHub requests, "
        + limit + "; " + (left == 0 ? "finished" : "about " + describe(eta)
        + " to go at the current rate");
  }

  /**
   * How long the days left will take: at the rate of the days written so far (their time
   * includes the waits they met), and no sooner than the rate limit lets their requests go out,
   * at the requests per day so far: what this window has left, then a whole limit per window.
   */
  static Duration estimate(long written, long left, Duration elapsed,
      RequestBudget.Snapshot budget, Instant now) {
    if (left <= 0 || written <= 0) {
      return Duration.ZERO;
    }
    Duration atRate = Duration.ofMillis(Math.multiplyExact(elapsed.toMillis(), left) / written);
    if (!budget.limited()) {
      return atRate;
    }
    long needed = ceilDiv(Math.multiplyExact(budget.sent(), left), written);
    if (needed <= budget.remaining()) {
      return atRate;
    }
    long windows = ceilDiv(needed - budget.remaining(), budget.limit());
    Duration untilReset = Duration.between(now, budget.resetsAt());
    Duration byLimit = (untilReset.isNegative() ? Duration.ZERO : untilReset)
        .plus(budget.window().multipliedBy(windows - 1));
    return byLimit.compareTo(atRate) > 0 ? byLimit : atRate;
  }

  /** {@code 45 s}, {@code 12 min}, {@code 7 h 30 min}, {@code 3 d 4 h}. */
  static String describe(Duration d) {
    long s = Math.max(0, (d.toMillis() + 999) / 1000);
    if (s < 120) {
      return s + " s";
    }
    long min = (s + 59) / 60;
    if (min < 120) {
      return min + " min";
    }
    if (min < 48 * 60) {
      return min / 60 + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
    }
    long h = (min + 59) / 60;
    return h / 24 + " d" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
