package dev.daybook.site;

/** The site could not be built; the message names the file (and line) at fault. */
public class SiteException extends Exception {

  private static final long serialVersionUID = 1L;

  public SiteException(String message) {
    super(message);
  }

  public SiteException(String message, Throwable cause) {
    super(message, cause);
  }
}
