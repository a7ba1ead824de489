package dev.daybook.cli;

import dev.daybook.build.BuildCache;
import dev.daybook.build.SiteBuilder;
import dev.daybook.config.OpenSearchSettings;
import dev.daybook.config.SiteConfig;
import dev.daybook.site.BaseUrl;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daybook build}: bakes the archive into a static site. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Bake the archive into a static site with JBake: the daily reports, home,"
        + " year and month calendars, per-repository, per-severity and per-type pages, feeds and"
        + " sitemap. Only files that changed are written, and only when the whole build"
        + " succeeds.")
final class BuildCommand implements Callable<Integer>, Daybook.ContextAware {

  @Mixin
  ArchiveOptions archive;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output",
      description = "Where the site goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The URL the site is served under, e.g. https://user.github.io/project/"
          + " (default: site.base-url in site.properties).")
  String baseUrl;

  @Mixin
  SiteInputs inputs;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Where the Lucene search index goes (default: .daybook/lucene beside the"
          + " --out folder). It is rewritten only when the reports changed.")
  Path index;

  @Option(names = "--timings",
      description = "Also say how long each step of the build took, in seconds: reading the"
          + " reports, the search index, staging, JBake's pages, Daybook's pages (the digests"
          + " among them), the static search index and publishing. The search index and its"
          + " export run beside the pages, so the steps add up to more than the build.")
  boolean timings;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final Daybook.Context context;

  BuildCommand(Daybook.Context context) {
    this.context = context;
  }

  /** {@code --index}, or {@code .daybook/lucene} in the folder that holds the output folder. */
  Path indexDir() {
    return index != null ? index : BuildCache.of(out).lucene();
  }

  @Override
  public Integer call() throws Exception {
    SiteConfig config = archive.config();
    BaseUrl base;
    try {
      base = BaseUrl.parse(baseUrl != null ? baseUrl : config.baseUrl());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    SiteBuilder.Result r = new SiteBuilder().build(inputs.options(archive.content, out, base,
        config, indexDir(), OpenSearchSettings.load(archive.config)));
    context.out().println(String.format(Locale.ROOT,
        "built %s: %d reports, %d commits, %d files, %.1f MB in %.1f s (%s)", out,
        r.reports(), r.commits(), r.files(), r.bytes() / 1e6, r.time().toMillis() / 1000.0,
        r.written().isEmpty() && r.deleted().isEmpty() ? "nothing changed"
            : r.written().size() + " written, " + r.deleted().size() + " deleted"));
    context.out().println(indexLine(indexDir(), r));
    if (timings) {
      context.out().println(timingsLine(r));
    }
    return 0;
  }

  /** Each step's time, e.g. {@code timings: parse 0.47 s, index 0.78 s, …}. */
  static String timingsLine(SiteBuilder.Result r) {
    return r.phases().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.3f s", e.getKey(),
            e.getValue().toNanos() / 1e9))
        .collect(Collectors.joining(", ", "timings: ", ""));
  }

  /** What became of the search index, e.g. {@code search index DIR: current}. */
  static String indexLine(Path index, SiteBuilder.Result r) {
    return "search index " + index + (r.indexDamage() != null
        ? ": damaged (" + r.indexDamage() + "), rebuilt"
        : r.indexRebuilt() ? ": rebuilt" : r.indexed() ? ": updated" : ": current");
  }
}
