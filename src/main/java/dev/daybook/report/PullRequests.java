package dev.daybook.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pull request numbers ({@code #18155}) in a report, and where they link: the pull request (or
 * issue: GitHub redirects) of the repository a commit's own link names.
 */
final class PullRequests {

  // A commit's page on GitHub: its repository's pull requests are beside it.
  private static final Pattern COMMIT_URL = Pattern.compile(
      "(https://[A-Za-z0-9.-]+/[A-Za-z0-9._-]+/[A-Za-z0-9._-]+)/commit/[0-9a-f]{7,40}");

  /** "#18155": not after a letter, a digit, '&', '#' or a backslash (C#12, &#38;, \#3). */
  static final Pattern NUMBER = Pattern.compile("(?<![\\\\\\w&#])#(\\d{1,7})\\b");

  private PullRequests() {}

  /** The repository's address from a commit's link, or null when it is no GitHub commit link. */
  static String repository(String commitUrl) {
    if (commitUrl == null) {
      return null;
    }
    Matcher m = COMMIT_URL.matcher(commitUrl);
    return m.matches() ? m.group(1) : null;
  }

  /** Where number {@code n} of a repository links. */
  static String link(String repository, String n) {
    return repository + "/pull/" + n;
  }
}
