package dev.daybook.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build's reader renders each report's page in the parse that reads it, so the page is made
 * from the bytes that were read; a report known from an earlier build has its page read when
 * asked, from the same bytes or not at all.
 */
class ArchiveReaderPagesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Path GOLDEN = Path.of("src/test/resources/reports/golden/2026-02-06.zh.md");

  private static Path archive(Path dir) throws IOException {
    Path file = dir.resolve("reports/2026/02/2026-02-06.md");
    Files.createDirectories(file.getParent());
    Files.copy(GOLDEN, file);
    return file;
  }

  @Test
  void aPageIsMadeFromTheBytesThatWereParsed(@TempDir Path dir) throws Exception {
    Path file = archive(dir);
    ArchiveReader.Archive read = new ArchiveReader(dir, SHANGHAI, true).read();
    assertThat(read.problems()).isEmpty();
    // The file changes after the parse: the page is still the report that was read.
    Files.writeString(file, "changed");
    String html = read.reports().values().iterator().next().page().get().html();
    assertThat(html).contains("每日更新报告（2026-02-06）");
  }

  @Test
  void aKnownReportsPageIsReadFromTheSameBytesOrNotAtAll(@TempDir Path dir) throws Exception {
    Path file = archive(dir);
    ArchiveReader.Archive first = new ArchiveReader(dir, SHANGHAI, true).read();
    ArchiveReader.Source parsed = first.reports().values().iterator().next();
    ArchiveReader.Known known = (name, digest) ->
        digest.equals(parsed.digest()) ? parsed.report() : null;
    ArchiveReader.Source cached = new ArchiveReader(dir, SHANGHAI, true).read(known).reports()
        .values().iterator().next();
    assertThat(cached.page().get().html()).isEqualTo(parsed.page().get().html());
    Files.writeString(file, Files.readString(file) + "\n");
    assertThatThrownBy(() -> cached.page().get()).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("changed while");
  }
}
