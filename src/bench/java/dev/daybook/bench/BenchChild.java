package dev.daybook.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.cli.Daybook;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured build, normally alone in a fresh JVM that {@link Benchmark} starts, so heap peaks
 * and JIT warm-up are comparable and JBake's global state cannot leak from one build into the
 * next. It prints one line, {@value #MARKER} followed by a JSON object: what the build reports
 * (phases, output files and bytes) plus the CPU time and peak heap measured from inside.
 *
 * <p>Arguments: {@code daybook CONTENT TEMPLATES ASSETS CONFIG OUTPUT INDEX} (Daybook's
 * {@code build}) or {@code stock CONTENT WORK OUTPUT} (stock JBake, {@link StockJBake}).
 */
public final class BenchChild {

  static final String MARKER = "DAYBOOK-BENCH ";
  /** The line a child prints the moment its build is over. */
  static final String DONE = "DAYBOOK-BENCH-DONE";

  private BenchChild() {}

  public static void main(String[] args) {
    int code = 0;
    try {
      Map<String, Object> r = run(List.of(args), true);
      System.out.println(MARKER + new ObjectMapper().writeValueAsString(r));
      System.out.flush();
    } catch (Throwable e) {
      e.printStackTrace();
      code = 1;
    }
    // JBake's OrientDB may leave threads behind; the measurement is done.
    System.exit(code);
  }

  /**
   * Runs one build and measures it.
   *
   * @param wholeProcess whether this JVM exists for this build: then CPU time is the whole
   *     process's (start-up and JIT included) and the resident-set peak is reported; else CPU is
   *     the difference over the build and the RSS peak is -1
   */
  static Map<String, Object> run(List<String> args, boolean wholeProcess) throws Exception {
    if (!wholeProcess) {
      // This JVM has built before: the peaks must be this build's.
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
    }
    long cpu0 = wholeProcess ? 0 : cpuNanos();
    long t0 = System.nanoTime();
    Map<String, Object> r = switch (args.get(0)) {
      case "daybook" -> daybook(Path.of(args.get(1)), Path.of(args.get(2)),
          Path.of(args.get(3)), Path.of(args.get(4)), Path.of(args.get(5)),
          Path.of(args.get(6)));
      case "stock" -> StockJBake.bake(Path.of(args.get(1)), Path.of(args.get(2)),
          Path.of(args.get(3)));
      default -> throw new IllegalArgumentException("unknown build " + args.get(0));
    };
    r.put("innerMs", (System.nanoTime() - t0) / 1e6);
    r.put("cpuMs", (cpuNanos() - cpu0) / 1e6);
    if (wholeProcess) {
      // The build is over: the parent stops its clock here, as what follows only measures.
      System.out.println(DONE);
      System.out.flush();
    }
    if (args.get(0).equals("daybook")) {
      long[] site = Sizes.of(Path.of(args.get(5)));
      r.put("files", site[0]);
      r.put("bytes", site[1]);
      long[] idx = Sizes.of(Path.of(args.get(6)));
      r.put("indexFiles", idx[0]);
      r.put("indexBytes", idx[1]);
    }
    r.put("peakHeapBytes", peakHeap());
    r.put("peakRssBytes", wholeProcess ? peakRss() : -1L);
    return r;
  }

  /**
   * Daybook's build as a user runs it: {@code daybook build} through its command line, with the
   * site's settings; what it made is read from what it prints ({@code --timings}) and, after the
   * build, from the folders.
   */
  private static Map<String, Object> daybook(Path content, Path templates, Path assets,
      Path configFile, Path output, Path index) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Daybook.commandLine(new Daybook.Context(new PrintWriter(out, true),
        new PrintWriter(err, true), System.getenv(), Clock.systemUTC())).execute("build",
        "--config=" + configFile, "--content=" + content, "--out=" + output, "--index=" + index,
        "--templates=" + templates, "--assets=" + assets, "--timings");
    if (code != 0) {
      throw new IOException("daybook build exited " + code + ": " + err + out);
    }
    return parse(out.toString());
  }

  private static final Pattern BUILT = Pattern.compile(
      "(?m)^built .*: (\\d+) reports, (\\d+) commits, \\d+ files, .*$");
  private static final Pattern INDEX = Pattern.compile("(?m)^search index .*: (\\w+).*$");
  private static final Pattern PHASE = Pattern.compile("(\\w+) ([\\d.]+) s");

  /** What {@code daybook build --timings} printed, as the figures of a build. */
  static Map<String, Object> parse(String printed) throws IOException {
    Matcher built = BUILT.matcher(printed);
    Matcher index = INDEX.matcher(printed);
    int timings = printed.indexOf("timings: ");
    if (!built.find() || !index.find() || timings < 0) {
      throw new IOException("daybook build printed no summary: " + printed);
    }
    Map<String, Object> phases = new LinkedHashMap<>();
    Matcher phase = PHASE.matcher(printed.substring(timings, printed.indexOf('\n', timings)));
    while (phase.find()) {
      phases.put(phase.group(1), Double.parseDouble(phase.group(2)) * 1000);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("phasesMs", phases);
    r.put("reports", Integer.parseInt(built.group(1)));
    r.put("commits", Long.parseLong(built.group(2)));
    r.put("indexed", !index.group(1).equals("current"));
    return r;
  }

  /** The CPU time of this process so far (every thread's, the JIT's and the collector's). */
  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** The peak usage of the heap's memory pools, summed (an upper bound of the true peak). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The process's peak resident set (Linux {@code VmHWM}), or -1 where unknown. */
  private static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"),
          StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
