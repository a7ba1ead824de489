package dev.daybook.analysis.rules;

import dev.daybook.analysis.CommitAnalyzer;
import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.Commit;
import dev.daybook.model.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic, offline analyzer and the fallback of the LLM analyzer. It decides severity
 * and change types from the commit's title (conventional prefixes, bracket tags, keywords), the
 * paths it touches and the size of its diff, keeps the reasons that fired as plain text in
 * {@link Analysis#reasons()} (the report writer escapes them), in the archive's language with the
 * data they quote as written, and writes prose that only restates the data, escaped.
 *
 * <p>Low commits get a summary and the impact list only; medium and high ones also get insights,
 * risks, recommendations and a conclusion. The same commit always gives an equal analysis.
 */
public final class RuleAnalyzer implements CommitAnalyzer {

  @Override
  public Analysis analyze(Commit commit, Language language) {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(language, "language");
    Evidence evidence = Evidence.of(commit);
    Wording words = Wording.of(language);
    List<String> reasons = new ArrayList<>();
    List<ChangeType> types = TypeRules.decide(evidence, words, reasons);
    Verdict verdict = SeverityRules.decide(evidence, types, words, reasons);
    return new ProseWriter(words).write(evidence, verdict);
  }

  @Override
  public String summarizeDay(List<Commit> commits, List<Analysis> analyses, Language language) {
    return new DaySummary(Wording.of(language), language).write(commits, analyses);
  }
}
