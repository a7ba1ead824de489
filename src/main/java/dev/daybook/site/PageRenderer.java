package dev.daybook.site;

import dev.daybook.concurrent.Parallel;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportWriter;
import dev.daybook.report.Vocabulary;
import dev.daybook.text.MarkdownText;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Renders the pages JBake cannot make (its pagination covers only the index, its only grouping is
 * tags): home, the per-repository and per-severity indexes, the feeds, the sitemap, the 404 page
 * and robots.txt, with the same Freemarker templates as JBake's report pages.
 */
final class PageRenderer {

  static final int RECENT_DAYS = 10;
  static final int FEED_DAYS = 30;
  static final int FEED_COMMITS = 50;
  static final int FEED_SUMMARY_CHARS = 400;

  private final Configuration freemarker;
  private final SiteModel model;
  private final Pages pages;
  private final Supplier<List<String>> given;
  private final String templatesDigest;
  private final BaseUrl base;
  private final Language language;
  private final Vocabulary words;
  private final int pageSize;
  private final Map<LocalDate, String> history;

  /**
   * @param dayDigests the digest of each day's report file: what an archive page's commits
   *     show is made from them (see {@link #listing})
   * @param given the site paths handed to {@code pages} so far, sorted (for the sitemap)
   */
  PageRenderer(Path templates, String templatesDigest, SiteModel model,
      Map<LocalDate, String> dayDigests, Pages pages, Supplier<List<String>> given, BaseUrl base,
      Language language, int pageSize) throws IOException {
    this.model = model;
    this.history = history(dayDigests);
    this.pages = pages;
    this.given = given;
    this.templatesDigest = templatesDigest;
    this.base = base;
    this.language = language;
    this.words = Vocabulary.of(language);
    this.pageSize = pageSize;
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setDirectoryForTemplateLoading(templates.toFile());
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setOutputEncoding("UTF-8");
    freemarker.setLocale(Locale.ROOT);
    freemarker.setNumberFormat("computer");
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setFallbackOnNullLoopVariable(false);
  }

  /** Renders every page into the site (or keeps it, when its values are those of last time). */
  void renderAll() throws IOException, SiteException {
    home();
    for (Map.Entry<RepoId, List<SiteModel.Entry>> repo : model.byRepo().entrySet()) {
      RepoId id = repo.getKey();
      listing("repo", id.toString(), repo.getValue(), SitePaths.repo(id),
          k -> SitePaths.repoPage(id, k), SitePaths.repoFeed(id));
      feed(SitePaths.repoFeed(id), id.toString(), SitePaths.repo(id), repo.getValue());
    }
    for (Severity s : Severity.values()) {
      List<SiteModel.Entry> entries = model.bySeverity().get(s);
      listing("severity", s.key(), entries, SitePaths.severity(s),
          k -> SitePaths.severityPage(s, k), SitePaths.severityFeed(s));
      feed(SitePaths.severityFeed(s), words.badge(s), SitePaths.severity(s), entries);
    }
    dailyFeed();
    render("404.ftl", SitePaths.NOT_FOUND, Map.of("root", base.path()));
    render("search.ftl", SitePaths.SEARCH, Map.of());
    robots();
    // The archive pages are most of the pages: they are rendered on every core.
    Parallel.map(archivePages, page -> {
      page.render();
      return null;
    });
    archivePages.clear();
    sitemap(); // lists every page in the output: the last
  }

  // ---- home --------------------------------------------------------------------------------

  private void home() throws IOException, SiteException {
    Map<String, Object> data = new LinkedHashMap<>();
    List<DailyReport> days = model.days();
    if (!days.isEmpty()) {
      DailyReport latest = days.get(days.size() - 1);
      Map<String, Object> day = day(latest);
      // The day's high commits first, then its medium ones, each newest first.
      List<Map<String, Object>> highlights = new ArrayList<>();
      for (Severity s : List.of(Severity.HIGH, Severity.MEDIUM)) {
        for (SiteModel.Entry e : model.bySeverity().get(s)) {
          if (e.date().equals(latest.date())) {
            highlights.add(entry(e));
          }
        }
      }
      day.put("highlights", highlights);
      data.put("latest", day);
    }
    List<Map<String, Object>> recent = new ArrayList<>();
    for (int i = days.size() - 1; i >= 0 && recent.size() < RECENT_DAYS; i--) {
      recent.add(day(days.get(i)));
    }
    data.put("recent", recent);
    data.put("calendar", calendar());
    data.put("days", days.size());
    data.put("commits", model.all().size());
    List<Map<String, Object>> repoTotals = new ArrayList<>();
    for (Map.Entry<RepoId, List<SiteModel.Entry>> r : model.byRepo().entrySet()) {
      repoTotals.add(Map.of("name", r.getKey().toString(), "path", SitePaths.repo(r.getKey()),
          "commits", r.getValue().size()));
    }
    List<Map<String, Object>> severityTotals = new ArrayList<>();
    for (Severity s : Severity.values()) {
      severityTotals.add(Map.of("key", s.key(), "path", SitePaths.severity(s),
          "commits", model.bySeverity().get(s).size()));
    }
    // Only the home page shows counts: the pages every page shares (site.*) must not change
    // when a day is added, or every report page would be rendered again.
    data.put("totals", Map.of("repos", repoTotals, "severities", severityTotals));
    render("home.ftl", SitePaths.HOME, data);
  }

  private Map<String, Object> day(DailyReport report) {
    Map<String, Object> day = new LinkedHashMap<>();
    day.put("date", report.date().toString());
    day.put("title", words.title(report.date()));
    day.put("path", SitePaths.report(report.date()));
    day.put("commits", report.commitCount());
    for (Severity s : Severity.values()) {
      day.put(s.key(), report.count(s));
    }
    day.put("partial", report.isPartial());
    return day;
  }

  /** Years, newest first, each with its months holding a Monday-first grid of weeks. */
  private List<Map<String, Object>> calendar() {
    Map<YearMonth, Map<Integer, DailyReport>> months = new TreeMap<>(Comparator.reverseOrder());
    for (DailyReport r : model.days()) {
      months.computeIfAbsent(YearMonth.from(r.date()), m -> new TreeMap<>())
          .put(r.date().getDayOfMonth(), r);
    }
    Map<Integer, List<Map<String, Object>>> years = new TreeMap<>(Comparator.reverseOrder());
    for (Map.Entry<YearMonth, Map<Integer, DailyReport>> m : months.entrySet()) {
      YearMonth ym = m.getKey();
      List<List<Map<String, Object>>> weeks = new ArrayList<>();
      List<Map<String, Object>> week = new ArrayList<>();
      int lead = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
      for (int i = 0; i < lead; i++) {
        week.add(Map.of());
      }
      for (int d = 1; d <= ym.lengthOfMonth(); d++) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("day", d);
        DailyReport r = m.getValue().get(d);
        if (r != null) {
          cell.put("path", SitePaths.report(r.date()));
          cell.put("date", r.date().toString());
          cell.put("commits", r.commitCount());
          cell.put("level", r.count(Severity.HIGH) > 0 ? "high"
              : r.count(Severity.MEDIUM) > 0 ? "medium" : r.commitCount() > 0 ? "low" : "none");
        }
        week.add(cell);
        if (week.size() == 7) {
          weeks.add(week);
          week = new ArrayList<>();
        }
      }
      if (!week.isEmpty()) {
        while (week.size() < 7) {
          week.add(Map.of());
        }
        weeks.add(week);
      }
      Map<String, Object> month = new LinkedHashMap<>();
      month.put("year", ym.getYear());
      month.put("month", ym.getMonthValue());
      month.put("id", ym.toString());
      month.put("days", m.getValue().size());
      month.put("weeks", weeks);
      years.computeIfAbsent(ym.getYear(), y -> new ArrayList<>()).add(month);
    }
    List<Map<String, Object>> result = new ArrayList<>();
    years.forEach((year, list) -> result.add(Map.of("year", year, "months", list)));
    return result;
  }

  // ---- listings ------------------------------------------------------------------------------

  private interface ArchivePath {
    String of(int k);
  }

  /** An archive page to render once the listings have been walked. */
  private interface ArchivePage {
    void render() throws IOException, SiteException;
  }

  private final List<ArchivePage> archivePages = new ArrayList<>();

  /**
   * How many archive pages a list of {@code commits} has. The list is cut into chunks of
   * {@code pageSize} from its oldest commit, so a chunk, once full, never changes when newer
   * commits come. Every full chunk but the newest is an archive page; the front page shows the
   * rest: the newest full chunk and the part-filled one after it (between {@code pageSize} and
   * {@code 2 * pageSize - 1} commits), or every commit when there are fewer than {@code pageSize}.
   */
  static int archivePages(int commits, int pageSize) {
    return Math.max(0, commits / pageSize - 1);
  }

  /**
   * The front page of a list and its archive pages. {@code entries} are newest first; archive
   * page {@code k} holds the commits with oldest-first index {@code [(k-1)*P, k*P)}. An archive
   * page shows nothing that depends on newer commits (no total, no page count), so adding a day
   * rewrites only the front page and the archive pages at its boundary.
   */
  private void listing(String kind, String name, List<SiteModel.Entry> entries, String front,
      ArchivePath archive, String feed) throws IOException, SiteException {
    int n = entries.size();
    int archives = archivePages(n, pageSize);
    Map<String, Object> data = listData(kind, name, entries.subList(0, n - archives * pageSize),
        feed);
    data.put("archive", false);
    data.put("total", n);
    if (archives > 0) {
      data.put("older", archive.of(archives));
    }
    render("list.ftl", front, data);
    for (int k = 1; k <= archives; k++) {
      // Newest first inside the page: oldest-first [(k-1)P, kP) is newest-first (n-kP, n-(k-1)P].
      List<SiteModel.Entry> chunk = entries.subList(n - k * pageSize, n - (k - 1) * pageSize);
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("kind", kind);
      page.put("name", name);
      page.put("feed", feed);
      page.put("archive", true);
      page.put("pageNumber", k);
      page.put("from", chunk.get(chunk.size() - 1).date().toString());
      page.put("to", chunk.get(0).date().toString());
      page.put("newer", k < archives ? archive.of(k + 1) : front);
      if (k > 1) {
        page.put("older", archive.of(k - 1));
      }
      String path = archive.of(k);
      archivePages.add(() -> {
        // Thousands of archive pages, nearly all unchanged by a new day: their key is made from
        // the report files their commits come from, without building every commit's values.
        String key = archiveKey(path, page, chunk);
        renderIfChanged("list.ftl", path, key, () -> {
          Map<String, Object> values = listData(kind, name, chunk, feed);
          values.putAll(page);
          return pageModel(path, values);
        });
      });
    }
  }

  /**
   * The key of an archive page: its own values and the {@link #history} through the newest day it
   * lists. A list is ordered by day first, so the commits of an archive page are those at its
   * places among the commits of the days up to its newest one: when none of those days changed,
   * neither did the page. (An edited old report thus renders every later archive page again; a
   * new day renders none.)
   */
  private String archiveKey(String path, Map<String, Object> page,
      List<SiteModel.Entry> chunk) {
    LocalDate newest = chunk.get(0).date();
    String through = history.get(newest);
    if (through == null) {
      throw new IllegalStateException("no report digest for " + newest);
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("page", pageModel(path, page));
    inputs.put("through", through);
    return Digests.digestOfValues(inputs, Digests.utf8(templatesDigest),
        Digests.utf8("list.ftl"), Digests.utf8("archive page inputs"));
  }

  /**
   * For each day, a digest of every day up to it, oldest first: its date and its report file's
   * digest, chained. Equal for a day in two builds when no report up to that day changed.
   */
  private static Map<LocalDate, String> history(Map<LocalDate, String> dayDigests) {
    Map<LocalDate, String> history = new HashMap<>();
    String chain = "";
    for (Map.Entry<LocalDate, String> day : new TreeMap<>(dayDigests).entrySet()) {
      chain = Digests.digest(Digests.utf8(chain),
          Digests.utf8(day.getKey().toString()), Digests.utf8(day.getValue()));
      history.put(day.getKey(), chain);
    }
    return history;
  }

  private Map<String, Object> listData(String kind, String name, List<SiteModel.Entry> shown,
      String feed) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SiteModel.Entry e : shown) {
      rows.add(entry(e));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind);
    data.put("name", name);
    data.put("entries", rows);
    data.put("feed", feed);
    return data;
  }

  private Map<String, Object> entry(SiteModel.Entry e) {
    ReportedCommit c = e.commit();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", e.date().toString());
    m.put("time", ReportWriter.TIME.format(c.time().atZone(e.zone())));
    m.put("repo", e.repo().toString());
    m.put("repoPath", SitePaths.repo(e.repo()));
    m.put("sha", c.shortSha());
    m.put("title", c.title());
    m.put("author", c.author());
    m.put("severity", c.severity().key());
    m.put("badge", words.badge(c.severity()));
    m.put("type", c.analysis().typeLabel() != null ? MarkdownText.oneLine(c.analysis().typeLabel())
        : words.typeLabel(c.analysis().types()));
    m.put("path", e.path());
    m.put("reportPath", SitePaths.report(e.date()));
    return m;
  }

  // ---- feeds, sitemap, robots ------------------------------------------------------------

  private void dailyFeed() throws IOException, SiteException {
    List<Map<String, Object>> entries = new ArrayList<>();
    List<DailyReport> days = model.days();
    for (int i = days.size() - 1; i >= 0 && entries.size() < FEED_DAYS; i--) {
      DailyReport r = days.get(i);
      Map<String, Object> e = new LinkedHashMap<>();
      String url = base.resolve(SitePaths.report(r.date()));
      e.put("title", words.title(r.date()));
      e.put("url", url);
      e.put("id", atomId(url, "report:" + r.date()));
      e.put("updated", updated(r).toString());
      StringBuilder summary = new StringBuilder(summaryLine(r));
      for (SiteModel.Entry c : model.all()) {
        if (c.date().equals(r.date())) {
          summary.append('\n').append(words.badge(c.commit().severity())).append(' ')
              .append(c.repo()).append(": ").append(MarkdownText.oneLine(c.commit().title()));
        }
      }
      e.put("summary", summary.toString());
      entries.add(e);
    }
    writeFeed(SitePaths.FEED, null, SitePaths.HOME, entries);
  }

  private void feed(String path, String name, String htmlPath, List<SiteModel.Entry> all)
      throws IOException, SiteException {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (SiteModel.Entry c : all.subList(0, Math.min(FEED_COMMITS, all.size()))) {
      Map<String, Object> e = new LinkedHashMap<>();
      String url = base.resolve(c.path());
      e.put("title", words.badge(c.commit().severity()) + " " + c.repo() + ": "
          + MarkdownText.oneLine(c.commit().title()));
      e.put("url", url);
      e.put("id", atomId(url, "commit:" + c.repo() + ":" + c.commit().sha()));
      e.put("updated", c.commit().time().toString());
      e.put("author", MarkdownText.oneLine(c.commit().author()));
      String summary = MarkdownText.oneLine(MarkdownText.plain(c.commit().analysis().summary()));
      e.put("summary", summary.codePointCount(0, summary.length()) > FEED_SUMMARY_CHARS
          ? summary.substring(0, summary.offsetByCodePoints(0, FEED_SUMMARY_CHARS)) + "…"
          : summary);
      entries.add(e);
    }
    writeFeed(path, name, htmlPath, entries);
  }

  private void writeFeed(String path, String name, String htmlPath,
      List<Map<String, Object>> entries) throws IOException, SiteException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name == null ? "" : name);
    data.put("self", base.resolve(path));
    data.put("id", atomId(base.resolve(path), "feed:" + path));
    data.put("alternate", base.resolve(htmlPath));
    data.put("updated", entries.isEmpty() ? Instant.EPOCH.toString()
        : entries.stream().map(e -> (String) e.get("updated")).max(String::compareTo).get());
    data.put("entries", entries);
    render("feed.ftl", path, data);
  }

  /**
   * An Atom id must be an absolute IRI: the page's URL when the base URL is absolute, else a URN
   * that stays the same wherever the site is served.
   */
  private String atomId(String url, String name) {
    return base.isAbsolute() ? url : "urn:daybook:" + name.replace(' ', '-');
  }

  private String summaryLine(DailyReport r) {
    StringBuilder s = new StringBuilder(String.valueOf(r.commitCount()));
    for (Severity sev : Severity.values()) {
      s.append(" | ").append(words.badge(sev)).append(' ').append(r.count(sev));
    }
    return s.toString();
  }

  /** A day's feed date: its newest commit, or the end of the day when it has none. */
  private static Instant updated(DailyReport r) {
    return r.sections().stream().flatMap(s -> s.commits().stream()).map(ReportedCommit::time)
        .max(Comparator.naturalOrder())
        .orElse(r.date().plusDays(1).atStartOfDay(r.zone()).toInstant());
  }

  private void robots() throws IOException {
    String text = "User-agent: *\nAllow: /\n"
        + (base.isAbsolute() ? "Sitemap: " + base.resolve(SitePaths.SITEMAP) + "\n" : "");
    write(SitePaths.ROBOTS, text);
  }

  private void sitemap() throws IOException, SiteException {
    List<Map<String, Object>> urls = new ArrayList<>();
    Set<String> reports = new HashSet<>();
    for (DailyReport r : model.days()) {
      reports.add(SitePaths.report(r.date()));
    }
    // Every page in the output, JBake's (reports, the about page) as well as Daybook's.
    for (String path : given.get()) {
      if (path.endsWith(".html") && !path.equals(SitePaths.NOT_FOUND)
          && !reports.contains(path)) {
        String page = path.endsWith("index.html") ? path.substring(0, path.length() - 10) : path;
        urls.add(Map.of("loc", base.resolve(page)));
      }
    }
    for (DailyReport r : model.days()) {
      urls.add(Map.of("loc", base.resolve(SitePaths.report(r.date())),
          "lastmod", r.date().toString()));
    }
    urls.sort(Comparator.comparing(m -> (String) m.get("loc")));
    render("sitemap.ftl", SitePaths.SITEMAP, Map.of("urls", urls));
  }

  // ---- output --------------------------------------------------------------------------------

  private void render(String template, String path, Map<String, Object> data)
      throws IOException, SiteException {
    Map<String, Object> model = pageModel(path, data);
    // A page made from the same values with the same templates has the same bytes: keep it.
    String key = Digests.digestOfValues(model, Digests.utf8(templatesDigest),
        Digests.utf8(template));
    renderIfChanged(template, path, key, () -> model);
  }

  /** A page's values and the ones every page has. */
  private Map<String, Object> pageModel(String path, Map<String, Object> data) {
    Map<String, Object> model = new LinkedHashMap<>(data);
    model.putIfAbsent("root", SitePaths.root(path));
    model.put("path", path);
    model.put("lang", language.key());
    return model;
  }

  /** Hands a page to the build, which renders it unless it has one made under the same key. */
  private void renderIfChanged(String template, String path, String key,
      Supplier<Map<String, Object>> model) throws IOException, SiteException {
    pages.page(SitePaths.file(path), key, () -> {
      StringWriter page = new StringWriter(16 * 1024);
      try {
        Template t = freemarker.getTemplate(template);
        t.process(model.get(), page);
      } catch (TemplateException e) {
        throw new SiteException("templates/" + template + ": " + e.getMessageWithoutStackTop(),
            e);
      }
      return page.toString();
    });
  }

  private void write(String path, String text) throws IOException {
    pages.file(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
