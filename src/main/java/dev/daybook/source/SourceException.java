package dev.daybook.source;

/** A source could not deliver commits; the message is one line that a user can act on. */
public class SourceException extends Exception {

  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
