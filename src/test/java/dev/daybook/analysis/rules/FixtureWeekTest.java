package dev.daybook.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import dev.daybook.testing.Fixtures;
import dev.daybook.testing.ItemText;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The analyzer over all 141 real commits of the sglang fixture week. */
class FixtureWeekTest {

  private static final RuleAnalyzer ANALYZER = new RuleAnalyzer();
  private static final Pattern CODE_SPAN = Pattern.compile("(`+) ?(.*?) ?\\1(?!`)");

  static Stream<Arguments> week() {
    return Fixtures.sglangWeek().stream().flatMap(commit -> Stream.of(Language.values())
        .map(language -> Arguments.of(commit.shortSha(), commit, language)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("week")
  void everyCommitGetsATypeAReasonAndTheSectionsItsSeverityCalls(
      String sha, Commit commit, Language language) {
    Analysis analysis = ANALYZER.analyze(commit, language);
    assertThat(analysis.types()).isNotEmpty();
    assertThat(analysis.reasons()).isNotEmpty();
    assertThat(analysis.summary()).isNotEmpty();
    assertThat(analysis.impact()).isNotEmpty();
    List<String> deeper = List.of(ItemText.of(analysis.insights()),
        ItemText.of(analysis.risks()), ItemText.of(analysis.recommendations()),
        analysis.conclusion());
    if (analysis.severity() == Severity.LOW) {
      assertThat(deeper).containsOnly("");
    } else {
      assertThat(analysis.conclusion()).isNotEmpty();
      // Risks only where a rule fired, each titled, each with its one recommendation.
      assertThat(analysis.risks().list()).allSatisfy(p -> assertThat(p.title()).isNotEmpty())
          .hasSameSizeAs(analysis.recommendations().list());
      assertThat(analysis.insights().list()).allSatisfy(i -> assertThat(i.dimension()).isNotNull());
    }
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("week")
  void theProseQuotesOnlyPathsAndMarkersOfTheCommit(String sha, Commit commit, Language language) {
    Analysis analysis = ANALYZER.analyze(commit, language);
    Set<String> known = new HashSet<>();
    for (FileChange f : commit.files()) {
      known.add(f.path());
      if (f.previousPath() != null) {
        known.add(f.previousPath());
      }
    }
    // Besides paths, the prose quotes the scope and the markers as written in the message.
    Evidence evidence = Evidence.of(commit);
    evidence.title().prefix().map(Title.Prefix::scope).ifPresent(known::add);
    Stream.of(evidence.breaking(), evidence.security(), evidence.revert())
        .forEach(marker -> marker.ifPresent(known::add));
    String prose = String.join("\n", analysis.impact(), ItemText.of(analysis.insights()),
        ItemText.of(analysis.risks()), ItemText.of(analysis.recommendations()),
        analysis.conclusion());
    Matcher spans = CODE_SPAN.matcher(prose);
    while (spans.find()) {
      assertThat(known).as(prose).contains(spans.group(2));
    }
  }

  @Test
  void docsOnlyCommitsAreLowAndTypedDocs() {
    List<Commit> docsOnly = Fixtures.sglangWeek().stream()
        .filter(c -> !c.files().isEmpty()
            && c.files().stream().allMatch(f -> PathKind.of(f.path()) == PathKind.DOCS))
        .toList();
    assertThat(docsOnly).hasSizeGreaterThanOrEqualTo(10);
    for (Commit commit : docsOnly) {
      Analysis analysis = ANALYZER.analyze(commit, Language.ZH);
      assertThat(analysis.severity()).as(commit.title()).isEqualTo(Severity.LOW);
      assertThat(analysis.types()).as(commit.title()).contains(dev.daybook.model.ChangeType.DOCS);
    }
  }

  @Test
  void commitsWithoutShippedCodeAreLowUnlessLarge() {
    for (Commit commit : Fixtures.sglangWeek()) {
      boolean shipped = commit.files().stream().anyMatch(f -> PathKind.of(f.path()).shipped());
      Analysis analysis = ANALYZER.analyze(commit, Language.ZH);
      if (!shipped && !SeverityRules.isLarge(ChangeSet.of(commit))
          && analysis.types().stream().noneMatch(t -> t == dev.daybook.model.ChangeType.REVERT)) {
        assertThat(analysis.severity()).as(commit.title()).isEqualTo(Severity.LOW);
      }
    }
  }

  /**
   * The distribution the rules give each day, pinned so that a rule change shows up here. The
   * reference report rated 2026-02-06 as 2 high, 7 medium, 4 low; see classification-spec.md.
   */
  @Test
  void severityDistributionPerDay() {
    Map<LocalDate, List<Long>> actual = new LinkedHashMap<>();
    for (LocalDate d = Fixtures.FIRST_DAY; !d.isAfter(Fixtures.LAST_DAY); d = d.plusDays(1)) {
      List<Analysis> day = Fixtures.sglangDay(d).stream()
          .map(c -> ANALYZER.analyze(c, Language.ZH)).toList();
      actual.put(d, Stream.of(Severity.values())
          .map(s -> day.stream().filter(a -> a.severity() == s).count()).toList());
    }
    assertThat(actual).containsExactly(
        Map.entry(LocalDate.of(2026, 2, 2), List.of(0L, 10L, 11L)),
        Map.entry(LocalDate.of(2026, 2, 3), List.of(3L, 17L, 8L)),
        Map.entry(LocalDate.of(2026, 2, 4), List.of(1L, 17L, 12L)),
        Map.entry(LocalDate.of(2026, 2, 5), List.of(1L, 13L, 9L)),
        Map.entry(LocalDate.of(2026, 2, 6), List.of(2L, 6L, 5L)),
        Map.entry(LocalDate.of(2026, 2, 7), List.of(0L, 7L, 10L)),
        Map.entry(LocalDate.of(2026, 2, 8), List.of(1L, 7L, 1L)));
  }
}
