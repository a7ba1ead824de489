package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.bench.ArchiveSynthesizer;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Severity;
import dev.daybook.report.ReportParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model's lists are in {@link SiteModel#NEWEST_FIRST} order, however they are built. */
class SiteModelTest {

  @Test
  void everyListIsTheWholeSortedNewestFirstAndFiltered(@TempDir Path dir) throws IOException {
    new ArchiveSynthesizer(Path.of("content")).synthesize(dir, 30);
    ReportParser parser = new ReportParser(ZoneId.of("Asia/Shanghai"));
    List<DailyReport> reports = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.resolve("reports"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        reports.add(parser.parse(f, Files.readString(f), true).report().orElseThrow());
      }
    }
    // In no particular order, and with each day's commits as the report lists them.
    SiteModel model = new SiteModel(reports);

    List<SiteModel.Entry> sorted = new ArrayList<>(model.all());
    sorted.sort(SiteModel.NEWEST_FIRST);
    assertThat(model.all()).hasSize(reports.stream().mapToInt(r -> (int) r.commitCount()).sum())
        .isEqualTo(sorted);
    model.byRepo().forEach((repo, entries) -> assertThat(entries)
        .isEqualTo(sorted.stream().filter(e -> e.repo().equals(repo)).toList()));
    for (Severity s : Severity.values()) {
      assertThat(model.bySeverity().get(s)).isNotEmpty()
          .isEqualTo(sorted.stream().filter(e -> e.commit().severity() == s).toList());
    }
    assertThat(model.days()).extracting(DailyReport::date).isSorted();
  }
}
