package dev.daybook.report;

import static dev.daybook.text.MarkdownText.code;
import static dev.daybook.text.MarkdownText.inline;

import dev.daybook.model.Analysis;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.text.MarkdownText;
import dev.daybook.text.XmlChars;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a daily report as Markdown with a JBake header, in the format of the reference report with
 * its defects fixed: one heading level per kind of section (repository {@code ##}, severity group
 * {@code ###}, commit {@code ####}), explicit {@code <a id>} anchors so table-of-contents links
 * resolve in any CommonMark renderer, and one spelling of each severity badge.
 *
 * <p>The output is a function of the report alone, so writing, parsing and writing again gives the
 * same bytes. It holds only characters XML allows: any other in the report's text (a control
 * character, U+FFFF, a surrogate alone) is written as U+FFFD ({@link XmlChars}), so that every
 * report Daybook writes passes {@code check}.
 */
public final class ReportWriter {

  /** Times are shown like the reference: {@code 2026-02-06 23:55:42} in the report's zone. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * The report format this writer writes. 2 added the statistics heading, the severity and type
   * columns of the commit table, each commit's author and time, links on pull request numbers and
   * whole titles in the table of contents; 3 writes insights filed under dimensions as a table
   * and titled risks and recommendations as numbered lists ({@link ItemForms}); 4 opens each
   * repository's section with its day summary. The parser reads 1 to 4.
   */
  static final String FORMAT = "4";

  /** What opens a commit's line of who and when, before the author's name. */
  static final String AUTHOR_MARK = "👤 ";
  /** What follows the author's name on that line, before the time. */
  static final String TIME_MARK = " · 🕐 ";

  // Only plain web links are written; anything else (javascript:, data:, spaces) is left out.
  private static final Pattern SAFE_URL = Pattern.compile("https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+");
  private final Vocabulary words;
  private final ItemForms forms;

  public ReportWriter(Language language) {
    this.words = Vocabulary.of(language);
    this.forms = new ItemForms(words);
  }

  public String write(DailyReport report) {
    StringBuilder out = new StringBuilder(32 * 1024);
    out.append(header(report).render()).append('\n');
    out.append("# ").append(words.title(report.date())).append("\n\n");
    if (report.isPartial()) {
      out.append("> ").append(words.partial(
          TIME.format(report.partialAsOf().atZone(report.zone())))).append("\n\n");
    }
    Anchors anchors = Anchors.of(report);
    // A day of several repositories opens with one overview and one table of contents for all.
    boolean overview = report.sections().size() > 1;
    if (overview) {
      writeOverview(out, report, anchors);
    }
    for (RepoSection section : report.sections()) {
      writeSection(out, report, section, anchors, !overview);
    }
    // Exactly one newline at the end of the file.
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '\n') {
      end--;
    }
    out.setLength(end);
    // A commit may hold anything (U+FFFF, a C0 control, half a surrogate pair from GitHub's
    // JSON); the archive holds only what XML allows, which is what its feeds and pages are.
    return XmlChars.replaceDisallowed(out.append('\n').toString());
  }

  ReportHeader header(DailyReport report) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(ReportHeader.TITLE, words.title(report.date()));
    h.put(ReportHeader.DATE, report.date().toString());
    h.put(ReportHeader.TYPE, ReportHeader.REPORT_TYPE);
    h.put(ReportHeader.STATUS, "published");
    h.put(ReportHeader.FORMAT, FORMAT);
    h.put(ReportHeader.LOCALE, words.language().key());
    h.put(ReportHeader.TIMEZONE, report.zone().getId());
    h.put(ReportHeader.REPOS,
        report.repos().stream().map(Object::toString).collect(Collectors.joining(",")));
    h.put(ReportHeader.COMMITS, String.valueOf(report.commitCount()));
    for (Severity s : Severity.values()) {
      h.put(ReportHeader.countKey(s), String.valueOf(report.count(s)));
    }
    if (report.isPartial()) {
      h.put(ReportHeader.PARTIAL_AS_OF, report.partialAsOf().toString());
    }
    return new ReportHeader(h);
  }

  /**
   * The overview of a day of several repositories: each one's commits by severity, linked to its
   * section, then the table of contents of every section.
   */
  private void writeOverview(StringBuilder out, DailyReport report, Anchors anchors) {
    out.append("## ").append(words.overview()).append("\n\n");
    out.append("| ").append(String.join(" | ", words.overviewHeaders())).append(" |\n");
    out.append("|----------|------|------|------|------|\n");
    for (RepoSection section : report.sections()) {
      out.append("| [").append(inline(section.repo().toString())).append("](#")
          .append(repoAnchor(section)).append(") | ").append(section.commits().size());
      for (Severity s : Severity.values()) {
        out.append(" | ").append(section.count(s));
      }
      out.append(" |\n");
    }
    out.append('\n');
    out.append("### ").append(words.contents()).append("\n\n");
    for (RepoSection section : report.sections()) {
      out.append("- [").append(inline(section.repo().toString())).append("](#")
          .append(repoAnchor(section)).append(")\n");
      writeContents(out, section, anchors, "  ");
    }
    out.append('\n');
  }

  /** The severity groups of a section and their commits, as a list indented by {@code indent}. */
  private void writeContents(StringBuilder out, RepoSection section, Anchors anchors,
      String indent) {
    for (Severity s : Severity.values()) {
      List<ReportedCommit> group = section.commits(s);
      if (group.isEmpty()) {
        continue;
      }
      out.append(indent).append("- [").append(words.group(s, group.size())).append("](#")
          .append(groupAnchor(section, s)).append(")\n");
      for (ReportedCommit c : group) {
        out.append(indent).append("  - [").append(inline(title(c))).append("](#")
            .append(anchors.of(section.repo(), c)).append(")\n");
      }
    }
  }

  private void writeSection(StringBuilder out, DailyReport report, RepoSection section,
      Anchors anchors, boolean contents) {
    out.append("## <a id=\"").append(repoAnchor(section)).append("\"></a>")
        .append(section.repo()).append("\n\n");
    if (section.commits().isEmpty()) {
      out.append("> ").append(words.noCommits()).append("\n\n");
      return;
    }
    block(out, words.daySummary(), section.summary());
    out.append("| ").append(String.join(" | ", words.tableHeaders(report.zone())))
        .append(" |\n");
    out.append("|----------|------|--------|------|----------|\n");
    for (ReportedCommit c : section.commits()) {
      out.append("| ").append(TIME.format(c.time().atZone(report.zone())))
          .append(" | ").append(inline(c.author()))
          .append(" | ").append(words.badge(c.severity()))
          .append(" | ").append(inline(shortTypeLabel(c.analysis())))
          .append(" | [").append(inline(title(c))).append("](#")
          .append(anchors.of(section.repo(), c)).append(") |\n");
    }
    out.append('\n');
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, section.count(s));
    }
    out.append("### ").append(words.statistics()).append("\n\n");
    out.append("> ").append(words.totals(section.commits().size(), counts)).append("\n\n");

    if (contents) {
      out.append("### ").append(words.contents()).append("\n\n");
      writeContents(out, section, anchors, "");
      out.append('\n');
    }

    for (Severity s : Severity.values()) {
      List<ReportedCommit> group = section.commits(s);
      if (group.isEmpty()) {
        continue;
      }
      out.append("### <a id=\"").append(groupAnchor(section, s)).append("\"></a>")
          .append(words.group(s, group.size())).append("\n\n");
      for (ReportedCommit c : group) {
        writeCommit(out, c, anchors.sha(c), anchors.of(section.repo(), c), report.zone());
      }
    }
  }

  private void writeCommit(StringBuilder out, ReportedCommit c, String sha, String anchor,
      ZoneId zone) {
    Analysis a = c.analysis();
    boolean linked = c.url() != null && SAFE_URL.matcher(c.url()).matches();
    out.append("#### <a id=\"").append(anchor).append("\"></a>")
        .append(withNumberLinks(inline(title(c)), linked ? c.url() : null)).append("\n\n");
    out.append("**SHA**: `").append(sha).append('`');
    if (linked) {
      out.append(" | 🔗 [").append(words.viewCommit()).append("](").append(c.url()).append(')');
    }
    out.append("\n\n");
    // Who and when, from the commit table; the parser reads them there, not here.
    out.append(AUTHOR_MARK).append(inline(c.author())).append(TIME_MARK)
        .append(TIME.format(c.time().atZone(zone))).append(' ').append(zone.getId())
        .append("\n\n");
    out.append("**").append(words.label(Field.TYPE)).append("**").append(words.colon())
        .append(MarkdownText.oneLine(typeLabel(a))).append("  \n");
    out.append("**").append(words.label(Field.SEVERITY)).append("**").append(words.colon())
        .append(words.badge(a.severity()));
    // The breaking marker stands under the severity, in its paragraph, only when there is one.
    if (a.isBreaking()) {
      out.append("  \n**").append(words.label(Field.BREAKING)).append("**")
          .append(words.colon()).append(inline(a.breaking()));
    }
    out.append("\n\n");
    block(out, null, a.rationale());
    block(out, words.label(Field.SUMMARY), a.summary());
    block(out, words.label(Field.IMPACT), a.impact());
    block(out, words.label(Field.INSIGHTS), forms.insights(a.insights()));
    block(out, words.label(Field.RISKS), forms.points(a.risks()));
    block(out, words.label(Field.RECOMMENDATIONS), forms.points(a.recommendations()));
    block(out, words.label(Field.CONCLUSION), a.conclusion());
    if (!a.reasons().isEmpty()) {
      String list = a.reasons().stream().map(r -> "- " + inline(r))
          .collect(Collectors.joining("\n"));
      block(out, words.label(Field.REASONS), list);
    }
    if (a.incomplete()) {
      out.append("> ").append(words.incompleteMarker()).append("\n\n");
    }
    out.append("---\n\n");
  }

  private static void block(StringBuilder out, String label, String markdown) {
    String text = markdown.strip();
    if (text.isEmpty()) {
      return;
    }
    if (label != null) {
      out.append("**").append(label).append("**\n\n");
    }
    out.append(text).append("\n\n");
  }

  /** The anchor of a repository's section: {@code sgl-project--sglang}. */
  static String repoAnchor(RepoSection section) {
    return section.repo().slug();
  }

  /** The anchor of a severity group, unique in a report: {@code sgl-project-sglang-high}. */
  static String groupAnchor(RepoSection section, Severity severity) {
    return section.repo().slug() + "-" + severity.key();
  }

  /**
   * A commit's title as the report writes it: a commit whose subject is blank gets a placeholder,
   * so its heading and its links have something to show and to click (it reads back as its title).
   */
  private String title(ReportedCommit c) {
    return MarkdownText.oneLine(c.title()).isBlank() ? words.noSubject() : c.title();
  }

  /** A commit's change-type label: the one it was given, else the names of its types. */
  private String typeLabel(Analysis a) {
    return a.typeLabel() != null ? a.typeLabel() : words.typeLabel(a.types());
  }

  /**
   * The label of the table's type column: the names of the types, which stay short where a
   * model's own label may run to a sentence; that label when no type is known.
   */
  private String shortTypeLabel(Analysis a) {
    return a.types().isEmpty() ? typeLabel(a) : words.typeLabel(a.types());
  }

  /**
   * An escaped title with each {@code #N} a link to pull request (or issue) N of the commit's
   * repository, as GitHub shows it; unchanged when the commit has no GitHub commit URL.
   */
  static String withNumberLinks(String escapedTitle, String commitUrl) {
    String repository = PullRequests.repository(commitUrl);
    if (repository == null) {
      return escapedTitle;
    }
    return PullRequests.NUMBER.matcher(escapedTitle).replaceAll(m -> Matcher.quoteReplacement(
        "[#" + m.group(1) + "](" + PullRequests.link(repository, m.group(1)) + ")"));
  }

}
