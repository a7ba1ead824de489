package dev.daybook.site;

import dev.daybook.archive.ReportStore;
import dev.daybook.concurrent.Parallel;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.Severity;
import dev.daybook.report.ParsedReport;
import dev.daybook.report.Problem;
import dev.daybook.report.ReportParser;
import dev.daybook.search.SearchIndex;
import dev.daybook.search.StaticExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code daybook build}: the archive in, a static site out. The Markdown reports are the single
 * source of truth; they are parsed (a report that does not parse stops the build with
 * {@code file:line: what}), staged and baked by JBake, Daybook's own pages are rendered beside
 * them, and the finished folder replaces the previous output in one move, so a failed build leaves
 * the last good site in place.
 */
public final class SiteBuilder {

  /** The templates every build needs; a missing one is named before anything is written. */
  static final List<String> TEMPLATES = List.of("_layout.ftl", "_i18n.ftl", "report.ftl",
      "page.ftl", "home.ftl", "list.ftl", "feed.ftl", "sitemap.ftl", "404.ftl", "search.ftl");
  /** The assets the templates link to. */
  static final List<String> ASSETS = List.of(SitePaths.STYLESHEET, SitePaths.SEARCH_SCRIPT);

  /**
   * What to build from and where to.
   *
   * @param title the site title
   * @param pageSize commits per index page
   * @param searchIndex the folder of the Lucene search index ({@link SearchIndex}), brought up to
   *     date after the reports are parsed; {@code null} for no index
   */
  public record Options(Path content, Path templates, Path assets, Path output, BaseUrl baseUrl,
      String title, Language language, ZoneId defaultZone, int pageSize, Path searchIndex) {
    public Options {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(templates, "templates");
      Objects.requireNonNull(assets, "assets");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** Options without a search index. */
    public Options(Path content, Path templates, Path assets, Path output, BaseUrl baseUrl,
        String title, Language language, ZoneId defaultZone, int pageSize) {
      this(content, templates, assets, output, baseUrl, title, language, defaultZone, pageSize,
          null);
    }
  }

  /**
   * What a build made.
   *
   * @param indexed whether the search index was rewritten (false: it was current, or not asked)
   * @param phases how long each step took, in build order: {@code parse}, {@code index},
   *     {@code stage}, {@code bake} (JBake), {@code pages} (Daybook's own pages), {@code export}
   *     (the static search index), {@code write}; for {@code daybook bench}
   * @param written the site paths this build wrote (new or changed files), sorted
   * @param deleted the site paths it deleted (pages the site no longer has), sorted
   */
  public record Result(int reports, long commits, int files, long bytes, Duration time,
      boolean indexed, Map<String, Duration> phases, List<String> written,
      List<String> deleted) {
    public Result {
      phases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
      written = List.copyOf(written);
      deleted = List.copyOf(deleted);
    }
  }

  /** A value made on first use, once, whichever thread asks first. */
  private static final class Once<T> {
    private final java.util.function.Supplier<T> make;
    private T value;

    Once(java.util.function.Supplier<T> make) {
      this.make = make;
    }

    synchronized T get() {
      if (value == null) {
        value = make.get();
      }
      return value;
    }
  }

  /** Times the steps of one build; only reads the clock. */
  private static final class Phases {
    private final Map<String, Duration> done = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    void end(String name) {
      long now = System.nanoTime();
      done.put(name, Duration.ofNanos(now - mark));
      mark = now;
    }
  }

  public Result build(Options o) throws IOException, SiteException {
    long start = System.nanoTime();
    Phases phases = new Phases();
    checkInputs(o);
    Map<DailyReport, Path> sources = new IdentityHashMap<>();
    Map<DailyReport, String> digests = new IdentityHashMap<>();
    List<DailyReport> reports = parseAll(o, sources, digests);
    SiteModel model = new SiteModel(reports);
    phases.end("parse");
    String fingerprint = null;
    boolean indexed = false;
    if (o.searchIndex() != null) {
      Map<String, String> files = new TreeMap<>();
      Map<String, DailyReport> byKey = new TreeMap<>();
      for (DailyReport r : reports) {
        String file = SearchIndex.relative(o.content(), sources.get(r));
        files.put(file, digests.get(r));
        byKey.put(SearchIndex.reportKey(file, digests.get(r)), r);
      }
      fingerprint = SearchIndex.fingerprint(files, o.defaultZone());
      indexed = SearchIndex.update(o.searchIndex(), byKey,
          (date, anchor) -> SitePaths.report(date) + "#" + anchor, fingerprint, o.defaultZone());
    }
    phases.end("index");

    Path parent = o.output().toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path manifestFile = stateOf(o.output(), ".pages");
    PageManifest manifest = PageManifest.load(manifestFile);
    Path work = Files.createTempDirectory(parent, ".daybook-build-");
    try {
      Path project = work.resolve("project");
      SiteOutput site = new SiteOutput(o.output().toAbsolutePath(), work.resolve("site"));
      List<Path> pages = Staging.pages(o.content());
      Staging.stage(project, o.templates(), siteFtl(o, model, pages));
      phases.end("stage");
      String templates = digestOf(project.resolve("templates"));
      // JBake is set up on first use: a rebuild that keeps every report page never starts it.
      Path jbakeOut = work.resolve("jbake");
      bake(model, pages, sources, digests, new Once<>(() -> new JBakeOven(project, jbakeOut)),
          templates, manifest, site);
      phases.end("bake");
      new PageRenderer(project.resolve("templates"), templates, manifest, model, site,
          o.baseUrl(), o.language(), o.pageSize()).renderAll();
      site.putTree(o.assets());
      phases.end("pages");
      if (o.searchIndex() != null) {
        export(o.searchIndex(), fingerprint, manifest, site);
        phases.end("export");
      }
      SiteOutput.Changes changes = site.commit();
      manifest.save(manifestFile);
      phases.end("write");
      return new Result(reports.size(), model.all().size(), changes.files(), changes.bytes(),
          Duration.ofNanos(System.nanoTime() - start), indexed, phases.done,
          changes.written(), changes.deleted());
    } finally {
      deleteTree(work);
    }
  }

  /**
   * Where a build keeps what it knows of an output folder for the next build (the {@link
   * PageManifest}, the {@link ReportCache}): beside it in {@code .daybook/}, unpublished.
   */
  static Path stateOf(Path output, String suffix) {
    Path out = output.toAbsolutePath();
    return out.getParent().resolve(".daybook").resolve(out.getFileName() + suffix);
  }

  /**
   * JBake's pages: every report (with its neighbours) and the pages beside the reports. A report
   * whose text, neighbours and templates are those of the last build keeps its page.
   */
  private static void bake(SiteModel model, List<Path> pages, Map<DailyReport, Path> sources,
      Map<DailyReport, String> digests, Once<JBakeOven> oven, String templates,
      PageManifest manifest, SiteOutput site) throws IOException, SiteException {
    List<DailyReport> days = model.days();
    List<Integer> order = java.util.stream.IntStream.range(0, days.size()).boxed().toList();
    Parallel.map(order, i -> {
      DailyReport day = days.get(i);
      Map<String, Object> neighbours = Staging.neighbours(model.previous(i), model.next(i));
      bakeOne(oven, sources.get(day), digests.get(day), SitePaths.report(day.date()), neighbours,
          templates, manifest, site);
      return null;
    });
    for (Path page : pages) {
      String name = page.getFileName().toString();
      bakeOne(oven, page, SearchIndex.digest(Files.readAllBytes(page)),
          name.substring(0, name.length() - ".md".length()) + ".html", Map.of(), templates,
          manifest, site);
    }
  }

  private static void bakeOne(Once<JBakeOven> oven, Path source, String digest, String path,
      Map<String, Object> extra, String templates, PageManifest manifest, SiteOutput site)
      throws IOException, SiteException {
    String key = PageManifest.digest(PageManifest.utf8(templates), PageManifest.utf8(path),
        PageManifest.utf8(new TreeMap<>(extra).toString()), PageManifest.utf8(digest));
    if (manifest.keep(site, path, key)) {
      return;
    }
    String html = oven.get().render(source, path, extra);
    if (html != null) {
      manifest.made(path, key, site.put(path, html));
    }
  }

  /**
   * The browser's search: what Lucene built, as static files ({@code search/}). The export is
   * a function of the index, so when the index is the one the last export was made from, its
   * files are kept.
   */
  private static void export(Path index, String fingerprint, PageManifest manifest,
      SiteOutput site) throws IOException {
    String key = PageManifest.digest(PageManifest.utf8(PageManifest.FORMAT),
        PageManifest.utf8("export " + StaticExport.FORMAT), PageManifest.utf8(fingerprint));
    String listing = SitePaths.SEARCH_DATA + "/";
    if (manifest.keepAll(site, listing, key)) {
      return;
    }
    // Straight from memory into the site: only files whose bytes changed are written.
    StaticExport.write(index, (name, bytes) -> {
      String path = listing + name;
      site.put(path, bytes);
      manifest.made(path, key, bytes.length);
    });
  }

  /** A digest of a folder's files: their names and bytes. */
  private static String digestOf(Path folder) throws IOException {
    List<byte[]> parts = new ArrayList<>();
    parts.add(PageManifest.utf8(PageManifest.FORMAT));
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        parts.add(PageManifest.utf8(folder.relativize(file).toString()));
        parts.add(Files.readAllBytes(file));
      }
    }
    return PageManifest.digest(parts.toArray(byte[][]::new));
  }

  private static void checkInputs(Options o) throws SiteException {
    for (String name : TEMPLATES) {
      if (!Files.isRegularFile(o.templates().resolve(name))) {
        throw new SiteException("missing template " + o.templates().resolve(name));
      }
    }
    for (String name : ASSETS) {
      if (!Files.isRegularFile(o.assets().resolve(name))) {
        throw new SiteException("missing asset " + o.assets().resolve(name));
      }
    }
  }

  /**
   * Parses every report on every core, or takes it from the {@link ReportCache} when its bytes
   * are those the last build parsed; records each one's file and the digest of its bytes.
   */
  private static List<DailyReport> parseAll(Options o, Map<DailyReport, Path> sources,
      Map<DailyReport, String> digests) throws IOException, SiteException {
    ReportParser parser = new ReportParser(o.defaultZone());
    Path cacheFile = stateOf(o.output(), ".reports");
    Map<String, ReportCache.Entry> cached = ReportCache.load(cacheFile, o.defaultZone());
    List<Problem> problems = new ArrayList<>();
    List<DailyReport> reports = new ArrayList<>();
    List<Path> files = new ReportStore(o.content()).list();
    List<String> names = files.stream().map(f -> SearchIndex.relative(o.content(), f)).toList();
    List<ReportCache.Entry> fresh = new ArrayList<>(Collections.nCopies(files.size(), null));
    List<ParsedReport> parsedReports = Parallel.map(
        java.util.stream.IntStream.range(0, files.size()).boxed().toList(), i -> {
          byte[] bytes = Files.readAllBytes(files.get(i));
          String digest = SearchIndex.digest(bytes);
          ReportCache.Entry last = cached.get(names.get(i));
          if (last != null && last.digest().equals(digest)) {
            fresh.set(i, last);
            return null;
          }
          ParsedReport parsed = parser.parse(files.get(i),
              new String(bytes, StandardCharsets.UTF_8), true);
          parsed.report().ifPresent(r -> fresh.set(i, new ReportCache.Entry(digest, r)));
          return parsed;
        });
    boolean changed = cached.size() != files.size();
    Map<String, ReportCache.Entry> next = new TreeMap<>();
    for (int i = 0; i < files.size(); i++) {
      ParsedReport parsed = parsedReports.get(i);
      if (parsed != null) {
        changed = true;
        problems.addAll(parsed.problems());
      }
      ReportCache.Entry entry = fresh.get(i);
      if (entry != null) {
        reports.add(entry.report());
        sources.put(entry.report(), files.get(i));
        digests.put(entry.report(), entry.digest());
        next.put(names.get(i), entry);
      }
    }
    Map<java.time.LocalDate, Path> byDate = new LinkedHashMap<>();
    for (DailyReport r : reports) {
      Path other = byDate.putIfAbsent(r.date(), sources.get(r));
      if (other != null) {
        problems.add(new Problem(sources.get(r), 1, "a second report of " + r.date()
            + " (the first is " + other + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SiteException(problems.stream().sorted().map(Problem::toString)
          .collect(Collectors.joining("\n")));
    }
    if (changed) {
      ReportCache.save(cacheFile, o.defaultZone(), next);
    }
    return reports;
  }

  /** The generated template that gives every page the site-wide values. */
  static String siteFtl(Options o, SiteModel model, List<Path> pages) {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("title", o.title());
    site.put("lang", o.language().key());
    site.put("htmlLang", o.language().htmlLang());
    site.put("basePath", o.baseUrl().path());
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

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
