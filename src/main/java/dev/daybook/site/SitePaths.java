package dev.daybook.site;

import dev.daybook.model.ChangeType;
import dev.daybook.model.RepoId;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The site's URL scheme (DESIGN.md §6), as paths relative to the site root. A path ending in
 * {@code /} is a folder page, written as {@code index.html} inside it. Pages link to each other with
 * relative paths, so the site works at the root of a host and under any sub-path.
 */
public final class SitePaths {

  public static final String HOME = "";
  public static final String FEED = "feed.xml";
  public static final String SITEMAP = "sitemap.xml";
  public static final String NOT_FOUND = "404.html";
  public static final String ROBOTS = "robots.txt";
  public static final String ABOUT = "about.html";
  public static final String STYLESHEET = "css/daybook.css";
  public static final String SEARCH = "search.html";
  public static final String SEARCH_SCRIPT = "js/search.js";
  /** The search page's translation of its queries for OpenSearch, loaded only when it asks one. */
  public static final String OPENSEARCH_SCRIPT = "js/search-opensearch.js";
  /** The small script of every page: {@code /} focuses the search box; a list's date jump. */
  public static final String SITE_SCRIPT = "js/site.js";
  public static final String FAVICON = "favicon.svg";
  /** The folder of the static search index. */
  public static final String SEARCH_DATA = "search";

  private SitePaths() {}

  /** {@code reports/2026/02/2026-02-06.html} ({@link ReportPaths#page}) */
  public static String report(LocalDate date) {
    return ReportPaths.page(date);
  }

  /** {@code reports/2026/}: the calendar of a year. */
  public static String year(int year) {
    return "reports/" + fourDigits(year) + "/";
  }

  /** {@code reports/2026/02/}: a month, beside the reports of its days. */
  public static String month(YearMonth month) {
    String m = Integer.toString(month.getMonthValue());
    return year(month.getYear()) + (m.length() == 1 ? "0" + m : m) + "/";
  }

  private static String fourDigits(int year) {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("a report date needs a four-digit year: " + year);
    }
    return Integer.toString(year);
  }

  /**
   * {@code repos/sgl-project/sglang/}: the page of a repository's commits, the newest ones; the
   * search finds the older ones ({@link #searchNewestFirst}).
   */
  public static String repo(RepoId repo) {
    return "repos/" + repo.owner() + "/" + repo.name() + "/";
  }

  public static String repoFeed(RepoId repo) {
    return repo(repo) + "feed.xml";
  }

  /** {@code severity/high/}: the page of a severity's commits, the newest ones. */
  public static String severity(Severity severity) {
    return "severity/" + severity.key() + "/";
  }

  public static String severityFeed(Severity severity) {
    return severity(severity) + "feed.xml";
  }

  /** {@code type/bugfix/}: the page of a change type's commits, the newest ones. */
  public static String type(ChangeType type) {
    return "type/" + type.key() + "/";
  }

  public static String typeFeed(ChangeType type) {
    return type(type) + "feed.xml";
  }

  /** {@code breaking/}: the page of the commits marked breaking, every one. */
  public static final String BREAKING = "breaking/";

  public static final String BREAKING_FEED = BREAKING + "feed.xml";

  /** {@code watch/kernels/}: the page of a watch's commits ({@code watch.kernels=...}). */
  public static String watch(String name) {
    return "watch/" + name + "/";
  }

  public static String watchFeed(String name) {
    return watch(name) + "feed.xml";
  }

  /**
   * {@code weekly/}, {@code monthly/}: the digests of every week or month, newest first; a
   * repository's are under its folder ({@code repos/sgl-project/sglang/weekly/}).
   *
   * @param repo the repository, or null for the whole archive's
   */
  static String digests(RepoId repo, Period.Kind kind) {
    return (repo == null ? "" : repo(repo)) + kind.key() + "/";
  }

  /** {@code weekly/2026-W06/}, {@code monthly/2026-02/}, or under a repository's folder. */
  static String digest(RepoId repo, Period period) {
    if (period.year() < 1000 || period.year() > 9999) {
      throw new IllegalArgumentException("a report date needs a four-digit year: "
          + period.first());
    }
    return digests(repo, period.kind()) + period.id() + "/";
  }

  /**
   * Whether a site path is a digest's (a page, list or feed under {@code weekly/} or
   * {@code monthly/}, the archive's or a repository's): for the digests' share of a site.
   */
  public static boolean isDigest(String path) {
    String rest = path;
    if (rest.startsWith("repos/")) {
      String[] parts = rest.split("/", 4); // repos, owner, name, the path in the repository's
      if (parts.length < 4) {
        return false;
      }
      rest = parts[3];
    }
    for (Period.Kind kind : Period.Kind.values()) {
      if (rest.startsWith(kind.key() + "/")) {
        return true;
      }
    }
    return false;
  }

  /** {@code weekly/feed.xml}, {@code monthly/feed.xml}, or under a repository's folder. */
  static String digestFeed(RepoId repo, Period.Kind kind) {
    return digests(repo, kind) + "feed.xml";
  }

  /**
   * {@code search.html?q=...&sort=date}: the search page with a query, its results newest first
   * (where a list's page sends its older commits).
   */
  static String searchNewestFirst(String query) {
    return SEARCH + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&sort=date";
  }

  /** The file a path is written to: folder pages get {@code index.html}. */
  public static String file(String path) {
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }

  /** The prefix that leads from a page back to the site root, e.g. {@code ../../../}. */
  public static String root(String fromPath) {
    String file = file(fromPath);
    int depth = (int) file.chars().filter(c -> c == '/').count();
    return "../".repeat(depth);
  }
}
