package dev.daybook.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar for long backfills, redrawn in place on a terminal; elsewhere (pipes,
 * CI logs) it draws nothing, and the per-day lines say enough.
 */
final class ProgressBar {

  static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final long total;

  ProgressBar(PrintWriter err, boolean terminal, long total) {
    this.err = err;
    this.terminal = terminal && total > 1;
    this.total = total;
  }

  /** Shows that item {@code index} (1-based) of the total is under way. */
  void show(long index, String what) {
    if (!terminal) {
      return;
    }
    err.print("\r\u001b[K" + bar(index - 1, total) + " " + index + "/" + total + " " + what);
    err.flush();
  }

  /** Clears the bar so a normal line can be printed. */
  void clear() {
    if (terminal) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }

  /** E.g. {@code [#########.....................]} for a third done. */
  static String bar(long done, long total) {
    int filled = (int) (WIDTH * done / Math.max(1, total));
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
  }
}
