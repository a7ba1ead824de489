package dev.daybook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daybook.search.PublishedFile;
import dev.daybook.search.StaticExport;
import dev.daybook.search.StaticFetchPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The search's figures for one built site: how long the Lucene index and its static export took
 * (the build's {@code index} and {@code export} phases), the size of {@code search/}, and what a
 * browser downloads for a first query ({@link StaticFetchPlan}), as stored and as sent (GitHub
 * Pages sends JavaScript gzipped, and the index's files as they are: the site publishes them
 * compressed, {@link PublishedFile}).
 */
final class SearchFigures {

  /**
   * A first query, a typical two-word query and a Chinese one; after them come a SHA (the newest
   * commit's 7 digits, see {@link #queries}), an author's name, a word of a type's label, a
   * misspelt word (to set beside {@code cache}) and a name in code.
   */
  static final List<String> QUERIES = List.of("cache", "radix cache", "缓存");
  static final List<String> MORE_QUERIES = List.of("Alison", "修复", "cahce", "apply_rope");

  private SearchFigures() {}

  /**
   * The figures as JSON: {@code indexMs, exportMs}, {@code files, bytes, gzipBytes} of
   * {@code search/} and {@code docsBytes} of its {@code docs-N.json}, {@code scriptBytes} of
   * search.js, and per query of {@link #queries} in
   * {@code firstQuery} the {@code files, bytes, gzipBytes} fetched and their list.
   */
  static Map<String, Object> of(Map<String, Object> build, Path site, Path index)
      throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> phases = (Map<String, Object>) build.getOrDefault("phasesMs", Map.of());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("indexMs", Benchmark.num(phases, "index"));
    m.put("exportMs", Benchmark.num(phases, "export"));
    long files = 0;
    long bytes = 0;
    long gzip = 0;
    long docsBytes = 0;
    try (Stream<Path> all = Files.walk(site.resolve("search"))) { // with the parts' folders
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        byte[] b = Files.readAllBytes(f);
        files++;
        bytes += b.length;
        // A host sends a file published compressed as it is.
        gzip += f.toString().endsWith(PublishedFile.SUFFIX) ? b.length
            : StaticFetchPlan.gzipSize(b);
        if (f.getFileName().toString().startsWith("docs-")) {
          docsBytes += b.length;
        }
      }
    }
    m.put("files", files);
    m.put("bytes", bytes);
    m.put("gzipBytes", gzip);
    m.put("docsBytes", docsBytes);
    m.put("scriptBytes", Files.size(site.resolve("js/search.js")));
    Map<String, Object> queries = new LinkedHashMap<>();
    try (StaticFetchPlan plan = new StaticFetchPlan(site, index)) {
      for (String q : queries(site)) {
        List<String> fetched = plan.files(q);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("files", fetched.size());
        one.put("bytes", plan.bytes(fetched));
        one.put("gzipBytes", plan.gzipBytes(fetched));
        one.put("fetched", fetched);
        queries.put(q, one);
      }
    }
    m.put("firstQuery", queries);
    return m;
  }

  /** {@link #QUERIES}, the newest commit's short SHA, {@link #MORE_QUERIES}. */
  static List<String> queries(Path site) throws IOException {
    JsonNode meta = PublishedFile.readJson(site.resolve("search/" + PublishedFile.name("meta.json")));
    JsonNode parts = meta.path("parts");
    int chunk = meta.path("chunk").asInt();
    List<String> out = new ArrayList<>(QUERIES);
    if (parts.size() > 0) { // the newest commit is the last of the last part
      JsonNode last = parts.get(parts.size() - 1);
      int newest = last.path("n").asInt() - 1;
      JsonNode docs = PublishedFile.readJson(site.resolve("search/" + last.path("dir").asText()
          + PublishedFile.name(StaticExport.docsFile(newest / chunk))));
      out.add(docs.get(newest % chunk).get(4).asText().substring(0, 7));
    }
    out.addAll(MORE_QUERIES);
    return out;
  }

  @SuppressWarnings("unchecked")
  static void print(Map<String, Object> m, PrintWriter out) {
    out.printf(Locale.ROOT, "  search: Lucene index %.2f s, static export %.2f s;"
        + " search/ %,d files, %,d bytes (%,d as sent), of which the results' shown values"
        + " (docs-N.json) %,d bytes%n",
        Benchmark.num(m, "indexMs") / 1000, Benchmark.num(m, "exportMs") / 1000,
        (long) Benchmark.num(m, "files"), (long) Benchmark.num(m, "bytes"),
        (long) Benchmark.num(m, "gzipBytes"), (long) Benchmark.num(m, "docsBytes"));
    out.println("  a first query downloads (search.js and the files of search/ it fetches; bytes"
        + " as stored, then as GitHub Pages sends them: the script gzip -6, the index's files as"
        + " published, compressed):");
    for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("firstQuery")).entrySet()) {
      Map<String, Object> q = (Map<String, Object>) e.getValue();
      out.printf(Locale.ROOT, "    %s %3d files %,10d bytes %,9d as sent%n",
          padded(e.getKey(), 14), (int) Benchmark.num(q, "files"), (long) Benchmark.num(q, "bytes"),
          (long) Benchmark.num(q, "gzipBytes"));
    }
    out.flush();
  }

  /** The text padded to a terminal width: Chinese characters take two columns. */
  private static String padded(String text, int width) {
    int used = text.codePoints()
        .map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
    return text + " ".repeat(Math.max(0, width - used));
  }
}
