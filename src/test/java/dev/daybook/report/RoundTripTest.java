package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.analysis.rules.RuleAnalyzer;
import dev.daybook.model.Commit;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.testing.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writer → parser → writer is byte-identical, and the parser gives back the model the writer was
 * given, for every day of the fixture week in both languages.
 */
class RoundTripTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static Stream<Arguments> days() {
    List<Arguments> days = new ArrayList<>();
    for (Language language : Language.values()) {
      for (LocalDate d = Fixtures.FIRST_DAY; !d.isAfter(Fixtures.LAST_DAY); d = d.plusDays(1)) {
        days.add(Arguments.of(d, language));
      }
    }
    return days.stream();
  }

  static DailyReport analyzed(LocalDate day, Language language) {
    RuleAnalyzer analyzer = new RuleAnalyzer();
    List<ReportedCommit> commits = new ArrayList<>();
    for (Commit c : Fixtures.sglangDay(day)) {
      commits.add(ReportedCommit.of(c, analyzer.analyze(c, language)));
    }
    return new DailyReport(day, SHANGHAI, List.of(new RepoSection(Fixtures.SGLANG, commits)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("days")
  void writeParseWriteIsIdenticalAndParseGivesTheModelBack(LocalDate day, Language language)
      throws Exception {
    DailyReport report = analyzed(day, language);
    String written = new ReportWriter(language).write(report);
    ParsedReport parsed = new ReportParser(SHANGHAI).parse(Path.of(day + ".md"), written, true);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.language()).isEqualTo(language);
    assertThat(parsed.orThrow()).isEqualTo(report);
    assertThat(new ReportWriter(language).write(parsed.orThrow())).isEqualTo(written);
  }
}
