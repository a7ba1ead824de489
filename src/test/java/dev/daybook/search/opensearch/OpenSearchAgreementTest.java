package dev.daybook.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.search.CommitDoc;
import dev.daybook.search.IndexSearch;
import dev.daybook.search.QuerySyntaxException;
import dev.daybook.search.SearchHit;
import dev.daybook.search.SearchIndex;
import dev.daybook.search.SearchResults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchAgreementTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final CommitDoc.ReportUrls URLS = (date, anchor) -> "reports/" + date + ".html#" + anchor;

  private OpenSearchNode node;
  private IndexSearch lucene;
  private OpenSearchSearch opensearch;

  @BeforeAll
  void setUp(@TempDir Path tmp) throws Exception {
    node = OpenSearchNode.start();
    ArchiveReader.Archive archive = new ArchiveReader(Path.of("content"), ZONE).read();
    Map<String, DailyReport> byKey = new TreeMap<>();
    Map<String, String> files = new TreeMap<>();
    for (ArchiveReader.Source s : archive.reports().values()) {
      byKey.put(SearchIndex.reportKey(s.name(), s.digest()), s.report());
      files.put(s.name(), s.digest());
    }
    Path dir = tmp.resolve("lucene");
    SearchIndex.update(dir, byKey, URLS, SearchIndex.fingerprint(files, ZONE), ZONE);
    lucene = IndexSearch.open(dir);
    Endpoint endpoint = new Endpoint(node.url(), "daybook", Map.of(), Duration.ofSeconds(30));
    new OpenSearchIndex(endpoint).sync(archive.reports().values(), URLS);
    opensearch = new OpenSearchSearch(endpoint);
  }

  @AfterAll
  void tearDown() throws Exception {
    if (lucene != null) {
      lucene.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private static List<String> queries() throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/search/agreement-queries.txt"),
        StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }

  private static String run(Searcher s, String q) {
    try {
      SearchResults r = s.search(q);
      List<String> ids = new ArrayList<>();
      for (SearchHit h : r.hits()) {
        ids.add(h.shortSha());
      }
      return r.total() + " " + ids;
    } catch (QuerySyntaxException e) {
      return "error: " + e.message(Language.EN);
    } catch (Exception e) {
      return "failed: " + e;
    }
  }

  interface Searcher {
    SearchResults search(String q) throws Exception;
  }

  @Test
  void print() throws Exception {
    for (String q : queries()) {
      String a = run(x -> lucene.search(x, 1000), q);
      String b = run(x -> opensearch.search(x, 1000, IndexSearch.Order.RELEVANCE), q);
      String sa = run(x -> lucene.search(x, 10), q);
      String sb = run(x -> opensearch.search(x, 10, IndexSearch.Order.RELEVANCE), q);
      System.out.println((a.equals(b) ? "SAME " : sortedSame(a, b) ? "SET  " : "DIFF ") + q
          + "\n   L " + sa + "\n   O " + sb);
    }
  }

  private static boolean sortedSame(String a, String b) {
    return sortIds(a).equals(sortIds(b));
  }

  private static String sortIds(String s) {
    int i = s.indexOf('[');
    if (i < 0) {
      return s;
    }
    List<String> ids = new ArrayList<>(List.of(s.substring(i + 1, s.length() - 1).split(", ")));
    ids.sort(null);
    return s.substring(0, i) + ids;
  }
}
