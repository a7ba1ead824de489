package dev.daybook.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.daybook.io.FileTrees;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * {@code daybook bench}: for each archive size N, synthesizes an archive of N days
 * ({@link ArchiveSynthesizer}) and times on it, each build in a fresh JVM: stock JBake's cold
 * bake (the reference point), Daybook's cold build, Daybook's rebuild after one more day, and
 * Daybook's rebuild with nothing changed. Prints a table per N, the ratios ours/stock and how
 * wall time grows with N, and returns (and optionally writes) the figures as JSON. For the shipped
 * archive as it is and after each cold build it also gives the search's figures
 * ({@link SearchFigures}): index and export time, static index size, first-query downloads.
 */
public final class Benchmark {

  /** The builds measured for each N, in run order. */
  static final List<String> BUILDS = List.of("stock", "cold", "addDay", "unchanged");
  static final Map<String, String> LABELS = Map.of("stock", "stock JBake, cold",
      "shipped", "daybook, cold", "cold", "daybook, cold", "addDay", "daybook, +1 day",
      "unchanged", "daybook, unchanged");

  /**
   * What to run.
   *
   * @param content the real archive the synthetic ones are made from
   * @param like the date of the one report every synthetic day copies, or null: the report of
   *     the same weekday
   * @param inProcess run the builds in this JVM instead of a child JVM each (for tests; figures
   *     are then not comparable between builds)
   * @param repos how many repositories each synthetic archive follows: copies of the content's
   *     ({@link ArchiveSynthesizer})
   * @param work where the synthetic archives and sites go (deleted afterwards unless keep)
   * @param varied the copies of a repository follow different model days ({@link
   *     ArchiveSynthesizer})
   * @param repeat how many times the new day's and the unchanged builds run: the figure is the
   *     run of median wall time
   * @param classData whether Daybook's builds in child JVMs map a class data archive, as the
   *     launcher's do (never with {@code jvmDefaults}: the launcher maps none with options of
   *     one's own)
   */
  public record Options(List<Integer> days, int repos, boolean stock, boolean inProcess,
      Path content, LocalDate like, Path templates, Path assets, Path config, Path work,
      boolean keep, String daybookHeap, boolean jvmDefaults, boolean varied, int repeat,
      boolean classData) {

    public Options {
      if (repeat < 1) {
        throw new IllegalArgumentException("repeat < 1: " + repeat);
      }
    }

    /**
     * One repository, Daybook's builds with the launcher's JVM options and the JVM's default
     * heap limit.
     */
    public Options(List<Integer> days, boolean stock, boolean inProcess, Path content,
        Path templates, Path assets, Path config, Path work, boolean keep) {
      this(days, 1, stock, inProcess, content, null, templates, assets, config, work, keep, null,
          false, false, 1, true);
    }

    /** As the short constructor, with {@code repos} repositories. */
    public Options withRepos(int count) {
      return new Options(days, count, stock, inProcess, content, like, templates, assets, config,
          work, keep, daybookHeap, jvmDefaults, varied, repeat, classData);
    }

    /** These options with the new day's and the unchanged builds run {@code times} times. */
    public Options withRepeat(int times) {
      return new Options(days, repos, stock, inProcess, content, like, templates, assets, config,
          work, keep, daybookHeap, jvmDefaults, varied, times, classData);
    }

    /** The JVM options of Daybook's builds. */
    List<String> daybookJvm() {
      List<String> options = new ArrayList<>(jvmDefaults ? List.of() : LAUNCHER_JVM_OPTIONS);
      if (daybookHeap != null) {
        // A bounded heap shows what Daybook needs; unbounded, the JVM collects lazily and the
        // peak says more about the collector than about the build.
        options.add("-Xmx" + daybookHeap);
      }
      return options;
    }
  }

  /**
   * The JVM options the launcher ({@code ./daybook}) runs Daybook with, so Daybook's builds are
   * measured as a user runs them. Stock JBake keeps the JVM's defaults, as its own launcher does.
   */
  public static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0", "-XX:MetaspaceSize=128m");

  /**
   * The system property that the launcher sets to {@code target/daybook.jar} and the folder of
   * the benchmark's own classes: what Daybook's measured builds need on their classpath.
   */
  static final String PRODUCT_CLASSPATH = "daybook.bench.product";

  private final Options o;
  private final PrintWriter out;
  /**
   * The classpath of Daybook's builds in child JVMs ({@link #childJvms}), and whether they map a
   * class data archive; both set before the first build.
   */
  private String daybookClasspath;
  private boolean classData;
  /** This run's own folder for the jar of its classes and the class data archive. */
  private Path jvmDir;
  /**
   * The work folders, deleted when every build is done. Not sooner: ext4 skips the inodes freed
   * in the last minutes when it makes a file, and after tens of thousands of deletes making each
   * file costs ten times its usual CPU, which would be charged to whichever build came next.
   */
  private final List<Path> done = new ArrayList<>();

  public Benchmark(Options options, PrintWriter out) {
    this.o = options;
    this.out = out;
  }

  /** Runs everything; returns the JSON tree. */
  public Map<String, Object> run() throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    machine.put("childJvms", !o.inProcess());
    machine.put("daybookHeapLimit", o.daybookHeap() == null ? "JVM default" : o.daybookHeap());
    machine.put("daybookJvmOptions", o.daybookJvm());
    out.printf(Locale.ROOT, "Daybook's builds run with JVM options %s (stock JBake with the"
        + " JVM's defaults)%n",
        o.daybookJvm().isEmpty() ? "none" : String.join(" ", o.daybookJvm()));
    root.put("machine", machine);
    ArchiveSynthesizer synth = new ArchiveSynthesizer(o.content(), o.like(), o.repos(),
        o.varied());
    Files.createDirectories(o.work());
    List<Map<String, Object>> runs = new ArrayList<>();
    try {
      if (!o.inProcess()) {
        childJvms();
      }
      machine.put("classData", classData);
      root.put("shipped", runShipped());
      long archived = classData && Files.exists(classArchive()) ? Files.size(classArchive()) : 0;
      root.put("classDataArchiveBytes", archived);
      if (archived > 0) {
        out.printf(Locale.ROOT, "  (this build recorded a class data archive of %.1f MB, which"
            + " every later build of Daybook's maps)%n", archived / 1e6);
      }
      for (int n : o.days()) {
        runs.add(runOne(synth, n));
      }
    } finally {
      if (!o.keep()) {
        for (Path dir : done) {
          Sizes.delete(dir);
        }
      }
    }
    root.put("runs", runs);
    root.put("growth", growth(runs));
    printGrowth(runs);
    return root;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> runOne(ArchiveSynthesizer synth, int n) throws Exception {
    Path dir = Files.createTempDirectory(o.work(), "bench-" + n + "-");
    try {
      Path content = dir.resolve("content");
      long t0 = System.nanoTime();
      ArchiveSynthesizer.Stats stats = synth.synthesize(content, n);
      double synthMs = (System.nanoTime() - t0) / 1e6;
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("days", n);
      run.put("repos", synth.repos());
      run.put("varied", o.varied());
      Map<String, Object> archive = new LinkedHashMap<>(); // in this order in the JSON
      archive.put("reports", stats.reports());
      archive.put("commits", stats.commits());
      archive.put("markdownBytes", stats.bytes());
      archive.put("synthesizeMs", synthMs);
      run.put("archive", archive);
      out.printf(Locale.ROOT, "%nN = %,d days, %,d %s%s: %,d reports, %,d commits, %.1f MB of"
          + " Markdown (synthesized in %.1f s)%n", n, synth.repos(),
          synth.repos() == 1 ? "repository" : "repositories",
          o.varied() && synth.repos() > 1 ? " (varied copies)" : "", stats.reports(),
          stats.commits(), stats.bytes() / 1e6, synthMs / 1000);
      out.flush();
      Map<String, Object> builds = new LinkedHashMap<>();
      if (o.stock()) {
        builds.put("stock", measure("stock", List.of("stock", content.toString(),
            dir.resolve("stock-work").toString(), dir.resolve("stock-site").toString()), dir));
      }
      builds.put("cold", measure("cold", daybook(content, dir), dir));
      // Before the next build changes the site.
      Map<String, Object> cold = (Map<String, Object>) builds.get("cold");
      Map<String, Object> search = SearchFigures.of(cold, dir.resolve("site"),
          dir.resolve(".daybook/lucene"));
      Map<String, Object> siteFigures = siteFigures(cold, dir.resolve("site"), content);
      synth.writeDay(content, n);
      // A new day's build lasts about two seconds, which other work on the machine moves by a
      // tenth: it runs several times, each from a copy of the site and build cache the cold
      // build left (no run starts from another's), the last in place; then the unchanged
      // rebuild as many times there. The run of median wall time is the figure.
      List<Map<String, Object>> added = new ArrayList<>();
      for (int i = 1; i <= o.repeat(); i++) {
        Path at = dir;
        if (i < o.repeat()) {
          at = dir.resolve("again-" + i);
          FileTrees.copy(dir.resolve("site"), at.resolve("site"));
          FileTrees.copy(dir.resolve(".daybook"), at.resolve(".daybook"));
        }
        added.add(measure("addDay", i, daybook(content, at), at));
      }
      builds.put("addDay", median(added));
      List<Map<String, Object>> unchanged = new ArrayList<>();
      for (int i = 1; i <= o.repeat(); i++) {
        unchanged.add(measure("unchanged", i, daybook(content, dir), dir));
      }
      builds.put("unchanged", median(unchanged));
      run.put("builds", builds);
      run.put("ratios", ratios(builds));
      run.put("search", search);
      run.put("site", siteFigures);
      print(builds);
      SearchFigures.print(search, out);
      SiteFigures.print(siteFigures, out);
      return run;
    } finally {
      done.add(dir);
    }
  }

  /**
   * The shipped archive as it is (no synthesis): one cold build, for the search's figures on the
   * content people see first.
   */
  private Map<String, Object> runShipped() throws Exception {
    Path dir = Files.createTempDirectory(o.work(), "bench-shipped-");
    try {
      out.printf(Locale.ROOT, "%nShipped content (%s)%n", o.content());
      out.flush();
      List<String> daybook = List.of("daybook", o.content().toString(),
          o.templates().toString(), o.assets().toString(), o.config().toString(),
          dir.resolve("site").toString(), dir.resolve(".daybook/lucene").toString());
      Map<String, Object> build = measure("shipped", daybook, dir);
      Map<String, Object> shipped = new LinkedHashMap<>();
      shipped.put("reports", build.get("reports"));
      shipped.put("commits", build.get("commits"));
      shipped.put("build", build);
      Map<String, Object> search = SearchFigures.of(build, dir.resolve("site"),
          dir.resolve(".daybook/lucene"));
      shipped.put("search", search);
      Map<String, Object> siteFigures = siteFigures(build, dir.resolve("site"), o.content());
      shipped.put("site", siteFigures);
      out.printf(Locale.ROOT, "  %s reports, %s commits%n", build.get("reports"),
          build.get("commits"));
      SearchFigures.print(search, out);
      SiteFigures.print(siteFigures, out);
      return shipped;
    } finally {
      done.add(dir);
    }
  }

  /** {@link SiteFigures} of a built site, with the build's commits and phases. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> siteFigures(Map<String, Object> build, Path site,
      Path content) throws IOException {
    return SiteFigures.of(site, (long) num(build, "commits"), content,
        (Map<String, Object>) build.getOrDefault("phasesMs", Map.of()));
  }

  /** The arguments of Daybook's build of {@code content} into {@code dir}/site. */
  private List<String> daybook(Path content, Path dir) {
    return List.of("daybook", content.toString(), o.templates().toString(),
        o.assets().toString(), o.config().toString(), dir.resolve("site").toString(),
        dir.resolve(".daybook/lucene").toString());
  }

  /**
   * The figures of the run of median wall time (the lower of the two middle ones for an even
   * count), with every run's wall time in run order ({@code wallMsRuns}).
   */
  static Map<String, Object> median(List<Map<String, Object>> runs) {
    List<Map<String, Object>> byTime = new ArrayList<>(runs);
    byTime.sort(Comparator.comparingDouble(m -> num(m, "wallMs")));
    Map<String, Object> median = new LinkedHashMap<>(byTime.get((byTime.size() - 1) / 2));
    median.put("wallMsRuns", runs.stream().map(m -> num(m, "wallMs")).toList());
    return median;
  }

  /** Run {@code run} of {@link Options#repeat} of a build, numbered when there are several. */
  private Map<String, Object> measure(String name, int run, List<String> args, Path dir)
      throws Exception {
    String label = LABELS.get(name);
    if (o.repeat() > 1) {
      label += " " + run + "/" + o.repeat();
    }
    return measure(name, label, args, dir);
  }

  private Map<String, Object> measure(String name, List<String> args, Path dir)
      throws Exception {
    return measure(name, LABELS.get(name), args, dir);
  }

  /** One build: in a child JVM (wall time around it) or in this one. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> measure(String name, String label, List<String> args, Path dir)
      throws Exception {
    out.printf(Locale.ROOT, "  %-24s ...", label);
    out.flush();
    flushDisks();
    double load = loadAverage();
    long t0 = System.nanoTime();
    long t1;
    Map<String, Object> r;
    if (o.inProcess()) {
      r = BenchChild.run(args, false);
      t1 = System.nanoTime();
    } else {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      if (!name.equals("stock")) {
        cmd.addAll(o.daybookJvm());
        cmd.addAll(classData(name));
      }
      cmd.add("-cp");
      // Daybook's builds run the product jar (and a jar of the benchmark's classes); stock
      // JBake needs the benchmark's whole classpath (flexmark).
      cmd.add(name.equals("stock") ? System.getProperty("java.class.path") : daybookClasspath);
      cmd.add(BenchChild.class.getName());
      cmd.addAll(args);
      Path log = dir.resolve(name + ".log");
      Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
      // The wall time runs from the start of the JVM to the end of its build: what the child
      // does after it (the sizes of what it made, its heap's peak, its figures as JSON) is the
      // benchmark's own work.
      StringBuilder printed = new StringBuilder();
      long done = -1;
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String l = lines.readLine(); l != null; l = lines.readLine()) {
          if (l.equals(BenchChild.DONE) && done < 0) {
            done = System.nanoTime();
          }
          printed.append(l).append('\n');
        }
      }
      String stdout = printed.toString();
      int code = p.waitFor();
      t1 = done >= 0 ? done : System.nanoTime();
      String line = stdout.lines().filter(l -> l.startsWith(BenchChild.MARKER)).findFirst()
          .orElse(null);
      if (code != 0 || line == null) {
        String err = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        throw new IOException("the " + LABELS.get(name) + " build failed (exit " + code + "):\n"
            + tail(err + stdout, 4000));
      }
      r = new ObjectMapper().readValue(line.substring(BenchChild.MARKER.length()),
          LinkedHashMap.class);
    }
    double wall = (t1 - t0) / 1e6;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("wallMs", wall);
    m.putAll(r);
    // Other work on the machine skews the figures: keep the load before and after.
    m.put("loadAverageBefore", load);
    m.put("loadAverageAfter", loadAverage());
    out.printf(Locale.ROOT, " %.1f s (load average %.1f before, %.1f after)%n", wall / 1000,
        load, loadAverage());
    out.flush();
    return m;
  }

  /**
   * The launcher's class data sharing, mirrored: the first of Daybook's builds (the shipped
   * content's, cold) records the classes it loads, and every later build maps them.
   */
  private List<String> classData(String name) {
    if (!classData) {
      return List.of();
    }
    String option = name.equals("shipped") ? "-XX:ArchiveClassesAtExit="
        : "-XX:SharedArchiveFile=";
    return List.of(option + classArchive(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  private Path classArchive() {
    return jvmDir.resolve("daybook.jsa");
  }

  /**
   * Sets the classpath of Daybook's builds: the launcher's ({@link #PRODUCT_CLASSPATH}), where
   * the folder of this benchmark's classes is replaced by a jar of them in a folder of this run's
   * own, as the JVM records class data from jars only; and whether they map class data: as the
   * launcher, unless asked not to or a folder is left on the classpath.
   */
  private void childJvms() throws IOException {
    jvmDir = Files.createTempDirectory(o.work(), "bench-jvm-");
    done.add(jvmDir);
    String benchPackage = Benchmark.class.getPackageName().replace('.', '/');
    List<String> entries = new ArrayList<>();
    boolean folderLeft = false;
    for (String entry : System.getProperty(PRODUCT_CLASSPATH,
        System.getProperty("java.class.path")).split(File.pathSeparator)) {
      Path folder = Path.of(entry);
      if (Files.isDirectory(folder.resolve(benchPackage))) {
        Path jar = jvmDir.resolve("bench-classes.jar");
        jarOfPackage(folder, jar);
        entries.add(jar.toString());
      } else {
        folderLeft |= Files.isDirectory(folder);
        entries.add(entry);
      }
    }
    daybookClasspath = String.join(File.pathSeparator, entries);
    classData = o.classData() && !o.jvmDefaults() && !folderLeft;
  }

  /** Writes the classes of this package found in {@code folder} into a jar. */
  private static void jarOfPackage(Path folder, Path jar) throws IOException {
    String name = Benchmark.class.getPackageName().replace('.', '/');
    Path classes = folder.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        out.putNextEntry(new JarEntry(name + "/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  /** The 1-minute load average, or -1 where unknown. */
  /**
   * Writes out what earlier steps left in the page cache (the synthesis, stock JBake's site), so
   * that a build does not pay for another's writes. Where there is no {@code sync}, nothing.
   */
  private static void flushDisks() throws InterruptedException {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (IOException e) {
      // not a Unix system: the figures are a little noisier
    }
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }

  private static String tail(String s, int n) {
    return s.length() <= n ? s : "..." + s.substring(s.length() - n);
  }

  static double num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number x ? x.doubleValue() : Double.NaN;
  }

  private static Map<String, Object> ratios(Map<String, Object> builds) {
    Map<String, Object> ratios = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> stock = (Map<String, Object>) builds.get("stock");
    if (stock == null) {
      return ratios;
    }
    for (String b : List.of("cold", "addDay", "unchanged")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ours = (Map<String, Object>) builds.get(b);
      Map<String, Object> r = new LinkedHashMap<>();
      for (String k : List.of("wallMs", "cpuMs", "peakHeapBytes", "peakRssBytes", "bytes",
          "files")) {
        r.put(k, num(ours, k) / num(stock, k));
      }
      ratios.put(b + "/stock", r);
    }
    return ratios;
  }

  @SuppressWarnings("unchecked")
  private void print(Map<String, Object> builds) {
    out.printf(Locale.ROOT,
        "  %-20s %7s %7s %8s %7s %7s %8s | %7s %7s %7s %7s %7s %7s %7s %7s%n",
        "build", "wall s", "cpu s", "heap MB", "rss MB", "files", "out MB",
        "parse", "index", "stage", "bake", "pages", "digests", "export", "write");
    for (Map.Entry<String, Object> e : builds.entrySet()) {
      Map<String, Object> m = (Map<String, Object>) e.getValue();
      Map<String, Object> ph = (Map<String, Object>) m.getOrDefault("phasesMs", Map.of());
      double write = num(ph, "write");
      out.printf(Locale.ROOT,
          "  %-20s %7.1f %7.1f %8.0f %7.0f %7.0f %8.1f | %7s %7s %7s %7s %7s %7s %7s %7s%n",
          LABELS.get(e.getKey()), num(m, "wallMs") / 1000, num(m, "cpuMs") / 1000,
          num(m, "peakHeapBytes") / 1e6, num(m, "peakRssBytes") / 1e6, num(m, "files"),
          num(m, "bytes") / 1e6, sec(num(ph, "parse")), sec(num(ph, "index")),
          sec(num(ph, "stage")), sec(num(ph, "bake")), sec(num(ph, "pages")),
          sec(num(ph, "digests")), sec(num(ph, "export")), sec(write));
    }
    Map<String, Object> stock = (Map<String, Object>) builds.get("stock");
    if (stock != null) {
      StringBuilder s = new StringBuilder("  ours/stock wall time:");
      for (String b : List.of("cold", "addDay", "unchanged")) {
        s.append(String.format(Locale.ROOT, "  %s %.2f", LABELS.get(b).substring(9),
            num((Map<String, Object>) builds.get(b), "wallMs") / num(stock, "wallMs")));
      }
      s.append(String.format(Locale.ROOT, "; cold cpu %.2f, cold heap %.2f",
          num((Map<String, Object>) builds.get("cold"), "cpuMs") / num(stock, "cpuMs"),
          num((Map<String, Object>) builds.get("cold"), "peakHeapBytes")
              / num(stock, "peakHeapBytes")));
      out.println(s);
    }
    out.println("  (phases in s; stock JBake's bake is its parse and render together; digests"
        + " is the part of pages spent on the digests, summed over threads)");
    out.flush();
  }

  private static String sec(double ms) {
    return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.2f", ms / 1000);
  }

  /** Wall time per day for each build and N, and the exponent k of N^k between sizes. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> growth(List<Map<String, Object>> runs) {
    Map<String, Object> g = new LinkedHashMap<>();
    for (String b : BUILDS) {
      List<Map<String, Object>> points = new ArrayList<>();
      Map<String, Object> prev = null;
      for (Map<String, Object> run : runs) {
        Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) run.get("builds"))
            .get(b);
        if (m == null) {
          continue;
        }
        double n = num(run, "days");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("days", (int) n);
        p.put("wallMs", num(m, "wallMs"));
        p.put("wallMsPerDay", num(m, "wallMs") / n);
        if (prev != null) {
          p.put("exponentSincePrevious", Math.log(num(m, "wallMs") / num(prev, "wallMs"))
              / Math.log(n / num(prev, "days")));
        }
        points.add(p);
        prev = p;
      }
      if (!points.isEmpty()) {
        g.put(b, points);
      }
    }
    return g;
  }

  @SuppressWarnings("unchecked")
  private void printGrowth(List<Map<String, Object>> runs) {
    if (runs.size() < 2) {
      return;
    }
    out.println();
    out.println("Growth: wall ms per day (exponent k of N^k since the previous N;"
        + " 1 = linear, 2 = quadratic)");
    for (Map.Entry<String, Object> e : growth(runs).entrySet()) {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-20s",
          LABELS.get(e.getKey())));
      for (Map<String, Object> p : (List<Map<String, Object>>) e.getValue()) {
        s.append(String.format(Locale.ROOT, "  N=%,d: %.1f", (int) num(p, "days"),
            num(p, "wallMsPerDay")));
        if (p.containsKey("exponentSincePrevious")) {
          s.append(String.format(Locale.ROOT, " (k=%.2f)", num(p, "exponentSincePrevious")));
        }
      }
      out.println(s);
    }
    out.flush();
  }

  /** Writes the JSON tree, pretty-printed. */
  public static void writeJson(Map<String, Object> tree, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(tree) + "\n", StandardCharsets.UTF_8);
  }
}
