package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sink that takes files from every core gets the bytes an ordered sink gets. */
class StaticExportSinkTest {

  @Test
  void aConcurrentSinkGetsTheFilesAnOrderedSinkGets(@TempDir Path dir) throws IOException {
    try (FSDirectory index = FSDirectory.open(dir)) {
      SearchIndex.write(index, ShippedIndex.docs(), "test");
    }
    List<String> order = new ArrayList<>();
    Map<String, byte[]> ordered = new TreeMap<>();
    StaticExport.Result one = StaticExport.write(dir, (name, bytes) -> {
      order.add(name);
      ordered.put(name, bytes);
    });
    Map<String, byte[]> concurrent = new ConcurrentHashMap<>();
    StaticExport.Result two = StaticExport.write(dir, new StaticExport.Sink() {
      @Override
      public void file(String name, byte[] bytes) {
        assertThat(concurrent.put(name, bytes)).as(name).isNull();
      }

      @Override
      public boolean concurrent() {
        return true;
      }
    });

    assertThat(two).isEqualTo(one);
    // The shipped week is one part, of its month; meta.json, which lists the parts, comes last.
    assertThat(order).hasSize(one.files()).startsWith("2026-02/terms-0.json")
        .endsWith("2026-02/docs/0/docs-"
            + (order.stream().filter(n -> n.startsWith("2026-02/docs/")).count() - 1) + ".json",
            "meta.json");
    assertThat(new TreeMap<>(concurrent).keySet()).isEqualTo(ordered.keySet());
    ordered.forEach((name, bytes) -> assertThat(concurrent.get(name)).as(name).isEqualTo(bytes));
  }
}
