package dev.daybook.cli;

import dev.daybook.analysis.CommitAnalyzer;
import dev.daybook.analysis.llm.LlmAnalyzer;
import dev.daybook.analysis.rules.RuleAnalyzer;
import dev.daybook.archive.Backfill;
import dev.daybook.archive.DailyGenerator;
import dev.daybook.config.LlmSettings;
import dev.daybook.config.Secrets;
import dev.daybook.config.SiteConfig;
import dev.daybook.model.RepoId;
import dev.daybook.source.github.GitHubCommitSource;
import dev.daybook.source.github.RateLimitPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code daybook generate}: writes the reports of one day or a range of days. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Write the daily report of each day from the GitHub commits of the followed repositories:"
            + " the commits on the first-parent chain of each default branch whose committer date"
            + " falls in the day (report time zone), newest first.",
        "An existing report is kept unless --force, without a request to GitHub: a backfill that"
            + " stopped goes on where it stopped when run again.",
        "Several repositories and days are fetched at once (--workers), all within the rate"
            + " limit GitHub announces; a range prints its progress on stderr.",
        "GITHUB_TOKEN, if set, authenticates the requests (it is never printed).",
        "--analyzer llm reads the llm.* settings of site.properties and the API key from the"
            + " environment variable they name (default DAYBOOK_LLM_API_KEY; never printed)."})
final class GenerateCommand implements Callable<Integer>, Daybook.ContextAware {

  /** The longest range one run accepts: ten years of days. */
  static final long MAX_DAYS = 3660;

  /** GitHub counts many requests at once toward its secondary limits; a few are plenty. */
  static final int MAX_WORKERS = 16;

  @Mixin
  ArchiveOptions archive;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
      converter = Dates.class, description = "The (first) day to write.")
  LocalDate date;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = Dates.class,
      description = "The last day of a range to write (inclusive).")
  LocalDate to;

  @Option(names = "--repo", paramLabel = "OWNER/NAME",
      description = "A repository to follow (repeatable; default: repos in site.properties).")
  List<String> repos = new ArrayList<>();

  @Option(names = "--api-url", paramLabel = "URL",
      description = "GitHub API base URL (default: github.api-url in site.properties).")
  String apiUrl;

  @Option(names = "--analyzer", paramLabel = "NAME",
      description = "How commits are analyzed: rules or llm (default: analyzer in"
          + " site.properties).")
  String analyzer;

  @Option(names = "--force", description = "Replace reports that already exist.")
  boolean force;

  @Option(names = "--workers", paramLabel = "N",
      description = "How many GitHub fetches (a repository's day each) run at once, all within"
          + " one request budget (default: ${DEFAULT-VALUE}; at most " + MAX_WORKERS + ").")
  int workers = 4;

  @Spec
  CommandLine.Model.CommandSpec spec;

  private final Daybook.Context context;

  GenerateCommand(Daybook.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    SiteConfig config = archive.config();
    LocalDate last = to == null ? date : to;
    if (last.isBefore(date)) {
      throw usage("--to " + last + " is before --date " + date);
    }
    long days = ChronoUnit.DAYS.between(date, last) + 1;
    if (days > MAX_DAYS) {
      throw usage("the range " + date + ".." + last + " has " + days + " days; at most "
          + MAX_DAYS + " at a time");
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw usage("--workers " + workers + ": from 1 to " + MAX_WORKERS);
    }
    CommitAnalyzer commitAnalyzer = analyzer(config);
    GitHubCommitSource source = source(config);
    DailyGenerator generator = new DailyGenerator(source, commitAnalyzer,
        archive.store(), config.language(), config.zone(), repos(config), context.clock());
    generator.checkDate(last);
    ProgressBar bar = new ProgressBar(context.err(), context.terminal(), days);
    // Real time, even when a test fixes the clock the reports are dated by.
    BackfillProgress progress = new BackfillProgress(Clock.systemUTC(), source::budget);
    new Backfill(generator, workers).run(date, last, force, new Backfill.Listener() {
      long index;

      @Override
      public void planned(int toWrite, int kept) {
        progress.planned(toWrite, kept);
        bar.show(1, date.toString());
      }

      @Override
      public void done(DailyGenerator.Result r) {
        index++;
        bar.clear();
        String line = days > 1 ? "[" + index + "/" + days + "] " : "";
        context.out().println(line + r.date() + ": " + describe(r));
        if (r.outcome() != DailyGenerator.Outcome.KEPT) {
          String status = progress.written();
          if (status != null) {
            context.err().println(status);
          }
        }
        if (index < days) {
          bar.show(index + 1, r.date().plusDays(1).toString());
        }
      }
    });
    if (days > 1) {
      context.err().println(progress.finished());
    }
    if (commitAnalyzer instanceof LlmAnalyzer llm) {
      context.out().println("llm: " + llm.usage().summary());
      // In the archive's language: whether the endpoint's answers fit, and why not.
      context.out().println(llm.answerSummary(config.language()));
    }
    return 0;
  }

  private static String describe(DailyGenerator.Result r) {
    return switch (r.outcome()) {
      case KEPT -> "kept " + r.file() + " (exists; --force replaces it)";
      case WRITTEN, REPLACED -> (r.outcome() == DailyGenerator.Outcome.WRITTEN ? "wrote "
          : "replaced ") + r.file() + " (" + Summaries.counts(r.report())
          + (r.report().isPartial() ? "; the day is not over yet" : "") + ")";
    };
  }

  private List<RepoId> repos(SiteConfig config) {
    if (repos.isEmpty()) {
      return config.repos();
    }
    List<RepoId> ids = new ArrayList<>();
    for (String r : repos) {
      try {
        ids.add(RepoId.parse(r));
      } catch (IllegalArgumentException e) {
        throw usage("--repo: " + e.getMessage());
      }
    }
    return ids;
  }

  private GitHubCommitSource source(SiteConfig config) {
    URI api = config.apiUrl();
    if (apiUrl != null) {
      try {
        api = SiteConfig.parseHttpUrl("command line", "--api-url", apiUrl);
      } catch (IllegalArgumentException e) {
        throw usage("--api-url: '" + apiUrl + "' is not an http or https URL");
      }
    }
    String token = secret("GITHUB_TOKEN");
    return GitHubCommitSource.builder()
        .apiUrl(api)
        .token(token)
        .rateLimit(RateLimitPolicy.WAIT, Duration.ofHours(1))
        .notices(notice -> context.err().println("daybook: " + notice))
        .build();
  }

  private CommitAnalyzer analyzer(SiteConfig config) throws IOException {
    String name = analyzer == null ? config.analyzer() : analyzer;
    if (name.equals("rules")) {
      return new RuleAnalyzer();
    }
    if (name.equals("llm")) {
      return llm();
    }
    throw usage("unknown analyzer '" + name + "' (available: rules, llm)");
  }

  /**
   * The LLM analyzer from the {@code llm.*} settings; its cache folder, when relative, is taken
   * from the folder of site.properties (the repository root).
   */
  private CommitAnalyzer llm() throws IOException {
    LlmSettings settings = LlmSettings.load(archive.config);
    String key = secret(settings.apiKeyEnv());
    if (key == null) {
      throw usage("--analyzer llm needs the API key in the environment variable "
          + settings.apiKeyEnv() + " (named by llm.api-key-env in " + archive.config + ")");
    }
    if (settings.model().isEmpty()) {
      throw usage("--analyzer llm needs llm.model in " + archive.config
          + " (the model name the endpoint expects)");
    }
    Path root = archive.config.toAbsolutePath().getParent();
    Path cacheDir = root.resolve(settings.cacheDir());
    return LlmAnalyzer.builder()
        .baseUrl(settings.baseUrl())
        .model(settings.model())
        .apiKey(key)
        .maxPatchChars(settings.maxPatchChars())
        .maxTokens(settings.maxTokens())
        .timeout(Duration.ofSeconds(settings.timeoutSeconds()))
        .concurrency(settings.concurrency())
        .maxRetries(settings.maxRetries())
        .maxTotalWait(Duration.ofSeconds(settings.maxTotalWaitSeconds()))
        .jsonMode(settings.jsonMode())
        .cacheDir(cacheDir)
        .notices(notice -> context.err().println("daybook: " + notice))
        .build();
  }

  /**
   * The secret in an environment variable, ready to send; null when unset or blank. A value no
   * HTTP header can carry is a usage error naming the variable, never showing the value.
   */
  private String secret(String variable) {
    String value = context.env().get(variable);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Secrets.check(variable, value);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
