package dev.daybook.analysis.rules;

import dev.daybook.model.FileChange;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the rules hold a commit to break compatibility: the first rule that fired and what it saw.
 * The rules are conservative, since a false "breaking" costs every reader a look: they read the
 * author's own marker, or a removal they can see in the files, never a guess from the prose.
 *
 * @param rule the rule that fired
 * @param quote what it saw, as written: the prefix, the footer's words, a path or a flag
 * @param file the file a removal was seen in (a flag's file, a renamed file's new path), or empty
 */
record Breaking(Rule rule, String quote, String file) {

  /** The rules, in the order they are tried. */
  enum Rule {
    /** A conventional-commit {@code !} before the colon: {@code feat!:}, {@code fix(api)!:}. */
    PREFIX,
    /** A conventional-commit footer: a line starting {@code BREAKING CHANGE:} or its hyphen form. */
    FOOTER,
    /** A file under a public API path removed. */
    API_FILE_REMOVED,
    /** A file under a public API path renamed or moved. */
    API_FILE_RENAMED,
    /** A command-line flag whose definition a patch removes and no patch adds back. */
    FLAG_REMOVED
  }

  // The spec writes the footer's token in capitals; "breaking change" in a sentence is no footer.
  private static final Pattern FOOTER = Pattern.compile("^BREAKING[ -]CHANGE:", Pattern.MULTILINE);

  /** Folders (or file names without extension) whose files are what users import or call. */
  private static final Set<String> PUBLIC_API = Set.of("api", "apis", "public", "include",
      "entrypoints");

  // A flag as a string literal on a diff line: "--enable-foo" or '--tp-size'.
  private static final Pattern FLAG = Pattern.compile("[\"'](--[a-z0-9][a-z0-9-]*[a-z0-9])[\"']");
  // Where flags are defined: argparse (add_argument), click (option), or a flag table.
  private static final Pattern DEFINES_FLAGS = Pattern.compile("add_argument|\\.option\\(");

  Breaking {
    file = file == null ? "" : file;
  }

  /** The first rule that fires on this commit, if any. */
  static Optional<Breaking> find(Evidence evidence) {
    Optional<Breaking> prefix = evidence.title().prefix().filter(Title.Prefix::breaking)
        .map(p -> new Breaking(Rule.PREFIX, p.raw(), ""));
    if (prefix.isPresent()) {
      return prefix;
    }
    Matcher footer = FOOTER.matcher(evidence.commit().message());
    if (footer.find()) {
      return Optional.of(new Breaking(Rule.FOOTER, footer.group(), ""));
    }
    List<FileChange> files = evidence.changes().files();
    for (FileChange f : files) {
      if (f.status() == FileChange.Status.REMOVED && isPublicApi(f.path())) {
        return Optional.of(new Breaking(Rule.API_FILE_REMOVED, f.path(), ""));
      }
    }
    for (FileChange f : files) {
      if (f.status() == FileChange.Status.RENAMED && f.previousPath() != null
          && isPublicApi(f.previousPath())) {
        return Optional.of(new Breaking(Rule.API_FILE_RENAMED, f.previousPath(), f.path()));
      }
    }
    return removedFlag(files);
  }

  /** A shipped file whose path has a public API folder, or is named after one ({@code api.py}). */
  static boolean isPublicApi(String path) {
    if (!PathKind.of(path).shipped()) {
      return false;
    }
    String[] parts = path.toLowerCase(Locale.ROOT).split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (PUBLIC_API.contains(parts[i])) {
        return true;
      }
    }
    String name = parts[parts.length - 1];
    int dot = name.indexOf('.');
    return dot > 0 && PUBLIC_API.contains(name.substring(0, dot));
  }

  /**
   * A flag removed from where flags are defined: a removed diff line quotes it in a shipped file
   * whose patch defines flags, and no added line of the commit quotes it again (a flag moved or
   * reworded in place is no removal).
   */
  private static Optional<Breaking> removedFlag(List<FileChange> files) {
    Set<String> added = new HashSet<>();
    for (FileChange f : files) {
      for (String line : lines(f, '+')) {
        Matcher m = FLAG.matcher(line);
        while (m.find()) {
          added.add(m.group(1));
        }
      }
    }
    // Files in path order, flags in diff order: the same commit always names the same flag.
    List<FileChange> byPath = files.stream()
        .sorted(Comparator.comparing(FileChange::path)).toList();
    for (FileChange f : byPath) {
      if (!PathKind.of(f.path()).shipped() || f.patch() == null
          || !DEFINES_FLAGS.matcher(f.patch()).find()) {
        continue;
      }
      for (String line : lines(f, '-')) {
        Matcher m = FLAG.matcher(line);
        while (m.find()) {
          if (!added.contains(m.group(1))) {
            return Optional.of(new Breaking(Rule.FLAG_REMOVED, m.group(1), f.path()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The diff lines of a file that start with {@code sign}, without it. */
  private static List<String> lines(FileChange f, char sign) {
    if (f.patch() == null) {
      return List.of();
    }
    return f.patch().lines()
        .filter(l -> l.length() > 0 && l.charAt(0) == sign)
        .map(l -> l.substring(1)).toList();
  }
}
