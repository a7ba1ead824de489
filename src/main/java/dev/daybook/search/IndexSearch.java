package dev.daybook.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Searches the index: parses the query ({@link QueryParser}), checks that its {@code repo:}
 * filters name repositories of the index ({@link KnownRepos}), reads misspelt words as the
 * archive's closest ({@link Spelling}), builds it ({@link QueryBuilder}), ranks by BM25 ({@link
 * Ranking}), equal scores newest first (then by repository and SHA), or all newest first ({@link
 * Order#DATE}), and makes a snippet for each hit ({@link Snippet}).
 */
public final class IndexSearch implements Closeable {

  /** The most results one search returns. */
  public static final int MAX_LIMIT = 1000;

  /** The order of results. */
  public enum Order {
    /** Best first; equal scores newest first. */
    RELEVANCE(new Sort(SortField.FIELD_SCORE, newest(), byId())),
    /** Newest first, whatever the score. */
    DATE(new Sort(newest(), byId()));

    private final Sort sort;

    Order(Sort sort) {
      this.sort = sort;
    }
  }

  private static SortField newest() {
    return new SortField(SearchIndex.TIME, SortField.Type.LONG, true);
  }

  private static SortField byId() {
    return new SortField(SearchIndex.ID, SortField.Type.STRING);
  }

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final KnownRepos repos;
  private final Spelling spelling;

  private IndexSearch(Directory directory) throws IOException {
    this.directory = directory;
    this.reader = SearchIndex.open(directory);
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(Ranking.similarity());
    this.repos = KnownRepos.of(reader);
    this.spelling = new Spelling(reader);
  }

  /** Opens the index in a folder written by {@link SearchIndex#update}. */
  public static IndexSearch open(Path dir) throws IOException {
    Directory d = FSDirectory.open(dir);
    try {
      return new IndexSearch(d);
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  static IndexSearch open(Directory directory) throws IOException {
    return new IndexSearch(directory);
  }

  public SearchResults search(String queryText, int limit)
      throws QuerySyntaxException, IOException {
    return search(queryText, limit, Order.RELEVANCE);
  }

  public SearchResults search(String queryText, int limit, Order order)
      throws QuerySyntaxException, IOException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("the limit is 1 to " + MAX_LIMIT + ": " + limit);
    }
    Spelling.Result read = read(queryText);
    QueryBuilder.Built built = QueryBuilder.build(read.query(), spelling::known);
    TopFieldDocs top = searcher.search(built.query(), limit, order.sort, true);
    long total = searcher.count(built.query());
    List<SearchHit> hits = new ArrayList<>();
    int rank = 1;
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc);
      float score = sd.score;
      hits.add(hit(rank++, score, d, built.highlightTerms()));
    }
    return new SearchResults(queryText, read.corrected(), total, hits);
  }

  /**
   * The best score a clause of a query gives a document on its own, of the documents {@code
   * among} accepts (their ids in {@link #reader}); 0 when it matches none of them or has nothing
   * to search for.
   */
  float best(SearchQuery clause, IntPredicate among) throws IOException {
    float[] best = {0};
    visit(clause, among, ScoreMode.COMPLETE, (doc, scorer) -> {
      best[0] = Math.max(best[0], scorer.score());
      return true;
    });
    return best[0];
  }

  /** Whether a clause of a query matches a document {@code among} accepts. */
  boolean matches(SearchQuery clause, IntPredicate among) throws IOException {
    boolean[] any = {false};
    visit(clause, among, ScoreMode.COMPLETE_NO_SCORES, (doc, scorer) -> {
      any[0] = true;
      return false;
    });
    return any[0];
  }

  /** What {@link #visit} does at a document (its id in {@link #reader}); false stops it. */
  private interface Visitor {
    boolean at(int doc, Scorer scorer) throws IOException;
  }

  /**
   * Visits each live document a clause matches that {@code among} accepts, in doc order; none
   * when the clause has nothing to search for.
   */
  private void visit(SearchQuery clause, IntPredicate among, ScoreMode mode, Visitor visitor)
      throws IOException {
    Query query;
    try {
      query = searcher.rewrite(QueryBuilder.build(clause, spelling::known).query());
    } catch (QuerySyntaxException nothing) {
      return;
    }
    Weight weight = searcher.createWeight(query, mode, 1);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if ((live == null || live.get(d)) && among.test(leaf.docBase + d)
            && !visitor.at(leaf.docBase + d, scorer)) {
          return;
        }
      }
    }
  }

  /**
   * The doc ids, in {@link #reader}, of every document a query matches, ascending; none when it
   * has nothing to search for.
   */
  int[] matching(String queryText) throws QuerySyntaxException, IOException {
    IntStream.Builder out = IntStream.builder();
    visit(read(queryText).query(), doc -> true, ScoreMode.COMPLETE_NO_SCORES, (doc, scorer) -> {
      out.add(doc);
      return true;
    });
    return out.build().toArray();
  }

  /** The query as it is run: parsed, checked and with its misspelt words corrected. */
  Spelling.Result read(String queryText) throws QuerySyntaxException, IOException {
    SearchQuery query = QueryParser.parse(queryText);
    check(query);
    return spelling.correct(queryText, query);
  }

  /** The index searched. */
  DirectoryReader reader() {
    return reader;
  }

  /** Whether a text term is in the title or body vocabulary. */
  boolean known(String term) {
    return spelling.known(term);
  }

  /** Throws when a {@code repo:} filter of the query names no repository of the index. */
  void check(SearchQuery query) throws QuerySyntaxException {
    repos.check(query);
  }

  private static SearchHit hit(int rank, float score, Document d, Set<String> terms) {
    String title = d.get(SearchIndex.SHOW + SearchIndex.TITLE);
    return new SearchHit(rank, score,
        LocalDate.parse(d.get(SearchIndex.SHOW + SearchIndex.DATE)),
        Instant.ofEpochSecond(d.getField(SearchIndex.SHOW + SearchIndex.TIME).numericValue()
            .longValue()),
        d.get(SearchIndex.SHOW + SearchIndex.REPO), d.get(SearchIndex.SHOW + SearchIndex.SHA),
        d.get(SearchIndex.SHOW + SearchIndex.SEVERITY),
        Arrays.stream(d.getFields(SearchIndex.SHOW + SearchIndex.TYPE))
            .map(IndexableField::stringValue).toList(),
        d.get(SearchIndex.SHOW + SearchIndex.AUTHOR), title,
        Snippet.whole(title, terms).highlights(), d.get(SearchIndex.SHOW + "url"),
        Snippet.of(d.get(SearchIndex.SHOW + SearchIndex.BODY), terms));
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
