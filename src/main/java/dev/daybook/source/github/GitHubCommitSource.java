package dev.daybook.source.github;

import dev.daybook.concurrent.Sleeper;
import dev.daybook.config.Secrets;
import dev.daybook.model.Commit;
import dev.daybook.model.RepoId;
import dev.daybook.source.CommitSource;
import dev.daybook.source.DayWindow;
import dev.daybook.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * Reads a day's commits from the GitHub REST API (github.com or GitHub Enterprise) with hub4j.
 *
 * <p>A day costs one request per 100 listed commits and one per commit in the day for its files and
 * stats, and the first day of a repository one more for the repository. Only unusual histories cost more, within bounds (see {@link
 * FirstParentChain}): a listing widened past the day (at most 3 more listings) when a side-branch
 * commit merged after the listing hides where the branch went on, and at most 20 commits fetched
 * by SHA when committer dates along the chain leave gaps in the listing. No other requests are made
 * (no {@code /rate_limit}, no user lookups).
 *
 * <p>Requests, and the token, go only to the API URL's scheme, host and port ({@link
 * ApiOriginGuard}: a {@code Link} header or a redirect pointing elsewhere is refused). A GET that
 * meets a 5xx, a body that is not whole JSON or a network failure is tried again with backoff
 * ({@link RetryingConnector}); rate limits are waited out or reported ({@link RateLimitGate}).
 * It may be called from several threads at once: they share one {@link RequestBudget}, which
 * keeps them within the rate limit GitHub announces. The
 * token is checked before anything is sent ({@link Secrets#check}) and taken out of every message
 * and notice, should an answer echo it.
 */
public final class GitHubCommitSource implements CommitSource {

  /** The API of github.com. */
  public static final URI GITHUB_API = URI.create("https://api.github.com");

  /** How far the listing reaches beyond the day on each side; see {@link #history}. */
  static final Duration WINDOW_SLACK = Duration.ofHours(6);

  private static final int PAGE_SIZE = 100;

  private final GitHub github;
  private final URI apiUrl;
  private final boolean anonymous;
  private final Clock clock;
  private final Redaction redaction;
  /** Every request of this source, from whichever thread, draws from it. */
  private final RequestBudget budget;
  /** Each repository is looked up once a run, not once a day. */
  private final Map<RepoId, GHRepository> repositories = new HashMap<>();

  private GitHubCommitSource(Builder builder) {
    this.apiUrl = builder.apiUrl;
    this.anonymous = builder.token == null;
    this.clock = builder.clock;
    this.redaction = new Redaction(builder.token);
    Consumer<String> notices = redaction.of(builder.notices);
    this.budget = new RequestBudget(builder.rateLimitPolicy, builder.maxRateLimitWait,
        anonymous, notices, builder.sleeper, builder.clock);
    this.github = connect(builder, budget, notices);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The requests sent so far and the rate limit GitHub last announced. */
  public RequestBudget.Snapshot budget() {
    return budget.snapshot();
  }

  @Override
  public List<Commit> commits(RepoId repo, DayWindow window) throws SourceException {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(window, "window");
    GHRepository repository = repository(repo);
    try {
      List<Commit> commits = new ArrayList<>();
      List<GHCommit> chain =
          FirstParentChain.select(history(repository), window, WINDOW_SLACK, clock.instant());
      for (GHCommit commit : chain) {
        commits.add(CommitMapper.toCommit(repo, commit));
      }
      return List.copyOf(commits);
    } catch (IOException | GHException e) {
      throw redaction.of(GitHubErrors.translate(e, anonymous));
    }
  }

  /**
   * The repository, asked of GitHub the first time only. One worker asks at a time, so workers
   * that start on the same repository together do not each ask.
   */
  private GHRepository repository(RepoId repo) throws SourceException {
    synchronized (repositories) {
      GHRepository known = repositories.get(repo);
      if (known != null) {
        return known;
      }
      try {
        GHRepository found = github.getRepository(repo.toString());
        repositories.put(repo, found);
        return found;
      } catch (IOException | GHException e) {
        if (GitHubErrors.isNotFound(e)) {
          throw new SourceException(
              "repository " + repo + " not found at " + apiUrl
                  + (anonymous ? " (or not visible without a token)"
                      : " (or not visible to the token)"),
              e);
        }
        throw redaction.of(GitHubErrors.translate(e, anonymous));
      }
    }
  }

  /**
   * The default branch as {@link FirstParentChain} reads it. The first listing covers the window
   * widened by {@link #WINDOW_SLACK} on each side: GitHub does not document whether {@code since}
   * and {@code until} are inclusive, and the commits just after the day show which listed commits
   * were merged from side branches.
   */
  private static FirstParentChain.History<GHCommit> history(GHRepository repository) {
    String branch = repository.getDefaultBranch();
    return new FirstParentChain.History<>() {
      @Override
      public List<FirstParentChain.Listed<GHCommit>> list(Instant since, Instant until)
          throws IOException {
        List<FirstParentChain.Listed<GHCommit>> listed = new ArrayList<>();
        Iterable<GHCommit> pages =
            repository
                .queryCommits()
                .from(branch)
                .since(Date.from(since))
                .until(Date.from(until))
                .pageSize(PAGE_SIZE)
                .list();
        for (GHCommit commit : pages) {
          listed.add(listed(commit));
        }
        return listed;
      }

      @Override
      public FirstParentChain.Listed<GHCommit> commit(String sha) throws IOException {
        return listed(repository.getCommit(sha)); // comes with its files: no second request
      }
    };
  }

  private static FirstParentChain.Listed<GHCommit> listed(GHCommit commit) throws IOException {
    return new FirstParentChain.Listed<>(
        commit.getSHA1(),
        commit.getParentSHA1s(),
        commit.getCommitShortInfo().getCommitDate().toInstant(),
        commit);
  }

  /**
   * Takes the token out of what we print, should an answer echo it (a proxy's error message, a
   * header value quoted in a notice): our own texts never hold it.
   */
  private record Redaction(String token) {

    String of(String text) {
      return token == null || text == null ? text : text.replace(token, "[the token]");
    }

    SourceException of(SourceException e) {
      String message = of(e.getMessage());
      // The cause may quote the answer too; the message is what users see, the cause stays out.
      return message.equals(e.getMessage()) ? e : new SourceException(message);
    }

    Consumer<String> of(Consumer<String> notices) {
      return token == null ? notices : notice -> notices.accept(of(notice));
    }
  }

  private static GitHub connect(Builder b, RequestBudget budget, Consumer<String> notices) {
    RateLimitGate gate = new RateLimitGate(budget, b.clock);
    GitHubBuilder hub4j =
        new GitHubBuilder()
            .withEndpoint(b.apiUrl.toString())
            .withConnector(
                new ApiOriginGuard(
                    new RetryingConnector(
                        budget.around(new JdkHttpConnector(b.connectTimeout, b.readTimeout)),
                        b.maxAttempts,
                        b.firstBackoff,
                        b.connectTimeout,
                        b.readTimeout,
                        b.sleeper,
                        notices),
                    b.apiUrl,
                    b.token != null))
            .withRateLimitHandler(gate.primaryLimitHandler())
            .withAbuseLimitHandler(gate.secondaryLimitHandler());
    if (b.token != null) {
      hub4j.withAuthorizationProvider(new TokenAuthorization(b.token));
    }
    try {
      return hub4j.build(); // sends no request with our authorization provider
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the GitHub client for " + b.apiUrl, e);
    }
  }

  /** Settings for a {@link GitHubCommitSource}; every setter checks its value at once. */
  public static final class Builder {

    private URI apiUrl = GITHUB_API;
    private String token;
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.WAIT;
    private Duration maxRateLimitWait = Duration.ofHours(1);
    private Consumer<String> notices = notice -> {};
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private Duration firstBackoff = Duration.ofSeconds(1);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The REST API root, e.g. {@code https://github.example.com/api/v3} for GitHub Enterprise. */
    public Builder apiUrl(URI apiUrl) {
      Objects.requireNonNull(apiUrl, "apiUrl");
      String scheme = apiUrl.getScheme();
      if (!apiUrl.isAbsolute() || apiUrl.getHost() == null
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException(
            "not an http(s) API URL: '" + apiUrl + "' (expected e.g. " + GITHUB_API + ")");
      }
      this.apiUrl = apiUrl;
      return this;
    }

    /**
     * The token to authenticate with; {@code null} or blank means anonymous (60 requests/hour). It
     * is sent only to the API's scheme, host and port, and never shown.
     *
     * @throws IllegalArgumentException when the token holds a character no header can carry (see
     *     {@link Secrets#check}); the message does not show it
     */
    public Builder token(String token) {
      this.token =
          token == null || token.isBlank() ? null : Secrets.check("the GitHub token", token);
      return this;
    }

    /** {@link RateLimitPolicy#WAIT} waits at most {@code maxWait}, then fails. */
    public Builder rateLimit(RateLimitPolicy policy, Duration maxWait) {
      this.rateLimitPolicy = Objects.requireNonNull(policy, "policy");
      this.maxRateLimitWait = notNegative("maxWait", maxWait);
      return this;
    }

    /** Receives one-line progress notices, such as a rate-limit wait or a retry. */
    public Builder notices(Consumer<String> notices) {
      this.notices = Objects.requireNonNull(notices, "notices");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** How long to wait for an answer to start. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /**
     * Tries a GET up to {@code maxAttempts} times on 5xx answers, 200 answers whose body is not
     * whole JSON, and network failures, waiting {@code firstBackoff} before the second attempt and
     * twice as long before each further one.
     */
    public Builder retries(int maxAttempts, Duration firstBackoff) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      this.firstBackoff = notNegative("firstBackoff", firstBackoff);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The clock for rate-limit waits when GitHub's answer has no {@code Date} header, and for how
     * far a listing may be widened (not past now).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public GitHubCommitSource build() {
      return new GitHubCommitSource(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    private static Duration notNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
