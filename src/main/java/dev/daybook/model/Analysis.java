package dev.daybook.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an analyzer (or a person editing a report) says about one commit.
 *
 * <p>The prose fields hold CommonMark source that is already safe to place in a report: whoever
 * builds an analysis escapes any text taken from a commit. An empty string means the report has no
 * such section. Insights, risks and recommendations are {@link Items}: insights by {@link
 * Dimension}, risks and recommendations as titled {@link Point}s, which a report writes as a table
 * and numbered lists.
 *
 * <p>A value class with the accessors, {@code equals}, {@code hashCode} and {@code toString} a
 * record of these components would have. It is not a record so that its {@link Prose} can be read
 * on first use ({@link #deferred}): a rebuild takes every report from its cache, and most of them
 * only for their titles, times and severities.
 *
 * <p>Components: {@code types}, the change types, most important first, used for filtering and
 * search; {@code typeLabel}, the change-type text as the report shows it, or {@code null} to show
 * the localized names of {@code types} (imported and hand-edited reports keep their own words
 * here); {@code rationale}, prose under the severity line saying why it was chosen (may be empty);
 * {@code reasons}, why the analyzer chose this severity and type, one short line each; {@code
 * incomplete}, the analysis text is known to be cut off (e.g. an LLM answer that hit its token
 * limit), which reports say visibly; {@code breaking}, why the commit breaks compatibility (plain
 * text: the rule that fired or the model's reason), or empty when it is not known to.
 */
public final class Analysis {

  /** The prose of an analysis: every component but the severity, types, type label and flag. */
  public record Prose(
      String rationale,
      String summary,
      String impact,
      Items<Insight> insights,
      Items<Point> risks,
      Items<Point> recommendations,
      String conclusion,
      List<String> reasons) {

    public Prose {
      rationale = Objects.requireNonNullElse(rationale, "");
      summary = Objects.requireNonNullElse(summary, "");
      impact = Objects.requireNonNullElse(impact, "");
      insights = Objects.requireNonNullElseGet(insights, Items::none);
      risks = Objects.requireNonNullElseGet(risks, Items::none);
      recommendations = Objects.requireNonNullElseGet(recommendations, Items::none);
      conclusion = Objects.requireNonNullElse(conclusion, "");
      reasons = List.copyOf(reasons);
    }
  }

  private final Severity severity;
  private final List<ChangeType> types;
  private final String typeLabel;
  private final boolean incomplete;
  private final String breaking;
  // Set at once, or on first use from source (which is then dropped).
  private volatile Prose prose;
  private Supplier<Prose> source;

  private Analysis(Severity severity, List<ChangeType> types, String typeLabel,
      boolean incomplete, String breaking, Prose prose, Supplier<Prose> source) {
    this.severity = Objects.requireNonNull(severity, "severity");
    this.types = List.copyOf(types);
    this.typeLabel = typeLabel;
    this.incomplete = incomplete;
    this.breaking = Objects.requireNonNullElse(breaking, "");
    this.prose = prose;
    this.source = source;
  }

  public Analysis(
      Severity severity,
      List<ChangeType> types,
      String typeLabel,
      String rationale,
      String summary,
      String impact,
      Items<Insight> insights,
      Items<Point> risks,
      Items<Point> recommendations,
      String conclusion,
      List<String> reasons,
      boolean incomplete) {
    this(severity, types, typeLabel, incomplete, "", new Prose(rationale, summary, impact, insights,
        risks, recommendations, conclusion, reasons), null);
  }

  /** An analysis without a severity rationale, as analyzers produce it. */
  public Analysis(
      Severity severity,
      List<ChangeType> types,
      String typeLabel,
      String summary,
      String impact,
      Items<Insight> insights,
      Items<Point> risks,
      Items<Point> recommendations,
      String conclusion,
      List<String> reasons,
      boolean incomplete) {
    this(severity, types, typeLabel, "", summary, impact, insights, risks, recommendations,
        conclusion, reasons, incomplete);
  }

  /**
   * An analysis whose prose is read from {@code prose} when first asked for, once, on whichever
   * thread asks first. The supplier must give the same prose whenever it is called.
   */
  public static Analysis deferred(Severity severity, List<ChangeType> types, String typeLabel,
      boolean incomplete, String breaking, Supplier<Prose> prose) {
    return new Analysis(severity, types, typeLabel, incomplete, breaking, null,
        Objects.requireNonNull(prose, "prose"));
  }

  /** The prose, read now if it was deferred. */
  public Prose prose() {
    Prose p = prose;
    if (p == null) {
      synchronized (this) {
        p = prose;
        if (p == null) {
          p = Objects.requireNonNull(source.get(), "prose");
          prose = p;
          source = null;
        }
      }
    }
    return p;
  }

  public Severity severity() {
    return severity;
  }

  public List<ChangeType> types() {
    return types;
  }

  public String typeLabel() {
    return typeLabel;
  }

  public String rationale() {
    return prose().rationale();
  }

  public String summary() {
    return prose().summary();
  }

  public String impact() {
    return prose().impact();
  }

  public Items<Insight> insights() {
    return prose().insights();
  }

  public Items<Point> risks() {
    return prose().risks();
  }

  public Items<Point> recommendations() {
    return prose().recommendations();
  }

  public String conclusion() {
    return prose().conclusion();
  }

  public List<String> reasons() {
    return prose().reasons();
  }

  public boolean incomplete() {
    return incomplete;
  }

  public Analysis withIncomplete(boolean value) {
    return new Analysis(severity, types, typeLabel, value, breaking, prose(), null);
  }

  /** Why the commit breaks compatibility, or empty when it is not known to. */
  public String breaking() {
    return breaking;
  }

  public boolean isBreaking() {
    return !breaking.isEmpty();
  }

  /** This analysis marked breaking for {@code reason} (plain text), or unmarked if it is empty. */
  public Analysis withBreaking(String reason) {
    return new Analysis(severity, types, typeLabel, incomplete, reason, prose(), null);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Analysis a && severity == a.severity
        && types.equals(a.types) && Objects.equals(typeLabel, a.typeLabel)
        && incomplete == a.incomplete && breaking.equals(a.breaking)
        && prose().equals(a.prose());
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, types, typeLabel, prose(), incomplete, breaking);
  }

  /** As a record of these components would show it. */
  @Override
  public String toString() {
    Prose p = prose();
    return "Analysis[severity=" + severity + ", types=" + types + ", typeLabel=" + typeLabel
        + ", rationale=" + p.rationale() + ", summary=" + p.summary() + ", impact=" + p.impact()
        + ", insights=" + p.insights() + ", risks=" + p.risks() + ", recommendations="
        + p.recommendations() + ", conclusion=" + p.conclusion() + ", reasons=" + p.reasons()
        + ", incomplete=" + incomplete + ", breaking=" + breaking + "]";
  }
}
