package dev.daybook.analysis.llm;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Language;
import dev.daybook.model.Point;
import dev.daybook.model.Severity;
import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Makes the published analysis from a model answer: the model's severity, types and prose (checked
 * and escaped by {@link SafeProse}), its insights in the order of their dimensions, the rules' file
 * list when the model named no impact, and reasons, in the report's language, that say which model
 * spoke, where the rules disagree, and how much was dropped.
 */
final class Composer {

  private static final Map<Severity, String> CHINESE_SEVERITY =
      Map.of(Severity.HIGH, "高", Severity.MEDIUM, "中", Severity.LOW, "低");
  // Insights under a dimension in the dimensions' order, those under none after them.
  private static final Comparator<Insight> BY_DIMENSION = Comparator.comparingInt(
      i -> i.dimension() == null ? Integer.MAX_VALUE : i.dimension().ordinal());

  private Composer() {}

  static Analysis compose(Commit commit, Answer answer, Analysis ruled, String model,
      Language language) {
    SafeProse prose = new SafeProse(new FactCheck(commit));
    String rationale = prose.paragraph(answer.severityReason());
    String summary = prose.paragraph(answer.summary());
    String impact = prose.bullets(answer.impact());
    List<Insight> insights = new ArrayList<>();
    for (Answer.Aspect aspect : answer.insights()) {
      String text = prose.item(aspect.text());
      if (text != null && !text.isEmpty()) {
        insights.add(new Insight(aspect.dimension(), text));
      }
    }
    insights.sort(BY_DIMENSION);
    for (int i = SafeProse.MAX_ITEMS; i < insights.size(); i++) {
      prose.drop();
    }
    Items<Point> risks = points(prose, answer.risks());
    Items<Point> recommendations = points(prose, answer.recommendations());
    String conclusion = prose.paragraph(answer.conclusion());
    if (summary.isEmpty()) {
      // Every sentence named something the commit does not hold: say what the data says instead.
      summary = ruled.summary();
    }
    if (impact.isEmpty()) {
      impact = ruled.impact();
    }
    boolean zh = language == Language.ZH;
    // Before the reasons, which count what the checks dropped.
    String breaking = breaking(prose, answer, ruled, model, zh);
    List<String> reasons = new ArrayList<>();
    reasons.add(zh ? "模型：" + model + "（提示词 v" + Prompt.VERSION + "）"
        : "model: " + model + " (prompt v" + Prompt.VERSION + ")");
    if (answer.severity() != ruled.severity()) {
      reasons.add(zh ? "规则：" + CHINESE_SEVERITY.get(ruled.severity()) + "；模型："
          + CHINESE_SEVERITY.get(answer.severity())
          : "rules: " + ruled.severity().key() + "; model: " + answer.severity().key());
    }
    if (prose.dropped() > 0) {
      reasons.add(zh ? "模型文本：删去 " + prose.dropped() + " 处（提到提交中没有的文件、SHA 或网址，或过长）"
          : "model text: " + prose.dropped() + (prose.dropped() == 1 ? " statement" :
          " statements") + " dropped (a file, SHA or URL not in the commit, or too long)");
    }
    reasons.addAll(ruled.reasons());
    return new Analysis(answer.severity(), answer.types(), null, rationale, summary, impact,
        Items.of(insights.subList(0, Math.min(SafeProse.MAX_ITEMS, insights.size()))), risks,
        recommendations, conclusion, reasons, false)
        .withBreaking(breaking);
  }

  /**
   * The breaking marker: the rules' when one fired (it names what it saw in the commit), else
   * the model's reason when it passes the same checks as the rest of its text, as plain text.
   */
  private static String breaking(SafeProse prose, Answer answer, Analysis ruled, String model,
      boolean zh) {
    if (ruled.isBreaking() || answer.breaking().isBlank()) {
      return ruled.breaking();
    }
    String checked = prose.item(answer.breaking());
    if (checked == null || checked.isEmpty()) {
      return "";
    }
    String reason = MarkdownText.plain(checked);
    return zh ? "模型 " + model + "：" + reason : "model " + model + ": " + reason;
  }

  /** Titled points whose title and details both pass; at most {@link SafeProse#MAX_ITEMS}. */
  private static Items<Point> points(SafeProse prose, List<Answer.Titled> given) {
    List<Point> points = new ArrayList<>();
    for (Answer.Titled t : given) {
      String title = prose.item(t.title());
      String details = prose.item(t.details());
      if (title == null || details == null || title.isEmpty() && details.isEmpty()) {
        continue;
      }
      if (points.size() >= SafeProse.MAX_ITEMS) {
        prose.drop();
        continue;
      }
      points.add(new Point(title, details));
    }
    return Items.of(points);
  }
}
