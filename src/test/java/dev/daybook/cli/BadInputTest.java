package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real command line (issue 14, item 7): a report or folder that cannot be
 * read, a report without a title, bytes that are not UTF-8, NUL bytes. {@code check} and {@code
 * build} say the same, one line per problem ({@code file[:line]: what}), and exit 1; never a
 * stack trace, never a bare path, never a report silently left out.
 */
class BadInputTest {

  static final String NO_ACCESS = "---------";

  @TempDir
  Path dir;
  Path content;
  Path reports;

  /** Two days of the shipped content and its about page. */
  @BeforeEach
  void copyContent() throws IOException {
    content = dir.resolve("content");
    reports = content.resolve("reports/2026/02");
    Files.createDirectories(reports);
    for (String day : List.of("2026-02-07", "2026-02-08")) {
      Files.copy(Path.of("content/reports/2026/02/" + day + ".md"), reports.resolve(day + ".md"));
    }
    Files.copy(Path.of("content/about.md"), content.resolve("about.md"));
  }

  String[] check() {
    return new String[] {"check", "--config=site.properties", "--content=" + content};
  }

  String[] build(String... extra) {
    List<String> args = new ArrayList<>(List.of("build", "--config=site.properties",
        "--content=" + content, "--out=" + dir.resolve("output")));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** {@code check} printed exactly these problems and failed. */
  static void assertCheckSays(CliRun check, String... problems) {
    assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(lines(problems));
    assertThat(check.err()).matches("\\d+ reports, \\d+ commits, " + problems.length
        + " problems?\n");
  }

  /** {@code build} failed with exactly these problems, wrote nothing, and printed nothing else. */
  void assertBuildSays(CliRun build, String... problems) {
    assertThat(build.exitCode()).as(build.err()).isEqualTo(1);
    assertThat(build.err()).isEqualTo("daybook: " + lines(problems));
    assertThat(build.out()).isEmpty();
    assertThat(dir.resolve("output")).doesNotExist();
  }

  static String lines(String... lines) {
    return Stream.of(lines).map(l -> l + "\n").collect(Collectors.joining());
  }

  /** The line of a file that holds {@code text}, counted from 1. */
  static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  /**
   * Regression: a report without {@code title=} passed {@code check}, and {@code build} printed
   * 46 lines of Freemarker trace; an empty title passed both and published a page without one.
   */
  @Test
  void aReportWithoutATitleOrWithAnEmptyOneIsNamedByCheckAndBuild() throws IOException {
    Path untitled = reports.resolve("2026-02-07.md");
    Files.writeString(untitled, Files.readString(untitled).replaceFirst("title=[^\n]*\n", ""));
    Path empty = reports.resolve("2026-02-08.md");
    Files.writeString(empty, Files.readString(empty).replaceFirst("title=[^\n]*\n", "title= \n"));
    String why = "; it is the page's title and heading)";

    String[] problems = {
        untitled + ":1: header has no 'title' (expected e.g. title=每日更新报告（2026-02-07）" + why,
        empty + ":1: header has an empty 'title' (expected e.g. title=每日更新报告（2026-02-08）"
            + why};
    assertCheckSays(CliRun.run(check()), problems);
    assertBuildSays(CliRun.run(build()), problems);
  }

  /** The same for a page beside the reports, which {@code check} does not read. */
  @Test
  void aPageBesideTheReportsWithoutATitleStopsTheBuildInOneLine() throws IOException {
    Path about = content.resolve("about.md");
    Files.writeString(about, Files.readString(about).replaceFirst("title=[^\n]*\n", ""));

    assertBuildSays(CliRun.run(build()),
        about + ": header has no 'title' (title=..., the page's title and heading)");
  }

  @Test
  void bytesThatAreNotUtf8AndNulBytesAreNamedWithTheirLine() throws IOException {
    // An author written as Latin-1 would write it, in a file of UTF-8: é is the one byte E9.
    Path latin1 = reports.resolve("2026-02-07.md");
    int latin1Line = lineOf(latin1, "| wxy |");
    String[] around = Files.readString(latin1).split("\\| wxy \\|", 2);
    byte[] before = (around[0] + "| w").getBytes(StandardCharsets.UTF_8);
    byte[] after = ("y |" + around[1]).getBytes(StandardCharsets.UTF_8);
    try (var file = Files.newOutputStream(latin1)) {
      file.write(before);
      file.write(0xE9);
      file.write(after);
    }
    Path nul = reports.resolve("2026-02-08.md");
    int nulLine = lineOf(nul, "| Mick |");
    Files.writeString(nul, Files.readString(nul).replace("| Mick |", "| Mi\0ck |"));
    int latin1Byte = before.length + 1;

    String[] problems = {
        latin1 + ":" + latin1Line + ": not UTF-8 text (byte " + latin1Byte + ")",
        nul + ":" + nulLine + ": U+0000 (a control character): a character XML does not allow (no"
            + " feed or page may hold it); delete it or write U+FFFD"};
    assertCheckSays(CliRun.run(check()), problems);
    assertBuildSays(CliRun.run(build()), problems);
  }

  /**
   * Regression: a report that is a link to nothing, or a loop of links, was silently left out of
   * the archive by {@code check} and {@code build} alike.
   */
  @Test
  void aReportThatIsALinkToNothingIsNamedNotLeftOut() throws IOException {
    Path dangling = reports.resolve("2026-02-06.md");
    Files.createSymbolicLink(dangling, dir.resolve("gone.md"));
    Path loop = reports.resolve("2026-02-05.md");
    Files.createSymbolicLink(loop, loop.getFileName());

    String[] problems = {
        loop + ": a link to 2026-02-05.md, which cannot be read (",
        dangling + ": a link to " + dir.resolve("gone.md") + ", which cannot be read (no such"
            + " file or folder)"};
    CliRun check = CliRun.run(check());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out().lines()).hasSize(2);
    assertThat(check.out().lines().toList().get(0)).startsWith(problems[0]);
    assertThat(check.out().lines().toList().get(1)).isEqualTo(problems[1]);
    CliRun build = CliRun.run(build());
    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.err()).isEqualTo("daybook: " + check.out());
  }

  /**
   * Regression: a month folder that could not be read gave a 37-line Java trace from {@code
   * check} and {@code build}; an unreadable report is a line too, and both are listed.
   */
  @Test
  void anUnreadableReportAndAnUnreadableFolderAreALineEach() throws Exception {
    Path report = reports.resolve("2026-02-07.md");
    Path january = Files.createDirectories(content.resolve("reports/2026/01"));
    Files.copy(reports.resolve("2026-02-08.md"), january.resolve("2026-01-31.md"));
    try {
      forbid(report, january);
      String[] problems = {january + ": permission denied", report + ": permission denied"};
      assertCheckSays(ChildDaybook.runBoundByPermissions(dir, check()), problems);
      assertBuildSays(ChildDaybook.runBoundByPermissions(dir, build()), problems);
    } finally {
      allow(report, january);
    }
  }

  /**
   * Regression: an unreadable reports folder (or content folder) gave only its path, the about
   * page only its path, and a templates folder that could not be read was called missing.
   */
  @Test
  void anUnreadableContentFolderPageOrTemplatesFolderIsNamedWithTheReason() throws Exception {
    Path all = content.resolve("reports");
    try {
      forbid(all);
      assertCheckSays(ChildDaybook.runBoundByPermissions(dir, check()),
          all + ": permission denied");
      assertBuildSays(ChildDaybook.runBoundByPermissions(dir, build()),
          all + ": permission denied");
    } finally {
      allow(all);
    }

    Path about = content.resolve("about.md");
    try {
      forbid(about);
      assertBuildSays(ChildDaybook.runBoundByPermissions(dir, build()),
          about + ": permission denied");
    } finally {
      allow(about);
    }

    Path templates = BuildCommandTest.copyOf(Path.of("templates"), dir.resolve("templates"));
    try {
      forbid(templates);
      CliRun build = ChildDaybook.runBoundByPermissions(dir, build("--templates=" + templates));
      assertThat(build.exitCode()).isEqualTo(1);
      assertThat(build.err()).isEqualTo("daybook: template "
          + templates.resolve("_layout.ftl") + ": permission denied\n");
    } finally {
      allow(templates);
    }
  }

  static void forbid(Path... paths) throws IOException {
    for (Path p : paths) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(NO_ACCESS));
    }
  }

  static void allow(Path... paths) throws IOException {
    for (Path p : paths) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
          Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }
}
