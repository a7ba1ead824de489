package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.ReportParser;
import dev.daybook.report.ReportWriter;
import dev.daybook.text.XmlChars;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Regression: one commit whose title held U+FFFF made every Atom feed that listed it invalid XML,
 * which feed readers reject whole. Whatever a report holds (control characters, U+FFFE, U+FFFF,
 * half a surrogate pair), and whatever the pages beside it or the site's title hold, every page
 * the renderers hand out holds only characters XML allows: the feeds and sitemap parse with the
 * JDK's XML parser, and the others hold U+FFFD in their place.
 *
 * <p>The report is rendered from a file the archive reader would refuse ({@code check} names
 * such characters, and {@code build} stops on them): the site does not rely on that.
 */
class CharactersXmlRefusesTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  static final RepoId REPO = RepoId.parse("odd/chars");
  static final String SHA = "abcdef0123456789abcdef0123456789abcdef01";

  // Each stands in the written report for text that holds characters XML does not allow.
  static final Map<String, String> ODD = Map.of(
      "TITLEMARK", "bad\uFFFF title\u0007 and \uD800 alone",
      "AUTHORMARK", "Ann\uFFFE \u001B[31mRed",
      "PATHMARK", "src/odd\uFFFF\u0001dir/file.py",
      "BODYMARK", "a body with \uFFFF, NUL \u0000, a form feed \u000C and \uDC00 alone");

  @TempDir
  static Path dir;
  static final Map<String, String> pages = new ConcurrentHashMap<>();

  static DailyReport placeholders() {
    Analysis analysis = new Analysis(Severity.HIGH, List.of(ChangeType.BUGFIX), null,
        "Summary: BODYMARK.", "- Touches `PATHMARK`",
        Items.of(List.of(new Insight(null, "BODYMARK"))), Items.none(), Items.none(),
        "BODYMARK.",
        List.of("title: TITLEMARK"), false);
    ReportedCommit commit = new ReportedCommit(SHA, "https://github.com/odd/chars/commit/" + SHA,
        DAY.atTime(12, 0).atZone(ZONE).toInstant(), "AUTHORMARK", "TITLEMARK", analysis);
    return new DailyReport(DAY, ZONE, List.of(new RepoSection(REPO, List.of(commit))));
  }

  @BeforeAll
  static void render() throws Exception {
    // As a report written before Daybook replaced such characters, or edited by hand.
    String text = new ReportWriter(Language.EN).write(placeholders());
    for (Map.Entry<String, String> odd : ODD.entrySet()) {
      text = text.replace(odd.getKey(), odd.getValue());
    }
    Path content = dir.resolve("content");
    Path file = content.resolve("reports/2026/03/2026-03-02.md");
    Files.createDirectories(file.getParent());
    // A file cannot hold half a surrogate pair (UTF-8 has none): its bytes have '?' there. The
    // parsed report, which the feeds are made from, keeps them.
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);
    Files.writeString(content.resolve("about.md"), "title=About \uFFFF\ntype=page\n"
        + "status=published\n~~~~~~\n\n# About \u0002 this\n\nText \uFFFE here.\n");
    ParsedReport parsed = new ReportParser(ZONE).parse(file, text, true);
    SortedMap<LocalDate, ArchiveReader.Source> reports = new TreeMap<>(Map.of(DAY,
        new ArchiveReader.Source(file, "reports/2026/03/2026-03-02.md",
            ArchiveReader.digest(bytes), parsed.orThrow(), parsed::page)));
    SiteRenderer.Settings settings = new SiteRenderer.Settings(content, Bakes.TEMPLATES,
        Bakes.ASSETS, BaseUrl.parse(Bakes.SUB_PATH), "Day\u0007book\uFFFF", Language.EN, 20, List.of());
    Path work = dir.resolve("work");
    Files.createDirectories(work);
    SiteRenderer renderer = new SiteRenderer(settings, reports, work);
    Pages memory = new Pages() {
      @Override
      public boolean page(String path, String key, Maker make) throws java.io.IOException,
          SiteException {
        String page = make.make();
        if (page != null) {
          pages.put(path, page);
        }
        return page != null;
      }

      @Override
      public void file(String path, byte[] bytes) {
        pages.put(path, new String(bytes, StandardCharsets.UTF_8));
      }
    };
    renderer.reportPages(memory);
    renderer.otherPages(memory);
  }

  static Document parseXml(String xml) throws Exception {
    // From the bytes the site is written as: the parser reads the encoding declared.
    return FeedsAndSitemapTest.parseXml(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theReportPageListsAndFeedsAreThere() {
    assertThat(pages).containsKeys("reports/2026/03/2026-03-02.html", "about.html",
        "index.html", "repos/odd/chars/index.html", "severity/high/index.html", "feed.xml",
        "repos/odd/chars/feed.xml", "severity/high/feed.xml", "sitemap.xml");
  }

  @Test
  void everyFeedAndTheSitemapParseAsXml() throws Exception {
    List<String> xml = pages.keySet().stream().filter(p -> p.endsWith(".xml")).sorted().toList();
    assertThat(xml).hasSizeGreaterThanOrEqualTo(6);
    for (String path : xml) {
      Document doc = parseXml(pages.get(path));
      assertThat(doc.getDocumentElement()).as(path).isNotNull();
    }
  }

  @Test
  void theFeedsShowTheTitleAuthorAndSummaryWithReplacementCharacters() throws Exception {
    String feed = parseXml(pages.get("repos/odd/chars/feed.xml")).getDocumentElement()
        .getTextContent();

    assertThat(feed).contains("Day\uFFFDbook\uFFFD", "bad\uFFFD title", "\uFFFD alone", "Ann\uFFFD",
        "a body with \uFFFD, NUL");
  }

  @Test
  void noPageHoldsACharacterXmlDoesNotAllow() {
    for (Map.Entry<String, String> page : pages.entrySet()) {
      int bad = XmlChars.indexOfDisallowed(page.getValue(), 0);
      assertThat(bad).as("%s holds %s", page.getKey(),
          bad < 0 ? "" : XmlChars.name(page.getValue(), bad)).isEqualTo(-1);
    }
  }

  @Test
  void theReportPageShowsReplacementCharactersWhereTheReportHeldThem() {
    String report = pages.get("reports/2026/03/2026-03-02.html");

    assertThat(report).contains("bad\uFFFD title\uFFFD", "src/odd\uFFFD\uFFFDdir/file.py",
        "Ann\uFFFD \uFFFD[31mRed", "a body with \uFFFD, NUL ");
    assertThat(pages.get("about.html")).contains("About \uFFFD", "Text \uFFFD here.");
  }
}
