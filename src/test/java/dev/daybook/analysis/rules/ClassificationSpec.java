package dev.daybook.analysis.rules;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.RepoId;
import dev.daybook.model.Severity;
import dev.daybook.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the examples of {@code classification-spec.md}; the format is described at the top of that
 * file. A malformed example fails the whole read with {@code file:line: what is wrong}.
 */
final class ClassificationSpec {

  static final String RESOURCE = "/analysis/classification-spec.md";

  private static final String OPEN = "```example";
  private static final String CLOSE = "```";
  private static final String ARROW = "=>";
  private static final Pattern KEY_VALUE = Pattern.compile("([a-z]+):(?: (.*))?");
  private static final Pattern FILE = Pattern.compile(
      "([AMDR]) (\\S+) \\+(\\d+) -(\\d+)(?: from (\\S+))?");
  private static final Pattern FIXTURE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) ([0-9a-f]{7,40})");
  private static final RepoId SYNTHETIC_REPO = RepoId.parse("example/repo");

  private final String name;

  private ClassificationSpec(String name) {
    this.name = name;
  }

  static List<SpecExample> read() {
    try (InputStream in = ClassificationSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse("classification-spec.md", text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<SpecExample> parse(String name, String text) {
    return new ClassificationSpec(name).examples(text.lines().toList());
  }

  private List<SpecExample> examples(List<String> lines) {
    List<SpecExample> examples = new ArrayList<>();
    String section = "";
    for (int line = 1; line <= lines.size(); line++) {
      String text = lines.get(line - 1);
      if (text.startsWith("#")) {
        section = text.replaceFirst("^#+\\s*", "");
      } else if (text.strip().equals(OPEN)) {
        int start = line;
        List<String> body = new ArrayList<>();
        while (++line <= lines.size() && !lines.get(line - 1).strip().equals(CLOSE)) {
          body.add(lines.get(line - 1));
        }
        if (line > lines.size()) {
          throw error(start, "example is not closed with " + CLOSE);
        }
        examples.add(example(start, section, body));
      }
    }
    return examples;
  }

  private SpecExample example(int start, String section, List<String> body) {
    int arrow = body.indexOf(ARROW);
    if (arrow < 0) {
      throw error(start, "example has no line '" + ARROW + "' between commit and expectation");
    }
    CommitPart commit = new CommitPart(start);
    for (int i = 0; i < arrow; i++) {
      commit.accept(start + 1 + i, body.get(i));
    }
    ExpectPart expect = new ExpectPart();
    for (int i = arrow + 1; i < body.size(); i++) {
      expect.accept(start + 1 + i, body.get(i));
    }
    if (expect.severity == null || expect.types.isEmpty()) {
      throw error(start, "example needs 'severity:' and 'types:' after '" + ARROW + "'");
    }
    return new SpecExample(start, section, Optional.ofNullable(commit.fixture), commit.build(),
        expect.severity, expect.types, expect.reasons, Optional.ofNullable(expect.reference));
  }

  /** The lines before the arrow: a fixture reference, or a synthetic commit. */
  private final class CommitPart {
    final int start;
    String fixture;
    String title;
    final List<String> body = new ArrayList<>();
    final List<FileChange> files = new ArrayList<>();

    CommitPart(int start) {
      this.start = start;
    }

    void accept(int at, String text) {
      Matcher kv = keyValue(at, text);
      String value = kv.group(2) == null ? "" : kv.group(2);
      switch (kv.group(1)) {
        case "fixture" -> fixture = matching(at, FIXTURE, value, "fixture: YYYY-MM-DD sha").group();
        case "title" -> title = value;
        case "body" -> body.add(value);
        case "file" -> files.add(file(at, value));
        default -> throw error(at, "unknown commit key '" + kv.group(1) + "'");
      }
    }

    Commit build() {
      if ((fixture == null) == (title == null)) {
        throw error(start, "example needs either 'fixture:' or 'title:', not both");
      }
      return fixture != null ? fixtureCommit() : synthetic();
    }

    private Commit fixtureCommit() {
      Matcher m = FIXTURE.matcher(fixture);
      m.matches();
      return Fixtures.sglangDay(LocalDate.parse(m.group(1))).stream()
          .filter(c -> c.sha().startsWith(m.group(2)))
          .findFirst()
          .orElseThrow(() -> error(start, "no fixture commit " + fixture));
    }

    private Commit synthetic() {
      String message = body.isEmpty() ? title : title + "\n\n" + String.join("\n", body);
      String sha = String.format("%040x", start);
      Tally total = Tally.of(files);
      return new Commit(SYNTHETIC_REPO, sha, "https://github.com/example/repo/commit/" + sha,
          "Example Author", Instant.parse("2026-02-06T00:00:00Z"), message,
          List.of(String.format("%040x", 0)), total.additions(), total.deletions(), files);
    }

    private FileChange file(int at, String value) {
      Matcher m = matching(at, FILE, value, "file: A|M|D|R path +added -deleted [from old-path]");
      FileChange.Status status = switch (m.group(1)) {
        case "A" -> FileChange.Status.ADDED;
        case "D" -> FileChange.Status.REMOVED;
        case "R" -> FileChange.Status.RENAMED;
        default -> FileChange.Status.MODIFIED;
      };
      return new FileChange(m.group(2), m.group(5), status, Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), null);
    }
  }

  /** The lines after the arrow. */
  private final class ExpectPart {
    Severity severity;
    List<ChangeType> types = List.of();
    final List<String> reasons = new ArrayList<>();
    Severity reference;

    void accept(int at, String text) {
      Matcher kv = keyValue(at, text);
      String value = kv.group(2) == null ? "" : kv.group(2).strip();
      switch (kv.group(1)) {
        case "severity" -> severity = severity(at, value);
        case "types" -> types = List.of(value.split(",\\s*")).stream()
            .map(key -> ChangeType.fromKey(key)
                .orElseThrow(() -> error(at, "unknown change type '" + key + "'")))
            .toList();
        case "reason" -> reasons.add(value);
        case "reference" -> reference = severity(at, value);
        default -> throw error(at, "unknown expectation key '" + kv.group(1) + "'");
      }
    }

    private Severity severity(int at, String value) {
      return Severity.fromKey(value)
          .orElseThrow(() -> error(at, "unknown severity '" + value + "'"));
    }
  }

  private Matcher keyValue(int at, String text) {
    return matching(at, KEY_VALUE, text, "key: value");
  }

  private Matcher matching(int at, Pattern pattern, String text, String expected) {
    Matcher m = pattern.matcher(text);
    if (!m.matches()) {
      throw error(at, "expected '" + expected + "' but found '" + text + "'");
    }
    return m;
  }

  private IllegalArgumentException error(int at, String message) {
    return new IllegalArgumentException(name + ":" + at + ": " + message);
  }
}
