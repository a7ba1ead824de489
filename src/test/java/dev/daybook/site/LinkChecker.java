package dev.daybook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks the links of a baked site on disk, the way a browser would follow them: every internal
 * {@code href}/{@code src} of every {@code .html} page must name a file of the site (a folder link
 * {@code …/} names its {@code index.html}), and a {@code #fragment} must name an element with that
 * {@code id} (or an {@code <a name>}) in the target page. Web and mail links are not followed but
 * collected; {@code javascript:}, {@code data:} and {@code vbscript:} links are always broken, as is
 * any other scheme.
 *
 * <p>Pages link relatively, so the site works at the root of a host and under a sub-path. The pages
 * named as <em>served at any depth</em> (the 404 page, which GitHub Pages serves for every missing
 * path) must instead use root-absolute paths that start with the base path; those are resolved
 * against it.
 */
final class LinkChecker {

  /** Attributes that hold a URL a browser may load or navigate to. */
  static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction",
      "poster", "data", "cite", "background", "xlink:href");

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Set<String> DANGEROUS = Set.of("javascript", "data", "vbscript");
  private static final Set<String> EXTERNAL = Set.of("http", "https", "mailto");

  /** One link that does not lead where it should. */
  record Broken(String page, String link, String why) {
    @Override
    public String toString() {
      return page + ": '" + link + "' " + why;
    }
  }

  /**
   * What a check found.
   *
   * @param pages the HTML pages checked, sorted
   * @param internal how many internal links were followed
   * @param external the web and mail links seen, not followed
   * @param duplicateIds ids given to more than one element of a page, as {@code page#id}
   */
  record Result(List<String> pages, int internal, SortedSet<String> external,
      List<Broken> broken, List<String> duplicateIds) {}

  private final Path site;
  private final String basePath;
  private final Set<String> servedAtAnyDepth;
  private final Map<String, Set<String>> anchors = new HashMap<>();

  /**
   * @param site the output folder
   * @param basePath the path the site is served under, e.g. {@code /} or {@code /project/}
   * @param servedAtAnyDepth pages, relative to the site root, whose links are root-absolute
   */
  LinkChecker(Path site, String basePath, Set<String> servedAtAnyDepth) {
    if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
      throw new IllegalArgumentException("a base path starts and ends with /: " + basePath);
    }
    this.site = site;
    this.basePath = basePath;
    this.servedAtAnyDepth = servedAtAnyDepth;
  }

  Result check() throws IOException {
    List<String> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".html")).sorted().toList();
    }
    int internal = 0;
    SortedSet<String> external = new TreeSet<>();
    List<Broken> broken = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    for (String page : pages) {
      Document doc = parse(page);
      Set<String> seen = new HashSet<>();
      for (Element e : doc.select("[id]")) {
        if (!seen.add(e.id())) {
          duplicates.add(page + "#" + e.id());
        }
      }
      // A <base href> is where the page's other links start from, as in a browser; its own
      // href starts from the page.
      Element baseElement = doc.selectFirst("base[href]");
      String from = "/" + page;
      if (baseElement != null) {
        try {
          from = new URI("http", "site", from, null)
              .resolve(new URI(baseElement.attr("href").strip())).getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
          broken.add(new Broken(page, baseElement.attr("href"), "is not a valid base URL"));
        }
      }
      for (Element e : doc.getAllElements()) {
        for (String attribute : URL_ATTRIBUTES) {
          if (!e.hasAttr(attribute)) {
            continue;
          }
          String link = e.attr(attribute);
          String why = follow(page, e == baseElement ? "/" + page : from, link, external);
          if (why == null) {
            internal += isExternal(link) ? 0 : 1;
          } else {
            broken.add(new Broken(page, link, why + " (<" + e.tagName() + " " + attribute + ">)"));
          }
        }
      }
    }
    return new Result(pages, internal, external, broken, duplicates);
  }

  /**
   * Follows one link from a page; {@code null} when it leads somewhere, else why not.
   *
   * @param from the path the link starts from: the page's, or its base's
   */
  private String follow(String page, String from, String link, Set<String> external) {
    // Browsers drop leading/trailing spaces and controls and tabs/newlines anywhere before they
    // look at the scheme; "java\tscript:" is still javascript.
    String compact = link.replaceAll("[\\x00-\\x20\\x7f\\u00a0\\u2028\\u2029]", "");
    Matcher scheme = SCHEME.matcher(compact);
    if (scheme.find()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (DANGEROUS.contains(name)) {
        return "is a " + name + ": link";
      }
      if (EXTERNAL.contains(name)) {
        external.add(link.strip());
        return null;
      }
      return "has an unexpected scheme " + name + ":";
    }
    if (compact.startsWith("//")) {
      external.add(link.strip());
      return null;
    }
    String value = link.strip();
    int hash = value.indexOf('#');
    String path = hash < 0 ? value : value.substring(0, hash);
    String fragment = hash < 0 ? null : value.substring(hash + 1);
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String target;
    try {
      if (path.startsWith("/")) {
        if (!servedAtAnyDepth.contains(page)) {
          return "is root-absolute: it breaks when the site is served under a sub-path";
        }
        if (!path.startsWith(basePath)) {
          return "is outside the base path " + basePath;
        }
        target = "/" + decode(path.substring(basePath.length()));
      } else if (path.isEmpty()) {
        target = from;
      } else {
        if (servedAtAnyDepth.contains(page)) {
          return "is relative on a page served at any depth";
        }
        target = new URI("http", "site", from, null).resolve(new URI(path)).getPath();
      }
      if (fragment != null) {
        fragment = decode(fragment);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "is not a valid URL: " + e.getMessage();
    }
    if (target.startsWith("/..") || target.contains("/../")) {
      return "leads out of the site";
    }
    String file = target.substring(1);
    if (file.isEmpty() || file.endsWith("/")) {
      file = file + "index.html";
    }
    Path resolved = site.resolve(file).normalize();
    if (!resolved.startsWith(site.normalize())) {
      return "leads out of the site";
    }
    if (!Files.isRegularFile(resolved)) {
      return Files.isDirectory(resolved) ? "names a folder without a trailing /"
          : "names " + file + ", which does not exist";
    }
    if (fragment != null && !fragment.isEmpty()) {
      if (!file.endsWith(".html")) {
        return "has a fragment into " + file + ", which is not a page";
      }
      if (!anchors(file).contains(fragment)) {
        return "names #" + fragment + ", which is no id in " + file;
      }
    }
    return null;
  }

  private static boolean isExternal(String link) {
    String compact = link.replaceAll("[\\x00-\\x20\\x7f]", "");
    return SCHEME.matcher(compact).find() || compact.startsWith("//");
  }

  private static String decode(String part) throws URISyntaxException {
    return new URI("x:/#" + part).getFragment();
  }

  private Set<String> anchors(String page) {
    return anchors.computeIfAbsent(page, p -> {
      Document doc = parse(p);
      Set<String> ids = new LinkedHashSet<>();
      doc.select("[id]").forEach(e -> ids.add(e.id()));
      doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
      return ids;
    });
  }

  private Document parse(String page) {
    try {
      return Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
