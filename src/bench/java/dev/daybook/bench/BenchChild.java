package dev.daybook.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.build.SiteBuilder;
import dev.daybook.config.SiteConfig;
import dev.daybook.site.BaseUrl;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
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
    r.put("peakHeapBytes", peakHeap());
    r.put("peakRssBytes", wholeProcess ? peakRss() : -1L);
    return r;
  }

  private static Map<String, Object> daybook(Path content, Path templates, Path assets,
      Path configFile, Path output, Path index) throws Exception {
    SiteConfig config = SiteConfig.load(configFile);
    SiteBuilder.Result result = new SiteBuilder().build(new SiteBuilder.Options(content,
        templates, assets, output, BaseUrl.parse(config.baseUrl()), config.title(),
        config.language(), config.zone(), config.pageSize()).withSearchIndex(index));
    Map<String, Object> phases = new LinkedHashMap<>();
    for (Map.Entry<String, Duration> p : result.phases().entrySet()) {
      phases.put(p.getKey(), p.getValue().toNanos() / 1e6);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("phasesMs", phases);
    r.put("reports", result.reports());
    r.put("commits", result.commits());
    r.put("files", (long) result.files());
    r.put("bytes", result.bytes());
    long[] idx = Sizes.of(index);
    r.put("indexFiles", idx[0]);
    r.put("indexBytes", idx[1]);
    r.put("indexed", result.indexed());
    return r;
  }

  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
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
