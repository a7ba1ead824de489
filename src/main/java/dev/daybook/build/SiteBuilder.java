package dev.daybook.build;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.archive.ArchiveReader.Source;
import dev.daybook.concurrent.Background;
import dev.daybook.io.AtomicFiles;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.report.Problem;
import dev.daybook.search.SearchIndex;
import dev.daybook.search.StaticExport;
import dev.daybook.site.BaseUrl;
import dev.daybook.site.Digests;
import dev.daybook.site.Pages;
import dev.daybook.site.SiteException;
import dev.daybook.site.SitePaths;
import dev.daybook.site.SiteRenderer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code daybook build}: the archive in, a static site out, and the one place that decides what
 * runs when, on which thread, what is kept from the last build and what is published. The
 * Markdown reports are the single source of truth; they are read once ({@link ArchiveReader}, a
 * report that does not parse stops the build with {@code file:line: what}); the site's pages are
 * made by {@link SiteRenderer} and the search index and its static export by {@code search}, side
 * by side; a page whose inputs are those of the last build is kept ({@link PageManifest}); and
 * only when everything succeeded are the changed files moved into place ({@link SiteOutput}), so
 * a failed build leaves the last good site as it was.
 */
public final class SiteBuilder {

  /**
   * What to build from and where to.
   *
   * @param title the site title
   * @param pageSize commits per index page
   * @param searchIndex the folder of the Lucene search index ({@link SearchIndex}), brought up to
   *     date after the reports are parsed; {@code null} for no index
   * @param bots the authors that are bots besides those named {@code …[bot]} ({@code site.bots})
   */
  public record Options(Path content, Path templates, Path assets, Path output, BaseUrl baseUrl,
      String title, Language language, ZoneId defaultZone, int pageSize, Path searchIndex,
      List<String> bots) {
    public Options {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(templates, "templates");
      Objects.requireNonNull(assets, "assets");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(baseUrl, "baseUrl");
      bots = List.copyOf(bots);
    }

    /** What the site is made of besides the reports. */
    public SiteRenderer.Settings site() {
      return new SiteRenderer.Settings(content, templates, assets, baseUrl, title, language,
          pageSize, bots);
    }

    /** Options with no bot named but those named {@code …[bot]}. */
    public Options(Path content, Path templates, Path assets, Path output, BaseUrl baseUrl,
        String title, Language language, ZoneId defaultZone, int pageSize, Path searchIndex) {
      this(content, templates, assets, output, baseUrl, title, language, defaultZone, pageSize,
          searchIndex, List.of());
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
   * @param indexDamage when the search index found was damaged, and so written anew, what was
   *     wrong with it ({@link SearchIndex#state}); else null
   * @param phases how long each step took, in build order: {@code parse}, {@code index},
   *     {@code stage}, {@code bake} (JBake), {@code pages} (Daybook's own pages), {@code export}
   *     (the static search index), {@code write}; for {@code daybook bench}
   * @param written the site paths this build wrote (new or changed files), sorted
   * @param deleted the site paths it deleted (pages the site no longer has), sorted
   */
  public record Result(int reports, long commits, int files, long bytes, Duration time,
      boolean indexed, String indexDamage, Map<String, Duration> phases, List<String> written,
      List<String> deleted) {
    public Result {
      phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
      written = List.copyOf(written);
      deleted = List.copyOf(deleted);
    }
  }

  /**
   * Times the steps of one build; only reads the clock. The search index and its export run
   * beside the bake and the pages, so their times overlap those; each is the step's own wall time.
   */
  private static final class Phases {
    static final List<String> ORDER = List.of("parse", "index", "stage", "bake", "pages",
        "export", "write");
    private final Map<String, Duration> done = new ConcurrentHashMap<>();

    /** A clock for the steps of one thread. */
    final class Clock {
      private long mark = System.nanoTime();

      void end(String name) {
        long now = System.nanoTime();
        done.put(name, Duration.ofNanos(now - mark));
        mark = now;
      }

      /** Leaves out of the next step the time since the last: a wait, not a step. */
      void skip() {
        mark = System.nanoTime();
      }
    }

    Map<String, Duration> inOrder() {
      Map<String, Duration> ordered = new LinkedHashMap<>();
      for (String name : ORDER) {
        if (done.containsKey(name)) {
          ordered.put(name, done.get(name));
        }
      }
      return ordered;
    }
  }

  /** Null: fail at once when another build holds the output folder; else told whom it waits for. */
  private final Consumer<String> waiting;

  /** A builder that fails at once, naming the other build, when one holds the output folder. */
  public SiteBuilder() {
    this(null);
  }

  private SiteBuilder(Consumer<String> waiting) {
    this.waiting = waiting;
  }

  /**
   * A builder that, when another build holds the output folder, waits for it to end, first
   * telling {@code waiting} whom it waits for: for {@code serve}, whose rebuild after a change
   * must not be dropped.
   */
  public static SiteBuilder waiting(Consumer<String> waiting) {
    return new SiteBuilder(Objects.requireNonNull(waiting, "waiting"));
  }

  /**
   * Builds the site. The build holds the output folder's {@link BuildLock} from start to end;
   * before anything else it finishes the publish of a build that was killed on the way and
   * deletes what such a build left.
   */
  public Result build(Options o) throws IOException, SiteException {
    long start = System.nanoTime();
    Phases phases = new Phases();
    Phases.Clock clock = phases.new Clock();
    o.site().check();
    BuildCache cache = BuildCache.of(o.output());
    Files.createDirectories(cache.dir());
    try (BuildLock lock = BuildLock.take(cache.lock(), o.output(), waiting)) {
      new Publication(o.output().toAbsolutePath(), cache).finishLast();
      AtomicFiles.deleteTree(cache.work());
      deleteOldWorkFolders(o.output().toAbsolutePath().getParent());
      Parsed parsed = parse(o);
      // The parsed-report cache is saved beside the rest of the build, which does not read it.
      Background<Void> saving = Background.start("daybook-cache", () -> {
        parsed.cache().save();
        return null;
      });
      Result result;
      try {
        result = build(o, parsed.sources(), start, phases, clock);
      } catch (IOException | SiteException | RuntimeException | Error e) {
        try {
          saving.finish();
        } catch (IOException | RuntimeException | Error also) {
          e.addSuppressed(also);
        }
        throw e;
      }
      saving.finish();
      return result;
    }
  }

  private Result build(Options o, SortedMap<LocalDate, Source> sources, long start,
      Phases phases, Phases.Clock clock) throws IOException, SiteException {
    clock.end("parse");
    BuildCache cache = BuildCache.of(o.output());
    PageManifest manifest = PageManifest.load(cache.pages());
    Path work = Files.createDirectories(cache.work());
    SiteOutput site = new SiteOutput(o.output().toAbsolutePath(), cache);
    Pages pages = kept(manifest, site);
    Path exportStateFile = cache.exportState();
    // The search index and its export need only the parsed reports, and the pages need nothing
    // of them: they run side by side, so the cores stay busy through each one's serial parts.
    CountDownLatch indexed = new CountDownLatch(o.searchIndex() == null ? 0 : 1);
    Background<Searched> search = o.searchIndex() == null ? null
        : Background.start("daybook-search",
            () -> search(o, sources, manifest, site, exportStateFile, phases, indexed));
    long commits;
    try {
      try {
        SiteRenderer renderer = new SiteRenderer(o.site(), sources, work);
        commits = renderer.commits();
        clock.end("stage");
        renderer.reportPages(pages);
        clock.end("bake");
        // The pages wait for the index, the longer branch: until it is done it has the cores to
        // itself, and then the pages keep them busy beside the export, which is partly serial.
        awaitIndex(indexed);
        clock.skip();
        renderer.otherPages(pages);
        clock.end("pages");
      } finally {
        // Whatever happened here, the search writes into this build's folder: wait for it
        // before the folder is deleted. Its failure, if any, is the one reported.
        if (search != null) {
          search.finish();
        }
      }
      Searched searched = search == null ? null : search.finish();
      clock = phases.new Clock();
      // The caches that describe the site are published with it.
      Map<Path, byte[]> caches = new LinkedHashMap<>();
      caches.put(cache.pages(), manifest.bytes());
      if (searched != null && searched.exportState() != null) {
        caches.put(exportStateFile, searched.exportState());
      }
      SiteOutput.Changes changes = site.commit(caches);
      clock.end("write");
      return new Result(sources.size(), commits, changes.files(), changes.bytes(),
          Duration.ofNanos(System.nanoTime() - start),
          searched != null && searched.index().written(),
          searched == null ? null : searched.index().damage(), phases.inOrder(),
          changes.written(), changes.deleted());
    } finally {
      // A publish that could not be undone leaves its journal: the next build finishes it from
      // the work folder.
      if (!Files.exists(cache.journal())) {
        AtomicFiles.deleteTree(work);
      }
    }
  }

  /**
   * Deletes the work folders that earlier versions made beside the output folder, left there by
   * a build that was killed (a build of this version keeps its own in {@code .daybook/}).
   */
  private static void deleteOldWorkFolders(Path parent) throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(parent, ".daybook-build-*")) {
      for (Path dir : old) {
        AtomicFiles.deleteTree(dir);
      }
    }
  }

  /**
   * The site's pages as the build takes them: a page made under the key of the last build's is
   * kept as published, any other is made and staged.
   */
  private static Pages kept(PageManifest manifest, SiteOutput site) {
    return new Pages() {
      @Override
      public boolean page(String path, String key, Maker make)
          throws IOException, SiteException {
        if (manifest.keep(site, path, key)) {
          return true;
        }
        String text = make.make();
        if (text != null) {
          manifest.made(path, key, site.put(path, text));
        }
        return text != null;
      }

      @Override
      public void file(String path, byte[] bytes) throws IOException {
        site.put(path, bytes);
      }
    };
  }

  /**
   * What the search step did.
   *
   * @param index what became of the Lucene index
   * @param exportState what the export leaves for the next build's, to be written once the site
   *     is committed; null when the state file already holds it
   */
  private record Searched(SearchIndex.Update index, byte[] exportState) {}

  /** Brings the Lucene index up to date and exports it into the site. */
  private static Searched search(Options o, Map<LocalDate, Source> sources,
      PageManifest manifest, SiteOutput site, Path exportStateFile, Phases phases,
      CountDownLatch indexed) throws IOException {
    Phases.Clock clock = phases.new Clock();
    String fingerprint;
    SearchIndex.Update index;
    try {
      Map<String, String> files = new TreeMap<>();
      Map<String, DailyReport> byKey = new TreeMap<>();
      for (Source source : sources.values()) {
        files.put(source.name(), source.digest());
        byKey.put(SearchIndex.reportKey(source.name(), source.digest()), source.report());
      }
      fingerprint = SearchIndex.fingerprint(files, o.defaultZone());
      index = SearchIndex.update(o.searchIndex(), byKey,
          (date, anchor) -> SitePaths.report(date) + "#" + anchor, fingerprint, o.defaultZone());
    } finally {
      indexed.countDown(); // failed or done: the pages go on (a failure is reported at the end)
    }
    clock.end("index");
    byte[] exportState = export(o.searchIndex(), fingerprint, manifest, site, exportStateFile);
    clock.end("export");
    return new Searched(index, exportState);
  }

  private static void awaitIndex(CountDownLatch indexed) throws IOException {
    try {
      indexed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
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
    String key = Digests.digest(Digests.utf8(PageManifest.FORMAT),
        Digests.utf8("export " + StaticExport.FORMAT), Digests.utf8(fingerprint));
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
      public boolean concurrent() {
        return true; // the site and the manifest take pages from every core
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

  /**
   * Reads the archive with {@link ArchiveReader}, taking from the {@link ReportCache} what it
   * knows: a report whose file has the {@link ReportCache.Stamp} recorded is not read, one whose
   * digest is recorded is not parsed again. Returns the reports by date, oldest first, once the
   * cache is saved.
   */
  static SortedMap<LocalDate, Source> parseAll(Options o) throws IOException, SiteException {
    Parsed parsed = parse(o);
    parsed.cache().save(); // only the segments that changed
    return parsed.sources();
  }

  /** The reports by date, and the cache that now holds them, not yet saved. */
  private record Parsed(SortedMap<LocalDate, Source> sources, ReportCache cache) {}

  /** {@link #parseAll}, leaving the cache to be saved. */
  private static Parsed parse(Options o) throws IOException, SiteException {
    BuildCache files = BuildCache.of(o.output());
    Files.deleteIfExists(files.oldParsed());
    ReportCache cache = ReportCache.load(files.parsed(), o.defaultZone());
    Map<String, ReportCache.Stamp> seen = new ConcurrentHashMap<>();
    ArchiveReader.Archive archive = new ArchiveReader(o.content(), o.defaultZone(), true)
        .read(new ArchiveReader.Known() {
          @Override
          public ArchiveReader.KnownReport unchanged(Path file, String name) throws IOException {
            // Stat before reading: a change after the stat then shows as another stamp next time.
            ReportCache.Stamp stamp = ReportCache.Stamp.read(file);
            ReportCache.Entry last = cache.get(name);
            if (last != null && last.stamp().equals(stamp)) {
              return new ArchiveReader.KnownReport(last.digest(), last.report());
            }
            seen.put(name, stamp.toRecord(Instant.now()));
            return null;
          }

          @Override
          public DailyReport parsed(String name, String digest) {
            ReportCache.Entry last = cache.get(name);
            return last != null && last.digest().equals(digest) ? last.report() : null;
          }
        });
    if (!archive.problems().isEmpty()) {
      throw new SiteException(archive.problems().stream().map(Problem::toString)
          .collect(Collectors.joining("\n")));
    }
    List<String> names = new ArrayList<>();
    for (Source s : archive.reports().values()) {
      names.add(s.name());
      ReportCache.Stamp stamp = seen.get(s.name());
      if (stamp != null) {
        cache.put(s.name(), new ReportCache.Entry(stamp, s.digest(), s.report()));
      }
    }
    cache.retainOnly(names);
    return new Parsed(archive.reports(), cache);
  }

}
