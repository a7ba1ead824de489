package dev.daybook.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.concurrent.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The one request budget, between threads sending at once and the stand-in GitHub (real HTTP)
 * announcing its rate limit.
 */
class RequestBudgetTest {

  @RegisterExtension
  static final FakeGitHub github = FakeGitHub.perTestClass();
  final List<String> notices = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void serve() {
    github.serve(FakeRepo.sglangWeek())
        .inject(".*", 1000, FakeGitHub.slow(Duration.ofMillis(50)));
  }

  RequestBudget budget(RateLimitPolicy policy) {
    return new RequestBudget(policy, Duration.ofHours(1), false, notices::add, Sleeper.SYSTEM,
        Clock.systemUTC());
  }

  /** {@code threads} threads each GET the repository once, all at once; what each met. */
  List<Object> sendAtOnce(RequestBudget budget, int threads) throws Exception {
    GitHubConnector connector = budget.around(
        new JdkHttpConnector(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> sends = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        sends.add(pool.submit(() -> {
          try (GitHubConnectorResponse r = connector.send(
              ApiOriginGuardTest.get(github.apiUrl() + "/repos/sgl-project/sglang"))) {
            return (Object) r.statusCode();
          } catch (GitHubFailure e) {
            return e.getMessage();
          }
        }));
      }
      List<Object> met = new ArrayList<>();
      for (Future<Object> send : sends) {
        met.add(send.get());
      }
      return met;
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Instant> arrivals() {
    return github.requests().stream().map(FakeGitHub.Request::at)
        .sorted(Comparator.naturalOrder()).toList();
  }

  @Test
  void theFirstRequestGoesAloneAndTheOthersTogetherOnceTheBudgetIsKnown() throws Exception {
    github.rateLimit(100, Duration.ofHours(1));
    RequestBudget budget = budget(RateLimitPolicy.WAIT);

    assertThat(sendAtOnce(budget, 4)).containsOnly(200);

    List<Instant> arrivals = arrivals();
    assertThat(arrivals).hasSize(4);
    // The others waited for the first answer, which the stand-in gave 50 ms after it came.
    assertThat(arrivals.get(1)).isAfterOrEqualTo(arrivals.get(0).plusMillis(50));
    assertThat(github.mostAtOnce()).isBetween(2, 3);
    RequestBudget.Snapshot spent = budget.snapshot();
    assertThat(spent.sent()).isEqualTo(4);
    assertThat(spent.limit()).isEqualTo(100);
    assertThat(spent.remaining()).isEqualTo(96);
    assertThat(notices).isEmpty();
  }

  @Test
  void noMoreGoOutThanTheServerSaysAreLeft() throws Exception {
    github.rateLimit(3, Duration.ofHours(1));
    RequestBudget budget = budget(RateLimitPolicy.FAIL);

    List<Object> met = sendAtOnce(budget, 6);

    // Three answered; three refused before they were sent, saying why.
    assertThat(met.stream().filter(m -> m.equals(200))).hasSize(3);
    assertThat(met.stream().filter(m -> !m.equals(200))).hasSize(3).allSatisfy(m ->
        assertThat(m.toString()).startsWith("GitHub rate limit reached (its 3 requests are used"
            + " up) for " + github.apiUrl() + "/repos/sgl-project/sglang; it resets at "));
    assertThat(github.requests()).hasSize(3);
    assertThat(github.refusedOverLimit()).isZero();
    assertThat(budget.snapshot().remaining()).isZero();
  }
}
