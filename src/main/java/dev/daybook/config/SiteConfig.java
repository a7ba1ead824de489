package dev.daybook.config;

import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The settings in {@code site.properties}. Every value is checked when loaded, and a bad one is
 * reported with the file and the key, so that a typo fails at once and not in the middle of a job.
 *
 * @param repos the repositories followed, sorted
 * @param zone the time zone that defines a report's day
 * @param apiUrl the GitHub REST API base URL (GitHub Enterprise: {@code https://host/api/v3})
 * @param bots authors counted as bots besides those whose name ends in {@code [bot]}, sorted
 * @param hideBots whether a day's page leaves bots' commits out of its commit table
 * @param watches the watch feeds ({@code watch.NAME=QUERY}), by name, sorted
 * @param facetsAtOnce up to how many commits the search page shows the facet counts with every
 *     query ({@code search.facets-at-once}); past it, when the reader asks
 */
public record SiteConfig(
    String title,
    Language language,
    String baseUrl,
    int pageSize,
    ZoneId zone,
    List<RepoId> repos,
    URI apiUrl,
    String analyzer,
    List<String> bots,
    boolean hideBots,
    Map<String, String> watches,
    int facetsAtOnce) {

  public static final String FILE_NAME = "site.properties";
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");
  /**
   * About a year and a half of a busy repository. The facets need each commit's code of severity
   * and types, about half a byte gzipped on real days: some 5 KB more for a first query there.
   */
  public static final int DEFAULT_FACETS_AT_ONCE = 10_000;

  public SiteConfig {
    repos = List.copyOf(new TreeSet<>(repos));
    bots = List.copyOf(new TreeSet<>(bots));
    watches = Collections.unmodifiableSortedMap(new TreeMap<>(watches));
  }

  /** A watch's name: it is a folder of the site ({@code watch/kernels/}). */
  private static final Pattern WATCH_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** The settings used when there is no {@code site.properties}. */
  public static SiteConfig defaults() {
    return new SiteConfig("Daybook", Language.ZH, "/", 50, DEFAULT_ZONE, List.of(),
        DEFAULT_API_URL, "rules", List.of(), false, Map.of(), DEFAULT_FACETS_AT_ONCE);
  }

  /** Loads a file; a missing file gives the defaults. */
  public static SiteConfig load(Path file) throws IOException {
    return from(read(file), file.toString());
  }

  /** The properties of a settings file as UTF-8; a missing file has none. */
  static Properties read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      // no file: every key takes its default
    }
    return properties;
  }

  /** Reads settings from properties; {@code source} names them in error messages. */
  public static SiteConfig from(Properties p, String source) {
    SiteConfig d = defaults();
    String title = p.getProperty("site.title", d.title()).strip();
    Language language = Language.fromKey(p.getProperty("site.locale", d.language().key()))
        .orElseThrow(() -> bad(source, "site.locale", p.getProperty("site.locale"), "zh or en"));
    String baseUrl = p.getProperty("site.base-url", d.baseUrl()).strip();
    int pageSize = parseInt(source, "site.page-size",
        p.getProperty("site.page-size", String.valueOf(d.pageSize())), 1, 10_000);
    ZoneId zone;
    String zoneText = p.getProperty("report.timezone", d.zone().getId()).strip();
    try {
      zone = ZoneId.of(zoneText);
    } catch (DateTimeException e) {
      throw bad(source, "report.timezone", zoneText, "a time zone such as Asia/Shanghai or UTC");
    }
    List<RepoId> repos = new ArrayList<>();
    for (String part : p.getProperty("repos", "").split(",")) {
      if (!part.isBlank()) {
        try {
          repos.add(RepoId.parse(part));
        } catch (IllegalArgumentException e) {
          throw bad(source, "repos", part.strip(), "owner/name, comma-separated");
        }
      }
    }
    URI apiUrl = parseHttpUrl(source, "github.api-url",
        p.getProperty("github.api-url", d.apiUrl().toString()).strip());
    String analyzer = p.getProperty("analyzer", d.analyzer()).strip();
    // Author names, as the reports write them; a name may hold blanks but not a comma.
    List<String> bots = new ArrayList<>();
    for (String part : p.getProperty("site.bots", "").split(",")) {
      if (!part.isBlank()) {
        bots.add(part.strip());
      }
    }
    String hide = p.getProperty("site.hide-bots", "false").strip();
    if (!hide.equals("true") && !hide.equals("false")) {
      throw bad(source, "site.hide-bots", hide, "true or false");
    }
    // Each watch.NAME=QUERY; the query is read when the site is built, against its archive.
    Map<String, String> watches = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("watch.")) {
        String name = key.substring("watch.".length());
        if (!WATCH_NAME.matcher(name).matches()) {
          throw bad(source, key, name, "a watch name of lower-case letters, digits and '-'");
        }
        String query = p.getProperty(key).strip();
        if (query.isEmpty()) {
          throw bad(source, key, query, "a search query, e.g. path:src/api severity:high");
        }
        watches.put(name, query);
      }
    }
    int facetsAtOnce = parseInt(source, "search.facets-at-once",
        p.getProperty("search.facets-at-once", String.valueOf(d.facetsAtOnce())), 0,
        100_000_000);
    return new SiteConfig(title, language, baseUrl, pageSize, zone, repos, apiUrl, analyzer,
        bots, hide.equals("true"), watches, facetsAtOnce);
  }

  /** Parses an http(s) URL or fails naming the setting. */
  public static URI parseHttpUrl(String source, String key, String text) {
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw bad(source, key, text, "an http or https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw bad(source, key, text, "an http or https URL");
    }
  }

  /** Reads a whole number in a range, or fails naming the file, the key and the value. */
  static int parseInt(String source, String key, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(source, key, text, "a whole number from " + min + " to " + max);
  }

  /** The one error for a bad setting: file, key, value and what was expected. */
  static IllegalArgumentException bad(
      String source, String key, String value, String expected) {
    return new IllegalArgumentException(
        source + ": " + key + ": '" + value + "' is not valid (expected " + expected + ")");
  }
}
