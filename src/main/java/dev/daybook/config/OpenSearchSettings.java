package dev.daybook.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code search.opensearch*} settings of {@code site.properties}: where {@code daybook index}
 * writes and {@code daybook search --opensearch} reads, and the read-only address the search
 * page may query. Beside {@link SiteConfig}, as {@link LlmSettings} is, so the rest of the site
 * needs none of them. Credentials are never a setting (see README: {@code
 * DAYBOOK_OPENSEARCH_AUTH}); a URL that holds some is refused without being echoed.
 *
 * @param url the cluster Daybook writes to and searches, or null when none is configured
 * @param index the index's name
 * @param timeoutSeconds how long one HTTP request may take
 * @param publicUrl the cluster address the search page queries, read-only, or null: the page
 *     then searches its static index
 */
public record OpenSearchSettings(URI url, String index, int timeoutSeconds, URI publicUrl) {

  public static final String DEFAULT_INDEX = "daybook";

  /**
   * What an index may be named: the part of OpenSearch's rules that keeps a name safe in a URL
   * path (lower case, no '/', nothing that needs escaping).
   */
  public static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");

  public static OpenSearchSettings defaults() {
    return new OpenSearchSettings(null, DEFAULT_INDEX, 30, null);
  }

  /** Loads the keys of a file; a missing file gives the defaults. */
  public static OpenSearchSettings load(Path file) throws IOException {
    return from(SiteConfig.read(file), file.toString());
  }

  public static OpenSearchSettings from(Properties p, String source) {
    OpenSearchSettings d = defaults();
    URI url = url(p, source, "search.opensearch");
    String index = p.getProperty("search.opensearch-index", d.index()).strip();
    if (!INDEX_NAME.matcher(index).matches()) {
      throw SiteConfig.bad(source, "search.opensearch-index", index,
          "lower-case letters, digits, '.', '_', '-', starting with a letter or digit");
    }
    int timeout = SiteConfig.parseInt(source, "search.opensearch-timeout-seconds",
        p.getProperty("search.opensearch-timeout-seconds", String.valueOf(d.timeoutSeconds())),
        1, 3600);
    URI publicUrl = url(p, source, "search.opensearch-public");
    return new OpenSearchSettings(url, index, timeout, publicUrl);
  }

  /**
   * The URL the search page posts its queries to, {@code PUBLIC/INDEX/_search}, or null when no
   * {@code search.opensearch-public} is set.
   */
  public URI publicSearchUrl() {
    if (publicUrl == null) {
      return null;
    }
    String base = publicUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + index + "/_search");
  }

  private static URI url(Properties p, String source, String key) {
    String text = p.getProperty(key, "").strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.contains("@")) {
      throw new IllegalArgumentException(source + ": " + key + " must not hold credentials"
          + " (user:password@): set DAYBOOK_OPENSEARCH_AUTH instead; the value is not shown");
    }
    URI uri = SiteConfig.parseHttpUrl(source, key, text);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw SiteConfig.bad(source, key, text, "an http or https URL without a query or fragment");
    }
    return uri;
  }
}
