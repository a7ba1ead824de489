package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.io.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daybook build} from the command line: it says what it made, and when it cannot build it
 * says why in one message, exits non-zero and leaves the previous site exactly as it was.
 */
class BuildCommandTest {

  static final Path SHIPPED = Path.of("content");
  static final List<String> DAYS = List.of("2026-02-07", "2026-02-08");

  @TempDir
  Path dir;
  Path content;
  Path out;

  /** Two days of the shipped content and its about page. */
  @BeforeEach
  void copyContent() throws IOException {
    content = dir.resolve("content");
    for (String day : DAYS) {
      Path target = content.resolve("reports/2026/02/" + day + ".md");
      Files.createDirectories(target.getParent());
      Files.copy(SHIPPED.resolve("reports/2026/02/" + day + ".md"), target);
    }
    Files.copy(SHIPPED.resolve("about.md"), content.resolve("about.md"));
    out = dir.resolve("output");
  }

  CliRun build(String... extra) {
    List<String> args = new ArrayList<>(List.of("build", "--config=site.properties",
        "--content=" + content, "--out=" + out));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  /**
   * Runs a build that is meant to fail in a template, without the stack traces Freemarker logs
   * for it (the command's own message is what the tests look at).
   */
  CliRun buildQuietly(String... extra) {
    java.util.logging.Logger freemarker = java.util.logging.Logger.getLogger("freemarker");
    java.util.logging.Level freemarkerLevel = freemarker.getLevel();
    freemarker.setLevel(java.util.logging.Level.OFF);
    try {
      return build(extra);
    } finally {
      freemarker.setLevel(freemarkerLevel);
    }
  }

  CliRun buildOk() {
    CliRun run = build();
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  /** Every file of a folder with its bytes. */
  static Map<String, byte[]> snapshot(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((f, bytes) -> assertThat(actual.get(f)).as(f).isEqualTo(bytes));
  }

  /** What the build leaves beside the output: nothing but the inputs and the output. */
  List<String> besideTheOutput() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * {@code build} and {@code check} read the archive by one set of rules: a report away from its
   * date's path, a second report of a day and bytes that are not UTF-8 are each a {@code
   * file:line: what}, and the build stops on them without touching the previous site.
   */
  @Test
  void buildAndCheckFindTheSameProblems() throws IOException {
    assertThat(build().exitCode()).isZero();
    Map<String, byte[]> before = snapshot(out);
    Path misplaced = content.resolve("reports/2026/03/2026-02-07.md");
    Files.createDirectories(misplaced.getParent());
    Files.copy(content.resolve("reports/2026/02/2026-02-07.md"), misplaced);
    Path latin1 = content.resolve("reports/2026/02/2026-02-09.md");
    Files.write(latin1, "title=x\nd\u00e9j\u00e0\n".getBytes(StandardCharsets.ISO_8859_1));

    CliRun check = CliRun.run("check", "--config=site.properties", "--content=" + content);
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(
        latin1 + ":2: not UTF-8 text (byte 10)\n"
        + misplaced + ":1: the report of 2026-02-07 belongs at "
            + content.resolve("reports/2026/02/2026-02-07.md") + "\n"
        + misplaced + ":1: a second report of 2026-02-07 (the first is "
            + content.resolve("reports/2026/02/2026-02-07.md") + ")\n");
    CliRun build = build();
    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.err()).isEqualTo("daybook: " + check.out());
    assertSameFiles(snapshot(out), before);
  }

  /**
   * Regression: a report holding U+FFFF made every feed listing it invalid XML while {@code
   * check} found nothing. A character XML does not allow is named, with its line, by {@code
   * check} and {@code build} alike; the build stops and the published site stays as it was.
   */
  @Test
  void aCharacterXmlDoesNotAllowIsNamedByCheckAndStopsTheBuild() throws IOException {
    assertThat(build().exitCode()).isZero();
    Map<String, byte[]> before = snapshot(out);
    Path report = content.resolve("reports/2026/02/2026-02-07.md");
    Files.writeString(report, Files.readString(report)
        .replace("| wxy |", "| wxy\uFFFF |")
        .replace("| Mick |", "| Mi\u0007ck\uFFFE\u0007 |"));

    CliRun check = CliRun.run("check", "--config=site.properties", "--content=" + content);
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(
        report + ":34: U+FFFF (a noncharacter): a character XML does not allow (no feed or page"
            + " may hold it); delete it or write U+FFFD\n"
        + report + ":35: U+0007 (a control character), U+FFFE (a noncharacter): characters XML"
            + " does not allow (no feed or page may hold them); delete them or write U+FFFD\n");
    CliRun build = build();
    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.err()).isEqualTo("daybook: " + check.out());
    assertSameFiles(snapshot(out), before);
  }

  @Test
  void aSuccessfulBuildPrintsItsSummaryLine() throws IOException {
    long commits = 0;
    for (String day : DAYS) {
      Matcher m = Pattern.compile("(?m)^daybook\\.commits=(\\d+)$")
          .matcher(Files.readString(content.resolve("reports/2026/02/" + day + ".md")));
      assertThat(m.find()).isTrue();
      commits += Long.parseLong(m.group(1));
    }

    CliRun run = buildOk();

    Matcher line = Pattern.compile("built (.+): (\\d+) reports, (\\d+) commits, (\\d+) files,"
        + " (\\d+\\.\\d) MB in (\\d+\\.\\d) s \\((\\d+) written, 0 deleted\\)\n"
        + "search index .+: (rebuilt|current)\n").matcher(run.out());
    assertThat(line.matches()).as(run.out()).isTrue();
    assertThat(line.group(1)).isEqualTo(out.toString());
    assertThat(line.group(2)).isEqualTo("2");
    assertThat(Long.parseLong(line.group(3))).isEqualTo(commits).isPositive();
    assertThat(Integer.parseInt(line.group(4))).isEqualTo(snapshot(out).size());
    assertThat(line.group(7)).isEqualTo(line.group(4)); // a first build writes every file
    assertThat(run.err()).isEmpty();
    assertThat(buildOk().out()).contains("(nothing changed)");
    assertThat(out.resolve("reports/2026/02/2026-02-08.html")).isRegularFile();
    assertThat(besideTheOutput()).containsExactly(".daybook", "content", "output");
  }

  /**
   * The site and the build cache get the mode any new file or folder of the process gets (0644
   * and 0755 under umask 022): a web server or a teammate reads them. Temporary files and folders
   * made private to their owner must not end up published under the names of the real ones.
   */
  @Test
  void theSiteAndTheCacheHaveTheModeOfAnyNewFileOrFolder() throws IOException {
    buildOk();
    Path report = content.resolve("reports/2026/02/2026-02-08.md");
    Files.writeString(report, Files.readString(report) + "\n");
    buildOk(); // a rebuild: changed pages moved into place, caches replaced, the index updated

    Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(
        Files.createFile(dir.resolve("plain-file")));
    Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(
        Files.createDirectory(dir.resolve("plain-folder")));
    Map<String, Set<PosixFilePermission>> modes = new TreeMap<>();
    for (Path root : List.of(out, dir.resolve(".daybook"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.toList()) {
          modes.put(dir.relativize(p).toString(), Files.getPosixFilePermissions(p));
        }
      }
    }
    assertThat(modes).containsKeys("output/index.html", ".daybook/lucene",
        ".daybook/output.cache/report", ".daybook/output.cache/search",
        ".daybook/output.cache/site");
    modes.forEach((path, mode) -> assertThat(mode).as(path)
        .isEqualTo(Files.isDirectory(dir.resolve(path)) ? folderMode : fileMode));
  }

  @Test
  void aReportThatFailsToParseStopsTheBuildWithFileAndLineAndKeepsThePreviousOutput()
      throws IOException {
    buildOk();
    Map<String, byte[]> before = snapshot(out);
    Path report = content.resolve("reports/2026/02/2026-02-08.md");
    List<String> lines = new ArrayList<>(Files.readAllLines(report));
    int row = 0;
    while (!lines.get(row).startsWith("| 2026-02-08 ")) {
      row++;
    }
    lines.set(row, lines.get(row).replaceFirst("^\\| 2026-02-08 \\d\\d:\\d\\d:\\d\\d \\|",
        "| yesterday |"));
    Files.write(report, lines);

    CliRun run = build();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("daybook: ")
        .contains(report + ":" + (row + 1) + ": commit time 'yesterday'");
    assertThat(run.out()).isEmpty();
    assertSameFiles(snapshot(out), before);
    assertThat(besideTheOutput()).containsExactly(".daybook", "content", "output");
  }

  @Test
  void aTemplateThatFailsAfterTheBakeAlsoKeepsThePreviousOutput() throws IOException {
    buildOk();
    Map<String, byte[]> before = snapshot(out);
    Path templates = copyOf(Path.of("templates"), dir.resolve("templates"));
    Files.writeString(templates.resolve("list.ftl"),
        Files.readString(templates.resolve("list.ftl")) + "${no.such.value}\n");

    CliRun run = buildQuietly("--templates=" + templates);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("daybook: ").contains("list.ftl");
    assertSameFiles(snapshot(out), before);
    assertThat(besideTheOutput()).containsExactly(".daybook", "content", "output", "templates");
  }

  @Test
  void aReportTemplateThatJBakeCannotRenderFailsTheBuildAndKeepsThePreviousOutput()
      throws IOException {
    buildOk();
    Map<String, byte[]> before = snapshot(out);
    Path templates = copyOf(Path.of("templates"), dir.resolve("templates"));
    Files.writeString(templates.resolve("report.ftl"),
        Files.readString(templates.resolve("report.ftl")) + "${no.such.value}\n");

    CliRun run = buildQuietly("--templates=" + templates);

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    // It names the report, its page and the template, not the temporary folder the build was
    // made in. Reports are rendered in parallel; the error is the first in date order.
    assertThat(run.err()).startsWith("daybook: ")
        .contains(content.resolve("reports/2026/02/2026-02-07.md").toString(),
            "(page reports/2026/02/2026-02-07.html)", "templates/report.ftl", "evaluated to null or missing")
        .doesNotContain(".daybook-build-");
    assertSameFiles(snapshot(out), before);
    assertThat(besideTheOutput()).containsExactly(".daybook", "content", "output", "templates");
  }

  @Test
  void anIndexFolderThatHoldsSomethingElseIsNeverReplaced() throws IOException {
    buildOk();
    Map<String, byte[]> before = snapshot(out);
    Map<String, byte[]> reports = snapshot(content);
    Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");

    // A mistyped --index: the content folder, then a file.
    CliRun intoContent = build("--index=" + content);
    CliRun intoFile = build("--index=" + notes);

    assertThat(intoContent.exitCode()).isEqualTo(1);
    assertThat(intoContent.err()).startsWith("daybook: ").contains(content.toString(),
        "is not a search index and not empty", "not replacing it");
    assertThat(intoFile.exitCode()).isEqualTo(1);
    assertThat(intoFile.err()).contains(notes.toString(), "is not a folder");
    assertSameFiles(snapshot(content), reports);
    assertThat(Files.readString(notes)).isEqualTo("mine");
    assertSameFiles(snapshot(out), before);
    assertThat(besideTheOutput()).containsExactly(".daybook", "content", "notes.txt", "output");
  }

  @Test
  void aMissingTemplateIsNamedAndNothingIsWritten() throws IOException {
    Path templates = copyOf(Path.of("templates"), dir.resolve("templates"));
    Files.delete(templates.resolve("home.ftl"));

    CliRun run = build("--templates=" + templates);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("daybook: missing template " + templates.resolve("home.ftl")
        + "\n");
    assertThat(out).doesNotExist();
    assertThat(besideTheOutput()).containsExactly("content", "templates");
  }

  @Test
  void aMissingAssetIsNamed() throws IOException {
    Path assets = Files.createDirectories(dir.resolve("assets"));

    CliRun run = build("--assets=" + assets);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("daybook: missing asset " + assets.resolve("css/daybook.css")
        + "\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aBadBaseUrlIsAUsageError() {
    for (String bad : List.of("ftp://example.com/", "project/", "https:///nohost/",
        "https://example.com/?q=1", "/a b/")) {
      CliRun run = build("--base-url=" + bad);

      assertThat(run.exitCode()).as(bad).isEqualTo(2);
      assertThat(run.err()).as(bad).contains("base URL '" + bad + "'");
      assertThat(out).as(bad).doesNotExist();
    }
  }

  static Path copyOf(Path from, Path to) throws IOException {
    FileTrees.copy(from, to);
    return to;
  }

  @Test
  void aSiteFolderThatHoldsTheArchiveIsRefusedAndNothingIsDeleted() throws IOException {
    List<String> before = files(dir);

    // The site would take the folder's place: the archive in it, and the build cache beside
    // the site, would be deleted as files the site does not have.
    CliRun run = CliRun.run("build", "--config=site.properties", "--content=" + content,
        "--out=" + dir);

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains(dir + ": the site would replace this folder, which holds the"
        + " archive (--content) (" + content.toAbsolutePath().normalize() + ")");
    assertThat(files(dir)).isEqualTo(before);
  }

  @Test
  void timingsSayEachStepInBuildOrder() {
    CliRun run = build("--timings");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("(?m)^timings: parse \\d+\\.\\d{3} s, index \\d+\\.\\d{3}"
        + " s, stage \\d+\\.\\d{3} s, bake \\d+\\.\\d{3} s, pages \\d+\\.\\d{3} s, digests"
        + " \\d+\\.\\d{3} s, export \\d+\\.\\d{3} s, write \\d+\\.\\d{3} s$");
    assertThat(buildOk().out()).doesNotContain("timings:");
  }

  @Test
  void aSiteFolderThatIsALinkToAFolderIsBuiltAgainAndAgain() throws IOException {
    Path real = Files.createDirectories(dir.resolve("pages"));
    Files.createSymbolicLink(out, real);

    buildOk();
    Map<String, byte[]> first = snapshot(real);
    Files.writeString(real.resolve("stray.html"), "left by hand");
    CliRun second = buildOk();

    assertThat(second.out()).contains("(0 written, 1 deleted)");
    assertSameFiles(snapshot(real), first);
    assertThat(Files.isSymbolicLink(out)).as("the link stays a link").isTrue();
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
