package dev.daybook.bench;

import dev.daybook.cli.ArchiveOptions;
import dev.daybook.cli.Daybook;
import dev.daybook.cli.SiteInputs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./daybook bench}: the build benchmark, a tool for developers (see README.md) that is not
 * part of the product jar. It synthesizes archives of N days from the archive's reports and times
 * Daybook's builds against stock JBake's, each build in a fresh JVM.
 */
@Command(name = "daybook bench", mixinStandardHelpOptions = true,
    description = "Benchmark the build: synthesize archives of N days from the archive's"
        + " reports and time, each in a fresh JVM, stock JBake 2.7.0's cold bake and Daybook's"
        + " cold build, rebuild after one more day and rebuild with nothing changed. For the"
        + " archive as it is and each N, also the search (index and export time, static index"
        + " size, the bytes a browser downloads for a first query) and the site (bytes and files"
        + " in total and per commit, largest folder, search index's and digests' shares,"
        + " GitHub Pages' limits).")
public final class BenchCommand implements Callable<Integer> {

  @Mixin
  ArchiveOptions archive;

  @Mixin
  SiteInputs inputs;

  @Option(names = "--like", paramLabel = "DATE",
      description = "Make every synthetic day a copy of the report of DATE (2026-02-06, the"
          + " imported reference, gives an archive of model-written days); default: day i is the"
          + " report of the same weekday.")
  LocalDate like;

  @Option(names = "--days", paramLabel = "N", split = ",", defaultValue = "365,1825,3650",
      description = "Archive sizes in days (default: ${DEFAULT-VALUE}).")
  List<Integer> days;

  @Option(names = "--repos", paramLabel = "R", defaultValue = "1",
      description = "Repositories each synthetic archive follows (default: ${DEFAULT-VALUE}):"
          + " every day holds R copies of each repository of the content's reports, each under"
          + " a name of its own with its own SHAs; a third of the authors work in all of them.")
  int repos;

  @Option(names = "--varied",
      description = "With --repos above 1: each copy of a repository on a day is that"
          + " repository on another model day (by a hash), its commits a few minutes later, so"
          + " that the copies and the weeks do not repeat each other (compression then finds"
          + " as little to share as in an archive of real repositories).")
  boolean varied;

  @Option(names = "--out", paramLabel = "FILE.json",
      description = "Also write the figures as JSON here.")
  Path json;

  @Option(names = "--skip-stock", description = "Do not run stock JBake (the reference).")
  boolean skipStock;

  @Option(names = "--in-process", hidden = true,
      description = "Run the builds in this JVM (for tests; figures not comparable).")
  boolean inProcess;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Where the synthetic archives and sites go (default: a temporary folder).")
  Path work;

  @Option(names = "--keep", description = "Keep the synthetic archives and sites.")
  boolean keep;

  @Option(names = "--heap", paramLabel = "SIZE",
      description = "The heap limit of Daybook's builds (-Xmx), e.g. 1g, to show they fit in it;"
          + " stock JBake keeps the JVM's default (one quarter of the memory).")
  String heap;

  @Option(names = "--repeat", paramLabel = "R", defaultValue = "5",
      description = "Run the new day's build and the unchanged rebuild R times each (default:"
          + " ${DEFAULT-VALUE}), the new day's each from a copy of the cold build's site; the"
          + " figure is the run of median wall time, and the JSON has every run's.")
  int repeat;

  @Option(names = "--jvm-defaults",
      description = "Run Daybook's builds with the JVM's default options instead of the"
          + " launcher's (./daybook: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
          + " -XX:MaxTenuringThreshold=0 -XX:MetaspaceSize=128m), and without a class data"
          + " archive, as the launcher with DAYBOOK_JAVA_OPTS.")
  boolean jvmDefaults;

  @Option(names = "--no-class-data",
      description = "Daybook's builds map no class data archive (the launcher records one at the"
          + " first build with a new jar and maps it after).")
  boolean noClassData;

  @Spec
  CommandSpec spec;

  private final PrintWriter out = new PrintWriter(System.out, true);

  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.registerConverter(LocalDate.class, LocalDate::parse);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (Daybook.isExpected(e)) {
        cmd.getErr().println("daybook bench: " + Daybook.message(e));
      } else {
        e.printStackTrace(cmd.getErr()); // a bug: keep the trace
      }
      return 1;
    });
    System.exit(cl.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    for (int n : days) {
      if (n < 1) {
        throw new IllegalArgumentException("--days: " + n + " is not a number of days");
      }
    }
    if (repeat < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repeat: " + repeat + " is not a number of runs");
    }
    if (repos < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repos: " + repos + " is not a number of repositories");
    }
    String heapLimit = heap == null ? null : checkedHeap(heap);
    Path dir = work != null ? work : Files.createTempDirectory("daybook-bench-");
    try {
      Map<String, Object> tree = new Benchmark(new Benchmark.Options(days, repos, !skipStock,
          inProcess, archive.content(), like, inputs.templates(), inputs.assets(),
          archive.configFile(), dir, keep, heapLimit, jvmDefaults, varied, repeat,
          !noClassData), out).run();
      if (json != null) {
        Benchmark.writeJson(tree, json);
        out.println("figures written to " + json);
      }
      return 0;
    } finally {
      if (work == null && !keep) {
        Sizes.delete(dir);
      }
    }
  }

  /** A size the JVM's -Xmx takes: digits and an optional k, m or g. */
  private String checkedHeap(String size) {
    if (!size.matches("[1-9][0-9]*[kKmMgG]?")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--heap: '" + size + "' is not a heap size such as 1g or 768m");
    }
    return size;
  }
}
