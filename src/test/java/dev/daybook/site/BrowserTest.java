package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.config.SiteConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shipped archive, baked by the real {@code daybook build} and served over HTTP under a
 * sub-path, browsed in headless Chromium: pages load with their stylesheet and without a console
 * error (a Content-Security-Policy violation would be one), and the links a reader follows lead
 * where they should. Screenshots at phone and desktop width go to {@code target/screenshots/}.
 *
 * <p>It drives Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver}, which
 * {@code .ci/run} installs; Selenium Manager is never asked, so nothing is downloaded. Without
 * them the test fails, saying what to install: it is not skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String SUB_PATH = "/daybook/";
  /** Chromium cannot paint a taller picture in one piece. */
  static final int MAX_SCREENSHOT_HEIGHT = 16_000;

  private ServedSite served;
  private final List<StaticServer.Request> requests = new CopyOnWriteArrayList<>();
  private String base;
  private SiteConfig config;
  private LocalDate latest;
  private ChromeDriver driver;
  private int requestsChecked;
  private final Set<String> expectedMissing = new HashSet<>();

  @BeforeAll
  void bakeServeAndOpenChromium(@TempDir Path tmp) throws IOException {
    Chromium.requireInstalled("BrowserTest");
    config = SiteConfig.load(Path.of(SiteConfig.FILE_NAME));
    latest = latestShippedReport(Path.of("content", "reports"));

    served = ServedSite.start(tmp, SUB_PATH, requests::add, 1440, 900);
    base = served.base();
    driver = served.driver();
  }

  @AfterAll
  void closeAll() throws IOException {
    if (served != null) {
      served.close();
    }
  }

  /**
   * After each test: nothing went to the console as an error, every URL was found, and nothing
   * was asked for outside the site (the site names its icon, so the browser does not look for
   * {@code /favicon.ico} at the host's root).
   */
  @AfterEach
  void noConsoleErrorsNorMissingFiles() {
    assertThat(consoleErrors()).as("browser console errors").isEmpty();
    List<StaticServer.Request> bad = requests.subList(requestsChecked, requests.size())
        .stream()
        .filter(r -> !r.path().startsWith(SUB_PATH)
            || r.status() >= 400 && !expectedMissing.contains(r.path()))
        .toList();
    requestsChecked = requests.size();
    assertThat(bad).as("requests outside %s or not found", SUB_PATH).isEmpty();
  }

  @Test
  void homeHasTheSiteTitleAndItsStylesheetApplies() {
    driver.get(base);
    assertThat(driver.getTitle()).endsWith(" · " + config.title());
    assertThat(driver.findElement(By.cssSelector(".site-nav .brand")).getText())
        .isEqualTo(config.title());

    // The stylesheet came from under the sub-path, has rules, and they change how the page looks.
    Object rules = js("for (const s of document.styleSheets) {"
        + "  if (s.href === arguments[0]) return s.cssRules.length; }"
        + "return -1;", base + SitePaths.STYLESHEET);
    assertThat(((Number) rules).intValue()).as("rules in %s", SitePaths.STYLESHEET).isPositive();
    Map<String, String> styled = computedStyles();
    js("for (const s of document.styleSheets) s.disabled = true;");
    Map<String, String> unstyled = computedStyles();
    js("for (const s of document.styleSheets) s.disabled = false;");
    assertThat(styled).as("computed styles with the stylesheet and without")
        .isNotEqualTo(unstyled);
  }

  @Test
  void latestReportLinkLeadsToTheReportAndItsCommitLinksToTheirSections() {
    driver.get(base);
    driver.findElement(By.cssSelector(".latest-day a")).click();
    waitForUrl(base + SitePaths.report(latest));
    String h1 = driver.findElement(By.tagName("h1")).getText();
    assertThat(h1).contains(latest.toString());
    assertThat(driver.getTitle()).startsWith(h1 + " · ");

    WebElement commit = driver.findElement(By.cssSelector("main table a[href^='#']"));
    String sha = commit.getDomAttribute("href").substring(1);
    assertThat(sha).matches("[0-9a-f]{7}");
    String title = commit.getText();
    commit.click();
    waitForUrl(base + SitePaths.report(latest) + "#" + sha);
    assertTargetIsCommitHeading(sha, title);
  }

  @Test
  void aLinkToAFoldedLowCommitOpensItsFold() {
    driver.get(base + SitePaths.report(latest));
    WebElement fold = driver.findElement(By.cssSelector("main details.fold"));
    assertThat(fold.getDomProperty("open")).isEqualTo("false");
    WebElement firstLow = fold.findElement(By.tagName("h4"));
    String sha = firstLow.getDomAttribute("id");
    WebElement link = driver.findElement(By.cssSelector("main a[href='#" + sha + "']"));
    String title = firstLow.getDomProperty("textContent").strip(); // hidden: no visible text
    link.click();
    waitForUrl(base + SitePaths.report(latest) + "#" + sha);
    assertThat(fold.getDomProperty("open")).isEqualTo("true");
    assertTargetIsCommitHeading(sha, title);
  }

  /** The week's longest day: 28 commits, many screens tall. */
  static final LocalDate LONG_DAY = LocalDate.of(2026, 2, 3);

  @Test
  void onAWideScreenTheContentsStayInViewBesideTheReportAndOnAPhoneStayInItsFlow()
      throws IOException {
    Files.createDirectories(SCREENSHOTS);
    String page = base + SitePaths.report(LONG_DAY);
    try {
      viewport(1280, 900);
      driver.get(page);
      double height = ((Number) js("return document.documentElement.scrollHeight"))
          .doubleValue();
      assertThat(height).as("the page is many screens tall").isGreaterThan(10 * 900);
      // Down the page, near its end, and after following one of its own links: the contents
      // are on the screen, whole, right of the report's text, and nothing covers them.
      for (double at : new double[] {0.3, 0.6, 0.85}) {
        scrollTo(height * at);
        assertContentsInViewBesideTheReport("at " + at + " of the page");
      }
      for (String scheme : new String[] {"light", "dark"}) {
        colourScheme(scheme);
        viewportScreenshot(SCREENSHOTS.resolve("report-contents-1280-" + scheme + ".png"));
        assertReadable("nav.toc ul ul a", "a commit in the contents, " + scheme);
      }
      colourScheme("light");
      WebElement link = driver.findElements(By.cssSelector("nav.toc ul ul a")).get(20);
      String sha = link.getDomAttribute("href").substring(1);
      String title = link.getText();
      link.click();
      waitForUrl(page + "#" + sha);
      assertTargetIsCommitHeading(sha, title);
      assertContentsInViewBesideTheReport("after following #" + sha);

      // On a phone the contents stay where the report has them, and nothing is wider than it.
      viewport(390, 844);
      driver.get(page);
      assertThat(js("return getComputedStyle(document.querySelector('nav.toc')).position"))
          .isEqualTo("static");
      long width = ((Number) js("return document.documentElement.scrollWidth")).longValue();
      assertThat(width).as("page width at 390 px").isLessThanOrEqualTo(390);
      scrollTo(((Number) js("return document.documentElement.scrollHeight")).doubleValue() / 2);
      assertThat(((Number) rectOf("nav.toc").get("bottom")).doubleValue())
          .as("the contents scrolled away with the report").isNegative();
      for (String scheme : new String[] {"light", "dark"}) {
        colourScheme(scheme);
        viewportScreenshot(SCREENSHOTS.resolve("report-390-" + scheme + ".png"));
      }
    } finally {
      colourScheme(null);
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /**
   * A list page's links start from its {@code <base>} (the site's root): its links within itself
   * (to the top, to the text, to its date jump) stay on it, without loading another page.
   */
  @Test
  void aListsLinksWithinItselfStayOnItUnderItsBase() {
    String page = base + "repos/sgl-project/sglang/";
    driver.get(page);
    js("window.daybookStayed = 'yes';");
    scrollTo(((Number) js("return document.documentElement.scrollHeight")).doubleValue() / 2);
    js("document.querySelector('a.to-top').click();");
    waitForUrl(page + "#top");
    assertThat(js("return window.daybookStayed")).as("the same page, not loaded again")
        .isEqualTo("yes");
    assertThat(((Number) js("return window.scrollY")).doubleValue()).isZero();
    js("document.querySelector('a.skip').click();");
    waitForUrl(page + "#main");
    assertThat(js("return window.daybookStayed")).isEqualTo("yes");
    driver.findElement(By.cssSelector(".list-meta a[href$='#jump']")).click();
    waitForUrl(page + "#jump");
    assertThat(js("return window.daybookStayed")).isEqualTo("yes");
    assertThat(driver.findElement(By.id("jump-date")).isDisplayed()).isTrue();
    // Reached by another address of the same page, its links name the folder all the same.
    String other = page + "index.html?from=feed";
    driver.get(other);
    js("window.daybookStayed = 'yes';");
    js("document.querySelector('a.skip').click();");
    waitForUrl(other + "#main");
    assertThat(js("return window.daybookStayed")).as("not loaded again from %s", other)
        .isEqualTo("yes");
    assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("main");
    js("document.querySelector('a.to-top').click();");
    waitForUrl(other + "#top");
    assertThat(js("return window.daybookStayed")).isEqualTo("yes");
  }

  @Test
  void theLinkBackToTheTopAppearsOnceScrolledAndTakesTheKeyboardToTheTop() {
    String page = base + SitePaths.report(LONG_DAY);
    try {
      for (int width : new int[] {1280, 390}) {
        viewport(width, 844);
        driver.get(page);
        assertThat(js("return getComputedStyle(document.querySelector('.to-top')).visibility"))
            .as("at the top of the page, at %d px", width).isEqualTo("hidden");
        // From the end of the page, one Shift+Tab back from the footer reaches it.
        driver.findElement(By.cssSelector(".site-footer p")).click();
        new org.openqa.selenium.interactions.Actions(driver).keyDown(org.openqa.selenium.Keys.SHIFT)
            .sendKeys(org.openqa.selenium.Keys.TAB).keyUp(org.openqa.selenium.Keys.SHIFT)
            .perform();
        WebElement toTop = driver.switchTo().activeElement();
        assertThat(toTop.getDomAttribute("class")).as("focus at %d px", width)
            .isEqualTo("to-top");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> "visible".equals(
            js("return getComputedStyle(document.querySelector('.to-top')).visibility")));
        Map<String, Object> r = rectOf(".to-top");
        assertThat(((Number) r.get("top")).doubleValue()).isPositive();
        assertThat(((Number) r.get("bottom")).doubleValue()).isLessThanOrEqualTo(844);
        assertThat(((Number) r.get("right")).doubleValue()).isLessThanOrEqualTo(width);
        assertThat(((Number) r.get("width")).doubleValue()).as("a target to touch")
            .isGreaterThanOrEqualTo(40);
        for (String scheme : new String[] {"light", "dark"}) {
          colourScheme(scheme);
          assertReadable(".to-top", "the link back to the top, " + scheme);
        }
        colourScheme(null);

        toTop.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitForUrl(page + "#top");
        assertThat(((Number) js("return window.scrollY")).doubleValue()).as("at %d px", width)
            .isZero();
        // The keyboard starts again at the top: the next Tab is the page's first link.
        new org.openqa.selenium.interactions.Actions(driver)
            .sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getDomAttribute("class"))
            .as("after the top at %d px", width).isEqualTo("skip");
      }
    } finally {
      colourScheme(null);
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** The table of contents is on the screen, whole, right of the report's text, uncovered. */
  private void assertContentsInViewBesideTheReport(String when) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) js(
        "const toc = document.querySelector('nav.toc'), r = toc.getBoundingClientRect();"
        + "const report = document.querySelector('article.report');"
        + "const text = report.getBoundingClientRect().right"
        + "  - parseFloat(getComputedStyle(report).paddingRight);"
        + "const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);"
        + "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
        + "  height: window.innerHeight, width: window.innerWidth, text: text,"
        + "  covered: !toc.contains(hit)};");
    double top = ((Number) m.get("top")).doubleValue();
    double bottom = ((Number) m.get("bottom")).doubleValue();
    assertThat(top).as("contents top %s", when).isGreaterThanOrEqualTo(0);
    assertThat(bottom).as("contents bottom %s", when)
        .isLessThanOrEqualTo(((Number) m.get("height")).doubleValue());
    assertThat(bottom - top).as("contents height %s", when).isGreaterThan(300);
    assertThat(((Number) m.get("left")).doubleValue()).as("contents left of the text %s", when)
        .isGreaterThan(((Number) m.get("text")).doubleValue());
    assertThat(((Number) m.get("right")).doubleValue()).as("contents right %s", when)
        .isLessThanOrEqualTo(((Number) m.get("width")).doubleValue());
    assertThat(m.get("covered")).as("something covers the contents %s", when).isEqualTo(false);
  }

  /**
   * The first element matching the selector has text and background colours (its own, or the
   * nearest ancestor's that is not transparent) that contrast at least 4.5:1 (WCAG AA).
   */
  private void assertReadable(String selector, String what) {
    Number ratio = (Number) js(
        "const el = document.querySelector(arguments[0]);"
        + "const rgb = c => c.match(/[\\d.]+/g).map(Number);"
        + "let bg = null;"
        + "for (let e = el; e && !bg; e = e.parentElement) {"
        + "  const c = rgb(getComputedStyle(e).backgroundColor);"
        + "  if (c.length < 4 || c[3] > 0) bg = c; }"
        + "bg = bg || [255, 255, 255];"
        + "const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;"
        + "  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
        + "  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
        + "const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg);"
        + "return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);", selector);
    assertThat(ratio.doubleValue()).as("contrast of %s", what).isGreaterThanOrEqualTo(4.5);
  }

  private void viewport(int width, int height) {
    cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** Light or dark as the reader's preference, or null for the browser's own. */
  private void colourScheme(String scheme) {
    cdp("Emulation.setEmulatedMedia", Map.of("features", scheme == null ? List.of()
        : List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  private void scrollTo(double y) {
    js("window.scrollTo({top: arguments[0], behavior: 'instant'});", y);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rectOf(String selector) {
    return (Map<String, Object>) js("const r = document.querySelector(arguments[0])"
        + ".getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left,"
        + " right: r.right, width: r.width};", selector);
  }

  /** What the screen shows now. */
  private void viewportScreenshot(Path file) throws IOException {
    ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());");
    Map<String, Object> shot = cdp("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  /**
   * The charts of a month, a week's digest and a repository's page, at desktop and phone width,
   * light and dark: whole on the screen, a bar for each day of the shipped week whose tooltips
   * add up to the page's own count, numbers big enough to read, and every bar's colour at least
   * 3:1 from the page (what a graphic needs to be seen). Each is saved as a screenshot.
   */
  @Test
  void theChartsOfAMonthAWeekAndARepositoryStandOutInLightAndDark() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    // Each page, and where it says its number of commits.
    Map<String, String[]> pages = new LinkedHashMap<>();
    pages.put("month", new String[] {SitePaths.month(java.time.YearMonth.from(latest)),
        "table.month caption .count"});
    pages.put("week", new String[] {SitePaths.digest(null, Period.of(Period.Kind.WEEK, latest)),
        ".digest-sentence"});
    pages.put("repo", new String[] {"repos/sgl-project/sglang/", ".list-meta"});
    try {
      for (Map.Entry<String, String[]> page : pages.entrySet()) {
        for (int width : new int[] {1280, 390}) {
          viewport(width, 900);
          driver.get(base + page.getValue()[0]);
          String what = page.getKey() + " at " + width + " px";
          Map<String, Object> chart = rectOf("svg.chart");
          assertThat(((Number) chart.get("left")).doubleValue()).as(what).isNotNegative();
          assertThat(((Number) chart.get("right")).doubleValue()).as(what)
              .isLessThanOrEqualTo(width);
          assertThat(((Number) chart.get("width")).doubleValue()).as(what).isGreaterThan(300);
          // The shipped week: seven days, each with a report.
          List<WebElement> bars = driver.findElements(By.cssSelector("svg.chart g"));
          assertThat(bars).as(what).hasSize(7);
          long sum = 0;
          for (WebElement bar : bars) {
            sum += firstNumber((String) js("return arguments[0].querySelector('title')"
                + ".textContent.split(' · ')[1]", bar));
          }
          assertThat(sum).as("commits of the bars of the %s", what).isEqualTo(firstNumber(
              driver.findElement(By.cssSelector(page.getValue()[1])).getText()));
          if (page.getKey().equals("month")) {
            assertThat(driver.findElements(By.cssSelector("svg.chart rect"))).as("bar parts")
                .hasSameSizeAs(driver.findElements(
                    By.cssSelector("ol.month-days .day-head .chip")));
          }
          assertThat(((Number) js("return document.querySelector('svg.chart .chart-label')"
              + ".getBoundingClientRect().height")).doubleValue())
              .as("a label's height on the %s", what).isGreaterThanOrEqualTo(9);
          js("document.querySelector('svg.chart').scrollIntoView({block: 'center'})");
          for (String scheme : new String[] {"light", "dark"}) {
            colourScheme(scheme);
            for (String severity : new String[] {"high", "medium", "low"}) {
              Number ratio = (Number) js(
                  "const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);"
                  + "const lum = c => { const [r, g, b] = c.map(v => { v /= 255;"
                  + "  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
                  + "  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
                  + "const bar = rgb(getComputedStyle(document.querySelector("
                  + "  'svg.chart rect.bar-' + arguments[0])).fill);"
                  + "const bg = rgb(getComputedStyle(document.body).backgroundColor);"
                  + "const a = lum(bar), b = lum(bg);"
                  + "return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);", severity);
              assertThat(ratio.doubleValue())
                  .as("%s bars against the %s page, %s", severity, scheme, what)
                  .isGreaterThanOrEqualTo(3);
            }
            viewportScreenshot(SCREENSHOTS.resolve(
                page.getKey() + "-chart-" + width + "-" + scheme + ".png"));
          }
          colourScheme(null);
        }
      }
    } finally {
      colourScheme(null);
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** The first whole number in a text: "141 个提交 · …", "本周共 141 个提交：…". */
  private static long firstNumber(String text) {
    Matcher m = Pattern.compile("\\d+").matcher(text);
    assertThat(m.find()).as("a number in %s", text).isTrue();
    return Long.parseLong(m.group());
  }

  @Test
  void repoPageFromTheNavListsEveryCommitOnItOrInTheSearch() {
    driver.get(base);
    WebElement repoLink = driver.findElement(By.cssSelector(".site-nav a[href*='repos/']"));
    String repo = repoLink.getText();
    repoLink.click();
    String first = base + "repos/" + repo + "/";
    waitForUrl(first);
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(repo);
    Matcher totalText = Pattern.compile("^(\\d+)\\s")
        .matcher(driver.findElement(By.cssSelector(".list-meta")).getText());
    assertThat(totalText.find()).as("commit count in .list-meta").isTrue();

    int total = Integer.parseInt(totalText.group(1));

    // The page holds the newest commits; its link to the older ones opens the search, which
    // lists the rest, newest first, "more" after more.
    List<String> shas = new ArrayList<>(commitsShown());
    assertThat(shas).as("commits on the page").hasSizeBetween(config.pageSize(), total - 1);
    driver.findElement(By.cssSelector(".list-older a")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(
        "^" + Pattern.quote(base + SitePaths.SEARCH + "?q=") + ".*&sort=date$"));
    assertThat(driver.findElement(By.id("search-q")).getDomProperty("value"))
        .startsWith("repo:" + repo + " date:..");
    int older = total - shas.size();
    for (int shown = 10; ; shown += 10) {
      int expected = Math.min(shown, older);
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(
          By.cssSelector("#search-results li.search-hit")).size() == expected);
      if (expected == older) {
        break;
      }
      driver.findElement(By.cssSelector("button.search-more")).click();
    }
    assertThat(driver.findElement(By.id("search-status")).getText()).contains("" + older);
    assertThat(driver.findElements(By.cssSelector("button.search-more"))).isEmpty();
    for (WebElement hit : driver.findElements(By.cssSelector("#search-results li.search-hit"))) {
      shas.add(hit.getDomAttribute("data-sha").substring(0, 7));
    }
    assertThat(shas).as("commits on the page, then in the search")
        .doesNotHaveDuplicates().hasSize(total);

    // Back on the page, a commit leads to its section in its report.
    driver.navigate().back();
    waitForUrl(first);
    WebElement entry = driver.findElement(By.cssSelector("ol.entries > li > a"));
    String title = entry.getText();
    String sha = entry.getDomAttribute("href").replaceAll(".*#", "");
    entry.click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches("^" + Pattern.quote(base + "reports/")
            + "\\d{4}/\\d{2}/\\d{4}-\\d{2}-\\d{2}\\.html#" + sha + "$"));
    assertTargetIsCommitHeading(sha, title);
  }

  @Test
  void missingPageGetsTheSite404PageWhoseLinksWorkUnderTheSubPath() {
    String missing = SUB_PATH + "reports/1999/01/1999-01-01.html";
    expectedMissing.add(missing);
    driver.get(base + missing.substring(SUB_PATH.length()));
    assertThat(driver.findElement(By.cssSelector("body")).getDomAttribute("class"))
        .contains("not-found");
    assertThat(((Number) js("return document.styleSheets[0].cssRules.length")).intValue())
        .isPositive();
    // Chromium reports the 404 of the page itself on the console; that one is expected.
    assertThat(consoleErrors()).allMatch(e -> e.contains(missing) && e.contains("404"));
    driver.findElement(By.cssSelector("main a.button")).click();
    waitForUrl(base);
  }

  @Test
  void screenshotsAtPhoneAndDesktopWidth() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", base);
    pages.put("report-" + latest, base + SitePaths.report(latest));
    int[][] sizes = {{375, 812}, {1440, 900}};
    cdp("Emulation.setScrollbarsHidden", Map.of("hidden", true));
    try {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        for (int[] size : sizes) {
          cdp("Emulation.setDeviceMetricsOverride", Map.of("width", size[0], "height", size[1],
              "deviceScaleFactor", 1, "mobile", size[0] < 600));
          driver.get(page.getValue());
          // Nothing wider than the screen: wide tables scroll inside themselves.
          long width = ((Number) js("return document.documentElement.scrollWidth")).longValue();
          assertThat(width).as("page width of %s at %d px", page.getKey(), size[0])
              .isLessThanOrEqualTo(size[0]);
          Path file = SCREENSHOTS.resolve(page.getKey() + "-" + size[0] + "x" + size[1] + ".png");
          BufferedImage image = fullPageScreenshot(file);
          assertThat(image.getWidth()).as(file.toString()).isGreaterThanOrEqualTo(size[0]);
          assertThat(image.getHeight()).as(file.toString()).isPositive();
          assertThat(colours(image)).as("colours in %s", file).isGreaterThan(2);
        }
      }
    } finally {
      cdp("Emulation.setScrollbarsHidden", Map.of("hidden", false));
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** The pages of navigation at archive scale, by the name their screenshots get. */
  private Map<String, String> navigationPages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", base);
    pages.put("day", base + SitePaths.report(latest));
    pages.put("month", base + SitePaths.month(java.time.YearMonth.from(latest)));
    pages.put("year", base + SitePaths.year(latest.getYear()));
    pages.put("type", base + SitePaths.type(dev.daybook.model.ChangeType.BUGFIX));
    pages.put("severity", base + SitePaths.severity(dev.daybook.model.Severity.MEDIUM));
    pages.put("repo", base + "repos/sgl-project/sglang/");
    pages.put("week-digest", base + SitePaths.digest(null, Period.of(Period.Kind.WEEK, latest)));
    pages.put("month-digest", base + SitePaths.digest(null,
        Period.of(Period.Kind.MONTH, latest)));
    pages.put("search", base + SitePaths.SEARCH + "?q=cache");
    pages.put("not-found", base + "404.html");
    return pages;
  }

  @Test
  void theNavigationPagesFitPhoneAndDesktopWidths() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    cdp("Emulation.setScrollbarsHidden", Map.of("hidden", true));
    try {
      for (Map.Entry<String, String> page : navigationPages().entrySet()) {
        for (int width : new int[] {1280, 390}) {
          cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
              "deviceScaleFactor", 1, "mobile", width < 600));
          driver.get(page.getValue());
          assertThat(driver.findElements(By.cssSelector("main h1, main h2"))).as(page.getKey())
              .isNotEmpty();
          if (page.getKey().equals("search")) {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#search-results li")).isEmpty());
          }
          long scrollWidth = ((Number) js("return document.documentElement.scrollWidth"))
              .longValue();
          assertThat(scrollWidth).as("page width of %s at %d px", page.getKey(), width)
              .isLessThanOrEqualTo(width);
          // The header's search box is on the screen, whole (the search page has its own).
          if (!page.getKey().equals("search")) {
            Map<String, Object> box = rect("#site-q");
            assertThat(((Number) box.get("right")).doubleValue()).as("%s at %d", page.getKey(),
                width).isLessThanOrEqualTo(width);
            assertThat(((Number) box.get("width")).doubleValue()).isGreaterThan(100);
          }
          fullPageScreenshot(SCREENSHOTS.resolve(page.getKey() + "-" + width + ".png"));
        }
      }
    } finally {
      cdp("Emulation.setScrollbarsHidden", Map.of("hidden", false));
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void aBrowserThatCannotInflateTheIndexIsToldSo() {
    // As a browser from before DecompressionStream (Chrome 80, Firefox 113, Safari 16.4).
    Object script = cdp("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", "delete window.DecompressionStream;")).get("identifier");
    try {
      driver.get(base + SitePaths.SEARCH + "?q=cache");
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(
          By.id("search-results")).getDomAttribute("data-state").equals("done"));
      assertThat(driver.findElement(By.id("search-status")).getText())
          .isEqualTo("这个浏览器读不了搜索索引，请换用较新的浏览器。");
      assertThat(driver.findElements(By.cssSelector("#search-results li"))).isEmpty();
    } finally {
      cdp("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
    }
    driver.get(base + SitePaths.SEARCH + "?q=cache");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
        By.cssSelector("#search-results li")).isEmpty());
  }

  @Test
  void slashFocusesTheHeaderSearchBoxWhichOpensTheSearchPageWithTheQuery() {
    driver.get(base + SitePaths.month(java.time.YearMonth.from(latest)));
    assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isNotEqualTo("site-q");

    new org.openqa.selenium.interactions.Actions(driver).sendKeys("/").perform();
    WebElement box = driver.switchTo().activeElement();
    assertThat(box.getDomAttribute("id")).isEqualTo("site-q");
    box.sendKeys("radix cache");
    assertThat(box.getDomProperty("value")).as("the / was not typed into the box")
        .isEqualTo("radix cache");
    box.sendKeys(org.openqa.selenium.Keys.ENTER);

    waitForUrl(base + SitePaths.SEARCH + "?q=radix+cache");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
        By.cssSelector("#search-results li")).isEmpty());
    assertThat(driver.findElement(By.id("search-q")).getDomProperty("value"))
        .isEqualTo("radix cache");
    assertThat(driver.findElements(By.id("site-q"))).as("a second box on the search page")
        .isEmpty();
    // On the search page, "/" goes to the page's own box.
    driver.findElement(By.tagName("h1")).click();
    new org.openqa.selenium.interactions.Actions(driver).sendKeys("/").perform();
    assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("search-q");
  }

  @Test
  void theDateJumpOfAListOpensADayOnItsPageOrInTheSearch() {
    String front = base + "repos/sgl-project/sglang/";
    // The shipped week: the page shows 2026-02-05 to 2026-02-08; the days before are searched.
    driver.get(front);
    js("document.getElementById('jump-date').value = arguments[0];", "2026-02-06");
    driver.findElement(By.cssSelector("form.jump-form button")).click();
    waitForUrl(front + "#d2026-02-06");
    // The target is the day: its heading says the date.
    Object target = js("const t = document.querySelector(':target');"
        + "return t && t.querySelector('h2').textContent;");
    assertThat(target).isEqualTo("2026-02-06");

    js("document.getElementById('jump-date').value = arguments[0];", "2026-02-03");
    driver.findElement(By.cssSelector("form.jump-form button")).click();
    waitForUrl(base + SitePaths.SEARCH
        + "?q=repo%3Asgl-project%2Fsglang%20date%3A..2026-02-03&sort=date");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
        By.cssSelector("#search-results li.search-hit")).isEmpty());
    // Newest first from that day: its commits, then the older days'.
    List<String> dates = driver.findElements(By.cssSelector("#search-results .search-meta"))
        .stream().map(meta -> meta.getText().substring(0, 10)).toList();
    assertThat(dates).first().isEqualTo("2026-02-03");
    assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder())
        .allMatch(d -> d.compareTo("2026-02-03") <= 0);
  }

  // ---------------------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private Map<String, Object> rect(String selector) {
    return (Map<String, Object>) js("const r = document.querySelector(arguments[0])"
        + ".getBoundingClientRect(); return {right: r.right, width: r.width};", selector);
  }

  private static LocalDate latestShippedReport(Path reports) throws IOException {
    try (Stream<Path> files = Files.walk(reports)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}\\.md"))
          .map(n -> LocalDate.parse(n.substring(0, 10)))
          .max(Comparator.naturalOrder())
          .orElseThrow(() -> new AssertionError("no report in " + reports));
    }
  }

  /** The short SHAs of the commits listed on the page. */
  private List<String> commitsShown() {
    return driver.findElements(By.cssSelector("ol.entries > li small code")).stream()
        .map(WebElement::getText).toList();
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private Map<String, Object> cdp(String command, Map<String, ?> params) {
    return driver.executeCdpCommand(command, new HashMap<String, Object>(params));
  }

  private void waitForUrl(String url) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url));
  }

  /** The errors logged on the console since the last call. */
  private List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** A few computed properties of the page's main parts. */
  @SuppressWarnings("unchecked")
  private Map<String, String> computedStyles() {
    return (Map<String, String>) js("const out = {};"
        + "for (const sel of ['body', '.site-header', '.site-nav', 'main', 'h1', 'h2', 'a']) {"
        + "  const el = document.querySelector(sel); if (!el) continue;"
        + "  const cs = getComputedStyle(el);"
        + "  for (const p of ['font-family', 'font-size', 'line-height', 'color',"
        + "      'background-color', 'margin', 'padding', 'max-width', 'display', 'border'])"
        + "    out[sel + ' ' + p] = cs.getPropertyValue(p);"
        + "}"
        + "return out;");
  }

  /** The page's {@code :target} is the heading of that commit, on screen. */
  @SuppressWarnings("unchecked")
  private void assertTargetIsCommitHeading(String sha, String title) {
    Map<String, Object> target = (Map<String, Object>) js("const t = document.querySelector(':target');"
        + "if (!t) return null;"
        + "const r = t.getBoundingClientRect();"
        + "return {tag: t.tagName, id: t.id, text: t.textContent.trim(), top: r.top,"
        + "  height: window.innerHeight};");
    assertThat(target).as("the #%s target", sha).isNotNull();
    assertThat((String) target.get("tag")).matches("H[1-6]");
    assertThat(target.get("id")).isEqualTo(sha);
    assertThat((String) target.get("text")).isEqualTo(title);
    double top = ((Number) target.get("top")).doubleValue();
    assertThat(top).as("heading top on screen").isBetween(-1.0,
        ((Number) target.get("height")).doubleValue());
  }

  /** The whole page, not only the viewport, as Chrome DevTools paints it. */
  @SuppressWarnings("unchecked")
  private BufferedImage fullPageScreenshot(Path file) throws IOException {
    ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());");
    Map<String, Object> size = (Map<String, Object>) cdp("Page.getLayoutMetrics", Map.of())
        .get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(((Number) size.get("height")).doubleValue(), MAX_SCREENSHOT_HEIGHT);
    Map<String, Object> shot = cdp("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "fromSurface", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    Files.write(file, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("PNG %s", file).isNotNull();
    return image;
  }

  /** How many different colours a grid of sample points shows: 1 means a blank picture. */
  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += Math.max(1, image.getHeight() / 200)) {
      for (int x = 0; x < image.getWidth(); x += Math.max(1, image.getWidth() / 50)) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
