package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportAndCheckCommandTest {

  @TempDir
  Path dir;
  Path reference;
  Path content;
  Path archived;

  @BeforeEach
  void copyReference() throws IOException {
    reference = dir.resolve("report-2026-02-06.zh.md");
    try (InputStream in = getClass().getResourceAsStream(
        "/reports/reference/report-2026-02-06.zh.md")) {
      Files.copy(in, reference);
    }
    content = dir.resolve("content");
    archived = content.resolve("reports/2026/02/2026-02-06.md");
  }

  CliRun importReference(String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "import";
    args[1] = "--content=" + content;
    args[2] = "--config=" + dir.resolve("none.properties");
    args[3] = reference.toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(args);
  }

  @Test
  void importWritesTheReferenceAtItsDatePathInOurFormat() throws IOException {
    CliRun run = importReference();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("-> " + archived)
        .contains("13 commits: 2 high, 7 medium, 4 low")
        .contains("marked 1 analysis as incomplete");
    String golden;
    try (InputStream in = getClass().getResourceAsStream("/reports/golden/2026-02-06.zh.md")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(archived)).isEqualTo(golden);
  }

  @Test
  void importKeepsAnExistingReportUnlessForced() throws IOException {
    importReference();
    Files.writeString(archived, "hand edited\n");
    CliRun again = importReference();
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("kept " + archived);
    assertThat(Files.readString(archived)).isEqualTo("hand edited\n");
    CliRun forced = importReference("--force");
    assertThat(forced.exitCode()).isZero();
    assertThat(forced.out()).startsWith("replaced ");
    assertThat(Files.readString(archived)).startsWith("title=每日更新报告（2026-02-06）");
  }

  @Test
  void importOfABrokenReportNamesTheLineAndWritesNothing() throws IOException {
    Files.writeString(reference, Files.readString(reference)
        .replace("| 2026-02-06 16:54:33 |", "| yesterday |"));
    CliRun run = importReference();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(reference + ":9: commit time 'yesterday' is not");
    assertThat(Files.exists(archived)).isFalse();
  }

  @Test
  void importOfAMissingFileSaysSo() {
    Path missing = dir.resolve("nope.md");
    CliRun run = CliRun.run("import", "--content=" + content, missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("daybook: " + missing + ": no such file or folder\n");
  }

  @Test
  void importIntoAContentFolderThatCannotBeWrittenFailsClearly() throws IOException {
    // A file where the reports folder should be: no user, root included, can write there.
    Files.createDirectories(content);
    Files.writeString(content.resolve("reports"), "not a folder\n");
    CliRun run = importReference();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("daybook: cannot write in " + content.resolve("reports"))
        .endsWith("\n").hasLineCount(1);
    assertThat(Files.readString(content.resolve("reports"))).isEqualTo("not a folder\n");
  }

  @Test
  void checkPassesOnAGoodArchiveAndListsProblemsOfABadOne() throws IOException {
    importReference();
    CliRun ok = CliRun.run("check", "--content=" + content);
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).isEqualTo("1 reports, 13 commits, 0 problems\n");

    Files.writeString(archived, Files.readString(archived).replace("status=published", ""));
    Path misplaced = content.resolve("reports/2026/03/2026-02-06-copy.md");
    Files.createDirectories(misplaced.getParent());
    Files.write(misplaced, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
    CliRun bad = CliRun.run("check", "--content=" + content);
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.out()).isEqualTo(
        archived + ":1: header has no 'status' (expected status=published); JBake skips drafts"
            + " and files without a status\n"
            + misplaced + ":1: not UTF-8 text (byte 1)\n");
    assertThat(bad.err()).isEqualTo("2 reports, 13 commits, 2 problems\n");
  }

  @Test
  void checkOfAFolderWithoutReportsFailsInsteadOfPassing() {
    CliRun run = CliRun.run("check", "--content=" + dir.resolve("typo"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("daybook: no archive at " + dir.resolve("typo/reports"));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliRun.run("import").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("frobnicate").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("--version").out()).startsWith("daybook ");
  }

  @Test
  void aBadSettingsFileIsNamed() throws IOException {
    Path config = dir.resolve("site.properties");
    Files.writeString(config, "report.timezone=Mars/Olympus\n");
    CliRun run = CliRun.run("check", "--config=" + config, "--content=" + content);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("daybook: " + config + ": report.timezone: 'Mars/Olympus' is"
        + " not valid (expected a time zone such as Asia/Shanghai or UTC)\n");
  }
}
