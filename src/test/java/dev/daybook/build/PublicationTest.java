package dev.daybook.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next build does with a journal it cannot finish from (the kill, the failure and the
 * concurrent build themselves are tested with real processes in {@code cli.PublishingTest}).
 */
class PublicationTest {

  @TempDir
  Path dir;

  @Test
  void aJournalReadsBackAsWritten() {
    Publication.Plan plan = new Publication.Plan(List.of("a b/c\td.html", "index.html"),
        List.of("old.html"), List.of("old"), List.of("output.pages"));

    assertThat(Publication.Plan.read(journal(plan))).isEqualTo(plan);
    assertThat(Publication.Plan.read("{\"written\":[]}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
  }

  /**
   * A journal whose work folder is gone, or that cannot be read, cannot be finished: it is
   * dropped with the caches that describe the site, so the build compares every file it makes.
   */
  @Test
  void aJournalThatCannotBeFinishedDropsTheRecordOfTheSite() throws Exception {
    BuildCache cache = BuildCache.of(dir.resolve("output"));
    Files.createDirectories(cache.dir());
    for (byte[] journal : List.of(journal(new Publication.Plan(List.of("x.html"),
        List.of(), List.of(), List.of())), "garbage".getBytes(StandardCharsets.UTF_8))) {
      Path record = cache.entries().resolve(BuildCache.SITE).resolve("key");
      Path report = cache.entries().resolve(BuildCache.REPORT).resolve("key");
      Files.createDirectories(record.getParent());
      Files.createDirectories(report.getParent());
      Files.write(record, new byte[] {1});
      Files.write(report, new byte[] {2});
      Files.write(cache.journal(), journal);

      new Publication(dir.resolve("output"), cache).finishLast();

      assertThat(cache.journal()).doesNotExist();
      assertThat(record).doesNotExist();
      assertThat(report).exists(); // it says nothing of the site
      Files.delete(report);
    }
  }

  /** The journal of a plan. */
  private static byte[] journal(Publication.Plan plan) {
    try {
      return plan.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
