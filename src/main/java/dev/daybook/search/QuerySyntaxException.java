package dev.daybook.search;

/**
 * A query that cannot be run as written. The message says what is wrong in words a user knows;
 * {@link #column()} points at the bad part (1-based, in UTF-16 units as the query was given).
 */
public final class QuerySyntaxException extends Exception {

  private final int column;

  QuerySyntaxException(String message, int column) {
    super(message);
    this.column = column;
  }

  /** The column of the bad part, 1-based; 0 when the problem is the query as a whole. */
  public int column() {
    return column;
  }
}
