package dev.daybook.site;

import dev.daybook.archive.ReportStore;
import dev.daybook.concurrent.Parallel;
import dev.daybook.io.AtomicFiles;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
      phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
      written = List.copyOf(written);
      deleted = List.copyOf(deleted);
    }
  }

  /** A value made on first use, once, whichever thread asks first. */
  private static final class Once<T> {
    private final Supplier<T> make;
    private T value;

    Once(Supplier<T> make) {
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
    Map<LocalDate, Source> sources = parseAll(o);
    List<DailyReport> reports = sources.values().stream().map(Source::report).toList();
    SiteModel model = new SiteModel(reports);
    phases.end("parse");
    String fingerprint = null;
    boolean indexed = false;
    if (o.searchIndex() != null) {
      Map<String, String> files = new TreeMap<>();
      Map<String, DailyReport> byKey = new TreeMap<>();
      for (Source source : sources.values()) {
        files.put(source.name(), source.digest());
        byKey.put(SearchIndex.reportKey(source.name(), source.digest()), source.report());
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
      bake(model, pages, sources, new Once<>(() -> new JBakeOven(project, jbakeOut)),
          templates, manifest, site);
      phases.end("bake");
      new PageRenderer(project.resolve("templates"), templates, manifest, model, site,
          o.baseUrl(), o.language(), o.pageSize()).renderAll();
      site.putTree(o.assets());
      phases.end("pages");
      Path exportFile = stateOf(o.output(), ".search");
      byte[] exportState = null;
      if (o.searchIndex() != null) {
        exportState = export(o.searchIndex(), fingerprint, manifest, site, exportFile);
        phases.end("export");
      }
      SiteOutput.Changes changes = site.commit();
      manifest.save(manifestFile);
      if (exportState != null) {
        AtomicFiles.replaceCache(exportFile, exportState);
      }
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
  private static void bake(SiteModel model, List<Path> pages, Map<LocalDate, Source> sources,
      Once<JBakeOven> oven, String templates, PageManifest manifest, SiteOutput site)
      throws IOException, SiteException {
    List<DailyReport> days = model.days();
    List<Integer> order = IntStream.range(0, days.size()).boxed().toList();
    Parallel.map(order, i -> {
      Source day = sources.get(days.get(i).date());
      Map<String, Object> neighbours = Staging.neighbours(model.previous(i), model.next(i));
      bakeOne(oven, day.file(), day.digest(), SitePaths.report(day.report().date()), neighbours,
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
   * files are kept. Else the export extends the last one when it can (a new day's commits): it
   * reads the published files and what the last export left in {@code stateFile}.
   *
   * @return the state to keep for the next build once the site is committed, or null when
   *     {@code stateFile} still holds it
   */
  private static byte[] export(Path index, String fingerprint, PageManifest manifest,
      SiteOutput site, Path stateFile) throws IOException {
    String key = PageManifest.digest(PageManifest.utf8(PageManifest.FORMAT),
        PageManifest.utf8("export " + StaticExport.FORMAT), PageManifest.utf8(fingerprint));
    String listing = SitePaths.SEARCH_DATA + "/";
    if (manifest.keepAll(site, listing, key)) {
      return null;
    }
    byte[] lastState = Files.isRegularFile(stateFile) ? Files.readAllBytes(stateFile) : null;
    // Until this build is committed, the published files are not those of any state: a build
    // that fails on the way leaves none, and the next export is a full one.
    Files.deleteIfExists(stateFile);
    StaticExport.Previous published = new StaticExport.Previous() {
      @Override
      public byte[] read(String name) throws IOException {
        return site.published(listing + name);
      }

      @Override
      public boolean has(String name, long size) throws IOException {
        return site.exists(listing + name, size);
      }
    };
    // Straight from memory into the site: only files whose bytes changed are written.
    return StaticExport.update(index, lastState, published, new StaticExport.Sink() {
      @Override
      public void file(String name, byte[] bytes) throws IOException {
        String path = listing + name;
        site.put(path, bytes);
        manifest.made(path, key, bytes.length);
      }

      @Override
      public void keep(String name, long size) throws IOException {
        String path = listing + name;
        if (!site.keep(path, size)) {
          throw new IllegalStateException("the published " + path + " went away");
        }
        manifest.made(path, key, size);
      }
    }).state();
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
   * A report and where it comes from.
   *
   * @param name its path under the content folder, with '/'
   * @param digest of the file's bytes ({@link SearchIndex#digest})
   */
  private record Source(Path file, String name, String digest, DailyReport report) {}

  /** A report file read: from the cache ({@code parsed} null) or parsed now. */
  private record Read(Source source, ParsedReport parsed) {}

  /**
   * Parses every report on every core, or takes it from the {@link ReportCache} when its bytes
   * are those the last build parsed. Returns them by date, oldest first.
   */
  private static Map<LocalDate, Source> parseAll(Options o) throws IOException, SiteException {
    ReportParser parser = new ReportParser(o.defaultZone());
    Path cacheFile = stateOf(o.output(), ".reports");
    Map<String, ReportCache.Entry> cached = ReportCache.load(cacheFile, o.defaultZone());
    List<Read> read = Parallel.map(new ReportStore(o.content()).list(), file -> {
      byte[] bytes = Files.readAllBytes(file);
      String name = SearchIndex.relative(o.content(), file);
      String digest = SearchIndex.digest(bytes);
      ReportCache.Entry last = cached.get(name);
      if (last != null && last.digest().equals(digest)) {
        return new Read(new Source(file, name, digest, last.report()), null);
      }
      ParsedReport parsed = parser.parse(file, new String(bytes, StandardCharsets.UTF_8), true);
      return new Read(parsed.report().map(r -> new Source(file, name, digest, r)).orElse(null),
          parsed);
    });
    List<Problem> problems = new ArrayList<>();
    Map<LocalDate, Source> byDate = new TreeMap<>();
    Map<String, ReportCache.Entry> next = new TreeMap<>();
    boolean changed = cached.size() != read.size();
    for (Read r : read) {
      if (r.parsed() != null) {
        changed = true;
        problems.addAll(r.parsed().problems());
      }
      Source s = r.source();
      if (s == null) {
        continue;
      }
      next.put(s.name(), new ReportCache.Entry(s.digest(), s.report()));
      Source other = byDate.putIfAbsent(s.report().date(), s);
      if (other != null) {
        problems.add(new Problem(s.file(), 1, "a second report of " + s.report().date()
            + " (the first is " + other.file() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SiteException(problems.stream().sorted().map(Problem::toString)
          .collect(Collectors.joining("\n")));
    }
    if (changed) {
      ReportCache.save(cacheFile, o.defaultZone(), next);
    }
    return byDate;
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
