package dev.daybook.source.github;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Short human texts for durations and instants in notices and error messages. */
final class Durations {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Durations() {}

  /** {@code 250 ms}, {@code 30 s}, {@code 12 min}: the largest unit that keeps the text short. */
  static String describe(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + " ms";
    }
    if (duration.compareTo(Duration.ofMinutes(2)) < 0) {
      return (duration.toMillis() + 999) / 1000 + " s";
    }
    return (duration.toSeconds() + 59) / 60 + " min";
  }

  static String utc(Instant instant) {
    return UTC_TIME.format(instant);
  }
}
