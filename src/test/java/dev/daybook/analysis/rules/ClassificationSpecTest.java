package dev.daybook.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.Language;
import dev.daybook.testing.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks every example of {@code classification-spec.md} against {@link RuleAnalyzer}. */
class ClassificationSpecTest {

  private static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 2, 6);
  private static final List<SpecExample> EXAMPLES = ClassificationSpec.read();

  private final RuleAnalyzer analyzer = new RuleAnalyzer();

  @TestFactory
  Stream<DynamicTest> everyExampleOfTheSpecHolds() {
    return EXAMPLES.stream().map(example -> DynamicTest.dynamicTest(example.displayName(), () -> {
      // The spec's reasons are the English ones; a Chinese archive decides the same.
      Analysis analysis = analyzer.analyze(example.commit(), Language.EN);
      Analysis chinese = analyzer.analyze(example.commit(), Language.ZH);
      String where = "classification-spec.md:" + example.line();
      assertThat(analysis.severity()).as(where + " severity").isEqualTo(example.severity());
      assertThat(analysis.types()).as(where + " types").isEqualTo(example.types());
      assertThat(analysis.reasons()).as(where + " reasons").isEqualTo(example.reasons());
      assertThat(chinese.severity()).as(where + " severity (zh)").isEqualTo(example.severity());
      assertThat(chinese.types()).as(where + " types (zh)").isEqualTo(example.types());
      assertThat(chinese.reasons()).as(where + " reasons (zh)")
          .hasSameSizeAs(example.reasons())
          .allSatisfy(r -> assertThat(r).containsPattern("\\p{IsHan}"));
    }));
  }

  @Test
  void theSpecHasAtLeastThirtyExamples() {
    assertThat(EXAMPLES).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void everyCommitOfTheReferenceDayIsAnExampleWithTheReferenceVerdict() {
    List<String> inSpec = EXAMPLES.stream()
        .filter(e -> e.fixtureDay().isPresent() && e.reference().isPresent())
        .map(e -> e.commit().sha())
        .toList();
    assertThat(inSpec).containsAll(
        Fixtures.sglangDay(REFERENCE_DAY).stream().map(Commit::sha).toList());
  }

  /** The spec explains each disagreement next to its example; this keeps the count honest. */
  @Test
  void theRulesDisagreeWithTheReferenceReportOnlyWhereTheSpecSaysSo() {
    List<String> disagreements = EXAMPLES.stream()
        .filter(e -> e.reference().isPresent() && e.reference().get() != e.severity())
        .map(e -> e.commit().shortSha())
        .distinct()
        .toList();
    assertThat(disagreements).containsExactly("8b21dd4");
  }

  @Test
  void aMalformedExampleFailsWithItsLineNumber() {
    String spec = "# Spec\n\n```example\ntitle: fix: x\nfile: M a.py +1 -x\n=>\nseverity: low\n```\n";
    assertThatThrownBy(() -> ClassificationSpec.parse("spec.md", spec))
        .hasMessageStartingWith("spec.md:5: ")
        .hasMessageContaining("+1 -x");
  }

  @Test
  void anExampleWithoutExpectationFailsWithTheLineOfItsFence() {
    String spec = "intro\n```example\ntitle: fix: x\n=>\nreason: r\n```\n";
    assertThatThrownBy(() -> ClassificationSpec.parse("spec.md", spec))
        .hasMessageStartingWith("spec.md:2: ");
  }

  @Test
  void anUnclosedExampleFailsWithTheLineOfItsFence() {
    assertThatThrownBy(() -> ClassificationSpec.parse("spec.md", "\n\n```example\ntitle: x\n"))
        .hasMessageStartingWith("spec.md:3: ")
        .hasMessageContaining("not closed");
  }
}
