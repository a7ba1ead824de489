package dev.daybook.report;

import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.text.MarkdownText;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Reads a daily report back into the model: the reports {@link ReportWriter} writes, and historical
 * ones such as the reference report as they are (mixed heading levels, labels in headings or block
 * quotes, badges with or without a space, a commit table without anchors). It never stops at the
 * first problem: it collects every one with its line, so {@code daybook check} can list them all.
 *
 * <p>The body is parsed once, by commonmark-java ({@link ReportHtml#parse}), and that parse decides
 * what each line is: a heading, code or an HTML block (kept as written, never read for labels), or
 * text. The labels, the SHA line and the commit table are read from the lines of the text, and the
 * page is the same parse rendered ({@link ParsedReport#page}).
 *
 * <p>Prose under a label is kept as written (CommonMark source) up to the next label, so an
 * imported report keeps its text; insights, risks and recommendations are read as items where
 * they are written as {@link ItemForms} writes them.
 */
public final class ReportParser {

  // '.' must match inside a line whatever it holds (U+2028 included): DOTALL.
  private static final Pattern HEADER_LINE =
      Pattern.compile("^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$", Pattern.DOTALL);
  private static final Pattern ANCHOR = Pattern.compile("^<a id=\"([^\"]*)\"></a>");
  private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern GROUP =
      Pattern.compile("^(.*?)\\s*[（(](\\d+)[)）]\\s*$", Pattern.DOTALL);
  private static final Pattern ANCHORED_TITLE =
      Pattern.compile("^\\[(.*)\\]\\(#([A-Za-z0-9_.-]{7,200})\\)$", Pattern.DOTALL);
  private static final Pattern TOTAL = Pattern.compile("^(?:本日共\\s*(\\d+)\\s*个提交|(\\d+) commits on this day)");
  private static final Pattern BADGE_COUNT = Pattern.compile("(🔴|🟡|🟢)\\s*\\S+?\\s*(\\d+)");
  private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
  // Compiled once: String.matches, replaceAll and replaceFirst compile their regex on every call.
  private static final Pattern CLOSING_HASHES = Pattern.compile("\\s+#+$");
  private static final Pattern REPO = Pattern.compile("[^/\\s]+/[^/\\s]+");
  private static final Pattern DELIMITER_CELL = Pattern.compile(":?-+:?");
  private static final Pattern ATX_HEADING =
      Pattern.compile("^ {0,3}#{1,6}(?:[ \t]+(.*?))?\\s*$", Pattern.DOTALL);
  private static final Pattern QUOTE_MARK = Pattern.compile("^>\\s*");
  private static final Pattern QUOTE_MARK_AND_ONE_SPACE = Pattern.compile("^>\\s?");
  private static final Pattern LIST_MARK = Pattern.compile("^[-*+]\\s+");
  private static final Pattern SHA_LINE =
      Pattern.compile("^\\*\\*SHA\\*\\*\\s*[：:]\\s*`([0-9a-f]{7,40})`(.*)$", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)");
  private static final Pattern UP_TO_LAST_SLASH = Pattern.compile("^.*/");
  private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

  // What a line of the body is, by the block commonmark-java puts it in (see Run.classify).
  private static final byte BLANK = 0; // in no block
  private static final byte TEXT = 1; // in a paragraph, quote, list, table or thematic break
  private static final byte VERBATIM = 2; // in a code block or an HTML block: kept as it is
  private static final byte HEADING = 3; // the first line of a heading that is not nested
  private static final byte HEADING_REST = 4; // the underline of a setext heading

  private final ZoneId defaultZone;

  /** @param defaultZone the zone of reports whose header does not name one */
  public ReportParser(ZoneId defaultZone) {
    this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
  }

  /**
   * Parses one report.
   *
   * @param file the file's path, used in problems and, when the text names no date, for the date
   * @param requireHeader whether a missing JBake header is a problem (it is in the archive, where
   *     JBake would skip the file; it is not for a report being imported)
   */
  public ParsedReport parse(Path file, String text, boolean requireHeader) {
    return new Run(file, text).parse(requireHeader);
  }

  /** The state of one parse. */
  private final class Run {
    private final Path file;
    private final List<String> lines;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> header = new LinkedHashMap<>();
    private final Map<String, Integer> headerLines = new HashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private Node body;
    private byte[] kinds;
    private Heading[] headings;
    private int zhWords;
    private int enWords;
    // The report's language, known once the body is read; items are read in its words.
    private Language language;
    private ItemForms forms;
    private String titleDate;
    private int titleLine;
    private Instant partialAsOf;
    // Commits that could not be read; the header's counts are not compared then (they would only
    // echo the problem already reported).
    private int dropped;

    Run(Path file, String text) {
      this.file = file;
      // Lines as JBake reads them: a byte order mark dropped, \n, \r\n or \r ending each.
      this.lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
    }

    ParsedReport parse(boolean requireHeader) {
      int bodyStart = readHeader();
      boolean hasHeader = bodyStart > 0;
      if (!hasHeader && requireHeader) {
        problem(1, "missing JBake header (title, date, type=" + ReportHeader.REPORT_TYPE
            + ", status=published, ending with " + ReportHeader.TERMINATOR
            + "); JBake would skip this file");
      }
      readBody(bodyStart);
      language = header.containsKey(ReportHeader.LOCALE)
          ? Language.fromKey(header.get(ReportHeader.LOCALE)).orElse(Language.ZH)
          : (enWords > zhWords ? Language.EN : Language.ZH);
      forms = ItemForms.of(language);
      Optional<DailyReport> report = buildReport(hasHeader);
      return new ParsedReport(file, report, language, hasHeader, problems, new ReportHeader(header), body);
    }

    // ---- header -------------------------------------------------------------------------

    /**
     * Reads the JBake header; returns the index of the first body line (0 without header). Like
     * JBake, it reads up to the first {@code ~~~~~~} line; blank lines in between are allowed.
     */
    private int readHeader() {
      if (lines.isEmpty() || !HEADER_LINE.matcher(lines.get(0)).matches()) {
        return 0;
      }
      int terminator = lines.indexOf(ReportHeader.TERMINATOR);
      int end = terminator;
      if (terminator < 0) {
        end = 0;
        while (end < lines.size() && HEADER_LINE.matcher(lines.get(end)).matches()) {
          end++;
        }
        problem(end + 1, "header is not closed with a " + ReportHeader.TERMINATOR + " line");
      }
      for (int i = 0; i < end; i++) {
        String line = lines.get(i);
        Matcher m = HEADER_LINE.matcher(line);
        if (m.matches()) {
          header.put(m.group(1), m.group(2).strip());
          headerLines.put(m.group(1), i + 1);
        } else if (!line.isBlank()) {
          problem(i + 1, "header line is not key=value: '" + shorten(line) + "'");
        }
      }
      return terminator < 0 ? end : terminator + 1;
    }

    // ---- body ---------------------------------------------------------------------------

    /**
     * Parses the body (what follows the header, as JBake reads it) with commonmark-java and notes
     * what each line is: {@link #readBody} reads the report's structure by lines, and the
     * document parsed here is the page.
     */
    private void classify(int start) {
      kinds = new byte[lines.size()];
      headings = new Heading[lines.size()];
      if (start >= lines.size()) {
        body = ReportHtml.parse("");
        return;
      }
      body = ReportHtml.parse(String.join("\n", lines.subList(start, lines.size())));
      for (Node block = body.getFirstChild(); block != null; block = block.getNext()) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (block instanceof Heading heading && !spans.isEmpty()) {
          int first = start + spans.get(0).getLineIndex();
          for (SourceSpan span : spans) {
            kinds[start + span.getLineIndex()] = HEADING_REST;
          }
          kinds[first] = HEADING;
          headings[first] = heading;
        } else {
          mark(block, start);
        }
      }
    }

    /** Marks a block's lines as text, and those of the code and HTML blocks in it verbatim. */
    private void mark(Node block, int start) {
      byte kind = block instanceof FencedCodeBlock || block instanceof IndentedCodeBlock
          || block instanceof HtmlBlock ? VERBATIM : TEXT;
      for (SourceSpan span : block.getSourceSpans()) {
        kinds[start + span.getLineIndex()] = kind;
      }
      // Only quotes and lists hold code or HTML blocks (a paragraph or a table holds none).
      if (block instanceof BlockQuote || block instanceof ListBlock || block instanceof ListItem) {
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
          mark(child, start);
        }
      }
    }

    private void readBody(int start) {
      classify(start);
      Section section = null;
      // The section whose day summary the lines are, from its label to its commit table.
      Section summarized = null;
      Block commit = null;
      Severity group = null;
      boolean inContents = false;
      boolean inOverview = false;
      for (int i = start; i < lines.size(); i++) {
        String line = lines.get(i);
        int lineNo = i + 1;
        if (summarized != null && kinds[i] != HEADING && !line.startsWith("|")) {
          summarized.summary.append(line).append('\n');
          continue;
        }
        summarized = null;
        if (kinds[i] == VERBATIM) {
          if (commit != null) {
            commit.add(line);
          } else if (i == start || kinds[i - 1] != VERBATIM) {
            problem(lineNo, "text outside any commit section is not kept: '" + shorten(line)
                + "'");
          }
          continue;
        }
        if (kinds[i] == HEADING) {
          int last = i;
          while (last + 1 < lines.size() && kinds[last + 1] == HEADING_REST) {
            last++;
          }
          String raw = headingText(i, last);
          Matcher anchor = raw.startsWith("<a id=") ? ANCHOR.matcher(raw) : null;
          String anchorId = anchor != null && anchor.find() ? anchor.group(1) : null;
          String text = anchorId != null ? raw.substring(anchor.end()) : raw;
          int level = headings[i].getLevel();
          if (isCommitHeading(last)) {
            finish(commit);
            if (section == null) {
              problem(lineNo, "commit section before any '## owner/repo' heading");
              section = new Section(null, lineNo);
              sections.add(section);
            }
            commit = new Block(group, MarkdownText.plain(text), anchorId, lineNo);
            section.blocks.add(commit);
            inContents = false;
            i = last;
            continue;
          }
          Optional<Labels.Label> label = commit != null ? Labels.match(line) : Optional.empty();
          if (label.isPresent()) {
            commit.label(label.get(), lineNo);
            i = last;
            continue;
          }
          // Inside a commit only a repository heading (##) or a severity group ends it; any other
          // heading is part of the commit's prose.
          Optional<RepoId> repo = level == 2 ? repoOf(text) : Optional.empty();
          if (repo.isPresent()) {
            finish(commit);
            commit = null;
            group = null;
            section = new Section(repo.get(), lineNo);
            sections.add(section);
            inContents = false;
            i = last;
            continue;
          }
          Optional<Severity> groupSeverity = groupOf(text, lineNo, section);
          if (groupSeverity.isPresent()) {
            finish(commit);
            commit = null;
            group = groupSeverity.get();
            inContents = false;
            i = last;
            continue;
          }
          if (commit != null) {
            for (; i <= last; i++) {
              commit.add(lines.get(i));
            }
            i = last;
            continue;
          }
          i = last;
          if (level == 1 && section == null) {
            titleLine = lineNo;
            Matcher date = DATE.matcher(text);
            titleDate = date.find() ? date.group(1) : null;
            countWords(text);
            continue;
          }
          String key = Labels.key(MarkdownText.plain(text));
          if (Labels.isContents(key)) {
            inContents = true;
            continue;
          }
          if (key.equals("统计摘要") || key.equals("statistics")) {
            continue;
          }
          if (section == null && (key.equals("本日概览") || key.equals("overview"))) {
            inOverview = true; // a day of several repositories: its table repeats their counts
            continue;
          }
          problem(lineNo, "unexpected heading outside any commit: '" + shorten(line) + "'");
          continue;
        }
        if (commit != null) {
          commit.line(line, lineNo);
          continue;
        }
        String stripped = line.strip();
        if (stripped.isEmpty() || isThematicBreak(stripped)) {
          continue;
        }
        if (section != null && section.rows.isEmpty() && isDaySummaryLabel(stripped)) {
          summarized = section;
          countWords(stripped);
          continue;
        }
        if (inContents && (stripped.startsWith("- ") || stripped.startsWith("* "))) {
          continue;
        }
        if (stripped.startsWith("|") && section != null) {
          section.tableLine(stripped, lineNo);
          continue;
        }
        if (stripped.startsWith("|") && inOverview) {
          continue;
        }
        if (stripped.startsWith(">")) {
          quoteLine(unquote(stripped), lineNo, section);
          continue;
        }
        problem(lineNo, "text outside any commit section is not kept: '" + shorten(line) + "'");
      }
      finish(commit);
    }

    /**
     * The text of the heading on lines {@code first..last}, as written: an ATX heading without its
     * marks (closing ones too), a setext heading without its underline.
     */
    private String headingText(int first, int last) {
      if (first == last) {
        Matcher atx = ATX_HEADING.matcher(lines.get(first));
        String text = atx.matches() && atx.group(1) != null ? atx.group(1) : "";
        return CLOSING_HASHES.matcher(text).replaceAll("");
      }
      StringBuilder text = new StringBuilder();
      for (int i = first; i < last; i++) {
        text.append(i == first ? "" : "\n").append(lines.get(i).strip());
      }
      return text.toString();
    }

    /** A heading is a commit's when the next non-blank line after it is its SHA line. */
    private boolean isCommitHeading(int index) {
      for (int j = index + 1; j < lines.size(); j++) {
        String next = lines.get(j).strip();
        if (!next.isEmpty()) {
          return SHA_LINE.matcher(next).matches();
        }
      }
      return false;
    }

    private Optional<RepoId> repoOf(String headingText) {
      String text = MarkdownText.plain(headingText);
      if (!REPO.matcher(text).matches()) {
        return Optional.empty();
      }
      try {
        return Optional.of(RepoId.parse(text));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    /** A severity group heading, e.g. {@code 🔴 高重要度变更 (2)}; its count is checked later. */
    private Optional<Severity> groupOf(String headingText, int lineNo, Section section) {
      String text = MarkdownText.plain(headingText);
      Matcher m = GROUP.matcher(text);
      if (!m.matches() || !(text.contains("重要度") || text.toLowerCase(Locale.ROOT).contains("importance"))) {
        return Optional.empty();
      }
      countWords(text);
      Optional<Severity> severity = Labels.severity(m.group(1));
      if (severity.isEmpty()) {
        problem(lineNo, "unknown severity in group heading '" + text
            + "' (expected 🔴 高 / 🟡 中 / 🟢 低 or High / Medium / Low)");
        return Optional.empty();
      }
      if (section != null) {
        section.groupCounts.put(severity.get(), new int[] {Integer.parseInt(m.group(2)), lineNo});
      }
      return severity;
    }

    private void quoteLine(String text, int lineNo, Section section) {
      Matcher total = TOTAL.matcher(text);
      if (total.find()) {
        countWords(text);
        if (section == null) {
          problem(lineNo, "statistics line before any '## owner/repo' heading");
          return;
        }
        section.totalsLine = lineNo;
        section.stated.put(null, Long.parseLong(total.group(1) != null ? total.group(1)
            : total.group(2)));
        Matcher badge = BADGE_COUNT.matcher(text);
        while (badge.find()) {
          section.stated.put(Labels.severity(badge.group(1)).orElseThrow(),
              Long.parseLong(badge.group(2)));
        }
        return;
      }
      for (Vocabulary v : Vocabulary.all()) {
        if (text.equals(v.noCommits())) {
          if (section != null) {
            section.saysEmpty = true;
          }
          return;
        }
      }
      if (text.startsWith("⏳")) {
        return; // the partial-day note; the header's partial-as-of is what counts
      }
      problem(lineNo, "text outside any commit section is not kept: '> " + shorten(text) + "'");
    }

    /** The label of a section's day summary, in either language: {@code **📝 本日要点**}. */
    private boolean isDaySummaryLabel(String line) {
      Labels.Bold bold = Labels.bold(line);
      return bold != null && bold.value() == null && Vocabulary.all().stream()
          .anyMatch(v -> Labels.key(v.daySummary()).equals(Labels.key(bold.word())));
    }

    private void countWords(String text) {
      if (text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
          == Character.UnicodeScript.HAN)) {
        zhWords++;
      } else {
        enWords++;
      }
    }

    private void finish(Block block) {
      if (block != null) {
        block.close();
      }
    }

    // ---- model --------------------------------------------------------------------------

    private Optional<DailyReport> buildReport(boolean hasHeader) {
      ZoneId zone = zone();
      Optional<LocalDate> date = date(hasHeader);
      if (date.isEmpty()) {
        return Optional.empty();
      }
      List<RepoSection> built = new ArrayList<>();
      for (Section s : sections) {
        List<ReportedCommit> commits = s.build(zone, date.get());
        if (s.repo != null) {
          built.add(new RepoSection(s.repo, commits, clean(s.summary)));
        }
      }
      checkDuplicateRepos();
      readPartial();
      DailyReport report = new DailyReport(date.get(), zone, built, partialAsOf);
      if (hasHeader) {
        checkHeader(report, dropped == 0);
      }
      return Optional.of(report);
    }

    private ZoneId zone() {
      String id = header.get(ReportHeader.TIMEZONE);
      if (id == null) {
        return defaultZone;
      }
      try {
        return ZoneId.of(id);
      } catch (DateTimeException e) {
        problem(headerLines.get(ReportHeader.TIMEZONE), "unknown time zone '" + id + "'");
        return defaultZone;
      }
    }

    /** The date from the header, else the title, else the file name; they must agree. */
    private Optional<LocalDate> date(boolean hasHeader) {
      LocalDate fromHeader = parseDate(header.get(ReportHeader.DATE),
          headerLines.getOrDefault(ReportHeader.DATE, 1), "header date");
      LocalDate fromTitle = parseDate(titleDate, titleLine, "title date");
      Matcher name = DATE.matcher(file.getFileName() == null ? "" : file.getFileName().toString());
      LocalDate fromName = name.find() ? parseDate(name.group(1), 1, "file name date") : null;
      if (hasHeader && fromHeader == null && !header.containsKey(ReportHeader.DATE)) {
        problem(1, "header has no 'date' (yyyy-MM-dd)");
      }
      LocalDate date = fromHeader != null ? fromHeader : fromTitle != null ? fromTitle : fromName;
      if (date == null) {
        problem(1, "no date found in the header, the title or the file name");
        return Optional.empty();
      }
      if (fromTitle != null && !fromTitle.equals(date)) {
        problem(titleLine, "title date " + fromTitle + " differs from the report date " + date);
      }
      return Optional.of(date);
    }

    private LocalDate parseDate(String text, int lineNo, String what) {
      if (text == null) {
        return null;
      }
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        problem(lineNo, what + " '" + text + "' is not a date (yyyy-MM-dd)");
        return null;
      }
    }

    private void readPartial() {
      String value = header.get(ReportHeader.PARTIAL_AS_OF);
      if (value != null) {
        try {
          partialAsOf = Instant.parse(value);
        } catch (DateTimeParseException e) {
          problem(headerLines.get(ReportHeader.PARTIAL_AS_OF),
              "'" + value + "' is not an instant such as 2026-02-06T07:00:00Z");
        }
      }
    }

    private void checkDuplicateRepos() {
      Map<RepoId, Integer> first = new HashMap<>();
      for (Section s : sections) {
        if (s.repo != null) {
          Integer earlier = first.putIfAbsent(s.repo, s.line);
          if (earlier != null) {
            problem(s.line, "repository " + s.repo + " appears twice (first at line " + earlier
                + ")");
          }
        }
      }
    }

    private void checkHeader(DailyReport report, boolean compareCounts) {
      // The templates make the page's title and heading of it: without one JBake cannot render
      // the page at all.
      String title = header.get(ReportHeader.TITLE);
      if (title == null || title.isBlank()) {
        Language language = Language.fromKey(header.getOrDefault(ReportHeader.LOCALE, ""))
            .orElse(Language.ZH);
        problem(title == null ? 1 : headerLines.get(ReportHeader.TITLE), "header has "
            + (title == null ? "no 'title'" : "an empty 'title'") + " (expected e.g. "
            + ReportHeader.TITLE + "=" + Vocabulary.of(language).title(report.date())
            + "; it is the page's title and heading)");
      }
      expect(ReportHeader.TYPE, ReportHeader.REPORT_TYPE,
          "JBake renders only reports of type " + ReportHeader.REPORT_TYPE);
      expect(ReportHeader.STATUS, "published", "JBake skips drafts and files without a status");
      expect(ReportHeader.DATE, report.date().toString(), null);
      String locale = header.get(ReportHeader.LOCALE);
      if (locale != null && Language.fromKey(locale).isEmpty()) {
        problem(headerLines.get(ReportHeader.LOCALE), "unknown locale '" + locale
            + "' (expected zh or en)");
      }
      if (header.containsKey(ReportHeader.REPOS)) {
        expect(ReportHeader.REPOS, String.join(",",
            report.repos().stream().map(Object::toString).toList()), null);
      }
      if (!compareCounts) {
        return;
      }
      if (header.containsKey(ReportHeader.COMMITS)) {
        expect(ReportHeader.COMMITS, String.valueOf(report.commitCount()), null);
      }
      for (Severity s : Severity.values()) {
        if (header.containsKey(ReportHeader.countKey(s))) {
          expect(ReportHeader.countKey(s), String.valueOf(report.count(s)), null);
        }
      }
    }

    private void expect(String key, String expected, String why) {
      String actual = header.get(key);
      if (actual == null) {
        problem(1, "header has no '" + key + "' (expected " + key + "=" + expected + ")"
            + (why == null ? "" : "; " + why));
      } else if (!actual.equals(expected)) {
        problem(headerLines.get(key), "header says " + key + "=" + actual + " but the report has "
            + expected + (why == null ? "" : "; " + why));
      }
    }

    void problem(int line, String message) {
      problems.add(new Problem(file, line, message));
    }

    // ---- one repository's part of the report --------------------------------------------

    /**
     * A row of the commit table. Its title is made plain text only when asked for: rows are
     * matched to commits by anchor, so most never need it.
     */
    private static final class Row {
      private final int line;
      private final LocalDateTime time;
      private final String author;
      private final String titleCell;
      private final String anchor;
      private String title;

      Row(int line, LocalDateTime time, String author, String titleCell, String anchor) {
        this.line = line;
        this.time = time;
        this.author = author;
        this.titleCell = titleCell;
        this.anchor = anchor;
      }

      int line() {
        return line;
      }

      LocalDateTime time() {
        return time;
      }

      String author() {
        return author;
      }

      String title() {
        if (title == null) {
          title = MarkdownText.plain(titleCell);
        }
        return title;
      }

      String anchor() {
        return anchor;
      }
    }

    private final class Section {
      final RepoId repo;
      final int line;
      final List<Row> rows = new ArrayList<>();
      final List<Block> blocks = new ArrayList<>();
      final StringBuilder summary = new StringBuilder();
      final Map<Severity, int[]> groupCounts = new EnumMap<>(Severity.class);
      // Counts the statistics line states; the key null holds the total.
      final Map<Severity, Long> stated = new HashMap<>();
      int totalsLine;
      boolean saysEmpty;
      private int tableLines;
      // Commits of this section that could not be read; its counts are not compared then.
      private int droppedHere;

      Section(RepoId repo, int line) {
        this.repo = repo;
        this.line = line;
      }

      void tableLine(String line, int lineNo) {
        tableLines++;
        List<String> cells = cells(line);
        if (tableLines == 1) {
          countWords(line);
          return; // the header row
        }
        if (cells.stream().allMatch(c -> DELIMITER_CELL.matcher(c).matches())) {
          return; // the delimiter row
        }
        // Format 2 adds severity and type between author and commit; the commit's own section
        // says those, so they are not read here.
        if (cells.size() != 3 && cells.size() != 5) {
          problem(lineNo, "commit table row has " + cells.size() + " cells, expected 5 (time |"
              + " author | severity | type | commit) or 3 (time | author | commit)");
          return;
        }
        LocalDateTime time;
        try {
          time = time(cells.get(0));
        } catch (DateTimeParseException e) {
          problem(lineNo, "commit time '" + cells.get(0) + "' is not yyyy-MM-dd HH:mm:ss");
          return;
        }
        String titleCell = cells.get(cells.size() - 1);
        Matcher anchored = ANCHORED_TITLE.matcher(titleCell);
        String anchor = null;
        if (anchored.matches()) {
          anchor = anchored.group(2);
          titleCell = anchored.group(1);
        }
        rows.add(new Row(lineNo, time, MarkdownText.plain(cells.get(1)), titleCell, anchor));
      }

      List<ReportedCommit> build(ZoneId zone, LocalDate date) {
        Map<String, Integer> seen = new HashMap<>();
        List<Row> unmatched = new ArrayList<>(rows);
        List<ReportedCommit> commits = new ArrayList<>();
        for (Block b : blocks) {
          Optional<Row> row = take(unmatched, b);
          if (b.sha == null) {
            drop();
            continue; // reported when the block closed
          }
          // The SHA from the commit's link, else the one shown: two commits whose SHAs begin
          // alike are two commits.
          Integer earlier = seen.putIfAbsent(b.sha, b.line);
          if (earlier != null) {
            problem(b.line, "duplicate commit " + b.sha.substring(0, 7) + " (also at line "
                + earlier + ")");
            drop();
            continue;
          }
          if (row.isEmpty()) {
            problem(b.line, "commit " + b.sha.substring(0, 7)
                + " has no row in the commit table");
            drop();
            continue;
          }
          Instant time = row.get().time().atZone(zone).toInstant();
          if (!time.atZone(zone).toLocalDate().equals(date)) {
            problem(row.get().line(), "commit time " + row.get().time().format(ReportWriter.TIME)
                + " is not on " + date + " (" + zone.getId() + ")");
          }
          Optional<Analysis> analysis = b.analysis();
          if (analysis.isPresent()) {
            commits.add(new ReportedCommit(b.sha, b.url, time, row.get().author(), b.title,
                analysis.get()));
          } else {
            drop();
          }
        }
        for (Row r : unmatched) {
          problem(r.line(), "table row '" + shorten(r.title()) + "' has no commit section");
        }
        if (droppedHere == 0) {
          checkCounts(commits);
        }
        return commits;
      }

      private void drop() {
        droppedHere++;
        dropped++;
      }

      /** The table row of a commit: by its anchor when the table has them, else by title. */
      private Optional<Row> take(List<Row> unmatched, Block b) {
        for (Row r : unmatched) {
          boolean match = r.anchor() != null
              ? r.anchor().equals(b.anchor) || b.anchor == null && b.sha != null
                  && (b.sha.startsWith(r.anchor()) || r.anchor().startsWith(b.sha))
              : r.title().equals(b.title);
          if (match) {
            unmatched.remove(r);
            return Optional.of(r);
          }
        }
        return Optional.empty();
      }

      private void checkCounts(List<ReportedCommit> commits) {
        for (Map.Entry<Severity, int[]> g : groupCounts.entrySet()) {
          long actual = blocks.stream().filter(b -> b.group == g.getKey()).count();
          if (actual != g.getValue()[0]) {
            problem(g.getValue()[1], "group heading says " + g.getValue()[0] + " "
                + g.getKey().key() + " commits but the group has " + actual);
          }
        }
        if (repo != null && !stated.isEmpty()) {
          long total = stated.get(null);
          if (total != commits.size()) {
            problem(totalsLine, "statistics line says " + total + " commits but the section has "
                + commits.size());
          }
          for (Severity s : Severity.values()) {
            long actual = commits.stream().filter(c -> c.severity() == s).count();
            Long says = stated.get(s);
            if (says != null && says != actual) {
              problem(totalsLine, "statistics line says " + says + " " + s.key()
                  + " commits but the section has " + actual);
            }
          }
        }
        if (repo != null && stated.isEmpty() && !saysEmpty && !commits.isEmpty()) {
          problem(line, "section " + repo + " has no statistics line");
        }
        if (saysEmpty && !blocks.isEmpty()) {
          problem(line, "section " + repo + " says it has no commits but lists " + blocks.size());
        }
      }
    }

    // ---- one commit's section -----------------------------------------------------------

    private final class Block {
      final Severity group;
      final String title;
      final String anchor;
      final int line;
      String sha;
      String url;
      private final Map<Field, StringBuilder> fields = new EnumMap<>(Field.class);
      private final Map<Field, Integer> fieldLines = new EnumMap<>(Field.class);
      private final StringBuilder rationale = new StringBuilder();
      private Field current;
      private boolean quoted;
      private boolean incomplete;
      private boolean sawSha;

      Block(Severity group, String title, String anchor, int line) {
        this.group = group;
        this.title = title;
        this.anchor = anchor;
        this.line = line;
      }

      void line(String text, int lineNo) {
        String stripped = text.strip();
        if (!sawSha && stripped.startsWith("**SHA**")) {
          ShaLine line = shaLine(stripped);
          if (line != null) {
            sawSha = true;
            this.sha = line.sha();
            this.url = line.url();
            return;
          }
        }
        // A text line: commonmark found no heading here, so only a bold label can be one.
        Optional<Labels.Label> label = Labels.matchBold(text);
        if (label.isPresent()) {
          label(label.get(), lineNo);
          return;
        }
        if (stripped.startsWith(">")) {
          if (isIncompleteMarker(unquote(stripped))) {
            incomplete = true;
            return;
          }
          if (quoted) {
            add(QUOTE_MARK_AND_ONE_SPACE.matcher(stripped).replaceFirst(""));
            return;
          }
        }
        quoted = false;
        add(text);
      }

      void label(Labels.Label label, int lineNo) {
        if (label.language() == Language.EN) {
          enWords++;
        } else {
          zhWords++;
        }
        current = label.field();
        quoted = label.quoted();
        fieldLines.putIfAbsent(current, lineNo);
        StringBuilder text = fields.computeIfAbsent(current, f -> new StringBuilder());
        if (text.length() > 0) {
          text.append('\n');
        }
        if (!label.value().isEmpty()) {
          text.append(label.value()).append('\n');
        }
      }

      void add(String text) {
        StringBuilder to = target();
        if (to != null) {
          to.append(text).append('\n');
        }
      }

      /** Where a line of text goes: the current field, or none. */
      private StringBuilder target() {
        if (current == null) {
          return null; // between the heading and the first label: nothing a report writes there
        }
        return current == Field.TYPE || current == Field.SEVERITY || current == Field.BREAKING
            ? rationale : fields.get(current);
      }

      /** The breaking marker's reason as plain text; empty when the commit has none. */
      private String breaking() {
        String text = clean(fields.get(Field.BREAKING));
        return text.isEmpty() ? "" : MarkdownText.oneLine(MarkdownText.plain(text));
      }

      private boolean isIncompleteMarker(String text) {
        return Vocabulary.all().stream().anyMatch(v -> v.incompleteMarker().equals(text));
      }

      void close() {
        if (sha == null) {
          problem(line, "commit '" + shorten(title) + "' has no **SHA** line");
        }
      }

      Optional<Analysis> analysis() {
        String severityText = clean(fields.get(Field.SEVERITY));
        Severity severity = null;
        if (!severityText.isEmpty()) {
          severity = Labels.severity(severityText).orElse(null);
          if (severity == null) {
            problem(fieldLines.get(Field.SEVERITY), "unknown severity '" + severityText
                + "' (expected 🔴 高 / 🟡 中 / 🟢 低 or High / Medium / Low)");
            return Optional.empty();
          }
        }
        if (severity == null) {
          severity = group;
        }
        if (severity == null) {
          problem(line, "commit " + sha.substring(0, 7) + " has no severity");
          return Optional.empty();
        }
        if (group != null && group != severity) {
          problem(fieldLines.getOrDefault(Field.SEVERITY, line), "commit " + sha.substring(0, 7)
              + " is " + severity.key() + " but stands in the " + group.key() + " group");
        }
        String typeLabel = clean(fields.get(Field.TYPE));
        Labels.TypeLabel read = Labels.typeLabel(typeLabel);
        List<ChangeType> types = read.types();
        if (!typeLabel.isEmpty() && types.isEmpty()) {
          problem(fieldLines.get(Field.TYPE), "no known change type in '" + typeLabel
              + "' (e.g. 功能增强, Bug 修复, 性能优化, 重构, 文档更新, 测试 or Feature, Bug fix, ...)");
        }
        List<String> reasons = new ArrayList<>();
        for (String r : clean(fields.get(Field.REASONS)).split("\n")) {
          String item = unlisted(r.strip());
          if (!item.isEmpty()) {
            reasons.add(MarkdownText.plain(item));
          }
        }
        return Optional.of(new Analysis(severity, types, read.standard() ? null : typeLabel,
            clean(rationale), clean(fields.get(Field.SUMMARY)), clean(fields.get(Field.IMPACT)),
            forms.readInsights(clean(fields.get(Field.INSIGHTS))),
            forms.readPoints(clean(fields.get(Field.RISKS))),
            forms.readPoints(clean(fields.get(Field.RECOMMENDATIONS))),
            clean(fields.get(Field.CONCLUSION)),
            reasons, incomplete).withBreaking(breaking()));
      }
    }
  }

  /**
   * Drops blank lines and separators at both ends and trailing spaces of the last line; a single
   * line loses its leading spaces too.
   */
  static String clean(StringBuilder text) {
    if (text == null) {
      return "";
    }
    List<String> kept = List.of(text.toString().split("\n", -1));
    int from = 0;
    int to = kept.size();
    while (from < to && kept.get(from).isBlank()) {
      from++;
    }
    while (to > from && (kept.get(to - 1).isBlank()
        || THEMATIC_BREAK.matcher(kept.get(to - 1)).matches())) {
      to--;
    }
    String joined = String.join("\n", kept.subList(from, to)).stripTrailing();
    return joined.indexOf('\n') < 0 ? joined.strip() : joined;
  }

  private static boolean isThematicBreak(String line) {
    return THEMATIC_BREAK.matcher(line).matches();
  }

  /** A block-quote line without its marker and the whitespace after it. */
  private static String unquote(String line) {
    return QUOTE_MARK.matcher(line).replaceFirst("");
  }

  static List<String> cells(String row) {
    String r = row.strip();
    int from = r.startsWith("|") ? 1 : 0;
    int to = r.length();
    if (to > from && r.charAt(to - 1) == '|' && !(to - 2 >= from && r.charAt(to - 2) == '\\')) {
      to--;
    }
    // A cell runs to the next '|' that no backslash escapes; escapes stay in its text.
    List<String> cells = new ArrayList<>();
    int start = from;
    for (int i = from; i < to; i++) {
      char c = r.charAt(i);
      if (c == '\\' && i + 1 < to) {
        i++;
      } else if (c == '|') {
        cells.add(r.substring(start, i).strip());
        start = i + 1;
      }
    }
    cells.add(r.substring(start, to).strip());
    return cells;
  }

  /** A list item without its marker. */
  static String unlisted(String item) {
    return LIST_MARK.matcher(item).replaceFirst("");
  }

  /** A commit's SHA line: its SHA (the full one when the link names it) and link, or null. */
  record ShaLine(String sha, String url) {}

  /**
   * The SHA line a stripped line is, else null: the SHA in backticks, and the first web link after
   * it, whose last segment is the full SHA when it is 40 hex digits that start with the SHA shown.
   */
  static ShaLine shaLine(String line) {
    Matcher sha = SHA_LINE.matcher(line);
    if (!sha.matches()) {
      return null;
    }
    Matcher link = LINK.matcher(sha.group(2));
    if (!link.find()) {
      return new ShaLine(sha.group(1), null);
    }
    String full = UP_TO_LAST_SLASH.matcher(link.group(1)).replaceAll("");
    return new ShaLine(FULL_SHA.matcher(full).matches() && full.startsWith(sha.group(1))
        ? full : sha.group(1), link.group(1));
  }

  static LocalDateTime time(String text) {
    return LocalDateTime.parse(text, ReportWriter.TIME);
  }

  private static String shorten(String text) {
    String s = MarkdownText.oneLine(text); // no terminal escapes from a report reach the screen
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
