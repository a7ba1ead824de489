package dev.daybook.model;

import java.util.List;
import java.util.Objects;

/**
 * What an analyzer (or a person editing a report) says about one commit.
 *
 * <p>The prose fields hold CommonMark source that is already safe to place in a report: whoever
 * builds an analysis escapes any text taken from a commit. An empty string means the report has no
 * such section.
 *
 * @param types the change types, most important first; used for filtering and search
 * @param typeLabel the change-type text as the report shows it, or {@code null} to show the
 *     localized names of {@code types}; imported and hand-edited reports keep their own words here
 * @param rationale prose under the severity line saying why it was chosen (may be empty)
 * @param reasons why the analyzer chose this severity and type, one short line each
 * @param incomplete the analysis text is known to be cut off (e.g. an LLM answer that hit its
 *     token limit); reports say so visibly
 */
public record Analysis(
    Severity severity,
    List<ChangeType> types,
    String typeLabel,
    String rationale,
    String summary,
    String impact,
    String insights,
    String risks,
    String recommendations,
    String conclusion,
    List<String> reasons,
    boolean incomplete) {

  public Analysis {
    Objects.requireNonNull(severity, "severity");
    types = List.copyOf(types);
    rationale = Objects.requireNonNullElse(rationale, "");
    summary = Objects.requireNonNullElse(summary, "");
    impact = Objects.requireNonNullElse(impact, "");
    insights = Objects.requireNonNullElse(insights, "");
    risks = Objects.requireNonNullElse(risks, "");
    recommendations = Objects.requireNonNullElse(recommendations, "");
    conclusion = Objects.requireNonNullElse(conclusion, "");
    reasons = List.copyOf(reasons);
  }

  /** An analysis without a severity rationale, as analyzers produce it. */
  public Analysis(
      Severity severity,
      List<ChangeType> types,
      String typeLabel,
      String summary,
      String impact,
      String insights,
      String risks,
      String recommendations,
      String conclusion,
      List<String> reasons,
      boolean incomplete) {
    this(severity, types, typeLabel, "", summary, impact, insights, risks, recommendations,
        conclusion, reasons, incomplete);
  }

  public Analysis withIncomplete(boolean value) {
    return new Analysis(severity, types, typeLabel, rationale, summary, impact, insights, risks,
        recommendations, conclusion, reasons, value);
  }
}
