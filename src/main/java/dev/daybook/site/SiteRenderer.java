package dev.daybook.site;

import dev.daybook.archive.ArchiveReader.Source;
import dev.daybook.archive.ArchiveReader;
import dev.daybook.concurrent.Once;
import dev.daybook.concurrent.Parallel;
import dev.daybook.io.FileErrors;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportPage;
import dev.daybook.text.XmlChars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The site as a function of the parsed archive: every page, handed to a {@link Pages} with the
 * digest of what it is made from. The report pages and the pages beside them ({@code about.md})
 * are JBake's ({@link JBakeOven}, one report at a time, on every core); home, the lists, feeds,
 * sitemap and 404 page are Daybook's ({@link PageRenderer}), with the same templates. It writes
 * nothing into the site itself: where the pages go, and which are kept from the last build, is the
 * build's business.
 */
public final class SiteRenderer {

  /** The templates every build needs; a missing one is named before anything is made. */
  static final List<String> TEMPLATES = List.of("_layout.ftl", "_i18n.ftl", "_calendar.ftl",
      "_chart.ftl", "report.ftl", "page.ftl", "home.ftl", "list.ftl", "month.ftl", "year.ftl",
      "digest.ftl", "digests.ftl", "feed.ftl", "sitemap.ftl", "404.ftl", "search.ftl");
  /** The assets the templates link to. */
  static final List<String> ASSETS = List.of(SitePaths.STYLESHEET, SitePaths.SEARCH_SCRIPT,
      SitePaths.OPENSEARCH_SCRIPT, SitePaths.SITE_SCRIPT, SitePaths.FAVICON);

  /**
   * What a site is made of besides the reports.
   *
   * @param bots the authors that are bots besides those named {@code …[bot]} ({@code site.bots})
   * @param hideBots whether a day's page leaves bots' commits out of its commit table
   * @param searchPage how the search page searches
   */
  public record Settings(Path content, Path templates, Path assets, BaseUrl baseUrl, String title,
      Language language, int pageSize, List<String> bots, boolean hideBots,
      SearchPage searchPage) {
    public Settings {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(templates, "templates");
      Objects.requireNonNull(assets, "assets");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(searchPage, "searchPage");
      bots = List.copyOf(bots);
    }

    /** Settings that hide no bot and whose search page reads its static index only. */
    public Settings(Path content, Path templates, Path assets, BaseUrl baseUrl, String title,
        Language language, int pageSize, List<String> bots) {
      this(content, templates, assets, baseUrl, title, language, pageSize, bots, false,
          SearchPage.STATIC);
    }

    /** Names the first missing (or unreadable) template or asset. */
    public void check() throws SiteException {
      for (String name : TEMPLATES) {
        require(templates.resolve(name), "template");
      }
      for (String name : ASSETS) {
        require(assets.resolve(name), "asset");
      }
    }

    private static void require(Path file, String what) throws SiteException {
      try {
        if (Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
          return;
        }
      } catch (NoSuchFileException e) {
        // missing: below
      } catch (IOException e) {
        // there, perhaps, but not to be seen: a folder that cannot be read
        throw new SiteException(what + " " + FileErrors.describe(e), e);
      }
      throw new SiteException("missing " + what + " " + file);
    }
  }

  private final Settings settings;
  private final SortedMap<LocalDate, Source> reports;
  private final SiteModel model;
  private final List<Path> contentPages;
  private final Path project;
  private final String templatesDigest;
  /** JBake is set up on first use: a rebuild that keeps every report page never starts it. */
  private final Once<JBakeOven> oven;
  /** Every site path handed out so far, for the sitemap. */
  private final ConcurrentSkipListSet<String> given = new ConcurrentSkipListSet<>();
  /** What the digests of the last {@link #otherPages} took, summed over threads. */
  private Duration digestTime = Duration.ZERO;

  /**
   * Stages the JBake project (templates and the generated site-wide values) in {@code work}, an
   * empty folder the caller deletes afterwards.
   *
   * @param reports the parsed reports by date
   */
  public SiteRenderer(Settings settings, SortedMap<LocalDate, Source> reports, Path work)
      throws IOException {
    this.settings = settings;
    this.reports = reports;
    this.model = new SiteModel(reports.values().stream().map(Source::report).toList());
    this.contentPages = Staging.pages(settings.content());
    this.project = work.resolve("project");
    Staging.stage(project, settings.templates(), siteFtl(settings, model, contentPages));
    this.templatesDigest = digestOf(project.resolve("templates"));
    Path jbakeOut = work.resolve("jbake");
    this.oven = new Once<>(() -> new JBakeOven(project, jbakeOut));
  }

  /** The number of commits the site lists. */
  public long commits() {
    return model.all().size();
  }

  /**
   * JBake's pages: every report (with its neighbours) and the pages beside the reports. A
   * report page's key covers its text, its neighbours and the templates.
   */
  public void reportPages(Pages out) throws IOException, SiteException {
    Pages pages = recording(out);
    List<DailyReport> days = model.days();
    List<Integer> order = IntStream.range(0, days.size()).boxed().toList();
    Parallel.map(order, i -> {
      Source day = reports.get(days.get(i).date());
      Map<String, Object> neighbours = Staging.neighbours(model.previous(i), model.next(i));
      // Its week's and month's digests (they exist: this report is in them).
      LocalDate date = days.get(i).date();
      Period week = Period.of(Period.Kind.WEEK, date);
      neighbours.put("daybook.week", SitePaths.digest(null, week));
      neighbours.put("daybook.week-id", week.id());
      neighbours.put("daybook.month-digest",
          SitePaths.digest(null, Period.of(Period.Kind.MONTH, date)));
      // With site.hide-bots, the bots' rows leave the table; the page says how many (and which,
      // in its key, so a changed bot list makes it again).
      Set<String> hidden = new TreeSet<>();
      if (settings.hideBots()) {
        Bots bots = Bots.of(settings.bots());
        for (SiteModel.Entry e : model.ofDay(date)) {
          if (bots.isBot(e.commit().author())) {
            hidden.add(e.anchor());
          }
        }
        neighbours.put("daybook.hidden-bots", hidden.size());
        neighbours.put("daybook.hidden-anchors", String.join(" ", hidden));
      }
      String path = SitePaths.report(day.report().date());
      pages.page(path, key(path, neighbours, day.digest()), () -> {
        ReportPage page = day.page().get();
        if (!hidden.isEmpty()) {
          page = new ReportPage(page.header(), BotRows.hide(page.html(), hidden));
        }
        return oven.get().render(page, day.file(), path, neighbours);
      });
      return null;
    });
    for (Path page : contentPages) {
      String name = page.getFileName().toString();
      String path = name.substring(0, name.length() - ".md".length()) + ".html";
      pages.page(path, key(path, Map.of(), ArchiveReader.digest(Files.readAllBytes(page))),
          () -> oven.get().render(page, path, Map.of()));
    }
  }

  /** A JBake page's key: the templates, where it goes, what is added to it, its file. */
  private String key(String path, Map<String, Object> extra, String fileDigest) {
    return Digests.digest(Digests.utf8(templatesDigest), Digests.utf8(path),
        Digests.utf8(new TreeMap<>(extra).toString()), Digests.utf8(fileDigest));
  }

  /**
   * Daybook's pages (home, repository and severity lists, feeds, robots.txt, 404, search, the
   * sitemap of every page handed out so far) and the assets. After {@link #reportPages}.
   */
  public void otherPages(Pages out) throws IOException, SiteException {
    otherPages(out, List.of());
  }

  /**
   * The time {@link #otherPages} spent on the weekly and monthly digests, summed over the threads
   * that render them (so it can exceed their share of the wall time); zero before it ran.
   */
  public Duration digestTime() {
    return digestTime;
  }

  /** As {@link #otherPages(Pages)}, with a page and a feed for each watch. */
  public void otherPages(Pages out, List<Watch> watches) throws IOException, SiteException {
    Pages pages = recording(out);
    Map<LocalDate, String> dayDigests = new TreeMap<>();
    reports.forEach((date, source) -> dayDigests.put(date, source.digest()));
    Supplier<List<String>> paths = () -> List.copyOf(given);
    PageRenderer renderer = new PageRenderer(project.resolve("templates"), templatesDigest, model,
        dayDigests, pages, paths, settings.baseUrl(), settings.language(), settings.pageSize(),
        Bots.of(settings.bots()), settings.searchPage(), watches);
    renderer.renderAll();
    digestTime = renderer.digestTime();
    try (Stream<Path> walk = Files.walk(settings.assets())) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String path = settings.assets().relativize(file).toString().replace('\\', '/');
        byte[] bytes = Files.readAllBytes(file);
        pages.file(path, path.endsWith(".js")
            ? Scripts.compact(file.toString(), bytes, settings.language()) : bytes);
      }
    }
  }

  /**
   * The pages, noting each path handed out; the one way every page leaves the renderers. A page
   * holds only characters XML allows: any other, wherever it came from (a report, a page beside
   * them, the site's title, a template), is replaced by U+FFFD here ({@link XmlChars}), so every
   * feed, the sitemap and every HTML page stay well-formed.
   */
  private Pages recording(Pages pages) {
    return new Pages() {
      @Override
      public boolean page(String path, String key, Maker make)
          throws IOException, SiteException {
        boolean made = pages.page(path, key, () -> {
          String text = make.make();
          return text == null ? null : XmlChars.replaceDisallowed(text);
        });
        if (made) {
          given.add(path);
        }
        return made;
      }

      @Override
      public void file(String path, byte[] bytes) throws IOException {
        given.add(path);
        pages.file(path, bytes);
      }
    };
  }

  /** The generated template that gives every page the site-wide values. */
  static String siteFtl(Settings o, SiteModel model, List<Path> pages) {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("title", o.title());
    site.put("lang", o.language().key());
    site.put("htmlLang", o.language().htmlLang());
    site.put("basePath", o.baseUrl().path());
    // For the addresses a page gives of itself (Open Graph): only an absolute base URL makes one.
    site.put("baseUrl", o.baseUrl().isAbsolute() ? o.baseUrl().url() : "");
    List<Object> repos = new ArrayList<>();
    for (Map.Entry<RepoId, List<SiteModel.Entry>> r : model.byRepo().entrySet()) {
      repos.add(Map.of("name", r.getKey().toString(), "path", SitePaths.repo(r.getKey())));
    }
    site.put("repos", repos);
    List<Object> severities = new ArrayList<>();
    for (Severity s : Severity.values()) {
      severities.add(Map.of("key", s.key(), "path", SitePaths.severity(s)));
    }
    site.put("severities", severities);
    // The navigation links about.html: only when there is an about.md to make it from.
    site.put("about", pages.stream().anyMatch(p -> p.getFileName().toString().equals("about.md")));
    return "<#-- Written by Daybook for one build: the values every page shares. -->\n"
        + "<#assign site = " + FtlLiteral.of(site) + ">\n";
  }

  /** A digest of a folder's files: their names and bytes. */
  private static String digestOf(Path folder) throws IOException {
    List<byte[]> parts = new ArrayList<>();
    parts.add(Digests.utf8(Digests.FORMAT));
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        parts.add(Digests.utf8(folder.relativize(file).toString()));
        parts.add(Files.readAllBytes(file));
      }
    }
    return Digests.digest(parts.toArray(byte[][]::new));
  }
}
