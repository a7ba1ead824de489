package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Items;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportWriter;
import dev.daybook.text.MarkdownText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/**
 * Commit messages and author names are written by anyone who can push, and reports may be edited
 * by hand: whatever they hold, the site shows it as text. Two days are baked: one written by
 * {@link ReportWriter} from commits with hostile titles and authors, one written by hand with raw
 * HTML and script links in its prose.
 */
class HostileContentTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate WRITTEN_DAY = LocalDate.of(2026, 3, 2);
  static final LocalDate HAND_DAY = LocalDate.of(2026, 3, 1);
  static final RepoId EVIL = RepoId.parse("evil/repo");

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String PIPES = "a | b | c";
  static final String TICKS = "fix `code` and ``two`` and a lone ` tick";
  static final String JS_LINK = "[click](javascript:alert(1))";
  static final String MD_LINK = "see [docs](https://example.com/docs) and <https://example.com/>";
  static final String ENTITIES = "&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;script&#x3E;";
  static final String RTL = "שלום عالم";
  static final String EMOJI = "🚀 feat: 👍🏽 emoji 👨‍👩‍👧 family";
  static final String BREAKOUT = "\"><svg onload=alert(1)><iframe src=\"javascript:alert(1)\">";
  static final String SCHEMES = "javascript:alert(1) data:text/html,<script>alert(2)</script>";
  static final String LONG_TITLE = "very long title ".repeat(1250).strip(); // 20 KB
  static final String LONG_SUMMARY = "A long summary sentence. ".repeat(820); // 20 KB

  /** Titles and authors as they stand in the commits, with the severity each gets. */
  static final List<String[]> COMMITS = List.of(
      new String[] {SCRIPT, IMG, "high"},
      new String[] {IMG, SCRIPT, "high"},
      new String[] {PIPES, "x | y", "medium"},
      new String[] {TICKS, "`whoami`", "medium"},
      new String[] {JS_LINK, "[me](javascript:alert(1))", "high"},
      new String[] {MD_LINK, "Ann <ann@example.com>", "medium"},
      new String[] {ENTITIES, "&lt;", "medium"},
      new String[] {RTL + ": right to left", "محمد", "medium"},
      new String[] {EMOJI, "😀 Smiley", "medium"},
      new String[] {BREAKOUT, "'><a href=javascript:alert(1)>", "high"},
      new String[] {SCHEMES, "over\u202Eride", "low"},
      new String[] {LONG_TITLE, "Long Writer", "medium"});

  static final String HAND_WRITTEN = """
      title=Daily report (2026-03-01) </title><script>alert(1)</script>
      date=2026-03-01
      type=report
      status=published
      daybook.format=1
      daybook.locale=en
      daybook.timezone=Asia/Shanghai
      daybook.repos=evil/hand
      daybook.commits=1
      daybook.high=1
      daybook.medium=0
      daybook.low=0
      ~~~~~~

      # Daily report (2026-03-01)

      ## evil/hand

      | Time | Author | Commit |
      |----------|------|----------|
      | 2026-03-01 12:00:00 | <b onmouseover="alert(1)">mallory</b> | [hand <script>alert(1)</script> edited](#abcdef1) |

      > 1 commits on this day | 🔴 High 1 | 🟡 Medium 0 | 🟢 Low 0

      ### 📋 Contents

      - [🔴 High importance (1)](#evil-hand-high)
        - [hand edited](#abcdef1)

      ### <a id="evil-hand-high"></a>🔴 High importance (1)

      #### <a id="abcdef1"></a>hand edited <script>alert(1)</script>

      **SHA**: `abcdef1` | 🔗 [View commit](javascript:alert(1))

      **🎯 Change type**: Bug fix <img src=x onerror=alert(1)>
      **⚡ Severity**: 🔴 High

      **📋 Summary**

      <script>alert(1)</script>

      <iframe src="https://evil.example/"></iframe>

      Inline <a href="javascript:alert(1)">raw link</a> and <span onclick="alert(1)">span</span>.

      A [x](javascript:alert(1)) link, a [y](JaVaScRiPt:alert(1)) link, a [z](&#106;avascript:alert(1)) link,
      a [tab](<java\tscript:alert(1)>) link, a [w](data:text/html;base64,PHNjcmlwdD4=) link,
      an ![image](javascript:alert(1)) image, a ![pixel](https://evil.example/pixel.png) tracker,
      an autolink <javascript:alert(1)>, and [ok](https://example.com/).

      [ref]: javascript:alert(1)

      A [reference link][ref].

      **🎯 Impact**

      <div style="position:fixed" onload="alert(1)">overlay</div>

      <svg><script>alert(1)</script></svg>

      <object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">

      **📌 Conclusion**

      <form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>

      ---
      """;

  static final String ABOUT = """
      title=About <script>alert(1)</script>
      type=page
      status=published
      ~~~~~~

      # About <img src=x onerror=alert(1)>

      <script>alert(1)</script>

      A [link](javascript:alert(1)) and <a href="javascript:alert(1)">raw</a>.
      """;

  @TempDir
  static Path dir;
  static Path site;

  static String sha(int i) {
    return String.format(Locale.ROOT, "%07x", 0xbad0000 + i) + "0".repeat(33);
  }

  /** The hostile commits as Daybook's writer puts them in a report. */
  static DailyReport writtenReport() {
    List<ReportedCommit> commits = new ArrayList<>();
    Instant noon = WRITTEN_DAY.atTime(12, 0).atZone(ZONE).toInstant();
    for (int i = 0; i < COMMITS.size(); i++) {
      String[] c = COMMITS.get(i);
      Severity severity = Severity.fromKey(c[2]).orElseThrow();
      // As an analyzer writes it: the commit's own text escaped into the prose.
      String summary = c[0].equals(LONG_TITLE) ? LONG_SUMMARY
          : "Changes " + MarkdownText.inline(c[0]) + " by " + MarkdownText.inline(c[1]) + ".";
      Analysis analysis = new Analysis(severity, List.of(ChangeType.BUGFIX), null, summary, "",
          Items.none(), Items.none(), Items.none(), "", List.of("title: " + c[0]), false)
          .withBreaking("breaking: " + c[0]);
      commits.add(new ReportedCommit(sha(i), "https://github.com/evil/repo/commit/" + sha(i),
          noon.minusSeconds(60L * i), c[1], c[0], analysis));
    }
    return new DailyReport(WRITTEN_DAY, ZONE, List.of(new RepoSection(EVIL, commits)));
  }

  @BeforeAll
  static void bake() throws Exception {
    DailyReport report = writtenReport();
    Path content = dir.resolve("content");
    Path written = content.resolve("reports/2026/03/2026-03-02.md");
    Files.createDirectories(written.getParent());
    Files.writeString(written, new ReportWriter(Language.EN).write(report));
    Files.writeString(content.resolve("reports/2026/03/2026-03-01.md"), HAND_WRITTEN);
    Files.writeString(content.resolve("about.md"), ABOUT);
    site = dir.resolve("output");
    Bakes.bake(content, site, Bakes.SUB_PATH);
    // Again with a watch of the hostile commits of high importance (a watch needs the search
    // index, whose export is no page): its list and feed show them too.
    dev.daybook.config.SiteConfig c = Bakes.config();
    watched = dir.resolve("watched");
    new dev.daybook.build.SiteBuilder().build(new dev.daybook.build.SiteBuilder.Options(content,
        Bakes.TEMPLATES, Bakes.ASSETS, watched, BaseUrl.parse(Bakes.SUB_PATH), c.title(),
        c.language(), c.zone(), c.pageSize()).withBots(c.bots(), false)
        .withSearchIndex(dir.resolve("index")).withWatches(java.util.Map.of(WATCH, WATCH_QUERY)));
  }

  static Path watched;
  static final String WATCH = "evil-high";
  static final String WATCH_QUERY = "repo:evil/repo severity:high";

  static List<String> pages() throws IOException {
    return Bakes.files(site).stream().filter(f -> f.endsWith(".html")).toList();
  }

  /** Asserts a text contains each string, naming only the missing ones (some are 20 KB long). */
  static void assertShows(String text, String where, String... expected) {
    List<String> missing = new ArrayList<>();
    for (String e : expected) {
      if (!text.contains(e)) {
        missing.add(e.length() > 80 ? e.substring(0, 80) + "… (" + e.length() + " chars)" : e);
      }
    }
    assertThat(missing).as("not shown as text on " + where).isEmpty();
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  // ---- nothing runs -------------------------------------------------------------------------

  @Test
  void theHostileDaysAreBakedIntoEveryKindOfPage() throws IOException {
    assertThat(pages()).contains("index.html", "reports/2026/03/2026-03-01.html",
        "reports/2026/03/2026-03-02.html", "repos/evil/repo/index.html",
        "repos/evil/hand/index.html", "severity/high/index.html", "severity/medium/index.html",
        "severity/low/index.html", "404.html", "about.html", "reports/2026/index.html",
        "reports/2026/03/index.html", "type/bugfix/index.html", "breaking/index.html",
        "weekly/2026-W10/index.html");
  }

  @Test
  void aTitleHeaderIsShownAsTextInThePageTitle() throws IOException {
    Document report = page("reports/2026/03/2026-03-01.html");
    Document about = page("about.html");

    assertThat(report.title()).contains("(2026-03-01) </title><script>alert(1)</script>");
    assertThat(about.title()).contains("About <script>alert(1)</script>");
    assertThat(about.select("article").text()).contains("About <img src=x onerror=alert(1)>",
        "<script>alert(1)</script>", "<a href=\"javascript:alert(1)\">raw</a>");
  }

  @Test
  void noPageHasAScriptElement() throws IOException {
    for (String p : pages()) {
      // Only files of the site, no inline code: the small script of every page, and the search
      // page's own.
      Elements scripts = page(p).select("script");
      assertThat(scripts).as(p).allMatch(s -> s.data().isEmpty(), "has no inline code")
          .extracting(s -> s.attr("src").replaceAll("^(\\.\\./)+|^/project/", ""))
          .containsExactlyElementsOf(p.equals("search.html")
              ? List.of("js/site.js", "js/search.js") : List.of("js/site.js"));
    }
  }

  @Test
  void noPageHasAnEventHandlerAttribute() throws IOException {
    for (String p : pages()) {
      for (Element e : page(p).getAllElements()) {
        for (Attribute a : e.attributes()) {
          assertThat(a.getKey().toLowerCase(Locale.ROOT)).as("%s: <%s>", p, e.tagName())
              .doesNotStartWith("on");
        }
      }
    }
  }

  @Test
  void noPageEmbedsAFrameObjectSvgOrForm() throws IOException {
    for (String p : pages()) {
      // The forms are the site's own: the search boxes (a plain GET to the search page) and the
      // date jump of a list (handled by js/site.js). The one SVG is the chart of a month or a
      // year page, of a repository's front page or of a digest, checked below.
      Elements embedded = page(p).select("iframe, frame, frameset, object, embed, svg, form, base")
          .not("form#search-form[action=search.html][method=get]")
          .not("form.site-search[action$=search.html][method=get]")
          .not("form.jump-form:not([action])");
      if (CHARTED.matcher(p).matches()) {
        embedded.removeIf(e -> e.is("svg.chart") && e.parent().is("div.chart-box"));
      }
      // A list's one <base>, in its head, leads to the site's root and nowhere else; a page
      // without one allows none (the policy's base-uri).
      List<Element> bases = embedded.stream().filter(e -> e.is("base")).toList();
      if (bases.size() == 1 && bases.get(0).parent().is("head")
          && bases.get(0).attr("href").equals(SitePaths.root(p))) {
        embedded.removeIf(e -> e.is("base"));
      }
      assertThat(page(p).select("meta[http-equiv=Content-Security-Policy]").attr("content"))
          .as(p).contains(bases.isEmpty() ? "base-uri 'none';" : "base-uri 'self';");
      assertThat(embedded).as(p).isEmpty();
    }
  }

  /** What a chart may hold: shapes, text and its own names; no link, script, style or handler. */
  static final java.util.Set<String> CHART_ELEMENTS =
      java.util.Set.of("svg", "title", "desc", "g", "rect", "line", "text");
  static final java.util.Set<String> CHART_ATTRIBUTES = java.util.Set.of("class", "xmlns",
      "viewbox", "role", "aria-labelledby", "id", "x", "y", "width", "height", "x1", "y1", "x2",
      "y2", "text-anchor");

  /** The pages with a chart: month, year, a repository's front page, a week's or month's digest. */
  static final Pattern CHARTED = Pattern.compile("reports/\\d{4}/(\\d{2}/)?index\\.html"
      + "|repos/[^/]+/[^/]+/index\\.html"
      + "|(repos/[^/]+/[^/]+/)?(weekly/\\d{4}-W\\d{2}|monthly/\\d{4}-\\d{2})/index\\.html");

  @Test
  void theChartsHoldOnlyShapesAndNumbers() throws Exception {
    List<String> charted = new ArrayList<>();
    for (String p : pages()) {
      // As written, each chart is a well-formed SVG document of its own.
      String source = Files.readString(site.resolve(p));
      for (int at = source.indexOf("<svg"); at >= 0; at = source.indexOf("<svg", at + 1)) {
        String svg = source.substring(at, source.indexOf("</svg>", at) + "</svg>".length());
        org.w3c.dom.Element root = FeedsAndSitemapTest.parseXml(
            new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .getDocumentElement();
        assertThat(root.getNamespaceURI()).as(p).isEqualTo("http://www.w3.org/2000/svg");
      }
      for (Element svg : page(p).select("svg")) {
        charted.add(p);
        for (Element e : svg.getAllElements()) {
          assertThat(e.tagName().toLowerCase(Locale.ROOT)).as(p).isIn(CHART_ELEMENTS);
          for (Attribute a : e.attributes()) {
            assertThat(a.getKey().toLowerCase(Locale.ROOT)).as("%s: <%s>", p, e.tagName())
                .isIn(CHART_ATTRIBUTES);
          }
        }
      }
    }
    assertThat(charted).containsExactlyInAnyOrder("reports/2026/03/index.html",
        "reports/2026/index.html", "repos/evil/repo/index.html", "repos/evil/hand/index.html",
        "weekly/2026-W09/index.html", "weekly/2026-W10/index.html", "monthly/2026-03/index.html",
        "repos/evil/hand/weekly/2026-W09/index.html", "repos/evil/hand/monthly/2026-03/index.html",
        "repos/evil/repo/weekly/2026-W10/index.html",
        "repos/evil/repo/monthly/2026-03/index.html");
  }

  static final Pattern HIDDEN = Pattern.compile("[\\x00-\\x20\\x7f\\u00a0]");

  @Test
  void noPageHasAScriptOrDataUrlInAnyUrlAttribute() throws IOException {
    for (String p : pages()) {
      for (Element e : page(p).getAllElements()) {
        for (String name : LinkChecker.URL_ATTRIBUTES) {
          String url = HIDDEN.matcher(e.attr(name)).replaceAll("").toLowerCase(Locale.ROOT);
          assertThat(url).as("%s: <%s %s>", p, e.tagName(), name)
              .doesNotStartWith("javascript:").doesNotStartWith("data:")
              .doesNotStartWith("vbscript:");
        }
      }
    }
  }

  @Test
  void everyInternalLinkStillResolves() throws IOException {
    LinkChecker.Result r = new LinkChecker(site, "/project/", java.util.Set.of("404.html")).check();

    assertThat(r.broken()).isEmpty();
    assertThat(r.external()).allMatch(
        l -> l.startsWith("https://github.com/evil/repo/commit/")
            || l.startsWith("https://example.com/"), "a commit link or a plain web link");
  }

  @Test
  void everyPageForbidsInlineScriptWithAContentSecurityPolicy() throws IOException {
    for (String p : pages()) {
      List<Element> csp = page(p).head().select("meta").stream()
          .filter(m -> m.attr("http-equiv").equalsIgnoreCase("Content-Security-Policy")).toList();
      assertThat(csp).as(p).hasSize(1);
      String scriptSrc = null;
      String defaultSrc = null;
      for (String directive : csp.get(0).attr("content").split(";")) {
        List<String> words = List.of(directive.strip().split("\\s+"));
        if (words.get(0).equals("script-src")) {
          scriptSrc = directive;
        } else if (words.get(0).equals("default-src")) {
          defaultSrc = directive;
        }
      }
      assertThat(scriptSrc).as(p).isNotNull().contains("'self'")
          .doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'")
          .doesNotContain("data:").doesNotContain("*");
      assertThat(defaultSrc).as(p).isNotNull().doesNotContain("*");
    }
  }

  // ---- it is shown as text ------------------------------------------------------------------

  @Test
  void theReportPageShowsEveryHostileTitleAndAuthorAsText() throws IOException {
    String text = page("reports/2026/03/2026-03-02.html").text();

    for (String[] c : COMMITS) {
      assertShows(text, "the report page", MarkdownText.oneLine(c[0]), MarkdownText.oneLine(c[1]));
    }
    assertShows(text, "the report page", SCRIPT, IMG, PIPES, TICKS, JS_LINK, MD_LINK, ENTITIES,
        RTL, EMOJI, BREAKOUT, SCHEMES, LONG_TITLE, LONG_SUMMARY.strip());
  }

  @Test
  void theRepositorySeverityAndHomePagesShowTheHostileTitlesAsText() throws IOException {
    String repo = page("repos/evil/repo/index.html").text();
    String high = page("severity/high/index.html").text();
    String medium = page("severity/medium/index.html").text();
    String low = page("severity/low/index.html").text();
    String home = page("index.html").text();

    assertShows(repo, "the repository page", SCRIPT, IMG, PIPES, TICKS, JS_LINK, MD_LINK,
        ENTITIES, RTL, EMOJI, BREAKOUT, SCHEMES, LONG_TITLE);
    assertShows(high, "the high severity page", SCRIPT, IMG, JS_LINK, BREAKOUT);
    assertShows(medium, "the medium severity page", PIPES, TICKS, MD_LINK, ENTITIES, RTL, EMOJI,
        LONG_TITLE);
    assertShows(low, "the low severity page", SCHEMES);
    // Home lists the latest day's high and medium commits.
    assertShows(home, "home", SCRIPT, IMG, JS_LINK, BREAKOUT, PIPES, TICKS, MD_LINK, ENTITIES,
        RTL, EMOJI, LONG_TITLE);
  }

  @Test
  void theTypeMonthAndYearPagesShowTheHostileTitlesAsText() throws IOException {
    String type = page("type/bugfix/index.html").text();
    String month = page("reports/2026/03/index.html").text();
    String year = page("reports/2026/index.html").text();

    // Every written commit is a bug fix; a month lists its days' high commits; a year only counts.
    assertShows(type, "the bug fix page", SCRIPT, IMG, PIPES, TICKS, JS_LINK, MD_LINK, ENTITIES,
        RTL, EMOJI, BREAKOUT, SCHEMES, LONG_TITLE);
    assertShows(month, "the month page", SCRIPT, IMG, JS_LINK, BREAKOUT);
    assertThat(year).contains("2026");
  }

  @Test
  void theDigestsShowTheHostileTitlesAndAuthorsAsText() throws IOException {
    String week = page("weekly/2026-W10/index.html").text();
    String month = page("monthly/2026-03/index.html").text();
    String handWeek = page("weekly/2026-W09/index.html").text();

    // Their high commits by title, and everyone who committed by name.
    for (String[] c : COMMITS) {
      if (c[2].equals("high")) {
        assertShows(week, "the week's digest", c[0]);
      }
      // (A bidirectional override is kept, closed at the name's end: see Bidi.)
      assertShows(month, "the month's digest", c[1]);
    }
    assertShows(handWeek, "the hand-written day's week", SCRIPT, "mallory");
    assertThat(page("weekly/2026-W09/index.html").select("#contributors b, #contributors script"))
        .isEmpty();
    // The hand-written summary's raw HTML is shown as text, its script links emptied, as on the
    // report's page.
    Document hand = page("weekly/2026-W09/index.html");
    assertShows(hand.select("#high .summary").text(), "the hand-written summary", SCRIPT);
    assertThat(hand.select("#high .summary a").eachAttr("href")).isNotEmpty()
        .allMatch(h -> h.isEmpty() || h.startsWith("https://"), "empty or https");
  }

  @Test
  void theWatchShowsTheHostileTitlesOfItsCommitsAsTextAndItsFeedIsAtom() throws Exception {
    Document watch = Jsoup.parse(watched.resolve("watch/evil-high/index.html").toFile(),
        "UTF-8");

    assertThat(watch.select(".watch-query code").text()).isEqualTo(WATCH_QUERY);
    String[] high = COMMITS.stream().filter(c -> c[2].equals("high")).map(c -> c[0])
        .toArray(String[]::new);
    assertThat(watch.select(".entries > li")).hasSize(high.length);
    assertShows(watch.text(), "the watch page", high);
    assertThat(watch.select("script")).allMatch(e -> e.data().isEmpty(), "has no inline code");
    for (Element e : watch.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey().toLowerCase(Locale.ROOT)).doesNotStartWith("on");
      }
    }
    assertThat(watch.select("iframe, object, embed, svg, body base")).isEmpty();
    assertThat(watch.select("head > base").eachAttr("href")).containsExactly("../../");

    String feed = "watch/evil-high/feed.xml";
    FeedsAndSitemapTest.checkAtom(watched, feed, Bakes.SUB_PATH);
    org.w3c.dom.Document doc = FeedsAndSitemapTest.parseXml(watched.resolve(feed));
    assertNoForeignElements(doc.getDocumentElement(), feed);
    assertShows(doc.getDocumentElement().getTextContent(), "the watch feed", high);
    assertThat(new LinkChecker(watched, "/project/", java.util.Set.of("404.html")).check()
        .broken()).isEmpty();
  }

  @Test
  void theBreakingListAndTheWeeksBreakingChangesShowTheHostileReasonsAsText() throws IOException {
    String list = page("breaking/index.html").text();
    String week = page("weekly/2026-W10/index.html").select("#breaking").text();
    // Each written commit is marked breaking "because" of its own title.
    for (String[] c : COMMITS) {
      assertShows(list, "the breaking list", MarkdownText.oneLine("breaking: " + c[0]));
      assertShows(week, "the week's breaking changes", MarkdownText.oneLine("breaking: " + c[0]));
    }
  }

  @Test
  void titlesInTheSharingAttributesAreTextNotMarkup() throws IOException {
    String siteTitle = " · " + Bakes.config().title();
    for (String p : pages()) {
      Document page = page(p);
      assertThat(page.title()).endsWith(siteTitle);
      // Whatever a title holds, the head has only its own elements, each attribute one value.
      assertThat(page.head().select("script, img, svg, iframe, a")).as(p)
          .allMatch(e -> e.tagName().equals("script") && e.attr("src").endsWith("js/site.js"));
      assertThat(page.select("meta[property=og:title]").attr("content")).as(p)
          .isEqualTo(page.title().substring(0, page.title().length() - siteTitle.length()));
      assertThat(page.select("meta[name=description]").attr("content")).as(p).isNotBlank()
          .isEqualTo(page.select("meta[property=og:description]").attr("content"));
    }
    assertThat(page("about.html").select("meta[property=og:title]").attr("content"))
        .isEqualTo("About <script>alert(1)</script>");
    assertThat(page("reports/2026/03/2026-03-01.html").select("meta[property=og:title]")
        .attr("content")).isEqualTo("Daily report (2026-03-01) </title><script>alert(1)</script>");
    // The base URL is absolute: every page but the 404 page says where it is.
    assertThat(page("reports/2026/03/2026-03-02.html").select("meta[property=og:url]")
        .attr("content")).isEqualTo(Bakes.SUB_PATH + "reports/2026/03/2026-03-02.html");
    assertThat(page("type/bugfix/index.html").select("meta[property=og:url]").attr("content"))
        .isEqualTo(Bakes.SUB_PATH + "type/bugfix/");
    assertThat(page("404.html").select("meta[property=og:url]")).isEmpty();
  }

  @Test
  void anEntityInACommitTitleIsShownAsWrittenNotDecoded() throws IOException {
    Document report = page("reports/2026/03/2026-03-02.html");

    assertThat(report.text()).contains("&lt;b&gt;not bold&lt;/b&gt;").doesNotContain(
        "<b>not bold</b>");
    assertThat(report.select("b")).isEmpty();
  }

  @Test
  void markdownInACommitTitleMakesNoLink() throws IOException {
    Document report = page("reports/2026/03/2026-03-02.html");

    assertThat(report.select("a[href^=https://example.com]")).isEmpty();
  }

  /**
   * An override in an author's name is kept, as the commit has it, closed at the end of the name,
   * and the name is isolated wherever pages show it among other words.
   */
  @Test
  void aBidirectionalOverrideInAnAuthorNameIsKeptClosedAndIsolated() throws IOException {
    String name = "over\u202Eride\u202C";
    int shown = 0;
    for (String f : Bakes.files(site)) {
      String text = Files.readString(site.resolve(f));
      int overrides = text.split("\u202E", -1).length - 1;
      assertThat(text.split(name, -1).length - 1).as("closed overrides in %s", f)
          .isEqualTo(overrides);
      shown += overrides;
    }
    assertThat(shown).as("pages and feeds with the name").isGreaterThan(3);
    for (String p : List.of("reports/2026/03/2026-03-02.html", "repos/evil/repo/index.html",
        "severity/low/index.html", "type/bugfix/index.html")) {
      Elements isolated = page(p).select("bdi, [dir=auto]");
      assertThat(isolated.stream().filter(e -> e.ownText().equals(name))).as(p).isNotEmpty();
    }
    // A right-to-left name is isolated too: the time after it keeps its place.
    assertThat(page("reports/2026/03/2026-03-02.html").select("p:has(bdi)").eachText())
        .anyMatch(t -> t.startsWith("👤 محمد · 🕐 2026-03-02"));
  }

  @Test
  void theCommitTableHasFiveCellsInEveryRowAndOneRowPerCommit() throws IOException {
    Document report = page("reports/2026/03/2026-03-02.html");
    List<Element> tables = report.select("article table");

    assertThat(tables).hasSize(1);
    Element table = tables.get(0);
    assertThat(table.select("thead tr")).hasSize(1);
    assertThat(table.select("thead tr").get(0).children()).hasSize(5);
    List<Element> rows = table.select("tbody tr");
    assertThat(rows).hasSize(COMMITS.size());
    for (Element row : rows) {
      assertThat(row.children()).as(row.text()).hasSize(5).allMatch(c -> c.tagName().equals("td"));
      assertThat(row.select("a")).as(row.text()).hasSize(1);
      assertThat(row.child(4).select("a").attr("href")).matches("#[0-9a-f]{7}");
    }
  }

  @Test
  void theHandWrittenTableKeepsThreeCellsAndShowsItsRawHtmlAsText() throws IOException {
    Document report = page("reports/2026/03/2026-03-01.html");
    List<Element> rows = report.select("article table tbody tr");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).children()).hasSize(3);
    assertThat(rows.get(0).text()).contains("<b onmouseover=\"alert(1)\">mallory</b>",
        "hand " + SCRIPT + " edited");
  }

  @Test
  void rawHtmlInHandWrittenProseIsShownAsText() throws IOException {
    String text = page("reports/2026/03/2026-03-01.html").text();

    assertShows(text, "the hand-written report", SCRIPT,
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<a href=\"javascript:alert(1)\">raw link</a>", "<span onclick=\"alert(1)\">span</span>",
        "<div style=\"position:fixed\" onload=\"alert(1)\">overlay</div>",
        "<svg><script>alert(1)</script></svg>",
        "<form action=\"javascript:alert(1)\">");
  }

  @Test
  void scriptLinksInHandWrittenProseKeepTheirTextButLoseTheirTarget() throws IOException {
    Document report = page("reports/2026/03/2026-03-01.html");

    for (String label : List.of("x", "y", "z", "tab", "w", "reference link", "View commit")) {
      List<Element> links = report.select("article a").stream()
          .filter(a -> a.text().equals(label)).toList();
      assertThat(links).as(label).hasSize(1);
      assertThat(links.get(0).attr("href")).as(label).isEmpty();
    }
    assertThat(report.select("article a[href=https://example.com/]")).hasSize(1);
  }

  @Test
  void imagesInHandWrittenProseLoadNothing() throws IOException {
    Document report = page("reports/2026/03/2026-03-01.html");

    // Reports have no images: an image's source is dropped, whatever its scheme.
    assertThat(report.select("img")).extracting(e -> e.attr("alt"))
        .containsExactlyInAnyOrder("image", "pixel");
    assertThat(report.select("img")).allMatch(e -> e.attr("src").isEmpty(), "has no source");
    assertThat(report.select("[srcset]")).isEmpty();
  }

  // ---- feeds --------------------------------------------------------------------------------

  @Test
  void theFeedsAreWellFormedAndHoldTheHostileTitlesAsText() throws Exception {
    List<String> feeds = FeedsAndSitemapTest.feeds(site);
    assertThat(feeds).contains("feed.xml", "repos/evil/repo/feed.xml", "repos/evil/hand/feed.xml",
        "severity/high/feed.xml", "breaking/feed.xml", "weekly/feed.xml", "monthly/feed.xml",
        "repos/evil/repo/weekly/feed.xml");
    StringBuilder all = new StringBuilder();
    for (String feed : feeds) {
      org.w3c.dom.Document doc = FeedsAndSitemapTest.parseXml(site.resolve(feed));
      FeedsAndSitemapTest.checkAtom(site, feed, Bakes.SUB_PATH);
      assertNoForeignElements(doc.getDocumentElement(), feed);
      all.append(doc.getDocumentElement().getTextContent());
    }
    assertShows(all.toString(), "the feeds", SCRIPT, IMG, PIPES, TICKS, JS_LINK, MD_LINK, ENTITIES,
        RTL, EMOJI, BREAKOUT, SCHEMES, LONG_TITLE);
  }

  @Test
  void theHtmlContentOfTheFeedsShowsTheHostileTitlesAsText() throws Exception {
    StringBuilder text = new StringBuilder();
    for (String feed : FeedsAndSitemapTest.feeds(site)) {
      Node root = FeedsAndSitemapTest.parseXml(site.resolve(feed)).getDocumentElement();
      for (org.w3c.dom.Element entry : FeedsAndSitemapTest.children((org.w3c.dom.Element) root,
          FeedsAndSitemapTest.ATOM, "entry")) {
        Document html = FeedsAndSitemapTest.htmlContent(entry);
        // What a feed reader renders: only the few elements Daybook writes, no handlers.
        // A hand-written summary's links and images lost their script or remote targets, as
        // on the report page.
        assertThat(html.body().select("*").not("body, p, ul, li, a, code, strong, em, img, bdi"))
            .as(feed).isEmpty();
        for (Element e : html.body().select("*")) {
          for (Attribute a : e.attributes()) {
            assertThat(a.getKey()).as(feed).isIn("href", "rel", "src", "alt", "dir");
            assertThat(a.getKey().equals("dir") ? a.getValue() : "auto").isEqualTo("auto");
          }
          assertThat(e.attr("href")).as(feed).matches("|https://.*");
          assertThat(e.attr("src")).as(feed).isEmpty();
        }
        text.append(html.text()).append('\n');
      }
    }
    assertShows(text.toString(), "the feeds' content", SCRIPT, IMG, PIPES, TICKS, JS_LINK,
        MD_LINK, ENTITIES, RTL, EMOJI, BREAKOUT, SCHEMES, LONG_TITLE);
  }

  /** Every element of a feed is Atom: no text became markup. */
  private static void assertNoForeignElements(Node node, String feed) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        assertThat(n.getNamespaceURI()).as("%s: <%s>", feed, n.getNodeName())
            .isEqualTo(FeedsAndSitemapTest.ATOM);
        assertNoForeignElements(n, feed);
      }
    }
  }
}
