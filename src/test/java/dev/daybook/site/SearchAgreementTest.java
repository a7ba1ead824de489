package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.cli.CliRun;
import dev.daybook.search.PublishedFile;
import dev.daybook.search.SplitExport;
import dev.daybook.search.StaticExport;
import dev.daybook.search.StaticFetchPlan;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser's search agrees with {@code daybook search}: every query of
 * {@code src/test/resources/search/agreement-queries.txt} is run through {@code daybook search
 * --json --limit 10} and through {@code search.html?q=} of the shipped content, baked by the real
 * {@code daybook build} and served under a sub-path in headless Chromium; both must list the same
 * commits in the same order, each with the same link, facts, title and snippet (marks and all),
 * or both reject the query. Hostile queries must not add elements to
 * the page. The bytes the browser fetched for a first query are printed. The files the page
 * requests for a first query are those {@link StaticFetchPlan} lists (the benchmark counts its
 * bytes with it); the facets come when the reader asks for them (their files then are those
 * {@link StaticFetchPlan#facets} lists), and clicking one gives the results and the {@code ?q=}
 * of the filter query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SearchAgreementTest {

  static final Path QUERIES = Path.of("src", "test", "resources", "search",
      "agreement-queries.txt");
  static final String SUB_PATH = "/daybook/";

  private ServedSite served;
  private final List<StaticServer.Request> requests = new CopyOnWriteArrayList<>();
  private String base;
  private Path index;
  private Path site;
  private ChromeDriver driver;
  /** The shipped settings with the facets on request ({@code search.facets-at-once=0}). */
  private Path facetsOnRequest;

  @BeforeAll
  void bakeServeAndOpenChromium(@TempDir Path tmp) throws IOException {
    Chromium.requireInstalled("SearchAgreementTest");
    // The facets wait for the refine button at any size, so that their requests can be told
    // from the query's; the English site below keeps the default, facets with every query.
    facetsOnRequest = tmp.resolve("site.properties");
    Files.writeString(facetsOnRequest, Files.readString(Path.of("site.properties"))
        + "\nsearch.facets-at-once=0\n");
    served = ServedSite.start(tmp, SUB_PATH, requests::add, 1280, 900, facetsOnRequest);
    site = served.site();
    index = served.index();
    base = served.base();
    driver = served.driver();
  }

  @AfterAll
  void closeAll() throws IOException {
    if (served != null) {
      served.close();
    }
  }

  /** The queries of {@link #QUERIES}, and one too long to be read (no line of a file). */
  static List<String> queries() throws IOException {
    List<String> all = new ArrayList<>(Files.readAllLines(QUERIES, StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
    all.add("cache ".repeat(200));
    return all;
  }

  /** The CLI's top 10 SHAs, or null with the error when it rejects the query. */
  private List<String> cli(String query, StringBuilder error) throws IOException {
    return cli(query, error, index, "site.properties", "relevance", null);
  }

  /**
   * The same for the index of another site, with its settings, in an order; {@code corrected}
   * gets the query as corrected, if it was.
   */
  private static List<String> cli(String query, StringBuilder error, Path index, String config,
      String sort, StringBuilder corrected) throws IOException {
    return cli(query, error, index, Path.of("content"), config, sort, corrected, null);
  }

  /**
   * The same for the index of another archive; {@code shown} gets what each hit shows ({@link
   * #shown}).
   */
  private static List<String> cli(String query, StringBuilder error, Path index, Path content,
      String config, String sort, StringBuilder corrected, List<String> shown)
      throws IOException {
    CliRun r = CliRun.run("search", "--json", "--limit", "10", "--index=" + index,
        "--content=" + content, "--config=" + config, "--sort=" + sort, "--", query);
    JsonNode json = new ObjectMapper().readTree(r.out());
    if (json.has("error")) {
      assertThat(r.exitCode()).as("daybook search %s", query).isEqualTo(2);
      int column = json.get("column").asInt();
      if (column > 0) { // short queries: the query, then a caret under the column
        assertThat(r.err()).as(query).contains("\n  " + query + "\n"
            + " ".repeat(1 + column) + "^\n");
      }
      error.append(json.get("error").asText());
      return null;
    }
    assertThat(r.exitCode()).as("daybook search %s: %s", query, r.err()).isZero();
    if (corrected != null && !json.get("corrected").isNull()) {
      corrected.append(json.get("corrected").asText());
    }
    List<String> shas = new ArrayList<>();
    json.get("results").forEach(h -> shas.add(h.get("sha").asText()));
    if (shown != null) {
      json.get("results").forEach(h -> shown.add(shown(h)));
    }
    return shas;
  }

  /**
   * What a hit shows, a line each: its address, its title, its facts (date, repository, SHA,
   * severity and type keys, author) and its snippet, matches in [].
   */
  private static String shown(JsonNode h) {
    List<String> facts = new ArrayList<>(List.of(h.get("date").asText(), h.get("repo").asText(),
        h.get("sha7").asText(), h.get("severity").asText()));
    h.get("types").forEach(t -> facts.add(t.asText()));
    facts.add(h.get("author").asText());
    return String.join("\n", h.get("url").asText(),
        marked(h.get("title").asText(), h.get("titleHighlights")), String.join(" · ", facts),
        marked(h.get("snippet").asText(), h.get("highlights")));
  }

  /** A text with its [start, end) highlights in []. */
  private static String marked(String text, JsonNode highlights) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (JsonNode h : highlights) {
      out.append(text, at, h.get(0).asInt()).append('[')
          .append(text, h.get(0).asInt(), h.get(1).asInt()).append(']');
      at = h.get(1).asInt();
    }
    return out.append(text.substring(at)).toString();
  }

  /**
   * What the page shows of each hit as {@link #shown} writes it: the link relative to the site,
   * the title, the meta line with severity and types as keys again (the site's words of them
   * read back from {@code meta.json}) and the snippet, each mark in [].
   */
  @SuppressWarnings("unchecked")
  private List<String> browserShown(String siteBase, Path siteDir) throws IOException {
    JsonNode words = PublishedFile.readJson(siteDir.resolve("search/meta.json.gz")).get("words");
    Map<String, String> keys = new java.util.HashMap<>();
    for (String field : List.of("severity", "type")) {
      words.get(field).fields().forEachRemaining(e -> keys.put(e.getValue().get(0).asText(),
          e.getKey()));
    }
    List<String> lines = (List<String>) driver.executeScript(
        "const marked = e => Array.from(e.childNodes).map(n => n.nodeName === 'MARK'"
        + "  ? '[' + n.textContent + ']' : n.textContent).join('');"
        + "return Array.from(document.querySelectorAll('#search-results li.search-hit')).map(li =>"
        + "  [li.querySelector('a.search-title').href, marked(li.querySelector('a.search-title')),"
        + "   li.querySelector('.search-meta').textContent,"
        + "   marked(li.querySelector('.search-snippet'))].join('\\n'));");
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\n", -1);
      String url = f[0].startsWith(siteBase) ? f[0].substring(siteBase.length()) : f[0];
      List<String> facts = new ArrayList<>(List.of(f[2].split(" · ", -1)));
      for (int i = 3; i < facts.size() - 1; i++) {
        facts.set(i, keys.getOrDefault(facts.get(i), facts.get(i)));
      }
      out.add(String.join("\n", url, f[1], String.join(" · ", facts), f[3]));
    }
    return out;
  }

  /** Opens search.html?q= and waits until the page has answered this query. */
  private void open(String query) {
    driver.get(base + "search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    answered(query);
  }

  /** Waits until the page has answered this query. */
  private void answered(String query) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "the page never answered "
        + query + "; it answered " + driver.findElement(By.id("search-results"))
        .getDomAttribute("data-query")).until(d -> query.equals(
        d.findElement(By.id("search-results")).getDomAttribute("data-query"))
        && "done".equals(d.findElement(By.id("search-results")).getDomAttribute("data-state")));
  }

  /**
   * Asks for the facets (the refine button under the results) and waits until they are there:
   * a first query does not load their files.
   */
  private void openFacets() {
    assertThat(driver.findElements(By.cssSelector("#search-facets .search-facet")))
        .as("facets before the reader asks for them").isEmpty();
    driver.findElement(By.id("search-refine")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
        !d.findElements(By.cssSelector("#search-facets .search-facet")).isEmpty()
        && "done".equals(d.findElement(By.id("search-results")).getDomAttribute("data-state")));
    // The button that had the keyboard is gone: the first facet has it now.
    assertThat(driver.switchTo().activeElement())
        .isEqualTo(driver.findElement(By.cssSelector("#search-facets button")));
  }

  /** What the page says of a corrected query ("显示 cache 的结果"), or "". */
  private String correction() {
    return driver.findElement(By.id("search-correction")).getText();
  }

  private List<String> browser() {
    return driver.findElements(By.cssSelector("#search-results li.search-hit")).stream()
        .map(e -> e.getDomAttribute("data-sha")).toList();
  }

  @Test
  void browserAndCliAgreeOnEveryQuery() throws IOException {
    agreeOnEveryQuery(base, site, index, Path.of("content"));
  }

  /**
   * The same over an export in two parts ({@code StaticExport.Part}): the shipped week in
   * February, and three of its days again in March, as other commits (their SHAs changed), and
   * a fourth as the commits of a repository of March alone.
   */
  @Test
  void browserAndCliAgreeOnEveryQueryOverAnExportInTwoParts(@TempDir Path tmp)
      throws IOException {
    Path content = tmp.resolve("content");
    try (Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = content.resolve(Path.of("content").relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    for (String day : List.of("06", "07", "08")) {
      copyToMarch(content, day, day, null);
    }
    // And a repository of March alone.
    copyToMarch(content, "04", "09", "acme/widget");
    Path twoSite = tmp.resolve("site");
    Path twoIndex = tmp.resolve("lucene");
    List<StaticServer.Request> seen = new CopyOnWriteArrayList<>();
    try (StaticServer server = StaticServer.start(twoSite, 0, SUB_PATH, seen::add)) {
      String twoBase = server.url().toString();
      CliRun build = CliRun.run("build", "--content=" + content, "--out=" + twoSite,
          "--base-url=" + twoBase, "--index=" + twoIndex);
      assertThat(build.exitCode()).as("daybook build: %s%s", build.out(), build.err()).isZero();
      try (Stream<Path> dirs = Files.list(twoSite.resolve("search"))) {
        assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted())
            .containsExactly("2026-02", "2026-03");
      }
      agreeOnEveryQuery(twoBase, twoSite, twoIndex, content);

      // A date filter loads the dates of only the parts it can meet; a date filter the query
      // requires, the sets of its filters' and words' values and the postings of only those
      // parts, and of the other parts only what the scores and the spelling need (a text term's
      // document frequency, when the newest part lacks the term); the facets come from the parts
      // that hold a result. The page fetches what the fetch plan lists, and shows what the
      // terminal finds.
      String february = "search/2026-02/field-date.json.gz";
      String march = "search/2026-03/field-date.json.gz";
      try (StaticFetchPlan plan = new StaticFetchPlan(twoSite, twoIndex)) {
        for (String query : TWO_PART_QUERIES) {
          assertThat(fetched(twoBase, seen, query)).as("files fetched for %s", query)
              .isEqualTo(new TreeSet<>(plan.files(query)));
          StringBuilder error = new StringBuilder();
          assertThat(browser()).as("results of %s", query)
              .isEqualTo(cli(query, error, twoIndex, content, "site.properties", "relevance",
                  new StringBuilder(), new ArrayList<>()));
        }
        // March alone: no file of February's for a word both months have, or for its phrase;
        // February's shards of a word it alone has (its document frequency and spelling).
        for (String query : List.of("cache date:2026-03", "\"jit test\" date:2026-03")) {
          assertThat(plan.files(query)).as(query)
              .noneMatch(f -> f.startsWith("search/2026-02/"));
        }
        assertThat(plan.files("accuracy date:2026-03")).as("a word of February alone")
            .anyMatch(f -> f.startsWith("search/2026-02/terms-"))
            .noneMatch(f -> f.startsWith("search/2026-02/field-"));
        // A repository of March alone: the same.
        assertThat(plan.files("repo:acme/widget cache")).as("repo:acme/widget cache")
            .noneMatch(f -> f.startsWith("search/2026-02/"));
        // February alone: March's shards too, the newest part's, for the other parts' counts.
        assertThat(plan.files("cache date:2026-02-03"))
            .anyMatch(f -> f.startsWith("search/2026-03/terms-"))
            .noneMatch(f -> f.startsWith("search/2026-03/field-"));
        assertThat(plan.files("cache date:2026-03-07")).contains(march).doesNotContain(february);
        assertThat(plan.files("cache date:2026-03")).contains(march).doesNotContain(february)
            .contains("search/2026-03/facets.json.gz")
            .doesNotContain("search/2026-02/facets.json.gz");
        assertThat(plan.files("date:..2026-02-28 OR sglang")).contains(february)
            .doesNotContain(march);
        assertThat(plan.files("cache date:2026-02..2026-03")).contains(february, march)
            .contains("search/2026-02/facets.json.gz", "search/2026-03/facets.json.gz");
        assertThat(plan.files("cache -date:2026-02-06")).contains(february)
            .doesNotContain(march);
        assertThat(plan.files("type:bugfix date:2026-03"))
            .anyMatch(f -> f.startsWith("search/2026-03/field-type-"))
            .noneMatch(f -> f.startsWith("search/2026-02/field-"))
            .doesNotContain("search/2026-02/facets.json.gz");
        // 修复 names the bug-fix type: its set, of the parts the query can match.
        assertThat(plan.files("修复 date:2026-03"))
            .noneMatch(f -> f.startsWith("search/2026-02/field-type-"))
            .anyMatch(f -> f.startsWith("search/2026-03/field-type-"))
            .doesNotContain("search/2026-02/facets.json.gz");
        assertThat(plan.files("cache severity:medium date:2026-03"))
            .anyMatch(f -> f.startsWith("search/2026-03/field-severity-"))
            .noneMatch(f -> f.startsWith("search/2026-02/field-severity-"));
        // Either side of an OR, or a date left out, can match in every part.
        assertThat(plan.files("type:bugfix date:2026-03 OR severity:high"))
            .anyMatch(f -> f.startsWith("search/2026-02/field-type-"))
            .anyMatch(f -> f.startsWith("search/2026-03/field-type-"));
        assertThat(plan.files("type:bugfix -date:2026-03"))
            .anyMatch(f -> f.startsWith("search/2026-02/field-type-"));
      }

      // The same with frequent words written as heads and tails (TermSplit), March as long as
      // February: a head of the newest part gives the other parts' counts too, and a query of
      // March reads no tail of February's.
      for (String day : List.of("02", "03", "04", "05")) {
        copyToMarch(content, day, day, null);
      }
      CliRun again = CliRun.run("build", "--content=" + content, "--out=" + twoSite,
          "--base-url=" + twoBase, "--index=" + twoIndex);
      assertThat(again.exitCode()).as("daybook build: %s%s", again.out(), again.err()).isZero();
      SplitExport.rewrite(twoIndex, twoSite.resolve("search"), SplitExport.LOW);
      JsonNode newest = PublishedFile.readJson(twoSite.resolve("search/meta.json.gz"))
          .get("parts").get(1);
      JsonNode shard = PublishedFile.readJson(twoSite.resolve("search/"
          + newest.get("dir").asText() + "terms-"
          + StaticExport.shard("修复", newest.get("shards").asInt()) + ".json.gz"));
      JsonNode head = shard.get("修复");
      if (head.isNumber()) { // too long for the shard: big-K.json
        int k = head.asInt();
        head = PublishedFile.readJson(twoSite.resolve("search/" + newest.get("dir").asText()
            + "big/" + k / StaticExport.PER_FOLDER + "/big-" + k + ".json.gz"));
      }
      assertThat(head).as("a head with the other parts' counts").hasSize(7);
      try (StaticFetchPlan plan = new StaticFetchPlan(twoSite, twoIndex)) {
        for (String query : List.of("修复 date:2026-03", "sglang date:2026-03",
            "修复 date:2026-02", "\"修复 提交\" date:2026-03", "修复 sglang date:2026-03-07",
            "提交 date:2026-02..2026-03")) {
          assertThat(fetched(twoBase, seen, query)).as("files fetched for %s", query)
              .isEqualTo(new TreeSet<>(plan.files(query)));
          assertThat(browser()).as("results of %s", query)
              .isEqualTo(cli(query, new StringBuilder(), twoIndex, content, "site.properties",
                  "relevance", new StringBuilder(), new ArrayList<>()));
        }
        assertThat(plan.files("修复 date:2026-03"))
            .anyMatch(f -> f.startsWith("search/2026-03/tail/"))
            .noneMatch(f -> f.startsWith("search/2026-02/"));
      }
    }
  }

  /**
   * Copies a day of the shipped week to a day of March, each hex digit of its SHAs one more:
   * other commits; of another repository when {@code repo} is not null.
   */
  private static void copyToMarch(Path content, String day, String to, String repo)
      throws IOException {
    String text = Files.readString(Path.of("content/reports/2026/02/2026-02-" + day + ".md"))
        .replace("2026-02-" + day, "2026-03-" + to).replace("2026-02-", "2026-03-");
    if (repo != null) {
      text = text.replace("sgl-project/sglang", repo);
    }
    Matcher hex = Pattern.compile("(?<![0-9a-f])[0-9a-f]{7,40}(?![0-9a-f])").matcher(text);
    text = hex.replaceAll(m -> m.group().chars()
        .mapToObj(c -> Character.toString("0123456789abcdef".charAt(
            (Character.digit(c, 16) + 1) % 16))).collect(java.util.stream.Collectors.joining()));
    Path file = content.resolve("reports/2026/03/2026-03-" + to + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /**
   * The same over an export whose frequent words are written as a head and a tail ({@code
   * TermSplit}): the shipped week exported again with a threshold low enough for them. The page
   * fetches what the fetch plan lists, the tails only when the heads do not prove the first page,
   * and says how many results there are at least when it did not load them.
   */
  @Test
  void browserAndCliAgreeOnEveryQueryOverAnExportWithSplitTerms(@TempDir Path tmp)
      throws IOException {
    Path splitSite = tmp.resolve("site");
    Path splitIndex = tmp.resolve("lucene");
    List<StaticServer.Request> seen = new CopyOnWriteArrayList<>();
    try (StaticServer server = StaticServer.start(splitSite, 0, SUB_PATH, seen::add)) {
      String splitBase = server.url().toString();
      // The facets on request, so that a first query may read the heads alone.
      CliRun build = CliRun.run("build", "--config=" + facetsOnRequest, "--content=content",
          "--out=" + splitSite, "--base-url=" + splitBase, "--index=" + splitIndex);
      assertThat(build.exitCode()).as("daybook build: %s%s", build.out(), build.err()).isZero();
      SplitExport.rewrite(splitIndex, splitSite.resolve("search"), SplitExport.LOW);
      try (Stream<Path> files = Files.list(splitSite.resolve("search/2026-02"))) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .anyMatch(f -> f.equals("tail"));
      }
      agreeOnEveryQuery(splitBase, splitSite, splitIndex, Path.of("content"));

      int proven = 0;
      int tailed = 0;
      try (StaticFetchPlan plan = new StaticFetchPlan(splitSite, splitIndex)) {
        for (String query : List.of("修复", "sglang", "提交", "代码 cache", "修复 severity:high",
            "\"修复\"", "\"修复 提交\"", "sglang OR 修复", "-sglang 修复", "修复 sglang",
            "python")) {
          List<String> planned = plan.files(query);
          assertThat(fetched(splitBase, seen, query)).as("files fetched for %s", query)
              .isEqualTo(new TreeSet<>(planned));
          boolean tails = planned.stream().anyMatch(f -> f.contains("/tail-"));
          tailed += tails ? 1 : 0;
          proven += tails ? 0 : 1;
          String status = driver.findElement(By.id("search-status")).getText();
          assertThat(status).as(query).matches(tails ? "共 \\d+ 条结果" : "至少 \\d+ 条结果");
        }
        assertThat(plan.files("\"修复 提交\"")).as("a phrase loads the tails")
            .anyMatch(f -> f.contains("/tail-"));
      }
      assertThat(proven).as("queries the heads answered").isGreaterThanOrEqualTo(2);
      assertThat(tailed).as("queries that needed the tails").isGreaterThanOrEqualTo(2);

      // The facets count every hit: the refine button loads the tails first.
      fetched(splitBase, seen, "修复");
      assertThat(driver.findElement(By.id("search-status")).getText()).startsWith("至少 ");
      driver.findElement(By.id("search-refine")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
          !d.findElements(By.cssSelector("#search-facets .search-facet")).isEmpty());
      assertThat(driver.findElement(By.id("search-status")).getText())
          .isEqualTo("共 " + count("修复", splitIndex) + " 条结果");
      assertThat(seen.stream().map(r -> r.path())).anyMatch(p -> p.contains("/tail-"));
    }
  }

  /** Queries over the export in two parts, February and March, most of them of one part. */
  static final List<String> TWO_PART_QUERIES = List.of("cache date:2026-03-07",
      "cache date:2026-02..2026-03", "cache -date:2026-02-06", "date:..2026-02-28 OR sglang",
      "date:2026-03", "cache date:2026-03", "type:bugfix date:2026-03", "修复 date:2026-03",
      "cache severity:medium date:2026-03", "type:bugfix date:2026-03 OR severity:high",
      "type:bugfix -date:2026-03", "\"radix cache\" date:2026-03-07", "accuracy date:2026-03",
      "cache accuracy date:2026-03", "accuracy date:2026-02", "cache date:2026-02-03",
      "radix cache date:2026-03", "Alison date:2026-03", "cahce date:2026-03",
      "修复 高 date:2026-03", "sglang date:2026-03-06..", "\"jit test\" date:2026-03",
      "cctry date:2026-03", "author:cctry date:2026-03", "sha:3d68bd9d9b6e date:2026-03",
      "3d68bd9d9b6e date:2026-02..2026-03", "sha:4e79ce0e0c7f date:2026-02",
      "repo:acme/widget cache", "repo:widget 修复", "repo:sglang cache date:2026-03",
      "repo:acme/widget date:2026-02", "repo:acme/widget OR accuracy", "repo:widget accuracy",
      "repo:sglang accuracy");

  /** Loads search.html?q= of a site in a fresh page with an empty cache: what it fetched. */
  private Set<String> fetched(String siteBase, List<StaticServer.Request> seen, String query) {
    driver.get(siteBase + "404.html");
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    seen.clear();
    driver.get(siteBase + "search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    answered(query);
    Set<String> paths = new TreeSet<>();
    for (StaticServer.Request r : seen) {
      String path = r.path().substring(SUB_PATH.length());
      if (path.startsWith("search/") || path.equals("js/search.js")) {
        assertThat(r.status()).as(path).isEqualTo(200);
        paths.add(path);
      }
    }
    return paths;
  }

  private void agreeOnEveryQuery(String siteBase, Path siteDir, Path siteIndex, Path content)
      throws IOException {
    List<String> failures = new ArrayList<>();
    int compared = 0;
    int corrections = 0;
    for (String query : queries()) {
      StringBuilder error = new StringBuilder();
      StringBuilder corrected = new StringBuilder();
      List<String> shown = new ArrayList<>();
      List<String> expected = cli(query, error, siteIndex, content, "site.properties",
          "relevance", corrected, shown);
      driver.get(siteBase + "search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
      answered(query);
      String said = corrected.isEmpty() ? "" : "显示 " + corrected + " 的结果";
      if (!correction().equals(said)) {
        failures.add(query + ": the CLI reads it as \"" + corrected + "\", the page says \""
            + correction() + "\"");
      }
      corrections += corrected.isEmpty() ? 0 : 1;
      List<String> actual = browser();
      String status = driver.findElement(By.id("search-status")).getText();
      if (expected == null) {
        if (!actual.isEmpty() || !status.contains(error.toString())) {
          failures.add(query + ": the CLI says \"" + error + "\", the page shows " + actual
              + " / \"" + status + "\"");
        }
        if (!hasHan(error.toString().replace(query, ""))) {
          failures.add(query + ": not in Chinese on a Chinese site: " + error);
        }
      } else if (!expected.equals(actual)) {
        failures.add(query + ":\n  cli     " + expected + "\n  browser " + actual);
      } else if (!shown.equals(browserShown(siteBase, siteDir))) {
        // The same commits show the same link, facts, title and snippet, marks and all.
        failures.add(query + " shows:\n  cli     " + shown + "\n  browser "
            + browserShown(siteBase, siteDir));
      } else {
        compared += expected.isEmpty() ? 0 : 1;
      }
      // Nothing from the query became markup.
      assertThat(driver.findElements(By.cssSelector(
          "main script:not([src$='js/search.js']), main img, #search-results [onerror]"))).as(query)
          .isEmpty();
    }
    assertThat(failures).as("queries where the browser and the CLI differ").isEmpty();
    assertThat(compared).as("queries with results").isGreaterThanOrEqualTo(15);
    assertThat(corrections).as("queries read with a corrected word").isGreaterThanOrEqualTo(5);
  }

  /** Whether a text holds a Chinese character. */
  private static boolean hasHan(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HAN);
  }

  /**
   * An English site says every error in English, the same in the terminal and on the page: the
   * shipped content baked with {@code site.locale=en}.
   */
  @Test
  void anEnglishSiteSaysEveryErrorInEnglishInTheTerminalAndThePage(@TempDir Path tmp)
      throws IOException {
    Path config = tmp.resolve("site.properties");
    Files.writeString(config, Files.readString(Path.of("site.properties"))
        .replace("site.locale=zh", "site.locale=en"));
    Path enSite = tmp.resolve("site");
    Path enIndex = tmp.resolve("lucene");
    List<String> failures = new ArrayList<>();
    int errors = 0;
    List<StaticServer.Request> enRequests = new CopyOnWriteArrayList<>();
    try (StaticServer server = StaticServer.start(enSite, 0, SUB_PATH, enRequests::add)) {
      String enBase = server.url().toString();
      CliRun build = CliRun.run("build", "--config=" + config, "--content=content",
          "--out=" + enSite, "--base-url=" + enBase, "--index=" + enIndex);
      assertThat(build.exitCode()).as("daybook build: %s%s", build.out(), build.err()).isZero();
      for (String query : queries()) {
        StringBuilder error = new StringBuilder();
        if (cli(query, error, enIndex, config.toString(), "relevance", null) != null) {
          continue;
        }
        errors++;
        driver.get(enBase + "search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        answered(query);
        String status = driver.findElement(By.id("search-status")).getText();
        if (!status.equals("The query has a problem: " + error) || !browser().isEmpty()) {
          failures.add(query + ": the CLI says \"" + error + "\", the page \"" + status + "\"");
        }
        // What the query holds is data, and so is a suggestion made of it (type:修理 → type:修复).
        if (hasHan(error.toString().replace(query, "").replaceAll("did you mean .*", ""))) {
          failures.add(query + ": not in English on an English site: " + error);
        }
      }
      Set<String> fetched = fetched(enBase, enRequests, "cache");
      // A site of a week is far below search.facets-at-once: the facets come with the results,
      // and the fetch plan the bench prints counts their files.
      assertThat(driver.findElements(By.id("search-refine"))).as("the refine button").isEmpty();
      try (StaticFetchPlan plan = new StaticFetchPlan(enSite, enIndex)) {
        assertThat(plan.files("cache")).containsAll(plan.facets("cache"));
        assertThat(fetched).isEqualTo(new TreeSet<>(plan.files("cache")));
      }
      assertThat(facetTexts("severity")).isNotEmpty()
          .allMatch(t -> t.matches("(High|Medium|Low) \\(\\d+\\)"));
      assertThat(facetTexts("type")).anyMatch(t -> t.startsWith("Bug fix ("));
      // In the site's order, not the keys' alphabet: high to low, types as the site lists them.
      assertThat(facetTexts("severity").stream().map(t -> t.substring(0, t.indexOf(" (")))
          .toList()).isSubsetOf("High", "Medium", "Low")
          .isSortedAccordingTo(Comparator.comparing(List.of("High", "Medium", "Low")::indexOf));
      assertThat(facetTexts("type").stream().map(t -> t.substring(0, t.indexOf(" (")))
          .toList()).startsWith("Feature", "Bug fix");
      // A facets' file that cannot be had leaves the results, and the refine button, which
      // asks again once it can.
      Path facetsFile = enSite.resolve("search/2026-02/facets.json.gz");
      Path away = enSite.resolve("search/2026-02/facets.json.gz.away");
      Files.move(facetsFile, away);
      driver.get(enBase + "404.html");
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.get(enBase + "search.html?q=kernel");
      answered("kernel");
      assertThat(browser()).as("results while a facets' file is missing")
          .isEqualTo(cli("kernel", new StringBuilder(), enIndex, config.toString(), "relevance",
              null));
      assertThat(facetTexts("severity")).isEmpty();
      Files.move(away, facetsFile);
      driver.findElement(By.id("search-refine")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !facetTexts("severity")
          .isEmpty());
    }
    assertThat(failures).isEmpty();
    assertThat(errors).as("queries with errors").isGreaterThanOrEqualTo(20);
  }

  /**
   * Odd but legal data: a name with quotes and an apostrophe, a path with blanks, a name in a
   * right-to-left script and a title holding an override. The terminal and the page find the
   * same commits by a word of the name without its punctuation and by the quoted path, and the
   * pages show a right-to-left name isolated: the time after it stays in its place.
   */
  @Test
  void oddNamesAndPathsAreFoundAlikeAndRightToLeftNamesStayIsolated(@TempDir Path tmp)
      throws IOException {
    String mallory = "a".repeat(40);
    String shalom = "b".repeat(40);
    String picard = "c".repeat(40);
    java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
    dev.daybook.model.DailyReport report = new dev.daybook.model.DailyReport(day, zone, List.of(
        new dev.daybook.model.RepoSection(dev.daybook.model.RepoId.parse("acme/tool"), List.of(
            oddCommit(mallory, "\"Mallory\" 'O'Brien", "Fix the loader", "docs/my notes.md", 10),
            oddCommit(shalom, "שלום", "\u202Eevil title", "src/x.py", 9),
            oddCommit(picard, "Jean-Luc Picard", "Add a guide", "docs/guide.md", 8)))));
    Path content = tmp.resolve("content");
    Path file = content.resolve("reports/2026/03/2026-03-02.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, new dev.daybook.report.ReportWriter(dev.daybook.model.Language.ZH)
        .write(report));
    assertThat(Files.readString(file)).as("the override is kept").contains("\u202Eevil title\u202C");
    Path oddSite = tmp.resolve("site");
    Path oddIndex = tmp.resolve("lucene");
    try (StaticServer server = StaticServer.start(oddSite, 0, SUB_PATH)) {
      String oddBase = server.url().toString();
      CliRun build = CliRun.run("build", "--content=" + content, "--out=" + oddSite,
          "--base-url=" + oddBase, "--index=" + oddIndex);
      assertThat(build.exitCode()).as("daybook build: %s%s", build.out(), build.err()).isZero();
      Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
      expected.put("author:mallory", List.of(mallory));
      expected.put("author:o'brien", List.of(mallory));
      expected.put("author:brien", List.of(mallory));
      expected.put("mallory", List.of(mallory));
      expected.put("author:luc", List.of(picard));
      expected.put("author:שלום", List.of(shalom));
      expected.put("path:\"docs/my notes.md\"", List.of(mallory));
      expected.put("path:\"my notes.md\"", List.of(mallory));
      expected.put("path:docs", List.of(mallory, picard));
      for (Map.Entry<String, List<String>> q : expected.entrySet()) {
        CliRun r = CliRun.run("search", "--json", "--limit", "10", "--index=" + oddIndex,
            "--content=" + content, "--", q.getKey());
        assertThat(r.exitCode()).as("daybook search %s: %s", q.getKey(), r.err()).isZero();
        List<String> cli = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).get("results")
            .forEach(h -> cli.add(h.get("sha").asText()));
        assertThat(new TreeSet<>(cli)).as("daybook search %s", q.getKey())
            .isEqualTo(new TreeSet<>(q.getValue()));
        driver.get(oddBase + "search.html?q=" + URLEncoder.encode(q.getKey(),
            StandardCharsets.UTF_8));
        answered(q.getKey());
        assertThat(browser()).as("the page for %s", q.getKey()).isEqualTo(cli);
      }

      // The results show the name isolated, after the date; the title in its own direction.
      driver.get(oddBase + "search.html?q=" + URLEncoder.encode("author:שלום",
          StandardCharsets.UTF_8));
      answered("author:שלום");
      WebElement hit = driver.findElement(By.cssSelector("#search-results li.search-hit"));
      assertThat(hit.findElement(By.cssSelector(".search-meta bdi")).getText()).isEqualTo("שלום");
      assertThat(hit.findElement(By.cssSelector(".search-title")).getDomAttribute("dir"))
          .isEqualTo("auto");
      assertThat(hit.findElement(By.cssSelector(".search-title")).getDomProperty("textContent"))
          .isEqualTo("\u202Eevil title\u202C");

      // On the report's page the time after the name keeps its place: right of the name, its
      // date before its zone (without the isolation it would show left of the name).
      driver.get(oddBase + "reports/2026/03/2026-03-02.html");
      @SuppressWarnings("unchecked")
      Map<String, Object> at = (Map<String, Object>) driver.executeScript(
          "const bdi = [...document.querySelectorAll('article p > bdi')]"
          + "  .find(b => b.textContent === 'שלום');"
          + "if (!bdi) return null;"
          + "const after = bdi.nextSibling, text = after.textContent, r = document.createRange();"
          + "const x = s => { const i = text.indexOf(s); r.setStart(after, i);"
          + "  r.setEnd(after, i + s.length); return r.getBoundingClientRect().left; };"
          + "return {name: bdi.getBoundingClientRect().right, date: x('2026-03-02'),"
          + "  zone: x('Asia/Shanghai')};");
      assertThat(at).as("the isolated name on the report page").isNotNull();
      double name = ((Number) at.get("name")).doubleValue();
      double date = ((Number) at.get("date")).doubleValue();
      assertThat(date).as("the date's left, right of the name").isGreaterThan(name);
      assertThat(((Number) at.get("zone")).doubleValue()).as("the zone, right of the date")
          .isGreaterThan(date);
    }
  }

  private static dev.daybook.model.ReportedCommit oddCommit(String sha, String author,
      String title, String path, int hour) {
    dev.daybook.model.Analysis analysis = new dev.daybook.model.Analysis(
        dev.daybook.model.Severity.MEDIUM, List.of(dev.daybook.model.ChangeType.DOCS), null,
        "A change.", "- " + dev.daybook.text.MarkdownText.code(path) + "（+1 / −0）",
        dev.daybook.model.Items.text(""), dev.daybook.model.Items.text(""),
        dev.daybook.model.Items.text(""), "", List.of(), false);
    return new dev.daybook.model.ReportedCommit(sha, "https://github.com/acme/tool/commit/" + sha,
        java.time.Instant.parse("2026-03-02T00:00:00Z").plusSeconds(3600L * hour), author, title,
        analysis);
  }

  /** The browser reads a norm byte as the field length Lucene's BM25 reads from it. */
  @Test
  void theBrowserDecodesNormsAsLuceneDoes() {
    open("");
    List<Integer> lucene = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      lucene.add(org.apache.lucene.util.SmallFloat.byte4ToInt((byte) b));
    }
    @SuppressWarnings("unchecked")
    List<Number> browser = (List<Number>) driver.executeScript("const out = [];"
        + "for (let b = 0; b < 256; b++) out.push(window.daybookSearch.fieldLength(b));"
        + "return out;");
    assertThat(browser.stream().map(Number::intValue).toList()).isEqualTo(lucene);
  }

  @Test
  void theAnalyzerInTheBrowserFollowsTheSpec() throws IOException {
    open("");
    String spec = Files.readString(Path.of("src", "test", "resources", "search",
        "analyzer-spec.md"), StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("```example\\n(.*?)```",
        java.util.regex.Pattern.DOTALL).matcher(spec);
    int n = 0;
    while (m.find()) {
      String input = null;
      List<String> index = null;
      List<String> query = null;
      List<String> parts = null;
      for (String line : m.group(1).split("\n")) {
        if (line.startsWith("input: ")) {
          input = line.substring(7);
        } else if (line.startsWith("index:")) {
          index = index == null ? new ArrayList<>() : index;
          addTokens(index, line.substring(6));
        } else if (line.startsWith("query:")) {
          query = query == null ? new ArrayList<>() : query;
          addTokens(query, line.substring(6));
        } else if (line.startsWith("parts:")) {
          parts = parts == null ? new ArrayList<>() : parts;
          addTokens(parts, line.substring(6));
        }
      }
      n++;
      for (int mode = 0; mode < 3; mode++) { // index, query, query with the parts
        List<String> want = mode == 0 ? index : mode == 1 ? query : parts;
        if (want == null) {
          continue;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> got = (List<Map<String, Object>>) driver.executeScript(
            "return window.daybookSearch.analyze(arguments[0], arguments[1], arguments[2]);",
            input, mode > 0, mode == 2);
        List<String> have = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
          Map<String, Object> t = got.get(i);
          String full = t.get("term") + "@" + t.get("position") + "/" + t.get("start") + "-"
              + t.get("end");
          have.add(i < want.size() && !want.get(i).contains("/")
              ? t.get("term") + "@" + t.get("position") : full);
        }
        if (!have.equals(want)) {
          problems.add(List.of("index ", "query ", "parts ").get(mode) + input + "\n  want "
              + want + "\n  have " + have);
        }
      }
    }
    assertThat(n).isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  /**
   * The browser's Porter stemmer is a port of Lucene's: every word of ASCII letters that the
   * shipped reports give the index stems alike in both.
   */
  @Test
  void theBrowserStemsEveryWordOfTheIndexAsLucene() throws IOException {
    open("");
    TreeSet<String> words = new TreeSet<>();
    Pattern word = Pattern.compile("[A-Za-z]+");
    try (java.util.stream.Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = word.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          words.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    assertThat(words).hasSizeGreaterThan(1000);
    List<String> list = List.copyOf(words);
    List<String> lucene = new ArrayList<>();
    try (org.apache.lucene.analysis.Tokenizer tokens =
        new org.apache.lucene.analysis.core.WhitespaceTokenizer();
        org.apache.lucene.analysis.TokenStream stems =
            new org.apache.lucene.analysis.en.PorterStemFilter(tokens)) {
      tokens.setReader(new java.io.StringReader(String.join(" ", list)));
      var term = stems.addAttribute(
          org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      stems.reset();
      while (stems.incrementToken()) {
        lucene.add(term.toString());
      }
      stems.end();
    }
    @SuppressWarnings("unchecked")
    List<String> browser = (List<String>) driver.executeScript(
        "return arguments[0].map(w => window.daybookSearch.stem(w));", list);
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!lucene.get(i).equals(browser.get(i))) {
        differ.add(list.get(i) + ": Lucene " + lucene.get(i) + ", browser " + browser.get(i));
      }
    }
    assertThat(lucene).hasSameSizeAs(list);
    assertThat(differ).isEmpty();
  }

  private static void addTokens(List<String> out, String list) {
    for (String t : list.strip().split("\\s+")) {
      if (!t.isEmpty() && !t.equals("-")) {
        out.add(t);
      }
    }
  }

  @Test
  void aFirstQueryFetchesLittle() {
    for (String query : List.of("cache", "radix cache", "缓存", "f798ab9", "Alison")) {
      driver.manage().deleteAllCookies();
      driver.get(base + "404.html"); // leave the page, so a new one starts
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.executeCdpCommand("Network.enable", Map.of());
      open(query);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> entries = (List<Map<String, Object>>) driver.executeScript(
          "return performance.getEntriesByType('resource').map(e => ({name: e.name,"
              + " size: e.encodedBodySize}));");
      long search = 0;
      long all = 0;
      int files = 0;
      for (Map<String, Object> e : entries) {
        long size = ((Number) e.get("size")).longValue();
        all += size;
        files++;
        if (e.get("name").toString().contains("/search/")
            || e.get("name").toString().endsWith("search.js")) {
          search += size;
        }
      }
      System.out.printf("search.html?q=%s: %d files, %d bytes (%d of them script and index)%n",
          query, files, all, search);
      // The shipped content needs about 130 KB (script included); Pagefind's first query is
      // about 260 KB. A query loads meta.json (constants only), the shards of its terms and the
      // docs-N.json of the results shown, none of them one row per commit.
      assertThat(search).as("bytes for a first query").isLessThan(160_000);
      @SuppressWarnings("unchecked")
      List<String> names = (List<String>) driver.executeScript(
          "return performance.getEntriesByType('resource').map(e => e.name);");
      assertThat(names.stream().filter(n -> n.contains("/terms-")).count())
          .as("term shards for a first query").isLessThanOrEqualTo(2);
      WebElement first = driver.findElement(By.cssSelector("#search-results li.search-hit a"));
      assertThat(first.getDomAttribute("href")).doesNotStartWith("/daybook/search/");
    }
  }

  /** Loads search.html?q= in a fresh page with an empty cache, and returns what it fetched. */
  private Set<String> fetchedBy(String query) {
    return fetched(base, requests, query);
  }

  @Test
  void theFetchPlanListsWhatTheBrowserFetches() throws IOException {
    try (StaticFetchPlan plan = new StaticFetchPlan(site, index)) {
      // A term, two terms, CJK, a phrase, filters (field files), an author term, a query whose
      // results span several docs chunks, one without results and one that does not parse; a
      // bare SHA (short, and long: its candidates' docs), names, words of types and severities.
      for (String query : List.of("cache", "radix cache", "缓存", "\"radix cache\"",
          "cache severity:high", "type:fix -diffusion date:2026-02", "author:\"Alison Shao\"",
          "kernel OR 缓存", "zzzqqq", "(cache", "f798ab9", "f798ab9775ba", "Alison", "陈一涵",
          "修复 高", "type:构", "sev:high", "repo:sglan", "repo:sglang cache",
          "fix -type:docs")) {
        List<String> planned = plan.files(query);
        assertThat(planned).as(query).doesNotHaveDuplicates().startsWith("js/search.js");
        assertThat(fetchedBy(query)).as("files fetched for %s", query)
            .isEqualTo(new TreeSet<>(planned));
      }
      assertThat(plan.files("\"radix cache\"")).as("a phrase loads positions")
          .anyMatch(f -> f.startsWith("search/2026-02/pos-"));
      assertThat(plan.files("radix cache")).noneMatch(f -> f.contains("/pos-"));
      // The shipped week is one part of the export, of its month. Its severities are high, low,
      // medium and its types begin with bugfix: a value's set is field-F-K.json, K its place.
      assertThat(plan.files("cache severity:high").stream().filter(f -> f.contains("/field-")))
          .containsExactly("search/2026-02/field-severity-0.json.gz");
      assertThat(plan.files("修复 高").stream().filter(f -> f.contains("/field-")))
          .as("words of a type and a severity load their own sets")
          .containsExactlyInAnyOrder("search/2026-02/field-type-0.json.gz",
              "search/2026-02/field-severity-0.json.gz");
      assertThat(plan.files("repo:sglang cache").stream().filter(f -> f.contains("/field-")))
          .containsExactly("search/2026-02/field-repo-0.json.gz");
      // A name's author: term is in the shard of the name's first term: no shard more.
      assertThat(plan.files("Alison").stream().filter(f -> f.contains("/terms-")))
          .hasSize(1);
      // The facets' files come when the reader asks for the facets, and only then.
      assertThat(plan.files("cache")).noneMatch(f -> f.contains("/field-")
          || f.endsWith("/facets.json.gz"));
      fetchedBy("cache");
      requests.clear();
      driver.findElement(By.id("search-refine")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
          !d.findElements(By.cssSelector("#search-facets .search-facet")).isEmpty());
      assertThat(requests.stream().map(r -> r.path().substring(SUB_PATH.length())).toList())
          .as("what the refine button fetches")
          .containsExactlyInAnyOrderElementsOf(plan.facets("cache"));
      assertThat(plan.facets("cache")).containsExactly("search/2026-02/field-repo-0.json.gz",
          "search/2026-02/field-year.json.gz", "search/2026-02/facets.json.gz",
          "search/2026-02/field-month.json.gz");
    }
  }

  /** The q parameter of the page's address. */
  private String urlQuery() {
    String raw = URI.create(driver.getCurrentUrl()).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      if (pair.startsWith("q=")) {
        return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)$");

  /** The texts of the facet buttons of a field. */
  private List<String> facetTexts(String field) {
    return driver.findElements(By.cssSelector("#search-facets button[data-filter^='" + field
        + ":']")).stream().map(e -> e.getText().strip()).toList();
  }

  /** How many commits daybook search finds for a query. */
  private int count(String query) throws IOException {
    return count(query, index);
  }

  /** How many commits daybook search finds for a query in an index of the shipped content. */
  private static int count(String query, Path index) throws IOException {
    CliRun r = CliRun.run("search", "--json", "--limit", "1", "--index=" + index,
        "--content=content", "--", query);
    return new ObjectMapper().readTree(r.out()).get("total").asInt();
  }

  /** The number a facet button shows, "high (5)" -> 5. */
  private static int count(WebElement facet) {
    Matcher m = COUNT.matcher(facet.getText().strip());
    assertThat(m.find()).as("a count in %s", facet.getText()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The number of results the status line gives ("共 12 条结果" or "12 results"). */
  private int shownTotal() {
    String status = driver.findElement(By.id("search-status")).getText();
    return Integer.parseInt(status.replaceAll("\\D+", ""));
  }

  /** Clicks a facet and checks the page against daybook search for the query it makes. */
  private String click(WebElement facet, String expectedQuery, int expectedTotal)
      throws IOException {
    facet.click();
    answered(expectedQuery);
    assertThat(urlQuery()).as("?q= after a click").isEqualTo(expectedQuery);
    assertThat(driver.findElement(By.id("search-q")).getDomProperty("value"))
        .isEqualTo(expectedQuery);
    StringBuilder error = new StringBuilder();
    List<String> cli = cli(expectedQuery, error);
    assertThat(cli).as("daybook search %s: %s", expectedQuery, error).isNotNull().isNotEmpty();
    assertThat(browser()).as("results for %s", expectedQuery).isEqualTo(cli);
    assertThat(shownTotal()).as("total for %s", expectedQuery).isEqualTo(expectedTotal);
    return expectedQuery;
  }

  /**
   * Newest first: {@code ?sort=date} in the page lists what {@code daybook search --sort date}
   * does, the order of dates; the toggle sets it; the date facet gives years, then the months of
   * the one year, with the counts of their filter queries.
   */
  @Test
  void newestFirstAndTheDateFacetAgreeWithTheTerminal() throws IOException {
    for (String query : List.of("cache", "cahce", "kernel OR 缓存", "severity:high",
        "apply_rope", "type:fix -diffusion")) {
      List<String> cli = cli(query, new StringBuilder(), index, "site.properties", "date", null);
      driver.get(base + "search.html?sort=date&q="
          + URLEncoder.encode(query, StandardCharsets.UTF_8));
      answered(query);
      assertThat(browser()).as("newest first: %s", query).isEqualTo(cli);
      List<String> dates = driver.findElements(By.cssSelector("#search-results .search-meta"))
          .stream().map(e -> e.getText().substring(0, 10)).toList();
      assertThat(dates).as(query).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
    open("cache");
    List<String> relevance = browser();
    List<String> newest = cli("cache", new StringBuilder(), index, "site.properties", "date",
        null);
    assertThat(relevance).isNotEqualTo(newest);
    driver.findElement(By.cssSelector("#search-sort button[data-sort='date']")).click();
    // The list is drawn again while this looks: an element read as it is replaced is looked at
    // again.
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> browser().equals(newest) && "done".equals(
            d.findElement(By.id("search-results")).getDomAttribute("data-state")));
    assertThat(driver.getCurrentUrl()).contains("sort=date");
    assertThat(driver.findElement(By.cssSelector("#search-sort button[data-sort='date']"))
        .getDomAttribute("aria-pressed")).isEqualTo("true");
    openFacets();
    assertThat(facetTexts("date")).as("years, then the months of the one year")
        .containsExactly("2026 (" + count("cache") + ")", "2026-02 (" + count("cache date:2026-02")
            + ")");
  }

  @Test
  void clickingFacetsFiltersAsTheFilterQueryDoes() throws IOException {
    String query = "cache";
    open(query);
    int total = shownTotal();
    List<String> unfiltered = browser();
    assertThat(driver.findElement(By.id("search-refine")).getText())
        .isEqualTo("按仓库、重要程度、类型和日期细分");
    openFacets();
    // Severities and types in the page's words, the query's keys behind them.
    assertThat(facetTexts("severity")).isNotEmpty().allMatch(t -> t.matches("[高中低] \\(\\d+\\)"));
    assertThat(facetTexts("type")).contains("Bug 修复 (" + count("cache type:bugfix") + ")");
    assertThat(driver.findElements(By.cssSelector("#search-results .search-meta")))
        .allSatisfy(m -> assertThat(m.getText()).doesNotContain(" · medium ", " · low ",
            " · high ", " · bugfix", " · feature"));
    for (String field : List.of("severity", "repo", "type", "date")) {
      List<WebElement> facets = driver.findElements(By.cssSelector(
          "#search-facets button.search-facet-value[data-filter^='" + field + ":']"));
      assertThat(facets).as("%s facets for %s", field, query).isNotEmpty();
      // The value with the fewest hits, so the click changes the list where it can.
      WebElement facet = facets.stream().min(java.util.Comparator.comparingInt(
          SearchAgreementTest::count)).orElseThrow();
      assertThat(facet.getDomAttribute("aria-pressed")).isEqualTo("false");
      int expected = count(facet);
      assertThat(expected).isBetween(1, total);
      query = click(facet, query + " " + facet.getDomAttribute("data-filter"), expected);
      total = expected;
      if (field.equals("severity")) {
        assertThat(expected).as("the rarest severity of cache").isLessThan(unfiltered.size());
        assertThat(browser()).hasSize(expected);
      }
      WebElement pressed = driver.findElement(By.cssSelector(
          "#search-facets button[aria-pressed='true'][data-filter^='" + field + ":']"));
      assertThat(query).endsWith(pressed.getDomAttribute("data-filter"));
      // The facets were drawn again: the keyboard is on the value clicked, not the page's top.
      assertThat(driver.switchTo().activeElement()).isEqualTo(pressed);
    }
    // Clicking a pressed facet takes its filter out again.
    WebElement severity = driver.findElement(By.cssSelector(
        "#search-facets button[aria-pressed='true'][data-filter^='severity:']"));
    String clause = severity.getDomAttribute("data-filter");
    String without = query.replace(" " + clause, "");
    StringBuilder error = new StringBuilder();
    severity.click();
    answered(without);
    assertThat(urlQuery()).isEqualTo(without);
    assertThat(browser()).isEqualTo(cli(without, error));
  }
}
