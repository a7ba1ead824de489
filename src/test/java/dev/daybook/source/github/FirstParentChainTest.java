package dev.daybook.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.source.DayWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstParentChainTest {

  private static final DayWindow DAY = new DayWindow(LocalDate.of(2026, 2, 6), ZoneOffset.UTC);

  private static FirstParentChain.Listed<String> listed(String sha, String parent, int hour) {
    return new FirstParentChain.Listed<>(
        sha, parent, Instant.parse("2026-02-06T00:00:00Z").plusSeconds(hour * 3600L), sha);
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

  @Test
  void anEmptyListingGivesNoCommits() {
    assertThat(FirstParentChain.inWindow(List.<FirstParentChain.Listed<String>>of(), DAY)).isEmpty();
  }
}
