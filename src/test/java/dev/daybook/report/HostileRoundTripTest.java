package dev.daybook.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Dimension;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Language;
import dev.daybook.model.Point;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.text.MarkdownText;
import dev.daybook.text.XmlChars;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile titles and authors survive writer → parser → writer, in a table and a heading. */
class HostileRoundTripTest {

  static final ZoneId UTC = ZoneId.of("UTC");
  static final LocalDate DAY = LocalDate.of(2026, 2, 6);

  static Stream<String> hostile() {
    return Stream.of("<script>alert(1)</script>", "a | b | c", "`", "``x``", "a\\", "\\|",
        "#", "title #", "[x](javascript:alert(1))", "*em* _u_ ~~s~~", "&amp; &lt;",
        "line\u2028separator", "para\u2029separator", "", "   ", "- list", "1. one",
        "שלום عالم", "🚀 emoji 👩‍👩‍👧", "\u202Eevil", "x".repeat(20_000));
  }

  static ReportedCommit commit(String sha, String title, String author, Severity severity) {
    Analysis analysis = new Analysis(severity, List.of(ChangeType.BUGFIX), null,
        "summary of " + MarkdownText.inline(title), "- " + MarkdownText.code(title),
        Items.none(), Items.none(), Items.none(), "", List.of("reason quoting " + title), false)
        .withBreaking("breaking quoting " + title);
    return new ReportedCommit(sha, "https://github.com/o/r/commit/" + sha,
        Instant.parse("2026-02-06T10:00:00Z"), author, title, analysis);
  }

  static DailyReport roundTrip(DailyReport report, Language language) throws Exception {
    String written = new ReportWriter(language).write(report);
    ParsedReport parsed = new ReportParser(UTC).parse(Path.of("x.md"), written, true);
    assertThat(parsed.problems()).isEmpty();
    assertThat(new ReportWriter(language).write(parsed.orThrow())).isEqualTo(written);
    return parsed.orThrow();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileTitleAndAuthorReadBackAsOneLineOfText(String text) throws Exception {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    DailyReport report = new DailyReport(DAY, UTC, List.of(new RepoSection(RepoId.parse("o/r"),
        List.of(commit(sha, text, text + " | author", Severity.HIGH)))));
    for (Language language : Language.values()) {
      ReportedCommit back = roundTrip(report, language).sections().get(0).commits().get(0);
      // A blank subject gets a placeholder title, which reads back as the title.
      assertThat(back.title()).isEqualTo(MarkdownText.oneLine(text).isBlank()
          ? (language == Language.EN ? "(no subject)" : "（无提交说明）")
          : MarkdownText.oneLine(text));
      assertThat(back.author()).isEqualTo(MarkdownText.oneLine(text + " | author"));
      assertThat(back.analysis().reasons())
          .containsExactly(MarkdownText.oneLine("reason quoting " + text));
      assertThat(back.analysis().breaking())
          .isEqualTo(MarkdownText.oneLine("breaking quoting " + text));
    }
  }

  @Test
  void twoRepositoriesSharingACommitKeepBothWithTheirOwnAnchors() throws Exception {
    String sha = "c6aa1863be84c77bf423ee811e03e9129401c539";
    DailyReport report = new DailyReport(DAY, UTC, List.of(
        new RepoSection(RepoId.parse("sgl-project/sglang"),
            List.of(commit(sha, "shared", "a", Severity.LOW))),
        new RepoSection(RepoId.parse("fork/sglang"),
            List.of(commit(sha, "shared", "a", Severity.LOW)))));
    String written = new ReportWriter(Language.EN).write(report);
    assertThat(written).contains("<a id=\"sgl-project--sglang-c6aa186\"></a>")
        .contains("<a id=\"fork--sglang-c6aa186\"></a>")
        .contains("](#fork--sglang-c6aa186) |");
    DailyReport back = roundTrip(report, Language.EN);
    assertThat(back).isEqualTo(report);
  }

  @Test
  void headingsInsideACommitStayInItsProse() throws Exception {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    Analysis analysis = new Analysis(Severity.MEDIUM, List.of(ChangeType.FEATURE), null,
        "intro\n\n#### srt/layers\n\nmore\n\n### 目录\n\n- item", "", Items.none(),
        Items.none(), Items.none(), "", List.of(), false);
    DailyReport report = new DailyReport(DAY, UTC, List.of(new RepoSection(RepoId.parse("o/r"),
        List.of(new ReportedCommit(sha, null, Instant.parse("2026-02-06T10:00:00Z"), "a", "t",
            analysis)))));
    DailyReport back = roundTrip(report, Language.ZH);
    assertThat(back.repos()).containsExactly(RepoId.parse("o/r"));
    assertThat(back.sections().get(0).commits().get(0).analysis().summary())
        .isEqualTo(analysis.summary());
  }

  @Test
  void indentedHeadingsAreHeadings() throws Exception {
    DailyReport report = new DailyReport(DAY, UTC, List.of(new RepoSection(RepoId.parse("o/r"),
        List.of(commit("0123456789abcdef0123456789abcdef01234567", "t", "a", Severity.LOW)))));
    String written = new ReportWriter(Language.EN).write(report).replace("#### <a", "   #### <a");
    ParsedReport parsed = new ReportParser(UTC).parse(Path.of("x.md"), written, true);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.orThrow()).isEqualTo(report);
  }

  /**
   * What XML does not allow (U+FFFF, U+FFFE, C0 controls, half a surrogate pair, as a commit or a
   * model's JSON may hold them) is written as U+FFFD, in every field: the report passes {@code
   * check}, and writing what was read gives the same bytes.
   */
  @Test
  void charactersXmlDoesNotAllowAreWrittenAsReplacementCharacters() throws Exception {
    String odd = "a\uFFFFb\uFFFEc\u0000d\u0007e\uD83Df\uDE80g";
    String sha = "0123456789abcdef0123456789abcdef01234567";
    Analysis analysis = new Analysis(Severity.HIGH, List.of(ChangeType.BUGFIX), null,
        "summary " + odd, "- " + MarkdownText.code("src/" + odd + ".py"),
        Items.of(List.of(new Insight(Dimension.SECURITY, "insight " + odd))),
        Items.of(List.of(Point.untitled("risk " + odd))),
        Items.of(List.of(new Point("title " + odd, "do " + odd))), "conclusion " + odd,
        List.of("reason " + odd), false);
    DailyReport report = new DailyReport(DAY, UTC, List.of(new RepoSection(RepoId.parse("o/r"),
        List.of(new ReportedCommit(sha, "https://github.com/o/r/commit/" + sha,
            Instant.parse("2026-02-06T10:00:00Z"), "author " + odd, "title " + odd,
            analysis)))));
    for (Language language : Language.values()) {
      String written = new ReportWriter(language).write(report);
      assertThat(XmlChars.indexOfDisallowed(written, 0)).isEqualTo(-1);
      assertThat(written).contains("summary a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg",
          "src/a\uFFFDb", "title a\uFFFDb");
      ReportedCommit back = roundTrip(report, language).sections().get(0).commits().get(0);
      assertThat(back.title()).doesNotContain("\uFFFF").startsWith("title a\uFFFDb\uFFFDc");
    }
  }

  @Test
  void twoCommitsWhoseShasBeginAlikeAreShownAndAnchoredByLongerBeginnings() throws Exception {
    String a = "c6aa1863be84c77bf423ee811e03e9129401c539";
    String b = "c6aa186f00000000000000000000000000000000";
    String c = "c6aa1860ffffffffffffffffffffffffffffffff";
    DailyReport report = new DailyReport(DAY, UTC, List.of(new RepoSection(RepoId.parse("o/r"),
        List.of(commit(a, "one", "x", Severity.LOW), commit(b, "two", "x", Severity.LOW),
            commit(c, "three", "x", Severity.LOW)))));
    String written = new ReportWriter(Language.EN).write(report);
    // a and c share 7 characters: 8 tell them apart; b shares 7 with both: 8 tell it apart too.
    assertThat(written).contains("<a id=\"c6aa1863\"></a>", "<a id=\"c6aa186f\"></a>",
        "<a id=\"c6aa1860\"></a>", "**SHA**: `c6aa1863`", "](#c6aa186f) |");
    assertThat(roundTrip(report, Language.EN)).isEqualTo(report);
    // A day without a clash keeps 7.
    String alone = new ReportWriter(Language.EN).write(new DailyReport(DAY, UTC, List.of(
        new RepoSection(RepoId.parse("o/r"), List.of(commit(a, "one", "x", Severity.LOW))))));
    assertThat(alone).contains("<a id=\"c6aa186\"></a>", "**SHA**: `c6aa186`");
  }

  @Test
  void aBlankSubjectIsWrittenAsAPlaceholderThatItsLinksCanShow() {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    DailyReport report = new DailyReport(DAY, UTC, List.of(new RepoSection(RepoId.parse("o/r"),
        List.of(commit(sha, " \t ", "a", Severity.LOW)))));
    assertThat(new ReportWriter(Language.ZH).write(report))
        .contains("#### <a id=\"0123456\"></a>（无提交说明）", "[（无提交说明）](#0123456)");
    assertThat(new ReportWriter(Language.EN).write(report))
        .contains("#### <a id=\"0123456\"></a>(no subject)", "[(no subject)](#0123456)");
  }
}
