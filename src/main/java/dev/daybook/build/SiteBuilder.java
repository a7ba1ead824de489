package dev.daybook.build;

import static dev.daybook.build.BuildCache.REPORT;
import static dev.daybook.build.BuildCache.SEARCH;
import static dev.daybook.build.BuildCache.SITE;

import dev.daybook.archive.ArchiveReader.Source;
import dev.daybook.archive.ArchiveReader;
import dev.daybook.concurrent.Background;
import dev.daybook.concurrent.Once;
import dev.daybook.concurrent.Parallel;
import dev.daybook.io.AtomicFiles;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.report.Problem;
import dev.daybook.search.IndexSearch;
import dev.daybook.search.PublishedFile;
import dev.daybook.search.QuerySyntaxException;
import dev.daybook.search.SearchIndex;
import dev.daybook.search.SearchResults;
import dev.daybook.search.StaticExport;
import dev.daybook.site.BaseUrl;
import dev.daybook.site.Pages;
import dev.daybook.site.SearchPage;
import dev.daybook.site.SiteException;
import dev.daybook.site.SitePaths;
import dev.daybook.site.SiteRenderer;
import dev.daybook.site.Watch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
   * @param pageSize commits a list's page shows (whole days) before the search has the rest
   * @param searchIndex the folder of the Lucene search index ({@link SearchIndex}), brought up to
   *     date after the reports are parsed; {@code null} for no index
   * @param bots the authors that are bots besides those named {@code …[bot]} ({@code site.bots})
   * @param hideBots whether a day's page leaves bots' commits out of its table
   * @param watches the watch feeds' queries by name ({@code watch.NAME}); they need the search
   *     index, so none without one
   * @param searchPage how the search page searches
   */
  public record Options(Path content, Path templates, Path assets, Path output, BaseUrl baseUrl,
      String title, Language language, ZoneId defaultZone, int pageSize, Path searchIndex,
      List<String> bots, boolean hideBots, Map<String, String> watches, SearchPage searchPage) {
    public Options {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(templates, "templates");
      Objects.requireNonNull(assets, "assets");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(searchPage, "searchPage");
      bots = List.copyOf(bots);
      watches = Collections.unmodifiableSortedMap(new TreeMap<>(watches));
    }

    /**
     * Options of a site without a search index, bots besides those named {@code …[bot]} or watch
     * feeds, whose search page reads its static index ({@link SearchPage#STATIC}); the {@code
     * with…} methods change them.
     */
    public Options(Path content, Path templates, Path assets, Path output, BaseUrl baseUrl,
        String title, Language language, ZoneId defaultZone, int pageSize) {
      this(content, templates, assets, output, baseUrl, title, language, defaultZone, pageSize,
          null, List.of(), false, Map.of(), SearchPage.STATIC);
    }

    /** These options with a search index (null for none). */
    public Options withSearchIndex(Path searchIndex) {
      return new Options(content, templates, assets, output, baseUrl, title, language,
          defaultZone, pageSize, searchIndex, bots, hideBots, watches, searchPage);
    }

    /** These options with these bots, hidden from a day's table or not. */
    public Options withBots(List<String> bots, boolean hideBots) {
      return new Options(content, templates, assets, output, baseUrl, title, language,
          defaultZone, pageSize, searchIndex, bots, hideBots, watches, searchPage);
    }

    /** These options with these watch feeds. */
    public Options withWatches(Map<String, String> watches) {
      return new Options(content, templates, assets, output, baseUrl, title, language,
          defaultZone, pageSize, searchIndex, bots, hideBots, watches, searchPage);
    }

    /** These options with this search page. */
    public Options withSearchPage(SearchPage searchPage) {
      return new Options(content, templates, assets, output, baseUrl, title, language,
          defaultZone, pageSize, searchIndex, bots, hideBots, watches, searchPage);
    }

    /** What the site is made of besides the reports. */
    public SiteRenderer.Settings site() {
      return new SiteRenderer.Settings(content, templates, assets, baseUrl, title, language,
          pageSize, bots, hideBots, searchPage);
    }
  }

  /**
   * What a build made.
   *
   * @param indexed whether the search index was written (false: it was current, or not asked)
   * @param indexRebuilt whether it was written anew (false: brought up to date report by report)
   * @param indexDamage when the search index found was damaged, and so written anew, what was
   *     wrong with it ({@link SearchIndex#state}); else null
   * @param phases how long each step took, in build order: {@code parse}, {@code index},
   *     {@code stage}, {@code bake} (JBake), {@code pages} (Daybook's own pages), {@code digests}
   *     (the weekly and monthly digests' part of {@code pages}, summed over the threads that
   *     render them), {@code export} (the static search index), {@code write}; for
   *     {@code daybook bench}
   * @param written the site paths this build wrote (new or changed files), sorted
   * @param deleted the site paths it deleted (pages the site no longer has), sorted
   */
  public record Result(int reports, long commits, int files, long bytes, Duration time,
      boolean indexed, boolean indexRebuilt, String indexDamage, Map<String, Duration> phases,
      List<String> written, List<String> deleted) {
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
        "digests", "export", "write");
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

    /** A time measured elsewhere: part of another step's, not a step of its own. */
    void put(String name, Duration time) {
      done.put(name, time);
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
    checkOutput(o, cache);
    Files.createDirectories(cache.dir());
    try (BuildLock lock = BuildLock.take(cache.lock(), o.output(), waiting)) {
      new Publication(o.output().toAbsolutePath(), cache).finishLast();
      AtomicFiles.deleteTree(cache.work());
      deleteOldWorkFolders(o.output().toAbsolutePath().getParent());
      for (Path old : cache.old()) {
        AtomicFiles.deleteTree(old);
      }
      CacheStore entries = new CacheStore(cache.entries());
      // Reading the search index back (Lucene's start, its checksums) needs no report: it runs
      // beside the parse.
      Background<SearchIndex.Found> index = o.searchIndex() == null ? null
          : Background.start("daybook-index", () -> SearchIndex.inspect(o.searchIndex()));
      Parsed parsed;
      try {
        parsed = parse(o, entries);
      } catch (IOException | SiteException | RuntimeException | Error e) {
        finishAfter(e, index);
        throw e;
      }
      // The parsed reports are saved beside the rest of the build, which reads only the entries
      // of the cached ones (for their prose), and those the save keeps.
      Background<Void> saving = Background.start("daybook-cache", () -> {
        parsed.save(entries);
        return null;
      });
      Result result;
      try {
        result = build(o, cache, parsed.sources(), index, entries, start, phases, clock);
      } catch (IOException | SiteException | RuntimeException | Error e) {
        finishAfter(e, saving);
        finishAfter(e, index);
        throw e;
      }
      saving.finish();
      return result;
    }
  }

  /** Waits for work beside a step that failed; its failure, if any, goes with the step's. */
  private static void finishAfter(Throwable failed, Background<?> beside) {
    if (beside == null) {
      return;
    }
    try {
      beside.finish();
    } catch (IOException | RuntimeException | Error also) {
      if (also != failed) { // the failure the step reported may be this one
        failed.addSuppressed(also);
      }
    }
  }

  /** @param index what was found in the search index's folder, or null for no index */
  private Result build(Options o, BuildCache cache, SortedMap<LocalDate, Source> sources,
      Background<SearchIndex.Found> index, CacheStore entries, long start, Phases phases,
      Phases.Clock clock) throws IOException, SiteException {
    clock.end("parse");
    String siteKey = CacheStore.key(SITE, PageManifest.FORMAT);
    PageManifest manifest = PageManifest.load(entries.get(SITE, siteKey));
    Path work = Files.createDirectories(cache.work());
    SiteOutput site = new SiteOutput(o.output().toAbsolutePath(), cache);
    Pages pages = kept(manifest, site);
    // The search index and its export need only the parsed reports, and the pages need nothing
    // of them: they run side by side, so the cores stay busy through each one's serial parts.
    CountDownLatch indexed = new CountDownLatch(o.searchIndex() == null ? 0 : 1);
    Background<Searched> search = o.searchIndex() == null ? null
        : Background.start("daybook-search",
            () -> search(o, sources, index, manifest, site, entries, phases, indexed));
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
        renderer.otherPages(pages, watches(o));
        clock.end("pages");
        phases.put("digests", renderer.digestTime());
      } finally {
        // Whatever happened here, the search writes into this build's folder: wait for it
        // before the folder is deleted. Its failure, if any, is the one reported.
        if (search != null) {
          search.finish();
        }
      }
      Searched searched = search == null ? null : search.finish();
      clock = phases.new Clock();
      // What the site was made from is published with it.
      SiteOutput.Changes changes = site.commit(Map.of(entries.fileFor(SITE, siteKey),
          CacheStore.framed(manifest.bytes())));
      entries.sweep(SITE);
      if (searched != null && searched.exported()) {
        entries.sweep(SEARCH); // what the last export saved and this one did not keep
      }
      clock.end("write");
      return new Result(sources.size(), commits, changes.files(), changes.bytes(),
          Duration.ofNanos(System.nanoTime() - start),
          searched != null && searched.index().written(),
          searched != null && searched.index().whole(),
          searched == null ? null : searched.index().damage(), phases.inOrder(),
          changes.written(), changes.deleted());
    } finally {
      site.close();
      // A publish that could not be undone leaves its journal: the next build finishes it from
      // the work folder.
      if (!Files.exists(cache.journal())) {
        AtomicFiles.deleteTree(work);
      }
    }
  }

  /**
   * The site replaces what its folder held (a publish deletes every file the new site does not
   * have): the folder must hold nothing the build reads or keeps.
   */
  private static void checkOutput(Options o, BuildCache cache) throws SiteException {
    Path out = o.output().toAbsolutePath().normalize();
    Map<String, Path> read = new LinkedHashMap<>();
    read.put("the archive (--content)", o.content());
    read.put("the templates", o.templates());
    read.put("the assets", o.assets());
    if (o.searchIndex() != null) {
      read.put("the search index (--index)", o.searchIndex());
    }
    read.put("the build cache", cache.dir());
    for (Map.Entry<String, Path> r : read.entrySet()) {
      Path held = r.getValue().toAbsolutePath().normalize();
      if (held.startsWith(out)) {
        throw new SiteException(o.output() + ": the site would replace this folder, which"
            + " holds " + r.getKey() + " (" + held + "): build into a folder of its own, e.g."
            + " --out output");
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
   * @param exported whether the static export was made (false: the published one was kept)
   */
  private record Searched(SearchIndex.Update index, boolean exported) {}

  /** Brings the Lucene index up to date and exports it into the site. */
  private static Searched search(Options o, Map<LocalDate, Source> sources,
      Background<SearchIndex.Found> found, PageManifest manifest, SiteOutput site,
      CacheStore entries, Phases phases, CountDownLatch indexed) throws IOException {
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
      index = SearchIndex.update(o.searchIndex(), found.finish(), byKey,
          (date, anchor) -> SitePaths.report(date) + "#" + anchor, fingerprint, o.defaultZone());
    } finally {
      indexed.countDown(); // failed or done: the pages go on (a failure is reported at the end)
    }
    clock.end("index");
    boolean exported = export(o.searchIndex(), fingerprint, o.searchPage().endpoint() != null,
        manifest, site, entries);
    clock.end("export");
    return new Searched(index, exported);
  }

  /**
   * What each watch feed ({@code watch.NAME=QUERY}) finds in the index just brought up to date:
   * the same engine as {@code daybook search}, newest first. The site gets the answers as data,
   * so it lists them without depending on the search. A query that cannot be read stops the
   * build, naming the key and the column.
   */
  private static List<Watch> watches(Options o) throws IOException, SiteException {
    if (o.watches().isEmpty()) {
      return List.of();
    }
    if (o.searchIndex() == null) {
      throw new SiteException(o.watches().keySet().stream().map(n -> "watch." + n)
          .collect(Collectors.joining(", ")) + ": a watch feed needs the search index");
    }
    List<Watch> watches = new ArrayList<>();
    try (IndexSearch index = IndexSearch.open(o.searchIndex())) {
      for (Map.Entry<String, String> w : o.watches().entrySet()) {
        SearchResults found;
        try {
          found = index.search(w.getValue(), IndexSearch.MAX_LIMIT, IndexSearch.Order.DATE);
        } catch (QuerySyntaxException e) {
          throw new SiteException("watch." + w.getKey() + ": column " + e.column() + ": "
              + e.message(o.language()) + " (" + w.getValue() + ")");
        }
        watches.add(new Watch(w.getKey(), w.getValue(), found.hits().stream()
            .map(h -> Watch.key(h.repo(), h.sha())).toList(), found.total()));
      }
    }
    return watches;
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
   * The browser's search: what Lucene built, as static files ({@code search/}), each published
   * compressed ({@link PublishedFile}). The export is
   * a function of the index, so when the index is the one the last export was made from, its
   * files are kept. Else each {@linkplain StaticExport.Part part} of the export that the last
   * build published from the same documents is kept as published (a new day remakes only the
   * newest part): the site's manifest says which files a part's key made, and the build cache
   * holds, by that key, what {@code meta.json} says of the part.
   *
   * @return whether the export was made (false: the published one was kept)
   */
  private static boolean export(Path index, String fingerprint, boolean metaOnly,
      PageManifest manifest, SiteOutput site, CacheStore entries) throws IOException {
    String key = CacheStore.key(SEARCH, "" + StaticExport.FORMAT, PageManifest.FORMAT, fingerprint,
        metaOnly ? "meta only" : "static index");
    String listing = SitePaths.SEARCH_DATA + "/";
    String meta = listing + PublishedFile.name("meta.json");
    if (manifest.madeUnder(meta, key) && manifest.keepAll(site, listing, null)) {
      return false;
    }
    if (metaOnly) {
      // The search page asks OpenSearch: of the static index it reads only meta.json.
      StaticExport.writeMeta(index, (name, json) -> publish(site, manifest, listing + name, key,
          json));
      return true;
    }
    // The key each part's files are made under, by the part's folder.
    Map<String, String> partKeys = new ConcurrentHashMap<>();
    // Straight from memory into the site: only files whose bytes changed are written.
    StaticExport.write(index, new StaticExport.Sink() {
      @Override
      public void file(String name, byte[] json) throws IOException {
        int slash = name.indexOf('/');
        String dir = slash < 0 ? null : name.substring(0, slash + 1);
        publish(site, manifest, listing + name, dir == null ? key : partKeys.getOrDefault(dir, key),
            json);
      }

      @Override
      public boolean concurrent() {
        return true; // the site and the manifest take files from every core
      }

      @Override
      public byte[] summary(String dir, String partKey) throws IOException {
        partKeys.put(dir, partEntry(partKey));
        ByteBuffer summary = entries.get(SEARCH, partEntry(partKey));
        return summary == null ? null
            : Arrays.copyOfRange(summary.array(), summary.position(), summary.limit());
      }

      @Override
      public boolean keep(String dir, String partKey) throws IOException {
        // What the site was published with says whether its files are this part's.
        return manifest.keepAll(site, listing + dir, partEntry(partKey));
      }

      @Override
      public void made(String dir, String partKey, byte[] summary) throws IOException {
        if (partKey != null) {
          entries.put(SEARCH, partEntry(partKey), summary);
        }
      }
    });
    return true;
  }

  /**
   * Puts a file of the search export into the site as published ({@link PublishedFile}), made
   * under {@code key}.
   *
   * @param path the file's site path as the export names it ({@code search/meta.json})
   */
  private static void publish(SiteOutput site, PageManifest manifest, String path, String key,
      byte[] json) throws IOException {
    byte[] bytes = PublishedFile.compress(json);
    site.put(PublishedFile.name(path), bytes);
    manifest.made(PublishedFile.name(path), key, bytes.length);
  }

  /** The key of a part's entry in the cache, and of its files in the manifest. */
  private static String partEntry(String partKey) {
    return CacheStore.key(SEARCH, "" + StaticExport.FORMAT, partKey);
  }

  /**
   * Reads the archive with {@link ArchiveReader}, taking from the build cache the reports it has
   * parsed before from the same bytes, and saves the new ones there. Returns the reports by date,
   * oldest first.
   */
  static SortedMap<LocalDate, Source> parseAll(Options o) throws IOException, SiteException {
    CacheStore entries = new CacheStore(BuildCache.of(o.output()).entries());
    Parsed parsed = parse(o, entries);
    parsed.save(entries);
    return parsed.sources();
  }

  /**
   * The reports by date, and those of them that the build cache did not have.
   *
   * @param keys the key of each report's entry, by its name
   */
  private record Parsed(SortedMap<LocalDate, Source> sources, Map<String, String> keys,
      Set<String> fromCache) {
    /** Writes the reports the cache did not have, and forgets those no longer in the archive. */
    void save(CacheStore entries) throws IOException {
      List<Source> fresh = sources.values().stream()
          .filter(s -> !fromCache.contains(s.name())).toList();
      Parallel.map(fresh, s -> {
        entries.put(REPORT, keys.get(s.name()), ReportCodec.encode(s.report()));
        return null;
      });
      entries.sweep(REPORT);
    }
  }

  /**
   * A report's entry read again, once, when the prose of one of its analyses is first wanted
   * ({@link ReportCodec#decode(ByteBuffer, Supplier)}). The build holds the output's lock and
   * keeps every entry it read, so the entry is still there and the same (its key is a digest of
   * all it was made from); if not, the build stops and says so.
   *
   * @param length the length of the entry's value when the build read it first
   */
  static Supplier<ByteBuffer> readAgain(CacheStore entries, String key, String name,
      int length) {
    return new Once<>(() -> {
      ByteBuffer read;
      try {
        read = entries.get(REPORT, key);
      } catch (IOException e) {
        throw new UncheckedIOException(name + ": its entry in the build cache", e);
      }
      if (read == null || read.remaining() != length) {
        throw new UncheckedIOException(new IOException(name + ": its entry in the build cache"
            + " went missing or changed during the build; build again"));
      }
      return read;
    });
  }

  /** {@link #parseAll}, leaving the cache to be saved. */
  private static Parsed parse(Options o, CacheStore entries) throws IOException, SiteException {
    String zone = o.defaultZone().getId();
    Map<String, String> keys = new ConcurrentHashMap<>();
    Set<String> fromCache = ConcurrentHashMap.newKeySet();
    ArchiveReader.Archive archive = new ArchiveReader(o.content(), o.defaultZone(), true)
        .read((name, digest) -> {
          // The default zone is an input: a report that names none is read in it.
          String key = CacheStore.key(REPORT, ReportCodec.VERSION, zone, name, digest);
          keys.put(name, key);
          ByteBuffer value = entries.get(REPORT, key);
          if (value == null) {
            return null;
          }
          try {
            DailyReport report = ReportCodec.decode(value,
                readAgain(entries, key, name, value.remaining()));
            fromCache.add(name);
            return report;
          } catch (IOException damaged) {
            return null; // parsed again, and the entry written anew
          }
        });
    if (!archive.problems().isEmpty()) {
      throw new SiteException(archive.problems().stream().map(Problem::toString)
          .collect(Collectors.joining("\n")));
    }
    return new Parsed(archive.reports(), keys, fromCache);
  }

}
