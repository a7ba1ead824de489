package dev.daybook.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Commit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void theSglangWeekHasItsDocumentedCommitCounts() {
    assertThat(Fixtures.sglangWeek()).hasSize(141);
    List<Commit> day = Fixtures.sglangDay(LocalDate.of(2026, 2, 6));
    assertThat(day).hasSize(13);
    assertThat(day.get(0).shortSha()).isEqualTo("c6aa186");
    assertThat(day.get(0).authorName()).isEqualTo("shaharmor98");
    assertThat(day.get(0).title()).isEqualTo("Add Nemotron 3 Nano tests (#18119)");
  }
}
