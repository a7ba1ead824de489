package dev.daybook.site;

import dev.daybook.concurrent.Parallel;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportHtml;
import dev.daybook.report.ReportWriter;
import dev.daybook.report.Vocabulary;
import dev.daybook.text.Bidi;
import dev.daybook.text.MarkdownText;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Renders the pages JBake cannot make (its pagination covers only the index, its only grouping is
 * tags): home, the year and month calendars, the per-repository, per-severity and per-type lists,
 * the feeds, the sitemap, the 404 page and robots.txt, with the same Freemarker templates as
 * JBake's report pages.
 */
final class PageRenderer {

  static final int RECENT_DAYS = 10;
  /** Months of calendar on the home page; the year pages have the rest. */
  static final int RECENT_MONTHS = 3;
  static final int FEED_DAYS = 30;
  static final int FEED_COMMITS = 50;
  static final int FEED_SUMMARY_CHARS = 400;
  /** Weeks or months in a digest feed. */
  static final int FEED_DIGESTS = 12;

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
  private final Bots bots;
  private final SearchPage searchPage;
  private final List<Watch> watches;
  /** The reports of each month that has one, oldest month first, each month's days in order. */
  private final NavigableMap<YearMonth, List<DailyReport>> months = new TreeMap<>();
  /** Time spent on the digests so far, summed over the threads that render them. */
  private final LongAdder digestNanos = new LongAdder();

  /**
   * @param dayDigests the digest of each day's report file: what a page made from the days up
   *     to one shows is made from them (see {@link #historyKey})
   * @param given the site paths handed to {@code pages} so far, sorted (for the sitemap)
   */
  PageRenderer(Path templates, String templatesDigest, SiteModel model,
      Map<LocalDate, String> dayDigests, Pages pages, Supplier<List<String>> given, BaseUrl base,
      Language language, int pageSize, Bots bots, SearchPage searchPage, List<Watch> watches)
      throws IOException {
    this.model = model;
    this.bots = bots;
    this.searchPage = searchPage;
    this.watches = List.copyOf(watches);
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
    for (DailyReport r : model.days()) {
      months.computeIfAbsent(YearMonth.from(r.date()), m -> new ArrayList<>()).add(r);
    }
  }

  /**
   * The time spent on the digests (weekly and monthly, the archive's and each repository's: the
   * pages, their lists and feeds) by {@link #renderAll}, summed over the threads that render them,
   * so it can exceed their share of the wall time. For the build's phases ({@code daybook bench}).
   */
  Duration digestTime() {
    return Duration.ofNanos(digestNanos.sum());
  }

  /**
   * Renders every page into the site (or keeps it, when its values are those of last time), on
   * every core: first the pages of each kind (home, calendar, each list's page and feed, the
   * digests' lists and feeds), then the digests those steps found, then the sitemap. When
   * several fail, the error is that of the first in this order (the digests' first).
   */
  void renderAll() throws IOException, SiteException {
    List<PageJob> jobs = new ArrayList<>();
    // The digests first: the longest step, so that the cores finish the rest together.
    jobs.add(later -> {
      long digestsStart = System.nanoTime();
      digestPages(later);
      digestNanos.add(System.nanoTime() - digestsStart);
    });
    jobs.add(later -> home());
    jobs.add(later -> monthPages());
    jobs.add(later -> yearPages());
    for (Map.Entry<RepoId, List<SiteModel.Entry>> repo : model.byRepo().entrySet()) {
      RepoId id = repo.getKey();
      jobs.add(list(new CommitList("repo", id.toString(), id.toString(), SitePaths.repo(id),
          SitePaths.repoFeed(id), "repo:" + id), repo.getValue()));
    }
    for (Severity s : Severity.values()) {
      jobs.add(list(new CommitList("severity", s.key(), words.badge(s), SitePaths.severity(s),
          SitePaths.severityFeed(s), "severity:" + s.key()), model.bySeverity().get(s)));
    }
    for (ChangeType t : ChangeType.values()) {
      jobs.add(list(new CommitList("type", t.key(), words.typeName(t), SitePaths.type(t),
          SitePaths.typeFeed(t), "type:" + t.key()), model.byType().get(t)));
    }
    // The search has no filter for it, and breaking commits are few: the page lists them all.
    jobs.add(list(new CommitList("breaking", "breaking", words.breakingLabel(),
        SitePaths.BREAKING, SitePaths.BREAKING_FEED, null), model.breaking()));
    for (Watch w : watches) {
      Set<String> found = new HashSet<>(w.commits());
      List<SiteModel.Entry> entries = model.all().stream()
          .filter(e -> found.contains(Watch.key(e.repo().toString(), e.commit().sha())))
          .toList();
      // The filter in brackets, so that a date ANDs with the whole of an OR.
      jobs.add(list(new CommitList("watch", w.name(), "👁 " + w.name(),
          SitePaths.watch(w.name()), SitePaths.watchFeed(w.name()), "(" + w.query() + ")",
          w.query()), entries, w.total()));
    }
    jobs.add(later -> dailyFeed());
    jobs.add(later -> render("404.ftl", SitePaths.NOT_FOUND, Map.of("root", base.path())));
    jobs.add(later -> searchPage());
    jobs.add(later -> robots());
    List<LaterPage> laterPages = new ArrayList<>();
    for (List<LaterPage> found : Parallel.map(jobs, job -> {
      List<LaterPage> later = new ArrayList<>();
      job.render(later);
      return later;
    })) {
      laterPages.addAll(found);
    }
    Parallel.map(laterPages, page -> {
      page.render();
      return null;
    });
    sitemap(); // lists every page in the output: the last
  }

  /** A list's page and its feed. */
  private PageJob list(CommitList list, List<SiteModel.Entry> entries) {
    return list(list, entries, entries.size());
  }

  /**
   * A list's page and its feed, of a list of {@code total} commits whose newest are {@code
   * entries} (a watch's search gives at most so many).
   */
  private PageJob list(CommitList list, List<SiteModel.Entry> entries, long total) {
    return later -> {
      listing(list, entries, total);
      feed(list, entries);
    };
  }

  /**
   * The search page, with how it searches: values of this page alone, so that changing them
   * makes no other page again.
   */
  private void searchPage() throws IOException, SiteException {
    Map<String, Object> data = new LinkedHashMap<>();
    // The OpenSearch _search URL it asks instead of its static index, and the origin its
    // Content-Security-Policy then allows it to connect to; "" for none.
    URI endpoint = searchPage.endpoint();
    data.put("endpoint", endpoint == null ? "" : endpoint.toString());
    data.put("origin", endpoint == null ? ""
        : endpoint.getScheme() + "://" + endpoint.getRawAuthority());
    data.put("facetsAtOnce", searchPage.facetsAtOnce());
    render("search.ftl", SitePaths.SEARCH, data);
  }

  // ---- home --------------------------------------------------------------------------------

  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  private void home() throws IOException, SiteException {
    Map<String, Object> data = new LinkedHashMap<>();
    List<DailyReport> days = model.days();
    if (!days.isEmpty()) {
      // The last full day leads; a day not over yet is shown below it, as such.
      DailyReport newest = days.get(days.size() - 1);
      DailyReport lead = newest;
      for (int i = days.size() - 1; i >= 0; i--) {
        if (!days.get(i).isPartial()) {
          lead = days.get(i);
          break;
        }
      }
      data.put("latest", leadDay(lead));
      if (newest != lead) {
        data.put("today", day(newest));
      }
    }
    List<Map<String, Object>> recent = new ArrayList<>();
    for (int i = days.size() - 1; i >= 0 && recent.size() < RECENT_DAYS; i--) {
      recent.add(day(days.get(i)));
    }
    data.put("recent", recent);
    List<Map<String, Object>> calendar = new ArrayList<>();
    for (YearMonth m : months.descendingKeySet()) {
      if (calendar.size() == RECENT_MONTHS) {
        break;
      }
      calendar.add(month(m));
    }
    data.put("calendar", calendar);
    data.put("years", years());
    if (!days.isEmpty()) {
      LocalDate last = days.get(days.size() - 1).date();
      data.put("digests", Map.of(
          "week", periodLink(null, Period.of(Period.Kind.WEEK, last)),
          "month", periodLink(null, Period.of(Period.Kind.MONTH, last)),
          "weekly", SitePaths.digests(null, Period.Kind.WEEK),
          "monthly", SitePaths.digests(null, Period.Kind.MONTH)));
    }
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
    List<Map<String, Object>> typeTotals = new ArrayList<>();
    for (ChangeType t : ChangeType.values()) {
      typeTotals.add(Map.of("name", words.typeName(t), "path", SitePaths.type(t),
          "commits", model.byType().get(t).size()));
    }
    // Only the home page shows counts: the pages every page shares (site.*) must not change
    // when a day is added, or every report page would be rendered again.
    data.put("totals", Map.of("repos", repoTotals, "severities", severityTotals,
        "types", typeTotals, "breaking", Map.of("path", SitePaths.BREAKING,
            "commits", model.breaking().size())));
    render("home.ftl", SitePaths.HOME, data);
  }

  /**
   * The day that leads the home page, with every commit: its high and medium ones listed, its
   * low ones folded under a count.
   */
  private Map<String, Object> leadDay(DailyReport report) {
    Map<String, Object> day = day(report);
    List<Map<String, Object>> highlights = new ArrayList<>();
    List<Map<String, Object>> folded = new ArrayList<>();
    for (SiteModel.Entry e : mostImportantFirst(model.ofDay(report.date()))) {
      (e.commit().severity() == Severity.LOW ? folded : highlights).add(entry(e));
    }
    day.put("highlights", highlights);
    day.put("folded", folded);
    return day;
  }

  /** Commits by severity, high first, each severity newest first as given. */
  private static List<SiteModel.Entry> mostImportantFirst(List<SiteModel.Entry> entries) {
    return entries.stream().sorted(Comparator.comparing(e -> e.commit().severity())).toList();
  }

  private Map<String, Object> day(DailyReport report) {
    Map<String, Object> day = new LinkedHashMap<>();
    day.put("date", report.date().toString());
    day.put("weekday", report.date().getDayOfWeek().getValue());
    day.put("title", words.title(report.date()));
    day.put("path", SitePaths.report(report.date()));
    day.put("commits", report.commitCount());
    for (Severity s : Severity.values()) {
      day.put(s.key(), report.count(s));
    }
    day.put("partial", report.isPartial());
    if (report.isPartial()) {
      day.put("asOf", HOUR_MINUTE.format(report.partialAsOf().atZone(report.zone())));
    }
    return day;
  }

  // ---- calendar: months and years ------------------------------------------------------------

  /** Every year with a report, newest first, with its counts. */
  private List<Map<String, Object>> years() {
    Map<Integer, long[]> counts = new TreeMap<>(Comparator.reverseOrder());
    for (DailyReport r : model.days()) {
      long[] c = counts.computeIfAbsent(r.date().getYear(), y -> new long[2]);
      c[0]++;
      c[1] += r.commitCount();
    }
    List<Map<String, Object>> years = new ArrayList<>();
    counts.forEach((year, c) -> years.add(Map.of("year", year, "path", SitePaths.year(year),
        "days", c[0], "commits", c[1])));
    return years;
  }

  /**
   * A page per month with a report: its calendar and its days, each with its high commits. A new
   * day changes its month's page; a day that opens a month also gives the one before a "next"
   * link.
   */
  private void monthPages() throws IOException, SiteException {
    List<YearMonth> all = new ArrayList<>(months.keySet());
    for (int i = 0; i < all.size(); i++) {
      YearMonth ym = all.get(i);
      List<DailyReport> reports = months.get(ym);
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("yearPath", SitePaths.year(ym.getYear()));
      page.put("digest", SitePaths.digest(null, Period.of(Period.Kind.MONTH, ym.atDay(1))));
      if (i > 0) {
        page.put("previous", monthLink(all.get(i - 1)));
      }
      if (i + 1 < all.size()) {
        page.put("next", monthLink(all.get(i + 1)));
      }
      String path = SitePaths.month(ym);
      LocalDate last = reports.get(reports.size() - 1).date();
      renderThrough("month.ftl", path, page, last, () -> {
        Map<String, Object> values = new LinkedHashMap<>(page);
        values.put("month", month(ym));
        values.put("chart", dayChart(ym));
        List<Map<String, Object>> days = new ArrayList<>();
        for (DailyReport r : reports) {
          Map<String, Object> day = day(r);
          List<Map<String, Object>> high = new ArrayList<>();
          for (SiteModel.Entry e : model.ofDay(r.date())) {
            if (e.commit().severity() == Severity.HIGH) {
              high.add(entry(e));
            }
          }
          day.put("highlights", high);
          days.add(day);
        }
        values.put("reports", days);
        // The weeks with a report of this month: each has its digest.
        values.put("weeks", reports.stream().map(r -> Period.of(Period.Kind.WEEK, r.date()))
            .distinct().map(w -> periodLink(null, w)).toList());
        return values;
      });
    }
  }

  /**
   * A page per year with a report: its counts and the calendars of its months with a report. A
   * new day changes its year's page; a day that opens a year also gives the one before a "next"
   * link.
   */
  private void yearPages() throws IOException, SiteException {
    Map<Integer, List<YearMonth>> byYear = new TreeMap<>();
    for (YearMonth ym : months.keySet()) {
      byYear.computeIfAbsent(ym.getYear(), y -> new ArrayList<>()).add(ym);
    }
    List<Integer> years = new ArrayList<>(byYear.keySet());
    for (int i = 0; i < years.size(); i++) {
      int year = years.get(i);
      List<YearMonth> ofYear = byYear.get(year);
      Map<String, Object> page = new LinkedHashMap<>();
      if (i > 0) {
        page.put("previous", yearLink(years.get(i - 1)));
      }
      if (i + 1 < years.size()) {
        page.put("next", yearLink(years.get(i + 1)));
      }
      String path = SitePaths.year(year);
      List<DailyReport> lastMonth = months.get(ofYear.get(ofYear.size() - 1));
      LocalDate last = lastMonth.get(lastMonth.size() - 1).date();
      renderThrough("year.ftl", path, page, last, () -> {
        Map<String, Object> values = new LinkedHashMap<>(page);
        values.put("year", year);
        List<Map<String, Object>> grids = new ArrayList<>();
        List<DailyReport> reports = new ArrayList<>();
        for (YearMonth ym : ofYear) {
          grids.add(month(ym));
          reports.addAll(months.get(ym));
        }
        long days = reports.size();
        Map<Severity, Long> counts = counts(reports);
        values.put("months", grids);
        values.put("chart", monthChart(year));
        values.put("digests", ofYear.stream()
            .map(m -> periodLink(null, Period.of(Period.Kind.MONTH, m.atDay(1)))).toList());
        values.put("days", days);
        values.put("commits", counts.values().stream().mapToLong(Long::longValue).sum());
        for (Severity s : Severity.values()) {
          values.put(s.key(), counts.get(s));
        }
        return values;
      });
    }
  }

  /** A month's commits per day, stacked by severity; a day without a report has no bar. */
  private Map<String, Object> dayChart(YearMonth ym) {
    return StackedBars.layout(StackedBars.Unit.DAY, StackedBars.columns(StackedBars.Unit.DAY,
        ym.atDay(1), ym.atEndOfMonth(), this::reportCounts));
  }

  /** A year's commits per month, stacked by severity; a month without a report has no bar. */
  private Map<String, Object> monthChart(int year) {
    return StackedBars.layout(StackedBars.Unit.MONTH, StackedBars.columns(
        StackedBars.Unit.MONTH, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
        this::reportCounts));
  }

  /** A day's commits of each severity; null when the day has no report. */
  private Map<Severity, Long> reportCounts(LocalDate day) {
    DailyReport r = model.report(day);
    return r == null ? null : counts(List.of(r));
  }

  /**
   * A repository's commits from its first to its newest, per day, week or month as the stretch
   * fits (see {@link StackedBars.Unit#fitting}); a stretch without a report of it has no bar.
   * Stacked counts rather than shares: a reader of a busy repository sees both when it got busier
   * and whether the important part grew with it, where shares would make a quiet week look like a
   * busy one.
   */
  private Map<String, Object> repoChart(RepoId repo, List<SiteModel.Entry> newestFirst) {
    LocalDate first = newestFirst.get(newestFirst.size() - 1).date();
    LocalDate last = newestFirst.get(0).date();
    StackedBars.Unit unit = StackedBars.Unit.fitting(first, last);
    return StackedBars.layout(unit, StackedBars.columns(unit, first, last, day -> {
      if (Rollup.covering(model, day, repo) == null) {
        return null;
      }
      Map<Severity, Long> counts = new EnumMap<>(Severity.class);
      for (SiteModel.Entry e : model.ofDay(day)) {
        if (e.repo().equals(repo)) {
          counts.merge(e.commit().severity(), 1L, Long::sum);
        }
      }
      return counts;
    }));
  }

  /** The commits of each severity in some reports. */
  private static Map<Severity, Long> counts(List<DailyReport> reports) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (DailyReport r : reports) {
      for (Severity s : Severity.values()) {
        counts.merge(s, r.count(s), Long::sum);
      }
    }
    return counts;
  }

  private static Map<String, Object> yearLink(int year) {
    return Map.of("year", year, "path", SitePaths.year(year));
  }

  private static Map<String, Object> monthLink(YearMonth ym) {
    return Map.of("year", ym.getYear(), "month", ym.getMonthValue(), "path", SitePaths.month(ym));
  }

  /** A month with a report as a calendar: a Monday-first grid of weeks, and its counts. */
  private Map<String, Object> month(YearMonth ym) {
    Map<Integer, DailyReport> reports = new HashMap<>();
    long commits = 0;
    for (DailyReport r : months.get(ym)) {
      reports.put(r.date().getDayOfMonth(), r);
      commits += r.commitCount();
    }
    List<List<Map<String, Object>>> weeks = new ArrayList<>();
    List<Map<String, Object>> week = new ArrayList<>();
    int lead = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
    for (int i = 0; i < lead; i++) {
      week.add(Map.of());
    }
    for (int d = 1; d <= ym.lengthOfMonth(); d++) {
      Map<String, Object> cell = new LinkedHashMap<>();
      cell.put("day", d);
      DailyReport r = reports.get(d);
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
    month.put("path", SitePaths.month(ym));
    month.put("days", reports.size());
    month.put("commits", commits);
    month.put("weeks", weeks);
    return month;
  }

  // ---- listings ------------------------------------------------------------------------------

  /** Some pages of one kind; the pages they find to make after every job go to {@code later}. */
  private interface PageJob {
    void render(List<LaterPage> later) throws IOException, SiteException;
  }

  /** A page rendered after every {@link PageJob} (a digest). */
  private interface LaterPage {
    void render() throws IOException, SiteException;
  }

  /**
   * A list of commits: a repository's, a severity's, a change type's, the breaking ones or a
   * watch's.
   *
   * @param kind {@code repo}, {@code severity}, {@code type}, {@code breaking} or {@code watch}
   * @param name the repository, or the severity's or type's key, or {@code breaking}, or the
   *     watch's name
   * @param label what the list is called in feeds and headings: the repository, the severity's
   *     badge, the type's name
   * @param filter the search query that finds the list's commits, or null when the search has
   *     none (the breaking commits): then the page lists every commit
   * @param query a watch's query as configured, else null
   */
  private record CommitList(String kind, String name, String label, String front, String feed,
      String filter, String query) {

    CommitList(String kind, String name, String label, String front, String feed,
        String filter) {
      this(kind, name, label, front, feed, filter, null);
    }
  }

  /**
   * How many of a list's commits (newest first) its page shows: the newest {@code pageSize} and
   * the rest of the oldest day among them, so that no day is cut. The older ones are a search
   * away (the list's filter, newest first): the search index holds every commit already, and a
   * page for each chunk of {@code pageSize} was the largest copy of the archive on the site.
   */
  static int shown(List<SiteModel.Entry> entries, int pageSize) {
    int n = Math.min(pageSize, entries.size());
    while (n > 0 && n < entries.size() && entries.get(n).date().equals(entries.get(n - 1).date())) {
      n++;
    }
    return n;
  }

  /**
   * A list's page: its newest commits ({@link #shown}), its total, a repository's chart, and when
   * it has older commits, where the search finds them: from the day before the oldest shown, by
   * month, or from a date.
   */
  private void listing(CommitList list, List<SiteModel.Entry> entries, long total)
      throws IOException, SiteException {
    int n = entries.size();
    int shown = list.filter() == null ? n : shown(entries, pageSize);
    Supplier<Map<String, Object>> page = () -> {
      Map<String, Object> data = listData(list, entries.subList(0, shown));
      data.put("total", total);
      if (list.kind().equals("repo") && n > 0) {
        data.put("chart", repoChart(RepoId.parse(list.name()), entries));
      }
      if (shown < total) {
        LocalDate oldestShown = entries.get(shown - 1).date();
        data.put("older", SitePaths.searchNewestFirst(
            list.filter() + " date:.." + oldestShown.minusDays(1)));
        data.put("jump", jump(list, entries, oldestShown));
      }
      return data;
    };
    // Made from every day up to the list's newest one (its total, its chart, its months); a
    // watch's total is the search's.
    Map<String, Object> fields = listFields(list);
    fields.put("total", total);
    renderThrough("list.ftl", list.front(), fields, n == 0 ? null : entries.get(0).date(), page);
  }

  /**
   * What the date jump on a list's page needs: the list's filter and the oldest day the page
   * shows, for the script that opens a date on the page or in the search ({@code js/site.js});
   * and a link for each month of the list, which works without the script: to the month's
   * newest day on the page, or to the search for the month.
   */
  private Map<String, Object> jump(CommitList list, List<SiteModel.Entry> entries,
      LocalDate oldestShown) {
    // Year -> the link of each month (null: no commit in it); entries are newest first, so the
    // first one of a month is its newest.
    Map<Integer, String[]> years = new TreeMap<>(Comparator.reverseOrder());
    YearMonth last = null;
    for (SiteModel.Entry e : entries) {
      YearMonth month = YearMonth.from(e.date());
      if (month.equals(last)) {
        continue;
      }
      last = month;
      String link = e.date().isBefore(oldestShown)
          ? SitePaths.searchNewestFirst(list.filter() + " date:" + month)
          : list.front() + "#d" + e.date();
      years.computeIfAbsent(month.getYear(), y -> new String[12])[month.getMonthValue() - 1] =
          link;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    years.forEach((year, links) -> {
      List<Map<String, Object>> row = new ArrayList<>();
      for (int m = 0; m < 12; m++) {
        row.add(links[m] == null ? Map.of("month", m + 1)
            : Map.of("month", m + 1, "path", links[m]));
      }
      rows.add(Map.of("year", year, "months", row));
    });
    Map<String, Object> jump = new LinkedHashMap<>();
    jump.put("filter", list.filter());
    jump.put("oldestShown", oldestShown.toString());
    jump.put("min", entries.get(entries.size() - 1).date().toString());
    jump.put("max", entries.get(0).date().toString());
    jump.put("years", rows);
    return jump;
  }

  /**
   * The key of a page made from the reports up to a day (a list, a digest, a month, a year): its
   * own few values and the {@link #history} through that day. Such a page shows the days up to
   * that one: when none of those days changed, neither did the page, and its values need not be
   * made. (An edited old report thus renders every later such page again; a new day renders none
   * of those before it.)
   */
  private String historyKey(String template, String path, Map<String, Object> page,
      LocalDate through) {
    String history = this.history.get(through);
    if (history == null) {
      throw new IllegalStateException("no report digest for " + through);
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("page", pageModel(path, page));
    inputs.put("through", history);
    // What else the values are made with: where the site is served, how long a page of a list
    // is, who is a bot.
    inputs.put("base", base.url());
    inputs.put("pageSize", pageSize);
    inputs.put("bots", new ArrayList<>(new TreeSet<>(bots.names())));
    return Digests.digestOfValues(inputs, Digests.utf8(templatesDigest),
        Digests.utf8(template), Digests.utf8("inputs through a day"));
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

  /**
   * Whether the site follows several repositories. With one, a repository's digests would be
   * the site's again, page for page: it has none of its own, and its page links the site's.
   */
  private boolean severalRepos() {
    return model.byRepo().size() > 1;
  }

  /** What every page of a list shows, whichever commits it holds. */
  private Map<String, Object> listFields(CommitList list) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", list.kind());
    data.put("name", list.name());
    data.put("label", list.label());
    data.put("front", list.front());
    data.put("feed", list.feed());
    if (list.query() != null) {
      data.put("query", list.query());
    }
    if (list.kind().equals("repo")) {
      RepoId scope = severalRepos() ? RepoId.parse(list.name()) : null;
      data.put("weekly", SitePaths.digests(scope, Period.Kind.WEEK));
      data.put("monthly", SitePaths.digests(scope, Period.Kind.MONTH));
    }
    return data;
  }

  private Map<String, Object> listData(CommitList list, List<SiteModel.Entry> shown) {
    Map<String, Object> data = listFields(list);
    data.put("entries", entries(shown));
    return data;
  }

  private List<Map<String, Object>> entries(List<SiteModel.Entry> shown) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SiteModel.Entry e : shown) {
      rows.add(entry(e));
    }
    return rows;
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
    // Only a title that is not plain ASCII is isolated in its own direction (as on its report).
    m.put("isolate", !Bidi.plainAscii(c.title()));
    m.put("author", c.author());
    // Likewise an author: a plain-ASCII name reorders nothing on a row of a left-to-right page.
    m.put("isolateAuthor", !Bidi.plainAscii(c.author()));
    m.put("severity", c.severity().key());
    m.put("badge", words.badge(c.severity()));
    m.put("breaking", c.analysis().breaking());
    // The site's names of the types, each linking to its list; a report's own wording of them
    // (an imported report's) only when it names none Daybook knows.
    List<Map<String, Object>> types = new ArrayList<>();
    for (ChangeType t : c.analysis().types()) {
      types.add(Map.of("name", words.typeName(t), "path", SitePaths.type(t)));
    }
    m.put("types", types);
    m.put("type", c.analysis().typeLabel() != null ? MarkdownText.oneLine(c.analysis().typeLabel())
        : words.typeLabel(c.analysis().types()));
    m.put("path", e.path());
    m.put("reportPath", SitePaths.report(e.date()));
    return m;
  }

  // ---- digests: weeks and months -------------------------------------------------------------

  /**
   * The digest of every week and month with a report, for the whole archive and for each
   * repository, their lists (newest first) and their feeds. A digest shows the days up to its
   * period's end (the period before, who was seen first, the commits reverted), so it is keyed by
   * the history through its last day with a report: a new day renders its own week's and
   * month's digests again, and a week or month it opens gives the one before a "next" link.
   */
  private void digestPages(List<LaterPage> later) throws IOException, SiteException {
    if (model.days().isEmpty()) {
      return;
    }
    RollupHistory facts = new RollupHistory(model);
    List<RepoId> scopes = new ArrayList<>();
    scopes.add(null);
    if (severalRepos()) {
      scopes.addAll(model.byRepo().keySet());
    }
    LocalDate newest = model.days().get(model.days().size() - 1).date();
    for (Period.Kind kind : Period.Kind.values()) {
      for (RepoId scope : scopes) {
        // The periods with a report that covers the scope, oldest first, each with its last day.
        NavigableMap<Period, LocalDate> periods = new TreeMap<>();
        for (DailyReport r : model.days()) {
          if (Rollup.covering(model, r.date(), scope) != null) {
            periods.put(Period.of(kind, r.date()), r.date());
          }
        }
        List<Period> all = new ArrayList<>(periods.keySet());
        for (int i = 0; i < all.size(); i++) {
          Period period = all.get(i);
          Map<String, Object> page = digestFields(scope, kind);
          page.putAll(periodLink(scope, period));
          if (i > 0) {
            page.put("previous", periodLink(scope, all.get(i - 1)));
          }
          if (i + 1 < all.size()) {
            page.put("next", periodLink(scope, all.get(i + 1)));
          }
          page.put("others", otherScopes(scope, period));
          if (kind == Period.Kind.MONTH) {
            page.put("calendar", SitePaths.month(YearMonth.from(period.first())));
          }
          String path = SitePaths.digest(scope, period);
          LocalDate through = periods.get(period);
          // Hundreds of them, nearly all unchanged by a new day: rendered on every core.
          later.add(() -> {
            long pageStart = System.nanoTime();
            renderIfChanged("digest.ftl", path,
                historyKey("digest.ftl", path, page, through), () -> {
                  Map<String, Object> values = new LinkedHashMap<>(page);
                  values.putAll(rollup(Rollup.of(period, scope, model, facts, bots)));
                  return pageModel(path, values);
                });
            digestNanos.add(System.nanoTime() - pageStart);
          });
        }
        if (all.isEmpty()) {
          continue;
        }
        renderThrough("digests.ftl", SitePaths.digests(scope, kind), digestFields(scope, kind),
            newest, () -> Map.of("periods", digestList(scope, all)));
        digestFeed(scope, kind, all, newest);
      }
    }
  }

  /** What every digest page and list of a scope and kind shows. */
  private static Map<String, Object> digestFields(RepoId scope, Period.Kind kind) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("kind", kind.key());
    fields.put("scope", scope == null ? "" : scope.toString());
    if (scope != null) {
      fields.put("repoPath", SitePaths.repo(scope));
    }
    fields.put("list", SitePaths.digests(scope, kind));
    fields.put("feed", SitePaths.digestFeed(scope, kind));
    fields.put("breakingList", SitePaths.BREAKING);
    return fields;
  }

  /** A period's name, dates and page. */
  private static Map<String, Object> periodLink(RepoId scope, Period period) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("id", period.id());
    link.put("year", period.year());
    link.put("number", period.number());
    link.put("first", period.first().toString());
    link.put("last", period.last().toString());
    link.put("path", SitePaths.digest(scope, period));
    return link;
  }

  /**
   * The same period's digests of the other scopes: of each repository with a report in it, from
   * the whole archive's; of the whole archive, from a repository's. Only with several
   * repositories.
   */
  private List<Map<String, Object>> otherScopes(RepoId scope, Period period) {
    List<Map<String, Object>> others = new ArrayList<>();
    if (model.byRepo().size() < 2) {
      return others;
    }
    if (scope != null) {
      others.add(Map.of("name", "", "path", SitePaths.digest(null, period)));
      return others;
    }
    for (RepoId repo : model.byRepo().keySet()) {
      for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
        if (Rollup.covering(model, d, repo) != null) {
          others.add(Map.of("name", repo.toString(), "path", SitePaths.digest(repo, period)));
          break;
        }
      }
    }
    return others;
  }

  /** A digest's values for its template. */
  private Map<String, Object> rollup(Rollup r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("length", r.period().length());
    v.put("tally", counts(r.counts()));
    if (r.before() != null) {
      v.put("before", counts(r.before()));
    }
    List<Map<String, Object>> types = new ArrayList<>();
    for (ChangeType t : ChangeType.values()) {
      long now = r.counts().of(t);
      long then = r.before() == null ? 0 : r.before().of(t);
      if (now > 0 || then > 0) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("key", t.key());
        type.put("name", words.typeName(t));
        type.put("path", SitePaths.type(t));
        type.put("commits", now);
        if (r.before() != null) {
          type.put("before", then);
        }
        types.add(type);
      }
    }
    v.put("types", types);
    List<Map<String, Object>> days = new ArrayList<>();
    for (Rollup.Day d : r.days()) {
      Map<String, Object> day = new LinkedHashMap<>();
      day.put("date", d.date().toString());
      day.put("weekday", d.date().getDayOfWeek().getValue());
      if (d.report() != null) {
        day.put("path", SitePaths.report(d.date()));
        day.putAll(counts(d.counts()));
        day.put("partial", d.report().isPartial());
        if (d.report().isPartial()) {
          day.put("asOf", HOUR_MINUTE.format(
              d.report().partialAsOf().atZone(d.report().zone())));
        }
      }
      days.add(day);
    }
    v.put("days", days);
    // The period's days at a glance, as the month page shows them.
    Map<LocalDate, Rollup.Counts> byDay = new HashMap<>();
    r.days().stream().filter(d -> d.report() != null).forEach(d -> byDay.put(d.date(), d.counts()));
    v.put("chart", StackedBars.layout(StackedBars.Unit.DAY, StackedBars.columns(
        StackedBars.Unit.DAY, r.period().first(), r.period().last(),
        d -> byDay.containsKey(d) ? byDay.get(d).severities() : null)));
    List<Map<String, Object>> high = new ArrayList<>();
    for (SiteModel.Entry e : r.high()) {
      Map<String, Object> entry = entry(e);
      // The report's own rendering: commit text in it is escaped, links are web links only.
      entry.put("summary", ReportHtml.render(e.commit().analysis().summary()));
      high.add(entry);
    }
    v.put("high", high);
    List<Map<String, Object>> areas = new ArrayList<>();
    for (Rollup.Area a : r.areas()) {
      areas.add(Map.of("name", a.name(), "commits", a.commits()));
    }
    v.put("areas", areas);
    List<Map<String, Object>> reverts = new ArrayList<>();
    for (Rollup.Revert rv : r.reverts()) {
      Map<String, Object> revert = new LinkedHashMap<>();
      revert.put("revert", entry(rv.revert()));
      if (rv.reverted() != null) {
        revert.put("reverted", entry(rv.reverted()));
      }
      reverts.add(revert);
    }
    v.put("reverts", reverts);
    v.put("breaking", entries(r.breaking()));
    v.put("people", contributors(r.people()));
    v.put("bots", contributors(r.bots()));
    List<Map<String, Object>> newcomers = new ArrayList<>();
    for (Rollup.Newcomer n : r.newcomers()) {
      Map<String, Object> newcomer = new LinkedHashMap<>();
      newcomer.put("name", n.name());
      newcomer.put("repo", n.repo().toString());
      newcomer.put("first", entry(n.first()));
      newcomers.add(newcomer);
    }
    v.put("newcomers", newcomers);
    v.put("opensArchive", r.opensArchive());
    return v;
  }

  private static Map<String, Object> counts(Rollup.Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("days", c.days());
    m.put("commits", c.commits());
    for (Severity s : Severity.values()) {
      m.put(s.key(), c.of(s));
    }
    return m;
  }

  private static List<Map<String, Object>> contributors(List<Rollup.Contributor> list) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Rollup.Contributor c : list) {
      rows.add(Map.of("name", c.name(), "commits", c.commits(), "high", c.high(),
          "new", c.firstSeen()));
    }
    return rows;
  }

  /** The list of a scope's digests: each period, newest first, with its counts. */
  private List<Map<String, Object>> digestList(RepoId scope, List<Period> periods) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = periods.size() - 1; i >= 0; i--) {
      Map<String, Object> row = periodLink(scope, periods.get(i));
      row.putAll(counts(Rollup.counts(periods.get(i), scope, model)));
      rows.add(row);
    }
    return rows;
  }

  /**
   * The feed of a scope's digests: an entry per week or month, the newest ones, its summary the
   * period's counts in a sentence, its content its commits of high importance.
   */
  private void digestFeed(RepoId scope, Period.Kind kind, List<Period> periods,
      LocalDate newest) throws IOException, SiteException {
    String path = SitePaths.digestFeed(scope, kind);
    Map<String, Object> fields = digestFields(scope, kind);
    fields.put("digestKind", kind.key());
    renderThrough("feed.ftl", path, fields, newest, () -> {
      List<Map<String, Object>> entries = new ArrayList<>();
      for (int i = periods.size() - 1; i >= 0 && entries.size() < FEED_DIGESTS; i--) {
        Period period = periods.get(i);
        List<SiteModel.Entry> all = Rollup.entries(period, scope, model);
        String url = base.resolve(SitePaths.digest(scope, period));
        Map<String, Object> e = new LinkedHashMap<>();
        Map<String, Object> digest = periodLink(scope, period);
        digest.putAll(counts(Rollup.counts(period, scope, model)));
        e.put("digest", digest);
        e.put("url", url);
        e.put("id", atomId(url, kind.key() + ":" + (scope == null ? "" : scope + ":")
            + period.id()));
        // Its newest commit, or the end of its last day with a report when it has none.
        LocalDate last = period.last();
        while (Rollup.covering(model, last, scope) == null) {
          last = last.minusDays(1);
        }
        DailyReport lastReport = model.report(last);
        e.put("updated", all.isEmpty() ? updated(lastReport).toString()
            : all.stream().map(c -> c.commit().time()).max(Comparator.naturalOrder()).get()
                .toString());
        List<Map<String, Object>> high = new ArrayList<>();
        for (SiteModel.Entry c : all) {
          if (c.commit().severity() == Severity.HIGH) {
            high.add(Map.of("badge", words.badge(c.commit().severity()),
                "repo", c.repo().toString(), "title", MarkdownText.oneLine(c.commit().title()),
                "url", base.resolve(c.path())));
          }
        }
        e.put("commits", high);
        entries.add(e);
      }
      return feedData(path, "", SitePaths.digests(scope, kind), entries);
    });
  }

  // ---- feeds, sitemap, robots ------------------------------------------------------------

  /**
   * The site's feed: an entry per day, its summary the day's counts in a sentence (made by the
   * template, in the site's language), its content every commit of the day.
   */
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
      e.put("day", day(r));
      List<Map<String, Object>> commits = new ArrayList<>();
      for (SiteModel.Entry c : mostImportantFirst(model.ofDay(r.date()))) {
        commits.add(Map.of("badge", words.badge(c.commit().severity()),
            "repo", c.repo().toString(), "title", MarkdownText.oneLine(c.commit().title()),
            "url", base.resolve(c.path())));
      }
      e.put("commits", commits);
      entries.add(e);
    }
    render("feed.ftl", SitePaths.FEED, feedData(SitePaths.FEED, null, SitePaths.HOME, entries));
  }

  /** The feed of a list: its newest commits, each with its summary as HTML. */
  private void feed(CommitList list, List<SiteModel.Entry> all)
      throws IOException, SiteException {
    // Its newest commits are those of every day up to the newest one: their prose is read and
    // rendered only when one of those days changed.
    renderThrough("feed.ftl", list.feed(), Map.of("name", list.label()),
        all.isEmpty() ? null : all.get(0).date(), () -> feedData(list, all));
  }

  private Map<String, Object> feedData(CommitList list, List<SiteModel.Entry> all) {
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
      String markdown = c.commit().analysis().summary();
      String summary = MarkdownText.oneLine(MarkdownText.plain(markdown));
      e.put("summary", summary.codePointCount(0, summary.length()) > FEED_SUMMARY_CHARS
          ? summary.substring(0, summary.offsetByCodePoints(0, FEED_SUMMARY_CHARS)) + "…"
          : summary);
      // The report's own rendering: commit text in it is escaped, links are web links only.
      e.put("html", ReportHtml.render(markdown));
      e.put("entry", entry(c));
      entries.add(e);
    }
    return feedData(list.feed(), list.label(), list.front(), entries);
  }

  private Map<String, Object> feedData(String path, String name, String htmlPath,
      List<Map<String, Object>> entries) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name == null ? "" : name);
    data.put("self", base.resolve(path));
    data.put("id", atomId(base.resolve(path), "feed:" + path));
    data.put("alternate", base.resolve(htmlPath));
    data.put("updated", entries.isEmpty() ? Instant.EPOCH.toString()
        : entries.stream().map(e -> (String) e.get("updated")).max(String::compareTo).get());
    data.put("entries", entries);
    return data;
  }

  /**
   * An Atom id must be an absolute IRI: the page's URL when the base URL is absolute, else a URN
   * that stays the same wherever the site is served.
   */
  private String atomId(String url, String name) {
    return base.isAbsolute() ? url : "urn:daybook:" + name.replace(' ', '-');
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

  /**
   * Renders a page made from the reports up to a day (see {@link #historyKey}); its values are
   * made only when it must be rendered. {@code page} holds what else it shows (its neighbours, its
   * name); with no day ({@code null}: it lists nothing) it is keyed by its values.
   */
  private void renderThrough(String template, String path, Map<String, Object> page,
      LocalDate through, Supplier<Map<String, Object>> values) throws IOException, SiteException {
    if (through == null) {
      Map<String, Object> all = new LinkedHashMap<>(page);
      all.putAll(values.get());
      render(template, path, all);
      return;
    }
    renderIfChanged(template, path, historyKey(template, path, page, through), () -> {
      Map<String, Object> all = new LinkedHashMap<>(page);
      all.putAll(values.get());
      return pageModel(path, all);
    });
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
