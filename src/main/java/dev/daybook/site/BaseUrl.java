package dev.daybook.site;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the site is served: an absolute URL such as {@code https://user.github.io/project/}, or
 * just a path such as {@code /}. Pages never need it (their links are relative); feeds, the
 * sitemap and the 404 page, which GitHub Pages serves at any depth, do.
 *
 * @param url the configured value, ending with {@code /}
 */
public record BaseUrl(String url) {

  public BaseUrl {
    if (!url.endsWith("/")) {
      url = url + "/";
    }
  }

  /** Parses a base URL; the message of the exception names the bad value. */
  public static BaseUrl parse(String text) {
    String value = text.strip();
    try {
      URI uri = new URI(value.isEmpty() ? "/" : value);
      boolean absolute = uri.getScheme() != null;
      if (absolute && !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || absolute && uri.getHost() == null
          || !absolute && (uri.getPath() == null || !uri.getPath().startsWith("/"))
          || uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalArgumentException("base URL '" + text + "' must be an http(s) URL or a"
            + " path starting with /, without query or fragment");
      }
      return new BaseUrl(uri.toString());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("base URL '" + text + "' is not a URL: " + e.getReason());
    }
  }

  /** The path part, e.g. {@code /project/}. */
  public String path() {
    URI uri = URI.create(url);
    return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
  }

  /** The URL of a site path, e.g. {@code https://user.github.io/project/feed.xml}. */
  public String resolve(String sitePath) {
    return url + sitePath;
  }

  public boolean isAbsolute() {
    return URI.create(url).getScheme() != null;
  }
}
