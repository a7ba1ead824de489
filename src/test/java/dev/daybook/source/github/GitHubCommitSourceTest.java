package dev.daybook.source.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.RepoId;
import dev.daybook.source.DayWindow;
import dev.daybook.source.SourceException;
import dev.daybook.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubCommitSourceTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate FEB_6 = LocalDate.of(2026, 2, 6);
  private static final DayWindow FEB_6_SHANGHAI = new DayWindow(FEB_6, SHANGHAI);
  private static final String SGLANG = "/repos/sgl-project/sglang";
  // Built at run time so no secret-shaped string is committed.
  private static final String TOKEN = "ghp" + "_NeverShowThisToken0123456789";

  private static final FakeRepo SGLANG_WEEK = FakeRepo.sglangWeek();
  private static FakeGitHub github;
  /** Another "host": the same loopback address on another port. */
  private static FakeGitHub foreign;

  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startFakeGitHub() throws IOException {
    github = FakeGitHub.start();
    foreign = FakeGitHub.start();
  }

  @BeforeEach
  void serveTheSglangWeek() {
    github.reset().serve(SGLANG_WEEK);
    foreign.reset();
  }

  @AfterAll
  static void stopFakeGitHub() {
    github.close();
    foreign.close();
  }

  /**
   * Small timeouts and backoffs, a sleeper that only records, and a clock that stands still, so
   * that a wait is exactly what the answer asked for.
   */
  private GitHubCommitSource.Builder source() {
    return GitHubCommitSource.builder()
        .apiUrl(github.apiUrl())
        .clock(Clock.fixed(Instant.now(), ZoneOffset.UTC))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .retries(3, Duration.ofMillis(10))
        .sleeper(sleeps::add)
        .notices(notices::add);
  }

  private static List<String> shas(List<Commit> commits) {
    return commits.stream().map(Commit::sha).collect(Collectors.toList());
  }

  private static String detailPath(Commit commit) {
    return SGLANG + "/commits/" + commit.sha();
  }

  // ---- the day ---------------------------------------------------------------------------------

  @Test
  void feb6InShanghaiIsItsThirteenCommitsNewestFirstWithFilesAndStats() throws Exception {
    List<Commit> commits = source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);

    List<Commit> expected = Fixtures.sglangDay(FEB_6);
    assertThat(commits).hasSize(13);
    assertThat(shas(commits)).containsExactlyElementsOf(shas(expected));
    // Same author names, logins, committer dates, messages, parents, stats and every file.
    assertThat(commits).containsExactlyElementsOf(expected);
    assertThat(commits).allSatisfy(c -> assertThat(c.files()).isNotEmpty());
    assertThat(shas(commits))
        .doesNotContainAnyElementsOf(shas(Fixtures.sglangDay(FEB_6.minusDays(1))))
        .doesNotContainAnyElementsOf(shas(Fixtures.sglangDay(FEB_6.plusDays(1))));
  }

  @Test
  void aDayCostsOneRequestForTheRepoOneForTheListAndOnePerCommit() throws Exception {
    List<Commit> commits = source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);

    List<String> expected = new ArrayList<>(List.of(SGLANG, SGLANG + "/commits"));
    commits.forEach(c -> expected.add(detailPath(c)));
    assertThat(github.requestPaths()).containsExactlyElementsOf(expected).hasSize(15);
    assertThat(github.requests().get(1).query())
        .contains("sha=main", "per_page=100", "since=2026-02-05T10%3A00%3A00Z",
            "until=2026-02-06T22%3A00%3A00Z");
    assertThat(github.requests()).allSatisfy(r -> assertThat(r.authorization()).isNull());
  }

  @Test
  void aTokenIsSentWithEveryRequestButNeverShown() throws Exception {
    source().token(TOKEN).build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);
    assertThat(github.requests())
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));

    github.inject("/repos/.*/commits/.*", 1, FakeGitHub.rateLimited(Instant.now().plusSeconds(60)));
    GitHubCommitSource source = source().token(TOKEN).build();
    source.commits(Fixtures.SGLANG, FEB_6_SHANGHAI); // waits through the rate limit
    // The repository is known from the first call: the listing is the next request.
    github.inject(SGLANG + "/commits", 1, FakeGitHub.status(401, "Bad credentials"));
    assertThatThrownBy(() -> source.commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("NeverShow");
    assertThat(notices).isNotEmpty().allSatisfy(n -> assertThat(n).doesNotContain("NeverShow"));
    assertThat(source.toString()).doesNotContain("NeverShow");
  }

  @Test
  void aUtcDayIsTheUtcCalendarDay() throws Exception {
    DayWindow utc = new DayWindow(FEB_6, ZoneOffset.UTC);

    List<Commit> commits = source().build().commits(Fixtures.SGLANG, utc);

    List<String> expected = Fixtures.sglangWeek().stream()
        .filter(c -> utc.contains(c.committedAt())).map(Commit::sha).collect(Collectors.toList());
    assertThat(shas(commits)).containsExactlyElementsOf(expected).isNotEmpty();
    assertThat(shas(commits)).isNotEqualTo(shas(Fixtures.sglangDay(FEB_6)));
  }

  @Test
  void aCommitAtMidnightBelongsToTheDayThatStartsThen() throws Exception {
    RepoId repo = RepoId.parse("daybook/midnight");
    Instant feb6 = FEB_6.atStartOfDay(SHANGHAI).toInstant();
    Instant feb7 = feb6.plus(Duration.ofDays(1));
    github.serve(new FakeRepo(repo, 1L, "main", FakeRepo.sha("after-feb7"), List.of(
        FakeRepo.commit(repo, "before-feb6", feb6.minusSeconds(1)),
        FakeRepo.commit(repo, "at-feb6", feb6, "before-feb6"),
        FakeRepo.commit(repo, "noon-feb6", feb6.plus(Duration.ofHours(12)), "at-feb6"),
        FakeRepo.commit(repo, "at-feb7", feb7, "noon-feb6"),
        FakeRepo.commit(repo, "after-feb7", feb7.plusSeconds(1), "at-feb7"))));
    GitHubCommitSource source = source().build();

    assertThat(shas(source.commits(repo, FEB_6_SHANGHAI)))
        .containsExactly(FakeRepo.sha("noon-feb6"), FakeRepo.sha("at-feb6"));
    assertThat(shas(source.commits(repo, new DayWindow(FEB_6.plusDays(1), SHANGHAI))))
        .containsExactly(FakeRepo.sha("after-feb7"), FakeRepo.sha("at-feb7"));
    assertThat(shas(source.commits(repo, new DayWindow(FEB_6.minusDays(1), SHANGHAI))))
        .containsExactly(FakeRepo.sha("before-feb6"));
  }

  @Test
  void commitsOfAMergedSideBranchAreLeftOut() throws Exception {
    RepoId repo = RepoId.parse("daybook/merges");
    Instant day = FEB_6.atStartOfDay(SHANGHAI).toInstant();
    github.serve(new FakeRepo(repo, 2L, "main", FakeRepo.sha("merge"), List.of(
        FakeRepo.commit(repo, "base", day.plus(Duration.ofHours(1))),
        FakeRepo.commit(repo, "main-1", day.plus(Duration.ofHours(2)), "base"),
        FakeRepo.commit(repo, "side-1", day.plus(Duration.ofHours(3)), "base"),
        FakeRepo.commit(repo, "side-2", day.plus(Duration.ofHours(4)), "side-1"),
        FakeRepo.commit(repo, "merge", day.plus(Duration.ofHours(5)), "main-1", "side-2"))));

    List<Commit> commits = source().build().commits(repo, FEB_6_SHANGHAI);

    assertThat(shas(commits)).containsExactly(
        FakeRepo.sha("merge"), FakeRepo.sha("main-1"), FakeRepo.sha("base"));
    assertThat(commits.get(0).isMerge()).isTrue();
    assertThat(github.requestPaths()).noneMatch(p -> p.endsWith(FakeRepo.sha("side-1")));
    assertThat(github.requests()).hasSize(5); // repo, list, 3 commits: nothing widened or fetched
  }

  // ---- histories the listing alone does not settle ---------------------------------------------

  /** {@code hours} after 2026-02-06 00:00 in Shanghai. */
  private static Instant feb6(double hours) {
    return FEB_6_SHANGHAI.start().plusSeconds(Math.round(hours * 3600));
  }

  private static String[] shasOf(String... labels) {
    String[] shas = new String[labels.length];
    for (int i = 0; i < labels.length; i++) {
      shas[i] = FakeRepo.sha(labels[i]);
    }
    return shas;
  }

  private static List<FakeGitHub.Request> lists() {
    return github.requests().stream()
        .filter(r -> r.path().endsWith("/commits")).collect(Collectors.toList());
  }

  /** A clock long after the fixture days: widening is never cut short by "now". */
  private static final Clock LATER =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void aSideBranchCommitNewerThanItsMergeIsLeftOut() throws Exception {
    RepoId repo = RepoId.parse("daybook/skewed-merge");
    // side-2 carries a committer date after the merge that brought it in (a rebased or skewed
    // branch); it is the newest listed commit, but its merge names it, so the walk starts at merge.
    github.serve(new FakeRepo(repo, 3L, "main", FakeRepo.sha("merge"), List.of(
        FakeRepo.commit(repo, "c0", feb6(-4)),
        FakeRepo.commit(repo, "c1", feb6(10), "c0"),
        FakeRepo.commit(repo, "side-1", feb6(22), "c1"),
        FakeRepo.commit(repo, "side-2", feb6(23.5), "side-1"),
        FakeRepo.commit(repo, "merge", feb6(23), "c1", "side-2"))));

    List<Commit> commits = source().clock(LATER).build().commits(repo, FEB_6_SHANGHAI);

    assertThat(shas(commits)).containsExactly(shasOf("merge", "c1"));
    assertThat(github.requestPaths()).containsExactly("/repos/" + repo,
        "/repos/" + repo + "/commits", "/repos/" + repo + "/commits/" + FakeRepo.sha("merge"),
        "/repos/" + repo + "/commits/" + FakeRepo.sha("c1"));
  }

  /**
   * pr-1 is committed in the slack after the day and merged only after the listing's until: the
   * listing cannot tell pr-1's chain from main's, so it is widened by a day, which brings in merge.
   */
  private FakeRepo mergedAfterTheListing(RepoId repo, double mergeHour) {
    return new FakeRepo(repo, 4L, "main", FakeRepo.sha("merge"), List.of(
        FakeRepo.commit(repo, "c0", feb6(8)),
        FakeRepo.commit(repo, "c1", feb6(10), "c0"),
        FakeRepo.commit(repo, "pr-0", feb6(22.5), "c1"),
        FakeRepo.commit(repo, "c2", feb6(23), "c1"),
        FakeRepo.commit(repo, "pr-1", feb6(25), "pr-0"),
        FakeRepo.commit(repo, "merge", feb6(mergeHour), "c2", "pr-1")));
  }

  @Test
  void aSideBranchMergedAfterTheListingIsLeftOutByWideningTheListingOnce() throws Exception {
    RepoId repo = RepoId.parse("daybook/late-merge");
    github.serve(mergedAfterTheListing(repo, 34));

    List<Commit> commits = source().clock(LATER).build().commits(repo, FEB_6_SHANGHAI);

    assertThat(shas(commits)).containsExactly(shasOf("c2", "c1", "c0"));
    // repo, the day's list, one list widened by a day, then the three commits' details.
    assertThat(github.requests()).hasSize(6);
    assertThat(lists()).hasSize(2);
    assertThat(lists().get(1).query())
        .contains("since=2026-02-06T22%3A00%3A00Z", "until=2026-02-07T22%3A00%3A00Z");
  }

  @Test
  void wideningStopsAfterThreeMoreListingsAndNeverPassesNow() throws Exception {
    RepoId repo = RepoId.parse("daybook/very-late-merge");
    github.serve(mergedAfterTheListing(repo, 24 * 10)); // merged ten days later

    source().clock(LATER).build().commits(repo, FEB_6_SHANGHAI);

    // 1 + 3 listings reaching 1, 3 and 7 days past the first until; nothing is fetched by SHA.
    assertThat(lists()).extracting(FakeGitHub.Request::query).satisfiesExactly(
        q -> assertThat(q).contains("until=2026-02-06T22%3A00%3A00Z"),
        q -> assertThat(q).contains("until=2026-02-07T22%3A00%3A00Z"),
        q -> assertThat(q).contains("until=2026-02-09T22%3A00%3A00Z"),
        q -> assertThat(q).contains("until=2026-02-13T22%3A00%3A00Z"));
    assertThat(github.requests()).hasSize(1 + 4 + 3); // the walk from pr-1 keeps 3 commits
    // This is the limit of the rule: without the merge, the newest head (pr-1) is walked.

    github.reset().serve(mergedAfterTheListing(repo, 24 * 10));
    Clock nextMorning = Clock.fixed(feb6(31), ZoneOffset.UTC);
    source().clock(nextMorning).build().commits(repo, FEB_6_SHANGHAI);

    assertThat(lists()).hasSize(2); // the first widening already reaches past now
  }

  @Test
  void aGapInCommitterDatesIsBridgedWithOneRequest() throws Exception {
    RepoId repo = RepoId.parse("daybook/gap");
    // c2 keeps a committer date three days old (fast-forwarded), so the listing lacks it.
    github.serve(new FakeRepo(repo, 5L, "main", FakeRepo.sha("c4"), List.of(
        FakeRepo.commit(repo, "c0", feb6(-4)),
        FakeRepo.commit(repo, "c1", feb6(9), "c0"),
        FakeRepo.commit(repo, "c2", feb6(-72), "c1"),
        FakeRepo.commit(repo, "c3", feb6(12), "c2"),
        FakeRepo.commit(repo, "c4", feb6(27), "c3"))));

    List<Commit> commits = source().clock(LATER).build().commits(repo, FEB_6_SHANGHAI);

    assertThat(shas(commits)).containsExactly(shasOf("c3", "c1"));
    assertThat(commits).allSatisfy(c -> assertThat(c.files()).isNotEmpty());
    String commit = "/repos/" + repo + "/commits/";
    assertThat(github.requestPaths()).containsExactly(
        "/repos/" + repo, "/repos/" + repo + "/commits", commit + FakeRepo.sha("c2"), commit + FakeRepo.sha("c3"), commit + FakeRepo.sha("c1"));
  }

  @Test
  void gapsCostAtMostTwentyFetchesPerDay() throws Exception {
    RepoId repo = RepoId.parse("daybook/many-gaps");
    // top -> old-1 -> x-1 -> old-2 -> x-2 ... -> old-25 -> x-25: every old-n is three days old.
    List<JsonNode> commits = new ArrayList<>();
    String below = null;
    for (int n = 25; n >= 1; n--) {
      String x = "x-" + n;
      commits.add(below == null
          ? FakeRepo.commit(repo, x, feb6(23 - n * 0.1))
          : FakeRepo.commit(repo, x, feb6(23 - n * 0.1), below));
      commits.add(FakeRepo.commit(repo, "old-" + n, feb6(-72 - n), x));
      below = "old-" + n;
    }
    commits.add(FakeRepo.commit(repo, "top", feb6(23.5), below));
    github.serve(new FakeRepo(repo, 6L, "main", FakeRepo.sha("top"), commits));

    List<Commit> day = source().clock(LATER).build().commits(repo, FEB_6_SHANGHAI);

    List<String> expected = new ArrayList<>(List.of(FakeRepo.sha("top")));
    for (int n = 1; n <= FirstParentChain.MAX_EXTRA_FETCHES; n++) {
      expected.add(FakeRepo.sha("x-" + n));
    }
    assertThat(shas(day)).containsExactlyElementsOf(expected);
    long fetches = github.requestPaths().stream()
        .filter(p -> IntStream.rangeClosed(1, 25)
            .anyMatch(n -> p.endsWith(FakeRepo.sha("old-" + n))))
        .count();
    assertThat(fetches).isEqualTo(20);
    // repo, one list (no widening once the bound is reached), 20 fetches, 21 commits' details.
    assertThat(lists()).hasSize(1);
    assertThat(github.requests()).hasSize(1 + 1 + 20 + 21);
  }

  // ---- paging ----------------------------------------------------------------------------------

  @Test
  void followsTheListPagesWhenGitHubSendsFewCommitsPerPage() throws Exception {
    github.listPageLimit(5);

    List<Commit> commits = source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);

    assertThat(shas(commits)).containsExactlyElementsOf(shas(Fixtures.sglangDay(FEB_6)));
    Instant since = FEB_6_SHANGHAI.start().minus(GitHubCommitSource.WINDOW_SLACK);
    Instant until = FEB_6_SHANGHAI.end().plus(GitHubCommitSource.WINDOW_SLACK);
    long listed = Fixtures.sglangWeek().stream()
        .filter(c -> !c.committedAt().isBefore(since) && !c.committedAt().isAfter(until)).count();
    List<FakeGitHub.Request> lists = github.requests().stream()
        .filter(r -> r.path().endsWith("/commits")).collect(Collectors.toList());
    assertThat(lists).hasSize((int) ((listed + 4) / 5)).hasSizeGreaterThan(2);
    assertThat(lists.get(0).path()).isEqualTo(SGLANG + "/commits");
    for (int page = 2; page <= lists.size(); page++) {
      assertThat(lists.get(page - 1).path()).isEqualTo("/repositories/582457046/commits");
      assertThat(lists.get(page - 1).query()).contains("sha=main").endsWith("&page=" + page);
    }
  }

  @Test
  void aCommitWith691FilesArrivesWithAllOfThemFromThreePages() throws Exception {
    FakeRepo large = FakeRepo.largeCommit();
    github.serve(large);
    DayWindow day = new DayWindow(LocalDate.of(2023, 6, 23), ZoneOffset.UTC);

    List<Commit> commits = source().build().commits(large.id(), day);

    assertThat(commits).hasSize(1);
    Commit commit = commits.get(0);
    assertThat(commit.sha()).isEqualTo("b83812aa76bb7c3c43da96fbf8aec1e45db87624");
    assertThat(commit.files()).hasSize(691);
    assertThat(commit.files().stream().map(FileChange::path).distinct()).hasSize(691);
    assertThat(commit.additions()).isEqualTo(691);
    assertThat(github.requests().stream().map(FakeGitHub.Request::pathAndQuery))
        .contains("/repositories/657543062/commits/" + commit.sha() + "?page=2",
            "/repositories/657543062/commits/" + commit.sha() + "?page=3");
    // repo + list + details; hub4j then reads the file pages again from the first (3 more).
    assertThat(github.requests()).hasSize(6);
  }

  // ---- failures --------------------------------------------------------------------------------

  @Test
  void twoServerErrorsThenSuccessAreRetriedWithBackoff() throws Exception {
    Commit newest = Fixtures.sglangDay(FEB_6).get(0);
    github.inject(detailPath(newest), 2, FakeGitHub.status(502, "Server Error"));

    List<Commit> commits = source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);

    assertThat(commits).hasSize(13);
    assertThat(github.requestPaths()).filteredOn(detailPath(newest)::equals).hasSize(3);
    assertThat(github.requests()).hasSize(17);
    assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void serverErrorsOnEveryAttemptNameTheUrlAndTheStatus() {
    Commit newest = Fixtures.sglangDay(FEB_6).get(0);
    github.inject(detailPath(newest), 99, FakeGitHub.status(502, "Server Error"));

    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("GitHub answered 502 for " + github.apiUrl() + detailPath(newest)
            + " after 3 attempts");
    assertThat(github.requestPaths()).filteredOn(detailPath(newest)::equals).hasSize(3);
  }

  @Test
  void aDroppedConnectionIsRetried() throws Exception {
    github.inject(SGLANG + "/commits", 2, FakeGitHub.hangUp());

    assertThat(source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI)).hasSize(13);

    assertThat(github.requestPaths()).filteredOn((SGLANG + "/commits")::equals).hasSize(3);
    // The JDK client itself repeats a GET once when a reused connection turns out closed, so
    // our retry may have been needed once or twice.
    assertThat(sleeps).isNotEmpty().isSubsetOf(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void anUnknownRepositoryIsNamedWithTheApiUrl() {
    assertThatThrownBy(() -> source().build().commits(RepoId.parse("sgl-project/nope"),
        FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("repository sgl-project/nope not found at " + github.apiUrl()
            + " (or not visible without a token)");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void aRejectedTokenIsReportedWithoutTheToken() {
    github.inject(SGLANG, 1, FakeGitHub.status(401, "Bad credentials"));

    assertThatThrownBy(() -> source().token(TOKEN).build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("GitHub rejected the token (401 Unauthorized: Bad credentials) for "
            + github.apiUrl() + SGLANG + "; check GITHUB_TOKEN");
  }

  @Test
  void forbiddenWithoutARateLimitNamesTheUrl() {
    github.inject(SGLANG + "/commits", 1,
        FakeGitHub.status(403, "Resource not accessible by integration"));

    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("GitHub refused access (403 Forbidden: Resource not accessible"
            + " by integration) to " + github.apiUrl() + SGLANG + "/commits?");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void noAnswerWithinTheReadTimeoutFailsAfterRetries() {
    github.inject(SGLANG, 3, FakeGitHub.slow(Duration.ofSeconds(5)));

    assertThatThrownBy(() -> source().readTimeout(Duration.ofMillis(150)).build()
        .commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("no answer from " + github.apiUrl() + SGLANG
            + " within 150 ms (3 attempts)");
    assertThat(github.requests()).hasSize(3);
  }

  @Test
  void aRateLimitIsWaitedOutWithANotice() throws Exception {
    Instant reset = Instant.now().plus(Duration.ofMinutes(12));
    github.inject(SGLANG + "/commits/.*", 1, FakeGitHub.rateLimited(reset));

    List<Commit> commits = source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);

    assertThat(commits).hasSize(13);
    assertThat(sleeps).singleElement().satisfies(wait -> assertThat(wait)
        .isBetween(Duration.ofMinutes(11), Duration.ofMinutes(12).plusSeconds(2)));
    assertThat(notices).containsExactly("GitHub rate limit reached; waiting until "
        + Durations.utc(Instant.ofEpochSecond(reset.getEpochSecond())) + " (about 12 min)");
    assertThat(github.requests()).hasSize(16);
  }

  @Test
  void aSecondaryRateLimitWaitsItsRetryAfter() throws Exception {
    github.inject(SGLANG + "/commits", 1, FakeGitHub.retryAfter(Duration.ofSeconds(30)));

    assertThat(source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI)).hasSize(13);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    assertThat(notices).singleElement().asString()
        .startsWith("GitHub secondary rate limit reached; waiting until ")
        .endsWith("(about 30 s)");
  }

  @Test
  void aRateLimitFailsAtOnceWhenToldTo() {
    Instant reset = Instant.now().plus(Duration.ofMinutes(12));
    github.inject(SGLANG, 1, FakeGitHub.rateLimited(reset));

    assertThatThrownBy(() -> source().rateLimit(RateLimitPolicy.FAIL, Duration.ofHours(1)).build()
        .commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("GitHub rate limit reached for " + github.apiUrl() + SGLANG
            + "; it resets at " + Durations.utc(Instant.ofEpochSecond(reset.getEpochSecond()))
            + " (in about 12 min); set GITHUB_TOKEN to raise the limit");
    assertThat(sleeps).isEmpty();
    assertThat(notices).isEmpty();
  }

  @Test
  void aRateLimitResettingLaterThanTheMaximumWaitFails() {
    github.inject(SGLANG, 1, FakeGitHub.rateLimited(Instant.now().plus(Duration.ofMinutes(45))));

    assertThatThrownBy(() -> source().rateLimit(RateLimitPolicy.WAIT, Duration.ofMinutes(15))
        .build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("later than the 15 min this run may wait")
        .hasMessageContaining("GITHUB_TOKEN");
    assertThat(sleeps).isEmpty();
  }

  // ---- one budget for every thread -------------------------------------------------------------

  /** Three threads fetching three repositories through one source, each day at once. */
  private void fetchThreeAtOnce(GitHubCommitSource source) throws Exception {
    List<RepoId> repos = List.of(RepoId.parse("acme/a"), RepoId.parse("acme/b"),
        RepoId.parse("acme/c"));
    for (int i = 0; i < repos.size(); i++) {
      github.serve(FakeRepo.straight(repos.get(i), 200 + i, FEB_6.minusDays(1), 3, 2));
    }
    github.inject(".*", 1000, FakeGitHub.slow(Duration.ofMillis(50)));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<List<Commit>>> days = new ArrayList<>();
      for (RepoId repo : repos) {
        days.add(pool.submit(() -> source.commits(repo, new DayWindow(FEB_6, ZoneOffset.UTC))));
      }
      for (java.util.concurrent.Future<List<Commit>> day : days) {
        assertThat(day.get()).hasSize(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void threadsFetchTogetherAndCountIntoOneBudget() throws Exception {
    github.rateLimit(100, Duration.ofHours(1));
    GitHubCommitSource source = source().build();
    fetchThreeAtOnce(source);
    // Three lookups, three listings, six commits.
    assertThat(github.requests()).hasSize(12);
    assertThat(github.mostAtOnce()).isBetween(2, 3);
    assertThat(source.budget().sent()).isEqualTo(12);
    assertThat(source.budget().limit()).isEqualTo(100);
    assertThat(source.budget().remaining()).isEqualTo(88);
  }

  @Test
  void aServerThatAnnouncesNoLimitHoldsNoThreadBack() throws Exception {
    github.withoutRateLimitHeaders();
    GitHubCommitSource source = source().build();
    fetchThreeAtOnce(source);
    assertThat(github.mostAtOnce()).isBetween(2, 3);
    assertThat(source.budget().limited()).isFalse();
    assertThat(source.budget().sent()).isEqualTo(12);
  }

  @Test
  void aBudgetUsedUpStopsBeforeTheNextRequestWhenToldToFail() {
    github.rateLimit(3, Duration.ofHours(1));
    assertThatThrownBy(() -> source().rateLimit(RateLimitPolicy.FAIL, Duration.ofHours(1))
        .build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("GitHub rate limit reached (its 3 requests are used up) for "
            + github.apiUrl() + SGLANG + "/commits/")
        .hasMessageContaining("; it resets at ");
    assertThat(github.requests()).hasSize(3);
    assertThat(github.refusedOverLimit()).isZero();
  }

  // ---- broken bodies and odd rate-limit headers ------------------------------------------------

  @Test
  void aBrokenBodyIsRetriedLikeAServerErrorWithANotice() throws Exception {
    Commit newest = Fixtures.sglangDay(FEB_6).get(0);
    String url = github.apiUrl() + detailPath(newest);
    github.inject(detailPath(newest), 1, FakeGitHub.ok("application/json", "{\"sha\": \"b83"));
    github.inject(detailPath(newest), 1,
        FakeGitHub.ok("text/html", "<!DOCTYPE html><html><body>Unicorn!</body></html>"));

    List<Commit> commits = source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);

    assertThat(commits).containsExactlyElementsOf(Fixtures.sglangDay(FEB_6));
    assertThat(github.requestPaths()).filteredOn(detailPath(newest)::equals).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(notices).containsExactly(
        "GitHub sent truncated JSON for " + url + "; trying again in 10 ms (attempt 2 of 3)",
        "GitHub sent HTML instead of JSON for " + url + "; trying again in 20 ms (attempt 3 of 3)");
  }

  @Test
  void aBodyBrokenOnEveryAttemptSaysWhatWasWrong() {
    github.inject(SGLANG, 99, FakeGitHub.ok("application/json", ""));
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("GitHub sent an empty body for " + github.apiUrl() + SGLANG + " (3 attempts)");

    github.reset().serve(SGLANG_WEEK).inject(SGLANG + "/commits", 99,
        FakeGitHub.ok("application/json", "[{\"sha\": \"b838"));
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("GitHub sent truncated JSON for " + github.apiUrl() + SGLANG
            + "/commits?")
        .hasMessageEndingWith(" (3 attempts)")
        .hasMessageNotContaining("answered 200");

    github.reset().serve(SGLANG_WEEK).inject(SGLANG, 99,
        FakeGitHub.ok("text/html", "\n  <html><body>Service unavailable</body></html>"));
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .hasMessage("GitHub sent HTML instead of JSON for " + github.apiUrl() + SGLANG
            + " (3 attempts)");

    github.reset().serve(SGLANG_WEEK).inject(SGLANG, 99,
        FakeGitHub.ok("application/json", "{\"id\": 1} trailing"));
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .hasMessage("GitHub sent JSON followed by something else for " + github.apiUrl() + SGLANG
            + " (3 attempts)");
  }

  @Test
  void jsonOfTheWrongShapeIsNamedAsSuch() {
    // Whole JSON, so not retried, but an object where hub4j expects a list of commits.
    github.inject(SGLANG + "/commits", 1, FakeGitHub.ok("application/json", "{\"id\": 1}"));
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("GitHub sent JSON of an unexpected shape for " + github.apiUrl()
            + SGLANG + "/commits?");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anAnswerCutOffByTheConnectionIsRetriedAndNamed() throws Exception {
    github.inject(SGLANG + "/commits", 1, FakeGitHub.cutOff());
    assertThat(source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI)).hasSize(13);
    assertThat(notices).singleElement().asString()
        .startsWith("the answer from " + github.apiUrl() + SGLANG + "/commits?")
        .endsWith(" was cut off; trying again in 10 ms (attempt 2 of 3)");

    github.reset().serve(SGLANG_WEEK).inject(SGLANG, 3, FakeGitHub.cutOff());
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .hasMessage("the answer from " + github.apiUrl() + SGLANG + " was cut off (3 attempts)");
  }

  @Test
  void anAbsurdRetryAfterIsTakenAsAbsentWithANotice() throws Exception {
    github.inject(SGLANG + "/commits", 1,
        FakeGitHub.rateLimitHeaders(429, null, null, "99999999999999999999"));

    assertThat(source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI)).hasSize(13);

    // GitHub's advice without a usable reset time: wait a minute.
    assertThat(sleeps).containsExactly(Duration.ofMinutes(1));
    assertThat(notices).singleElement().asString()
        .startsWith("GitHub secondary rate limit reached; waiting until ")
        .endsWith("(about 60 s) (Retry-After '99999999999999999999' is not believable, so taken"
            + " as absent)");
  }

  @Test
  void absurdResetTimesNeverSayForInputString() throws Exception {
    github.inject(SGLANG, 1, FakeGitHub.rateLimitHeaders(403, "0", "99999999999999999999", null));
    assertThat(source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI)).hasSize(13);
    assertThat(sleeps).containsExactly(Duration.ofMinutes(1));
    assertThat(notices).singleElement().asString()
        .startsWith("GitHub rate limit reached; waiting until ")
        .endsWith("(X-RateLimit-Reset '99999999999999999999' is not believable, so taken as"
            + " absent)");

    // Ten years away, and a Retry-After that is no number: both passed over.
    long tenYears = Instant.now().plus(Duration.ofDays(3650)).getEpochSecond();
    github.reset().serve(SGLANG_WEEK).inject(SGLANG, 1,
        FakeGitHub.rateLimitHeaders(403, "0", Long.toString(tenYears), "-5"));
    assertThatThrownBy(() -> source().rateLimit(RateLimitPolicy.FAIL, Duration.ofHours(1))
        .build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("(in about 60 s) (Retry-After '-5' and X-RateLimit-Reset '"
            + tenYears + "' are not believable, so taken as absent)")
        .hasMessageNotContaining("For input string");

    // A Retry-After in seconds that fits a long but not a believable wait.
    github.reset().serve(SGLANG_WEEK).inject(SGLANG, 1,
        FakeGitHub.rateLimitHeaders(429, null, null, "9223372036854775807"));
    sleeps.clear();
    assertThat(source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI)).hasSize(13);
    assertThat(sleeps).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void aRateLimitOnEveryAttemptGivesUpNamingTheUrl() {
    github.inject(SGLANG, 99, FakeGitHub.retryAfter(Duration.ofSeconds(2)));
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("gave up on " + github.apiUrl() + SGLANG + " after 3 attempts that GitHub"
            + " answered with a rate limit or a redirect");
  }

  // ---- the token goes to the API's origin only -------------------------------------------------

  @Test
  void aLinkHeaderToAnotherPortIsRefusedAndTheOtherServerSeesNothing() throws Exception {
    // The foreign "host": a second server on the loopback, serving the same repository.
    foreign.serve(SGLANG_WEEK);
    github.listPageLimit(5).linkBase(foreign.apiUrl());

    assertThatThrownBy(() -> source().token(TOKEN).build().commits(Fixtures.SGLANG,
        FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("GitHub's Link header for " + github.apiUrl() + SGLANG
            + "/commits?")
        .hasMessageEndingWith(" points to " + foreign.apiUrl() + ", which is not the configured"
            + " API " + github.apiUrl() + "; not followed, so that the token goes to the API's"
            + " scheme, host and port only")
        .hasMessageNotContaining("NeverShow");
    assertThat(foreign.requests()).isEmpty();
    assertThat(github.requests()).hasSize(2); // the repository, the first page
  }

  @Test
  void aRedirectToAnotherPortIsRefusedAndTheOtherServerSeesNothing() {
    foreign.serve(SGLANG_WEEK);
    github.inject(SGLANG, 1, FakeGitHub.redirect(301, foreign.apiUrl() + SGLANG));

    assertThatThrownBy(() -> source().token(TOKEN).build().commits(Fixtures.SGLANG,
        FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessage("GitHub redirected " + github.apiUrl() + SGLANG + " to " + foreign.apiUrl()
            + ", which is not the configured API " + github.apiUrl() + "; not followed, so that"
            + " the token goes to the API's scheme, host and port only");
    assertThat(foreign.requests()).isEmpty();

    // Without a token nothing foreign is followed either: the data would not be the API's.
    github.inject(SGLANG, 1, FakeGitHub.redirect(307, foreign.apiUrl() + SGLANG));
    assertThatThrownBy(() -> source().build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI))
        .hasMessageEndingWith("; not followed: Daybook reads from the API's scheme, host and port"
            + " only");
    assertThat(foreign.requests()).isEmpty();
  }

  @Test
  void aRedirectToAnotherSchemeOnTheSameHostAndPortIsRefused() {
    String https = "https://127.0.0.1:" + github.apiUrl().getPort();
    github.inject(SGLANG, 1, FakeGitHub.redirect(302, https + SGLANG));

    assertThatThrownBy(() -> source().token(TOKEN).build().commits(Fixtures.SGLANG,
        FEB_6_SHANGHAI))
        .hasMessageStartingWith("GitHub redirected " + github.apiUrl() + SGLANG + " to " + https
            + ", which is not the configured API " + github.apiUrl() + ";");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void aRedirectWithinTheApiIsFollowedWithTheToken() throws Exception {
    // GitHub answers a renamed repository's URLs with a redirect to /repositories/<id>/...
    Commit newest = Fixtures.sglangDay(FEB_6).get(0);
    String moved = "/repositories/582457046/commits/" + newest.sha();
    github.inject(detailPath(newest), 1, FakeGitHub.redirect(301, github.apiUrl() + moved));

    List<Commit> commits = source().token(TOKEN).build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);

    assertThat(commits).containsExactlyElementsOf(Fixtures.sglangDay(FEB_6));
    assertThat(github.requests()).filteredOn(r -> r.path().equals(moved)).singleElement()
        .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
  }

  // ---- the token is checked before it is sent --------------------------------------------------

  @Test
  void aTokenWithAControlCharacterIsRefusedWithoutShowingIt() {
    String broken = "ghp" + "_NeverShow\nThisToken0123456789";
    assertThatThrownBy(() -> source().token(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the GitHub token holds a line break (U+000A) inside (character 14); a token"
            + " or key is printable ASCII without spaces or line breaks (the value is not shown)");
    assertThatThrownBy(() -> source().token(TOKEN + "\u0001"))
        .hasMessageContaining("a control character (U+0001) at its end")
        .hasMessageNotContaining("NeverShow");
  }

  @Test
  void aTokenEchoedByTheServerIsTakenOutOfMessagesAndNotices() {
    github.inject(SGLANG, 1, FakeGitHub.rateLimitHeaders(429, null, null, TOKEN));
    github.inject(SGLANG + "/commits", 1, FakeGitHub.status(401, "Bad credentials: " + TOKEN));

    assertThatThrownBy(() -> source().token(TOKEN).build().commits(Fixtures.SGLANG,
        FEB_6_SHANGHAI))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("GitHub rejected the token (401 Unauthorized: Bad credentials:"
            + " [the token]) for ")
        .hasMessageNotContaining("NeverShow")
        .satisfies(e -> assertThat(e.getCause()).isNull());
    assertThat(notices).singleElement().asString()
        .contains("Retry-After '[the token]' is not believable").doesNotContain("NeverShow");
  }

  @Test
  void oneTrailingLineBreakOfACopiedTokenIsDropped() throws Exception {
    source().token(TOKEN + "\r\n").build().commits(Fixtures.SGLANG, FEB_6_SHANGHAI);
    assertThat(github.requests())
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
  }

  @Test
  void theBuilderRejectsABadApiUrlNamingIt() {
    assertThatThrownBy(() -> GitHubCommitSource.builder().apiUrl(URI.create("ftp://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ftp://x'");
  }
}
