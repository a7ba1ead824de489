package dev.daybook.cli;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.config.OpenSearchSettings;
import dev.daybook.report.Problem;
import dev.daybook.search.opensearch.Endpoint;
import dev.daybook.search.opensearch.OpenSearchIndex;
import dev.daybook.site.SitePaths;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daybook index}: writes the archive's commits into an OpenSearch index. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Write the commits of the archive into an OpenSearch index, the documents"
        + " daybook build writes into its Lucene index: only the reports that changed since the"
        + " last run are sent, each commit under its id owner/name@sha.",
        "",
        "Credentials, if the cluster needs them, come from the environment variable "
            + Endpoint.AUTH_ENV + " (user:password), never from the URL."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:failed (a report that does not parse, OpenSearch refused or"
        + " did not answer)", "2:usage error, e.g. no OpenSearch URL"})
final class IndexCommand implements Callable<Integer>, Daybook.ContextAware {

  @Mixin
  ArchiveOptions archive;

  @Option(names = "--opensearch", paramLabel = "URL",
      description = "The OpenSearch cluster, e.g. http://127.0.0.1:9200 (default:"
          + " search.opensearch in site.properties).")
  String url;

  @Option(names = "--opensearch-index", paramLabel = "NAME",
      description = "The index (default: search.opensearch-index in site.properties, else "
          + OpenSearchSettings.DEFAULT_INDEX + ").")
  String indexName;

  private final Daybook.Context context;

  IndexCommand(Daybook.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Endpoint endpoint;
    try {
      endpoint = endpoint(archive, url, indexName, context);
    } catch (IllegalArgumentException e) {
      context.err().println("daybook: " + e.getMessage());
      return 2;
    }
    if (endpoint == null) {
      context.err().println("daybook: no OpenSearch cluster: give --opensearch URL or set"
          + " search.opensearch in " + archive.configFile());
      return 2;
    }
    ArchiveReader.Archive read =
        new ArchiveReader(archive.content(), archive.config().zone()).read();
    if (!read.problems().isEmpty()) {
      for (Problem p : read.problems()) {
        context.err().println(p);
      }
      context.err().println("daybook: nothing sent: " + read.problems().size()
          + (read.problems().size() == 1 ? " problem" : " problems") + " in the reports");
      return 1;
    }
    OpenSearchIndex.Sync s = new OpenSearchIndex(endpoint).sync(read.reports().values(),
        (date, anchor) -> SitePaths.report(date) + "#" + anchor);
    context.out().println("OpenSearch " + endpoint.url() + " index " + endpoint.index()
        + (s.created() ? " (created)" : "") + ": " + s.reportsSent()
        + (s.reportsSent() == 1 ? " report" : " reports") + " sent ("
        + s.commitsSent() + " commits), " + s.reportsUnchanged() + " unchanged, "
        + s.reportsRemoved() + " removed");
    return 0;
  }

  /**
   * The cluster the options or the settings name, or null when neither does.
   *
   * @throws IllegalArgumentException for a bad URL, index name or credentials variable
   */
  static Endpoint endpoint(ArchiveOptions archive, String url, String indexName,
      Daybook.Context context) throws java.io.IOException {
    OpenSearchSettings settings = OpenSearchSettings.load(archive.configFile());
    String chosen = url != null ? url : settings.url() == null ? null : settings.url().toString();
    if (chosen == null) {
      return null;
    }
    return new Endpoint(Endpoint.parseUrl(chosen), indexName != null ? indexName
        : settings.index(), context.env(), Duration.ofSeconds(settings.timeoutSeconds()));
  }
}
