package dev.daybook.analysis.llm;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the published analysis from a model answer: the model's severity, types and prose (checked
 * and escaped by {@link SafeProse}), the rules' file list when the model named no impact, and
 * reasons that say which model spoke, where the rules disagree, and how much was dropped.
 */
final class Composer {

  private Composer() {}

  static Analysis compose(Commit commit, Answer answer, Analysis ruled, String model) {
    SafeProse prose = new SafeProse(new FactCheck(commit));
    String rationale = prose.paragraph(answer.severityReason());
    String summary = prose.paragraph(answer.summary());
    String impact = prose.bullets(answer.impact());
    String insights = prose.bullets(answer.insights());
    String risks = prose.bullets(answer.risks());
    String recommendations = prose.bullets(answer.recommendations());
    String conclusion = prose.paragraph(answer.conclusion());
    if (summary.isEmpty()) {
      // Every sentence named something the commit does not hold: say what the data says instead.
      summary = ruled.summary();
    }
    if (impact.isEmpty()) {
      impact = ruled.impact();
    }
    List<String> reasons = new ArrayList<>();
    reasons.add("model: " + model + " (prompt v" + Prompt.VERSION + ")");
    if (answer.severity() != ruled.severity()) {
      reasons.add("rules: " + ruled.severity().key() + "; model: " + answer.severity().key());
    }
    if (prose.dropped() > 0) {
      reasons.add("model text: " + prose.dropped() + (prose.dropped() == 1 ? " statement" :
          " statements") + " dropped (a file, SHA or URL not in the commit, or too long)");
    }
    reasons.addAll(ruled.reasons());
    return new Analysis(answer.severity(), answer.types(), null, rationale, summary, impact,
        insights, risks, recommendations, conclusion, reasons, false);
  }
}
