package dev.daybook.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written atomically get the permissions any new file of the process gets (0644 under umask
 * 022), not the owner-only 0600 of a temporary file, and a file replaced keeps its mode.
 */
class AtomicFilesTest {

  @TempDir
  Path dir;

  /** The mode the process's umask gives a new file. */
  static Set<PosixFilePermission> ordinaryFileMode(Path dir) throws IOException {
    Path plain = Files.createFile(dir.resolve("plain-" + System.nanoTime()));
    try {
      return Files.getPosixFilePermissions(plain);
    } finally {
      Files.delete(plain);
    }
  }

  @Test
  void aNewReportAndANewCacheHaveTheModeOfAnyNewFile() throws IOException {
    Path report = dir.resolve("reports/2026/02/2026-02-06.md");
    Path cache = dir.resolve(".daybook/output.pages");

    AtomicFiles.write(report, "title=x\n", false);
    AtomicFiles.replaceCache(cache, "cache".getBytes(StandardCharsets.UTF_8));

    Set<PosixFilePermission> ordinary = ordinaryFileMode(dir);
    assertThat(Files.getPosixFilePermissions(report)).isEqualTo(ordinary);
    assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(ordinary);
  }

  @Test
  void aReplacedFileKeepsItsMode() throws IOException {
    Set<PosixFilePermission> groupWritable = PosixFilePermissions.fromString("rw-rw-r--");
    Path report = Files.writeString(dir.resolve("2026-02-06.md"), "old\n");
    Files.setPosixFilePermissions(report, groupWritable);
    Path cache = Files.writeString(dir.resolve("output.search"), "old\n");
    Files.setPosixFilePermissions(cache, groupWritable);

    AtomicFiles.write(report, "new\n", true);
    AtomicFiles.replaceCache(cache, "new\n".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(report)).isEqualTo("new\n");
    assertThat(Files.getPosixFilePermissions(report)).isEqualTo(groupWritable);
    assertThat(Files.readString(cache)).isEqualTo("new\n");
    assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(groupWritable);
  }

  @Test
  void aTemporaryFolderHasTheModeOfAnyNewFolder() throws IOException {
    Path plain = Files.createDirectory(dir.resolve("plain"));

    Path temporary = AtomicFiles.createTempDirectory(dir, ".lucene-new-");

    assertThat(temporary.getParent()).isEqualTo(dir);
    assertThat(temporary.getFileName().toString()).startsWith(".lucene-new-");
    assertThat(Files.getPosixFilePermissions(temporary))
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }
}
