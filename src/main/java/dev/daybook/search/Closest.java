package dev.daybook.search;

import java.util.List;
import java.util.Locale;

/**
 * Which known name a bad one was probably meant to be, for the suggestion of an error message
 * ({@code sev:} → {@code severity:}, {@code type:修理} → {@code type:修复}); {@code search.js}'s
 * {@code closest} is the same rule. Case does not count. The first known name that begins with
 * what was written, else the one fewest edits away (a character added, dropped, changed, or two
 * neighbours swapped), at most one edit per three characters written and at least one; on a tie
 * the first in the list; none when nothing is that close.
 */
final class Closest {

  private Closest() {}

  /** The closest of {@code known} to {@code written}, as it is in the list; null if none. */
  static String of(String written, List<String> known) {
    String w = written.toLowerCase(Locale.ROOT);
    if (w.isEmpty()) {
      return null;
    }
    for (String k : known) {
      if (k.toLowerCase(Locale.ROOT).startsWith(w)) {
        return k;
      }
    }
    String best = null;
    int bestEdits = Math.max(1, w.length() / 3) + 1;
    for (String k : known) {
      int edits = edits(w, k.toLowerCase(Locale.ROOT));
      if (edits < bestEdits) {
        best = k;
        bestEdits = edits;
      }
    }
    return best;
  }

  /** The edits from a to b, a swap of neighbours counting one (optimal string alignment). */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
