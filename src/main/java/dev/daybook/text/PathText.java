package dev.daybook.text;

import java.util.regex.Pattern;

/** File paths as they stand in text, where a path may hold blanks ({@code docs/my notes.md}). */
public final class PathText {

  // What a path with blanks may hold: letters and digits of any script, blanks, "._~-/".
  private static final Pattern PATH_WITH_BLANKS = Pattern.compile("[\\p{L}\\p{N} ._~/-]+");

  private PathText() {}

  /**
   * Whether text with blanks holds only what paths hold, so it may be one: {@code docs/my
   * notes.md} may, {@code f(a, b)} and {@code x = y / 2} may not.
   */
  public static boolean mayBePathWithBlanks(String text) {
    return PATH_WITH_BLANKS.matcher(text).matches();
  }
}
