package dev.daybook.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.source.DayWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FirstParentChainTest {

  private static final DayWindow DAY = new DayWindow(LocalDate.of(2026, 2, 6), ZoneOffset.UTC);

  private static FirstParentChain.Listed<String> listed(String sha, String parent, int hour) {
    return new FirstParentChain.Listed<>(
        sha,
        parent == null ? List.of() : List.of(parent),
        Instant.parse("2026-02-06T00:00:00Z").plusSeconds(hour * 3600L),
        sha);
  }

  @Test
  void aCommitListedTwiceAcrossPagesIsKeptOnce() {
    List<FirstParentChain.Listed<String>> listing = List.of(
        listed("c", "b", 3), listed("b", "a", 2), listed("b", "a", 2), listed("a", null, 1));

    assertThat(FirstParentChain.inWindow(listing, DAY)).containsExactly("c", "b", "a");
  }

  @Test
  void commitsBeforeAndAfterTheWindowAreWalkedThroughButNotKept() {
    List<FirstParentChain.Listed<String>> listing = List.of(
        listed("next-day", "c", 25), listed("c", "b", 3), listed("b", "prev-day", 2),
        listed("prev-day", "older", -1));

    assertThat(FirstParentChain.inWindow(listing, DAY)).containsExactly("c", "b");
  }

  @Test
  void aCycleInBadDataEndsTheWalk() {
    List<FirstParentChain.Listed<String>> listing = List.of(
        listed("b", "a", 2), listed("a", "b", 1));

    assertThat(FirstParentChain.inWindow(listing, DAY)).containsExactly("b", "a");
  }

  /** An in-memory branch that records what it is asked. */
  private static final class Branch implements FirstParentChain.History<String> {
    final Map<String, FirstParentChain.Listed<String>> all = new LinkedHashMap<>();
    final Set<String> unlisted = new HashSet<>();
    final List<String> calls = new ArrayList<>();

    Branch add(String sha, String parent, int hour) {
      all.put(sha, listed(sha, parent, hour));
      return this;
    }

    /** Present by SHA, but missing from listings (GitHub's listing is not always complete). */
    Branch addUnlisted(String sha, String parent, int hour) {
      unlisted.add(sha);
      return add(sha, parent, hour);
    }

    @Override
    public List<FirstParentChain.Listed<String>> list(Instant since, Instant until) {
      calls.add("list " + since + " " + until);
      return all.values().stream()
          .filter(c -> !unlisted.contains(c.sha()))
          .filter(c -> !c.committedAt().isBefore(since) && !c.committedAt().isAfter(until))
          .sorted(Comparator.comparing(FirstParentChain.Listed<String>::committedAt).reversed())
          .collect(Collectors.toList());
    }

    @Override
    public FirstParentChain.Listed<String> commit(String sha) {
      calls.add("commit " + sha);
      return all.get(sha);
    }

    List<String> select() throws IOException {
      return FirstParentChain.select(
          this, DAY, Duration.ofHours(6), Instant.parse("2026-06-01T00:00:00Z"));
    }
  }

  @Test
  void anOrdinaryDayIsOneListingAndNothingElse() throws IOException {
    Branch branch = new Branch().add("a", "older", 1).add("b", "a", 2).add("c", "b", 3)
        .add("next-day", "c", 26);

    assertThat(branch.select()).containsExactly("c", "b", "a");
    assertThat(branch.calls).containsExactly("list 2026-02-05T18:00:00Z 2026-02-07T06:00:00Z");
  }

  @Test
  void aFetchedParentInTheWindowIsKept() throws IOException {
    Branch branch = new Branch().add("a", null, 1).addUnlisted("b", "a", 2).add("c", "b", 3);

    assertThat(branch.select()).containsExactly("c", "b", "a");
    assertThat(branch.calls).containsExactly(
        "list 2026-02-05T18:00:00Z 2026-02-07T06:00:00Z", "commit b");
  }

  @Test
  void theWalkDoesNotFetchBelowACommitOlderThanTheListing() throws IOException {
    // c -> old-1 (fetched, its parent old-2 unknown): stop there, although a stays unexplained.
    Branch branch = new Branch().add("a", null, 1).add("old-2", "a", -72)
        .add("old-1", "old-2", -71).add("c", "old-1", 3);

    assertThat(branch.select()).containsExactly("c");
    assertThat(branch.calls).filteredOn(call -> call.startsWith("commit")).containsExactly(
        "commit old-1");
  }

  @Test
  void anEmptyListingGivesNoCommits() {
    assertThat(FirstParentChain.inWindow(List.<FirstParentChain.Listed<String>>of(), DAY)).isEmpty();
  }
}
