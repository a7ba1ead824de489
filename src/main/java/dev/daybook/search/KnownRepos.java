package dev.daybook.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The repositories an index holds, so that a {@code repo:} filter naming none of them is an error
 * that lists them and suggests the closest ({@code repo:sglan} → {@code repo:sglang}), as a bad
 * type or severity is, instead of finding nothing. The keys are those of {@link
 * SearchIndex#repoKeys}: full names, owners and names, in lower case. {@code search.js}'s {@code
 * checkRepos} does the same from {@code meta.json}'s {@code repos}, after the query is parsed and
 * before anything else is fetched.
 */
public final class KnownRepos {

  private final TreeSet<String> keys;

  private KnownRepos(TreeSet<String> keys) {
    this.keys = keys;
  }

  /** The repositories of these keys ({@link SearchIndex#repoKeys}), e.g. from another engine. */
  public static KnownRepos of(Collection<String> keys) {
    return new KnownRepos(new TreeSet<>(keys));
  }

  static KnownRepos of(IndexReader reader) throws IOException {
    TreeSet<String> keys = new TreeSet<>();
    Terms terms = MultiTerms.getTerms(reader, SearchIndex.REPO);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        keys.add(t.utf8ToString());
      }
    }
    return new KnownRepos(keys);
  }

  /** Whether a query has a {@code repo:} filter: only then need its repositories be known. */
  public static boolean filtersRepos(SearchQuery q) {
    return q instanceof SearchQuery.Filter f ? f.field().equals(SearchIndex.REPO)
        : inner(q).stream().anyMatch(KnownRepos::filtersRepos);
  }

  private static List<SearchQuery> inner(SearchQuery q) {
    return q instanceof SearchQuery.And a ? a.queries()
        : q instanceof SearchQuery.Or o ? o.queries()
        : q instanceof SearchQuery.Not n ? List.of(n.query()) : List.of();
  }

  /** Throws for the first {@code repo:} filter, left to right, that names no repository. */
  public void check(SearchQuery q) throws QuerySyntaxException {
    if (q instanceof SearchQuery.Filter f && f.field().equals(SearchIndex.REPO)
        && !keys.contains(f.value())) {
      List<String> full = keys.stream().filter(k -> k.contains("/")).toList();
      List<String> candidates = new ArrayList<>(full);
      keys.stream().filter(k -> !k.contains("/")).forEach(candidates::add);
      String closest = Closest.of(f.value(), candidates);
      throw new QuerySyntaxException(QueryMessage.BAD_REPO, f.column(), "repo:" + f.value(),
          f.column(), f.value(), full).suggesting(closest == null ? null : "repo:" + closest);
    }
    for (SearchQuery i : inner(q)) {
      check(i);
    }
  }
}
