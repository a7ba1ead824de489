package dev.daybook.source.github;

/** What to do when GitHub says the rate limit is used up. */
public enum RateLimitPolicy {
  /** Wait until the limit resets (up to a maximum wait), then go on. */
  WAIT,
  /** Fail at once with a message that says when the limit resets. */
  FAIL
}
