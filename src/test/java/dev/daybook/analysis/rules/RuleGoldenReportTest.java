package dev.daybook.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ReportWriter;
import dev.daybook.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the rules write for the reference day (2026-02-06 of the sglang fixture week), in each
 * language, is the golden report reviewed by hand: {@code reports/golden/rules-2026-02-06.*.md}.
 * Run with {@code -Ddaybook.updateGolden=true} to rewrite them after a deliberate change to the
 * rules' prose, then review the diff.
 */
class RuleGoldenReportTest {

  private static final LocalDate DAY = LocalDate.of(2026, 2, 6);
  private static final Path GOLDEN = Path.of("src/test/resources/reports/golden");

  @ParameterizedTest
  @EnumSource(Language.class)
  void theRulesWriteTheReviewedReportOfTheReferenceDay(Language language) throws Exception {
    RuleAnalyzer rules = new RuleAnalyzer();
    List<Commit> commits = Fixtures.sglangDay(DAY);
    List<Analysis> analyses = rules.analyzeAll(commits, language);
    List<ReportedCommit> reported = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      reported.add(ReportedCommit.of(commits.get(i), analyses.get(i)));
    }
    DailyReport report = new DailyReport(DAY, ZoneId.of("Asia/Shanghai"), List.of(new RepoSection(
        RepoId.parse("sgl-project/sglang"), reported,
        rules.summarizeDay(commits, analyses, language))));
    String written = new ReportWriter(language).write(report);
    Path golden = GOLDEN.resolve("rules-" + DAY + "." + language.key() + ".md");
    if (Boolean.getBoolean("daybook.updateGolden")) {
      Files.writeString(golden, written, StandardCharsets.UTF_8);
    }
    assertThat(written).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
