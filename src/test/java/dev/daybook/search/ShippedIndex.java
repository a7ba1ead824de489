package dev.daybook.search;

import dev.daybook.archive.ReportStore;
import dev.daybook.model.DailyReport;
import dev.daybook.report.ReportParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;

/** The shipped reports of {@code content/}, parsed once, and an in-memory index of them. */
final class ShippedIndex {

  static final Path CONTENT = Path.of("content");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static List<DailyReport> reports;

  private ShippedIndex() {}

  static synchronized List<DailyReport> reports() {
    if (reports == null) {
      try {
        ReportParser parser = new ReportParser(ZONE);
        List<DailyReport> out = new ArrayList<>();
        for (Path f : new ReportStore(CONTENT).list()) {
          out.add(parser.parse(f, Files.readString(f, StandardCharsets.UTF_8), true).orThrow());
        }
        reports = List.copyOf(out);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return reports;
  }

  static List<CommitDoc> docs() {
    return CommitDoc.of(reports(), (date, anchor) -> "reports/" + date + ".html#" + anchor);
  }

  static IndexSearch open() {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      SearchIndex.write(dir, docs(), "test");
      return IndexSearch.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
