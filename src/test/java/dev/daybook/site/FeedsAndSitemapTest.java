package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.build.SiteBuilder;
import dev.daybook.model.ChangeType;
import dev.daybook.model.Language;
import java.io.IOException;
import java.net.URI;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The feeds are Atom and the sitemap is a sitemap: well-formed XML in the right namespace, with the
 * elements readers and crawlers need, every URL absolute under the base URL and leading to a page
 * of the site.
 */
class FeedsAndSitemapTest {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  // RFC 3339 date-time: a full date, a full time and an offset (Z or ±hh:mm).
  static final Pattern RFC_3339 = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  static Document parseXml(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return parseXml(in);
    }
  }

  /** Parses XML as a feed reader would, from its bytes; throws on anything not well-formed. */
  static Document parseXml(InputStream bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(bytes);
  }

  static List<Element> children(Element parent, String ns, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ns.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  static String only(Element parent, String name) {
    List<Element> found = children(parent, ATOM, name);
    assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
    return found.get(0).getTextContent();
  }

  /** The alternate link of a feed or entry: rel="alternate" or no rel (RFC 4287 §4.2.7.2). */
  static String alternate(Element parent) {
    List<String> hrefs = children(parent, ATOM, "link").stream()
        .filter(l -> !l.hasAttribute("rel") || l.getAttribute("rel").equals("alternate"))
        .map(l -> l.getAttribute("href")).toList();
    assertThat(hrefs).as("alternate link of <%s>", parent.getLocalName()).hasSize(1);
    assertThat(hrefs.get(0)).isNotBlank();
    return hrefs.get(0);
  }

  static void assertRfc3339(String value, String what) {
    assertThat(value).as(what).matches(RFC_3339);
    OffsetDateTime.parse(value); // a real date and time, not 2026-02-30T25:00:00Z
  }

  static List<String> feeds(Path site) throws IOException {
    return Bakes.files(site).stream().filter(f -> f.equals("feed.xml")
        || f.matches("repos/[^/]+/[^/]+/feed\\.xml") || f.matches("severity/[^/]+/feed\\.xml")
        || f.matches("type/[^/]+/feed\\.xml")
        || f.matches("(repos/[^/]+/[^/]+/)?(weekly|monthly)/feed\\.xml")
        || f.equals("breaking/feed.xml") || f.matches("watch/[^/]+/feed\\.xml"))
        .toList();
  }

  /** Checks one Atom feed; returns its entries' alternate links. */
  static List<String> checkAtom(Path site, String feed, String baseUrl) throws Exception {
    Document doc = parseXml(site.resolve(feed));
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).as(feed).isEqualTo("feed");
    assertThat(root.getNamespaceURI()).as(feed).isEqualTo(ATOM);
    assertThat(only(root, "title")).as(feed + " title").isNotBlank();
    assertThat(only(root, "id")).as(feed + " id").isNotBlank();
    assertRfc3339(only(root, "updated"), feed + " updated");
    String self = children(root, ATOM, "link").stream()
        .filter(l -> l.getAttribute("rel").equals("self")).map(l -> l.getAttribute("href"))
        .findFirst().orElse(null);
    assertThat(self).as(feed + " self link").isEqualTo(baseUrl + feed);
    alternate(root);
    Set<String> ids = new HashSet<>();
    List<String> links = new ArrayList<>();
    List<Element> entries = children(root, ATOM, "entry");
    for (Element entry : entries) {
      String id = only(entry, "id");
      assertThat(ids.add(id)).as("%s: entry id %s is unique", feed, id).isTrue();
      assertThat(only(entry, "title")).as(feed + " entry title").isNotBlank();
      assertRfc3339(only(entry, "updated"), feed + " entry " + id + " updated");
      links.add(alternate(entry));
    }
    return links;
  }

  @Test
  void everyFeedIsAtomWithIdTitleDateAndLinkPerEntryAndUniqueIdsUnderASubPath() throws Exception {
    Path site = Bakes.shipped(Bakes.SUB_PATH);
    List<String> feeds = feeds(site);
    List<String> expected = new ArrayList<>(List.of("feed.xml",
        "repos/sgl-project/sglang/feed.xml", "severity/high/feed.xml", "severity/medium/feed.xml",
        "severity/low/feed.xml", "weekly/feed.xml", "monthly/feed.xml",
        "breaking/feed.xml"));
    for (ChangeType t : ChangeType.values()) {
      expected.add("type/" + t.key() + "/feed.xml");
    }
    assertThat(feeds).containsExactlyInAnyOrderElementsOf(expected);
    int entries = 0;
    for (String feed : feeds) {
      List<String> links = checkAtom(site, feed, Bakes.SUB_PATH);
      entries += links.size();
      for (String link : links) {
        assertLeadsToAPage(site, Bakes.SUB_PATH, link, feed);
      }
      Document doc = parseXml(site.resolve(feed));
      for (Element id : children(doc.getDocumentElement(), ATOM, "id")) {
        assertThat(URI.create(id.getTextContent()).isAbsolute()).as(feed + " id is an IRI").isTrue();
      }
    }
    assertThat(entries).as("entries of all feeds").isGreaterThan(100);
  }

  @Test
  void everyFeedIsWellFormedAtomWhenTheSiteIsAtTheRoot() throws Exception {
    Path site = Bakes.shipped(Bakes.ROOT);
    List<String> feeds = feeds(site);
    // The site's, the repository's, 3 severities', the digests' 2, breaking, each type's.
    assertThat(feeds).hasSize(5 + 2 + 1 + ChangeType.values().length);
    for (String feed : feeds) {
      checkAtom(site, feed, Bakes.ROOT);
    }
  }

  @Test
  void theSiteFeedHasOneEntryPerReportNewestFirst() throws Exception {
    Path site = Bakes.shipped(Bakes.SUB_PATH);

    List<String> links = checkAtom(site, "feed.xml", Bakes.SUB_PATH);

    assertThat(links).containsExactly(
        Bakes.SUB_PATH + "reports/2026/02/2026-02-08.html",
        Bakes.SUB_PATH + "reports/2026/02/2026-02-07.html",
        Bakes.SUB_PATH + "reports/2026/02/2026-02-06.html",
        Bakes.SUB_PATH + "reports/2026/02/2026-02-05.html",
        Bakes.SUB_PATH + "reports/2026/02/2026-02-04.html",
        Bakes.SUB_PATH + "reports/2026/02/2026-02-03.html",
        Bakes.SUB_PATH + "reports/2026/02/2026-02-02.html");
  }

  /** A URL of the site maps to a file of the output, and its fragment to an id in that page. */
  static void assertLeadsToAPage(Path site, String baseUrl, String url, String where)
      throws IOException {
    assertThat(url).as(where).startsWith(baseUrl);
    String rest = url.substring(baseUrl.length());
    int hash = rest.indexOf('#');
    String path = hash < 0 ? rest : rest.substring(0, hash);
    String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    assertThat(site.resolve(file)).as("%s: %s", where, url).isRegularFile();
    if (hash >= 0) {
      org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(site.resolve(file).toFile(), "UTF-8");
      assertThat(page.getElementById(rest.substring(hash + 1))).as("%s: %s", where, url)
          .isNotNull();
    }
  }

  static List<String> sitemapUrls(Path site) throws Exception {
    Document doc = parseXml(site.resolve("sitemap.xml"));
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("urlset");
    assertThat(root.getNamespaceURI()).isEqualTo(SITEMAP);
    List<String> locs = new ArrayList<>();
    for (Element url : children(root, SITEMAP, "url")) {
      List<Element> loc = children(url, SITEMAP, "loc");
      assertThat(loc).hasSize(1);
      locs.add(loc.get(0).getTextContent());
      for (Element lastmod : children(url, SITEMAP, "lastmod")) {
        assertThat(lastmod.getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}");
      }
    }
    return locs;
  }

  @Test
  void theSitemapListsAbsoluteUrlsUnderTheBaseUrlOfPagesThatExist() throws Exception {
    Path site = Bakes.shipped(Bakes.SUB_PATH);

    List<String> urls = sitemapUrls(site);

    assertThat(urls).doesNotHaveDuplicates().isNotEmpty();
    for (String url : urls) {
      assertThat(URI.create(url).isAbsolute()).as(url).isTrue();
      assertLeadsToAPage(site, Bakes.SUB_PATH, url, "sitemap.xml");
    }
    assertThat(urls).doesNotContain(Bakes.SUB_PATH + "404.html");
  }

  @Test
  void theSitemapListsEveryPageOfTheSiteButTheNotFoundPage() throws Exception {
    Path site = Bakes.shipped(Bakes.SUB_PATH);
    List<String> expected = new ArrayList<>();
    for (String file : Bakes.files(site)) {
      if (file.endsWith(".html") && !file.equals("404.html")) {
        expected.add(Bakes.SUB_PATH + (file.endsWith("index.html")
            ? file.substring(0, file.length() - "index.html".length()) : file));
      }
    }

    List<String> urls = sitemapUrls(site);

    assertThat(urls).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(urls).filteredOn(u -> u.endsWith(".html") && u.contains("/reports/")).hasSize(7);
    assertThat(urls).contains(Bakes.SUB_PATH + "reports/2026/", Bakes.SUB_PATH + "reports/2026/02/",
        Bakes.SUB_PATH + "type/bugfix/");
  }

  /** A draft page is not published, so the sitemap does not list it either. */
  @Test
  void aDraftPageIsNeitherBakedNorInTheSitemap(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path content = dir.resolve("content");
    Path day = content.resolve("reports/2026/02/2026-02-07.md");
    Files.createDirectories(day.getParent());
    Files.copy(Bakes.SHIPPED_CONTENT.resolve("reports/2026/02/2026-02-07.md"), day);
    Files.writeString(content.resolve("about.md"), Files.readString(
        Bakes.SHIPPED_CONTENT.resolve("about.md")).replace("status=published", "status=draft"));
    Path site = dir.resolve("output");
    Bakes.bake(content, site, Bakes.SUB_PATH);

    assertThat(site.resolve("about.html")).doesNotExist();
    assertThat(sitemapUrls(site)).isNotEmpty()
        .doesNotContain(Bakes.SUB_PATH + "about.html")
        .contains(Bakes.SUB_PATH + "reports/2026/02/2026-02-07.html");
  }

  /** The entry of a day in the site's feed, by its date. */
  static Element dayEntry(Path site, String date) throws Exception {
    Element root = parseXml(site.resolve("feed.xml")).getDocumentElement();
    return children(root, ATOM, "entry").stream()
        .filter(e -> alternate(e).endsWith(date + ".html")).findFirst().orElseThrow();
  }

  /** The content of an entry, which must be HTML carried as text. */
  static org.jsoup.nodes.Document htmlContent(Element entry) {
    List<Element> content = children(entry, ATOM, "content");
    assertThat(content).as("<content>").hasSize(1);
    assertThat(content.get(0).getAttribute("type")).isEqualTo("html");
    assertThat(children(content.get(0), ATOM, "p")).isEmpty();
    return org.jsoup.Jsoup.parseBodyFragment(content.get(0).getTextContent());
  }

  @Test
  void aDayEntrySaysItsCountsInASentenceAndListsItsCommitsAsHtml() throws Exception {
    Path site = Bakes.shipped(Bakes.SUB_PATH);

    Element day = dayEntry(site, "2026-02-08");
    Element days = dayEntry(site, "2026-02-02");

    // 9 commits: 1 high, 7 medium, 1 low; 2026-02-02 has no high one, which is left out.
    assertThat(only(day, "summary")).isEqualTo("本日共 9 个提交：🔴 高 1，🟡 中 7，🟢 低 1。");
    assertThat(only(days, "summary")).isEqualTo("本日共 21 个提交：🟡 中 10，🟢 低 11。");
    org.jsoup.nodes.Document html = htmlContent(day);
    assertThat(html.select("p").text()).isEqualTo(only(day, "summary"));
    assertThat(html.select("li")).hasSize(9);
    for (org.jsoup.nodes.Element link : html.select("li a")) {
      assertLeadsToAPage(site, Bakes.SUB_PATH, link.attr("href"), "feed.xml");
    }
    // The high one first, then the medium ones, the low one last.
    assertThat(html.select("li").eachText()).first().asString()
        .startsWith("🔴 高 sgl-project/sglang: ");
    assertThat(html.select("li").eachText()).last().asString()
        .startsWith("🟢 低 sgl-project/sglang: ");
  }

  @Test
  void aCommitEntryHasItsSummaryAsHtmlAndItsPlaceInTheArchive() throws Exception {
    Path site = Bakes.shipped(Bakes.SUB_PATH);
    Element feed = parseXml(site.resolve("severity/high/feed.xml")).getDocumentElement();

    for (Element entry : children(feed, ATOM, "entry")) {
      org.jsoup.nodes.Document html = htmlContent(entry);
      // The summary is its text on one line, cut at 400 characters.
      assertThat(html.text().replaceAll("\\s", "")).as(alternate(entry))
          .contains(only(entry, "summary").replaceAll("…$", "").replaceAll("\\s", ""));
      assertThat(html.select("a[href=" + alternate(entry) + "]")).hasSize(1);
    }
  }

  @Test
  void anEnglishSiteSaysTheCountsOfADayInEnglish(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("output");
    new SiteBuilder().build(new SiteBuilder.Options(Bakes.SHIPPED_CONTENT, Bakes.TEMPLATES,
        Bakes.ASSETS, out, BaseUrl.parse(Bakes.SUB_PATH), "Daybook", Language.EN,
        ZoneId.of("Asia/Shanghai"), 50));

    assertThat(only(dayEntry(out, "2026-02-08"), "summary"))
        .isEqualTo("9 commits: 🔴 High 1, 🟡 Medium 7, 🟢 Low 1.");
    assertThat(only(dayEntry(out, "2026-02-02"), "summary"))
        .isEqualTo("21 commits: 🟡 Medium 10, 🟢 Low 11.");
  }

  @Test
  void robotsNamesTheSitemapWhenTheBaseUrlIsAbsolute() throws IOException {
    String robots = Files.readString(Bakes.shipped(Bakes.SUB_PATH).resolve("robots.txt"));

    assertThat(robots.lines()).contains("User-agent: *",
        "Sitemap: https://user.github.io/project/sitemap.xml");
  }

  @Test
  void robotsNamesNoSitemapWhenTheBaseUrlIsOnlyAPath() throws IOException {
    // A Sitemap line must be a full URL; with only a path there is none to give.
    String robots = Files.readString(Bakes.shipped(Bakes.ROOT).resolve("robots.txt"));

    assertThat(robots.lines()).contains("User-agent: *").noneMatch(l -> l.startsWith("Sitemap"));
  }
}
