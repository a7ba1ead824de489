package dev.daybook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnalysisTest {

  private static Analysis eager() {
    return new Analysis(Severity.MEDIUM, List.of(ChangeType.FEATURE, ChangeType.TEST), "功能增强",
        "why", "sum", "imp", Items.of(List.of(new Insight(Dimension.SECURITY, "ins"))), null,
        Items.of(List.of(new Point("t", "rec"))), "con", List.of("a", "b"), true);
  }

  @Test
  void aDeferredAnalysisReadsItsProseOnceAndEqualsTheEagerOne() {
    Analysis eager = eager();
    AtomicInteger reads = new AtomicInteger();
    Analysis deferred = Analysis.deferred(Severity.MEDIUM,
        List.of(ChangeType.FEATURE, ChangeType.TEST), "功能增强", true, "", () -> {
          reads.incrementAndGet();
          return eager.prose();
        });

    assertThat(deferred.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(deferred.typeLabel()).isEqualTo("功能增强");
    assertThat(reads).hasValue(0);
    assertThat(deferred.summary()).isEqualTo("sum");
    assertThat(deferred.risks()).isEqualTo(Items.none());
    assertThat(deferred.reasons()).containsExactly("a", "b");
    assertThat(deferred).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(deferred.toString()).isEqualTo(eager.toString());
    assertThat(reads).hasValue(1);
  }

  /** The methods a record of the same components would have, to the character. */
  @Test
  void itBehavesAsTheRecordItWas() {
    Analysis a = eager();

    assertThat(a.toString()).isEqualTo("Analysis[severity=MEDIUM, types=[FEATURE, TEST], "
        + "typeLabel=功能增强, rationale=why, summary=sum, impact=imp, "
        + "insights=Items[list=[Insight[dimension=SECURITY, text=ins]], text=], "
        + "risks=Items[list=[], text=], "
        + "recommendations=Items[list=[Point[title=t, details=rec]], text=], conclusion=con, "
        + "reasons=[a, b], incomplete=true, breaking=]");
    assertThat(a).isEqualTo(eager()).hasSameHashCodeAs(eager());
    assertThat(a).isNotEqualTo(a.withIncomplete(false));
    assertThat(a.withIncomplete(false).withIncomplete(true)).isEqualTo(a);
    assertThat(a.isBreaking()).isFalse();
    assertThat(a.withBreaking("marker feat!:").breaking()).isEqualTo("marker feat!:");
    assertThat(a).isNotEqualTo(a.withBreaking("marker feat!:"));
    assertThat(a.withBreaking("x").withBreaking("")).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a).isNotEqualTo(new Analysis(Severity.MEDIUM, a.types(), a.typeLabel(),
        a.rationale(), "other", a.impact(), a.insights(), a.risks(), a.recommendations(),
        a.conclusion(), a.reasons(), a.incomplete()));
    assertThat(a).isNotEqualTo(new Analysis(Severity.MEDIUM, a.types(), null, a.rationale(),
        a.summary(), a.impact(), a.insights(), a.risks(), a.recommendations(), a.conclusion(),
        a.reasons(), a.incomplete()));
    assertThat(a).isNotEqualTo(new Analysis(Severity.MEDIUM, a.types(), a.typeLabel(),
        a.rationale(), a.summary(), a.impact(), Items.text("ins"), a.risks(),
        a.recommendations(), a.conclusion(), a.reasons(), a.incomplete()));
    assertThat(new Analysis(Severity.LOW, List.of(), null, "s", "", Items.none(), Items.none(),
        Items.none(), "", List.of(), false).rationale()).isEmpty();
  }
}
