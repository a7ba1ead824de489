package dev.daybook.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;

/**
 * The files {@code assets/js/search.js} fetches for one query on a first visit to
 * {@code search.html?q=}: the script itself, then the files of {@code search/} in the order the
 * script asks for them. It reads the files {@link StaticExport} wrote and follows the script's
 * rules:
 *
 * <ol>
 *   <li>{@code js/search.js}; nothing else for an empty query;
 *   <li>{@code meta.json}; nothing more when the query does not parse or a {@code repo:} filter
 *       names no repository;
 *   <li>the {@code terms-N.json} of its terms (text terms, {@code author:}/{@code path:} terms,
 *       the {@code sha:} prefix; a word or phrase also needs the {@code author:} term of it and a
 *       bare SHA its {@code sha:} prefix), in the order the query names them, of the parts a date
 *       or repository filter the query requires can meet ({@link #reach}), of the newest part for
 *       text and author terms, and of the other parts for a text term the newest lacks ({@link
 *       #shards});
 *       the {@code pos-N.json} of the terms of phrases (text of two tokens or more), of the parts
 *       it can meet; the {@code field-F.json} of its date filters and the {@code field-F-K.json}
 *       of the repositories, severities and types its filters and words name, of the parts it
 *       can meet; the {@code big-K.json} a shard points to; the {@code tail-K.json} of a
 *       phrase's terms that are split ({@link TermSplit}), of the parts it can meet;
 *   <li>the shards and positions of the parts reading of a text with a term the index lacks
 *       ({@link QueryBuilder#reading});
 *   <li>for a SHA longer than 7 digits (bare or not), the {@code docs-N.json} of each candidate
 *       of the parts the query can meet;
 *   <li>for a word that matches nothing ({@link Spelling}), the {@code words-Ln.json} of its
 *       first letter and the lengths within reach; if a word was corrected, the files of the
 *       corrected query as above;
 *   <li>the {@code tail-K.json} of the split terms the query reads, unless their heads prove
 *       the first page ({@link #proven}) and the facets wait for the reader;
 *   <li>the {@code docs-N.json} of the first page of results (10);
 *   <li>when there are results and the archive has at most as many commits as the search page
 *       loads the facets at once for ({@code data-facets-at-once} of {@code search.html}), the
 *       facets' files of the parts that hold a result ({@link #facets}); past that they are
 *       loaded only when the reader asks.
 * </ol>
 *
 * Every file after {@code meta.json} is in the folder of a part of the export ({@link
 * StaticExport.Part}): each part's, but as said above, and a {@code docs-N.json}, which is the
 * one of the part holding the document. The paths listed are the site's, of the files as published ({@link
 * PublishedFile}: {@code search/meta.json.gz}).
 *
 * <p>Which commits fill the first page comes from {@link IndexSearch} on the Lucene index the
 * export was made from: {@code SearchAgreementTest} requires the browser's top 10 to be the
 * same. Their ids in the export are those {@link ExportOrder} gives their documents.
 */
public final class StaticFetchPlan implements Closeable {

  /** Results the page shows at first (search.js's PAGE). */
  static final int PAGE = 10;

  /** The list in a part of meta.json whose places number its {@code field-F-K.json} files. */
  private static final Map<String, String> VALUE_LISTS =
      Map.of("repo", "repos", "severity", "severities", "type", "types");

  /** The attribute of the search page's script that says up to how many commits. */
  private static final Pattern FACETS_AT_ONCE =
      Pattern.compile("data-facets-at-once=\"(\\d+)\"");

  private final Path site;
  private final Path data;
  private final IndexSearch index;
  private final JsonNode meta;
  /** meta.json's parts, in its order: a part's place in it numbers the part. */
  private final List<JsonNode> parts = new ArrayList<>();
  private final boolean facetsAtOnce;
  private final Map<String, JsonNode> parsed = new HashMap<>();
  /** The terms whose tails the last {@link #gather} loaded (those of phrases). */
  private final Set<String> tailed = new HashSet<>();
  /** The parts the last {@link #gather}'s query can match ({@link #reach}; null: every part). */
  private Set<Integer> within;
  private Map<String, Integer> ids;
  private ExportOrder order;

  /**
   * @param site the baked site (holding {@code js/search.js} and {@code search/})
   * @param indexDir the Lucene index the site's {@code search/} was exported from
   */
  public StaticFetchPlan(Path site, Path indexDir) throws IOException {
    this.site = site;
    this.data = site.resolve("search");
    this.meta = PublishedFile.readJson(data.resolve(PublishedFile.name("meta.json")));
    meta.path("parts").forEach(parts::add);
    this.facetsAtOnce = facetsAtOnce(site, meta);
    this.index = IndexSearch.open(indexDir);
  }

  /** The site-relative paths fetched for {@code query}, in order, each once. */
  public List<String> files(String query) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    out.add("js/search.js");
    // search.js trims with JavaScript's whitespace; Java's strip agrees on everything a query
    // holds in practice.
    if (query.strip().isEmpty()) {
      return List.copyOf(out);
    }
    out.add(data("meta.json"));
    Spelling.Result read;
    SearchQuery asWritten;
    try {
      read = index.read(query);
      asWritten = QueryParser.parse(query);
    } catch (QuerySyntaxException e) {
      return List.copyOf(out);
    }
    gather(asWritten, out);
    for (String word : read.lookedUp()) {
      words(word, out);
    }
    if (read.corrected() != null) {
      gather(read.query(), out);
    }
    SearchResults results;
    try {
      results = index.search(query, PAGE);
    } catch (QuerySyntaxException e) {
      return List.copyOf(out); // e.g. only stop words: the script stops after the shards
    }
    // The split terms the query reads with their heads alone: their tails unless the heads
    // prove the first page.
    Set<String> partial = new LinkedHashSet<>();
    Set<String> reads = new LinkedHashSet<>();
    reads(read.query(), reads);
    for (String t : reads) {
      if (!tailed.contains(t) && split(t)) {
        partial.add(t);
      }
    }
    // Facets with the results count every match: the page reads the whole of every term.
    if (!partial.isEmpty() && (facetsAtOnce || !proven(read.query(), partial, results))) {
      for (String t : partial) {
        tails(t, out);
      }
    }
    for (SearchHit hit : results.hits()) {
      Integer id = ids().get(hit.repo() + "@" + hit.sha());
      if (id == null) {
        throw new IllegalStateException("the export has no " + hit.repo() + "@" + hit.sha());
      }
      out.add(docs(id));
    }
    if (results.total() > 0 && facetsAtOnce) {
      out.addAll(facets(query));
    }
    return List.copyOf(out);
  }

  /**
   * Whether the search page loads the facets with the results, as search.js decides it: its
   * static index has at most as many commits as the page's {@code data-facets-at-once} says.
   * A page that asks OpenSearch shows no facets.
   */
  private static boolean facetsAtOnce(Path site, JsonNode meta) throws IOException {
    Path page = site.resolve("search.html");
    if (!Files.exists(page) || !meta.has("n")) {
      return false;
    }
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Matcher at = FACETS_AT_ONCE.matcher(html);
    return !html.contains("data-opensearch=") && at.find()
        && meta.path("n").asLong() <= Long.parseLong(at.group(1));
  }

  /**
   * The site-relative paths the refine button fetches after {@code query} matched: of every part
   * that holds a match, the {@code field-repo-K.json} of every repository, then {@code
   * field-year.json}, {@code facets.json} and {@code field-month.json}, in that order. After a
   * query whose split terms were read from their heads alone, the button first loads their tails
   * (not listed here): the facets count every match.
   */
  public List<String> facets(String query) throws IOException {
    Set<Integer> holding = new HashSet<>();
    try {
      for (int doc : index.matching(query)) {
        holding.add(place(order().id[doc]));
      }
    } catch (QuerySyntaxException e) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    List<String> repos = new ArrayList<>();
    meta.path("repos").forEach(r -> repos.add(r.asText()));
    values("repo", repos, out, holding);
    for (String name : List.of(StaticExport.fieldFile("year"), "facets.json",
        StaticExport.fieldFile("month"))) {
      for (int p = 0; p < parts.size(); p++) {
        if (holding.contains(p)) {
          out.add(data(parts.get(p), name));
        }
      }
    }
    return out;
  }

  /**
   * The places in meta.json's parts of the parts a query can match, as search.js's reach()
   * finds them: a date filter it requires keeps out the parts whose dates it cannot meet, a repo
   * filter the parts without its repositories. Null: every part.
   */
  private Set<Integer> reach(SearchQuery q) {
    if (q instanceof SearchQuery.Filter f
        && (f.field().equals("date") || f.field().equals("repo"))) {
      List<String> repos = f.field().equals("repo") ? repos(f.value()) : null;
      Set<Integer> out = new HashSet<>();
      for (int p = 0; p < parts.size(); p++) {
        JsonNode part = parts.get(p);
        boolean can = false;
        if (repos == null) {
          can = meets(part, List.<String[]>of(new String[] {f.value(), f.to()}));
        } else {
          for (JsonNode r : part.path("repos")) {
            can |= repos.contains(r.asText());
          }
        }
        if (can) {
          out.add(p);
        }
      }
      return out;
    }
    boolean and = q instanceof SearchQuery.And;
    if (!and && !(q instanceof SearchQuery.Or)) {
      return null;
    }
    Set<Integer> out = null;
    for (SearchQuery item : and ? ((SearchQuery.And) q).queries()
        : ((SearchQuery.Or) q).queries()) {
      Set<Integer> r = reach(item);
      if (r == null) {
        if (and) {
          continue;
        }
        return null;
      }
      if (out == null) {
        out = new HashSet<>(r);
      } else if (and) {
        out.retainAll(r);
      } else {
        out.addAll(r);
      }
    }
    return out;
  }

  /** The place in meta.json's parts of the part that holds doc id {@code id}. */
  private int place(int id) {
    int place = 0;
    for (int p = 0; p < parts.size(); p++) {
      if (id >= parts.get(p).path("from").asInt()) {
        place = p;
      }
    }
    return place;
  }

  /**
   * The {@code field-F-K.json} of some values of a field, in each part within (places in
   * meta.json's parts; null: every part) that has them.
   */
  private void values(String field, Collection<String> values, Collection<String> out,
      Set<Integer> within) {
    for (int p = 0; p < parts.size(); p++) {
      if (within != null && !within.contains(p)) {
        continue;
      }
      JsonNode part = parts.get(p);
      List<String> own = new ArrayList<>();
      part.path(VALUE_LISTS.get(field)).forEach(v -> own.add(v.asText()));
      for (String v : values) {
        int k = own.indexOf(v);
        if (k >= 0) {
          out.add(data(part, StaticExport.valueFile(field, k)));
        }
      }
    }
  }

  /** The repositories of the archive a {@code repo:} value means: by full name, owner or name. */
  private List<String> repos(String value) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : meta.path("repos")) {
      if (SearchIndex.repoKeys(r.asText()).contains(value)) {
        out.add(r.asText());
      }
    }
    return out;
  }

  /**
   * What search.js's gather() loads for a parsed query: the shards of its terms, positions of
   * its phrases, its field sets, the big-K.json they point to; then the same for the parts
   * readings of its texts with a term the index lacks; then the docs of long SHAs' candidates.
   */
  private void gather(SearchQuery q, Set<String> out) throws IOException {
    tailed.clear();
    Needs n = new Needs();
    needs(q, n);
    Set<String> terms = n.terms;
    Set<String> phrases = n.phrases;
    // A part the query cannot match needs no set of its filters' or words' values, and no
    // postings.
    within = reach(q);
    for (String f : n.fields) {
      int colon = f.indexOf(':');
      if (colon < 0) {
        for (int p = 0; p < parts.size(); p++) {
          JsonNode part = parts.get(p);
          if ((within == null || within.contains(p)) && (!f.equals("date") || meets(part, n.dates))) {
            out.add(data(part, StaticExport.fieldFile(f)));
          }
        }
        continue;
      }
      String field = f.substring(0, colon);
      String value = f.substring(colon + 1);
      values(field, field.equals("repo") ? repos(value) : List.of(value), out, within);
    }
    shards(terms, phrases, out);
    Set<String> partTerms = new LinkedHashSet<>();
    Set<String> partPhrases = new LinkedHashSet<>();
    partsNeeds(q, partTerms, partPhrases);
    shards(partTerms, partPhrases, out);
    for (String sha : n.longShas) {
      String prefix = sha.substring(0, 4);
      String term = "sha:" + prefix;
      for (int p = 0; p < parts.size(); p++) {
        if (!postings(p)) {
          continue; // the page reads no SHA of a part the query cannot match
        }
        JsonNode part = parts.get(p);
        String shard = StaticExport.termsFile(StaticExport.shard(term, part.path("shards").asInt()));
        JsonNode value = termValue(part, shard, term);
        if (value == null) {
          continue;
        }
        int doc = part.path("from").asInt();
        for (int i = 0; i < value.get(0).size(); i++) {
          doc += value.get(0).get(i).asInt();
          if (sha.startsWith(prefix + value.get(1).get(i).asText())) {
            out.add(docs(doc));
          }
        }
      }
    }
  }

  /** The part that holds doc id {@code id}. */
  private JsonNode holder(int id) {
    return parts.get(place(id));
  }

  /** The docs-N.json of the part that holds doc id {@code id}. */
  private String docs(int id) {
    JsonNode holder = holder(id);
    int local = id - holder.path("from").asInt();
    return data(holder, StaticExport.docsFile(local / meta.path("chunk").asInt()));
  }

  /**
   * The shards of some terms and the positions of some, and the big-K.json they point to, as
   * search.js's lookup() reads them: of the parts the query can match ({@link #postings}); of
   * the newest part, those of text and author terms (it gives the document frequency of its text
   * terms in the other parts, and holds every author: {@link StaticExport}'s otherParts); of the
   * others, a text term's shard when the newest part lacks it.
   */
  private void shards(Set<String> terms, Set<String> phrases, Set<String> out)
      throws IOException {
    int last = parts.size() - 1;
    List<String> textAndAuthors = terms.stream()
        .filter(t -> isText(t) || t.startsWith(SearchIndex.AUTHOR + ":")).toList();
    for (int p = 0; p < parts.size(); p++) {
      shards(parts.get(p), postings(p) ? terms : p == last ? textAndAuthors : List.of(),
          postings(p) ? phrases : Set.of(), out);
    }
    if (within != null && last >= 0) {
      List<String> lacking = new ArrayList<>();
      for (String t : terms) {
        if (isText(t) && termValue(parts.get(last), t) == null) {
          lacking.add(t);
        }
      }
      for (int p = 0; p < last; p++) {
        if (!postings(p)) {
          shards(parts.get(p), lacking, Set.of(), out);
        }
      }
    }
    // A phrase needs the whole of a split term.
    for (String t : phrases) {
      tails(t, out);
      tailed.add(t);
    }
  }

  /** The shards of some terms and the positions of some in one part, and their big-K.json. */
  private void shards(JsonNode part, Collection<String> terms, Collection<String> phrases,
      Set<String> out) throws IOException {
    int shards = part.path("shards").asInt();
    int posShards = part.path("posShards").asInt();
    for (String t : terms) {
      out.add(data(part, StaticExport.termsFile(StaticExport.shard(t, shards))));
    }
    for (String t : phrases) {
      out.add(data(part, StaticExport.posFile(StaticExport.shard(t, posShards))));
    }
    // A shard holding a number for a term means the term's value is in big-K.json.
    for (String t : terms) {
      big(out, part, StaticExport.termsFile(StaticExport.shard(t, shards)), t);
    }
    for (String t : phrases) {
      big(out, part, StaticExport.posFile(StaticExport.shard(t, posShards)), t);
    }
  }

  /** Whether the query's postings are read from the part at {@code place} (it can match there). */
  private boolean postings(int place) {
    return within == null || within.contains(place);
  }

  /** A text term, not a keyword's {@code field:value}. */
  private static boolean isText(String term) {
    return term.indexOf(':') < 0;
  }

  /** A term's value in a part, or null: its head when it is split. */
  private JsonNode termValue(JsonNode part, String term) throws IOException {
    return termValue(part, StaticExport.termsFile(StaticExport.shard(term,
        part.path("shards").asInt())), term);
  }

  /** Whether a text term's value is a head in some part it is read from ({@link TermSplit}). */
  private boolean split(String term) throws IOException {
    for (int p = 0; p < parts.size(); p++) {
      if (postings(p) && isHead(termValue(parts.get(p), term))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHead(JsonNode v) {
    return v != null && v.isArray() && v.size() >= 6;
  }

  /** The tail-K.json of a term in every part it is read from where its value is a head. */
  private void tails(String term, Set<String> out) throws IOException {
    for (int p = 0; p < parts.size(); p++) {
      JsonNode v = termValue(parts.get(p), term);
      if (postings(p) && isHead(v)) {
        out.add(data(parts.get(p), StaticExport.tailFile(v.get(3).asInt())));
      }
    }
  }

  /**
   * A text term's document frequency in a field over the whole index, as search.js's docFreq()
   * finds it: from the newest part's value when it gives the other parts' ({@link
   * StaticExport}'s otherParts), else summed over the parts.
   */
  private long docFreq(String term, int slot) throws IOException {
    JsonNode newest = parts.isEmpty() ? null : termValue(parts.get(parts.size() - 1), term);
    JsonNode others = newest == null ? null : newest.get(isHead(newest) ? 6 : 2);
    if (others != null && others.isArray()) {
      return ownDf(newest, slot) + others.get(slot).asLong();
    }
    long df = 0;
    for (JsonNode part : parts) {
      JsonNode v = termValue(part, term);
      if (v != null) {
        df += ownDf(v, slot);
      }
    }
    return df;
  }

  /** A text term's documents in one part's value, in a field. */
  private static long ownDf(JsonNode v, int slot) {
    return isHead(v) ? v.get(2).get(slot).asLong()
        : ExportCodec.unpack(v.get(slot).asText()).length / 3;
  }

  /** The text terms a query is searched by: the readings of its words and phrases. */
  private void reads(SearchQuery q, Set<String> terms) {
    String text = q instanceof SearchQuery.Words w ? w.text()
        : q instanceof SearchQuery.Phrase p ? p.text() : null;
    if (text != null) {
      List<TextAnalysis.Token> tokens = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY);
      QueryBuilder.reading(text, q instanceof SearchQuery.Words, tokens, index::known)
          .forEach(t -> terms.add(t.term()));
    } else if (q instanceof SearchQuery.Not n) {
      reads(n.query(), terms);
    } else if (q instanceof SearchQuery.And a) {
      a.queries().forEach(x -> reads(x, terms));
    } else if (q instanceof SearchQuery.Or o) {
      o.queries().forEach(x -> reads(x, terms));
    }
  }

  /**
   * Whether the heads of the {@code partial} terms prove the first page, as search.js's {@code
   * proven} decides it: one clause of the query (the query, or one of its AND) reads them, a
   * word or phrase of one term; the first page's commits are all in the term's head or in parts
   * where it is whole; and the last of them scores above the best a commit of a tail could: the
   * tail's best title and body scores ({@link TermSplit#frontier}) with the whole index's
   * statistics, the word's extras that match a commit and the best score of each other clause
   * (of the commits of the parts the query can match: the only ones the page reads).
   */
  private boolean proven(SearchQuery q, Set<String> partial, SearchResults results)
      throws IOException {
    List<SearchQuery> items = q instanceof SearchQuery.And a ? a.queries() : List.of(q);
    String text = null;
    boolean word = false;
    double others = 0;
    for (SearchQuery item : items) {
      Set<String> reads = new LinkedHashSet<>();
      reads(item, reads);
      reads.retainAll(partial);
      if (reads.isEmpty()) {
        others += item instanceof SearchQuery.Not ? 0 : index.best(item, reached());
        continue;
      }
      String itemText = item instanceof SearchQuery.Words w ? w.text()
          : item instanceof SearchQuery.Phrase p ? p.text() : null;
      if (text != null || itemText == null) {
        return false;
      }
      List<TextAnalysis.Token> tokens = TextAnalysis.analyze(itemText, TextAnalysis.Mode.QUERY);
      if (tokens.size() != 1
          || QueryBuilder.reading(itemText, item instanceof SearchQuery.Words, tokens,
              index::known) != tokens) {
        return false;
      }
      text = itemText;
      word = item instanceof SearchQuery.Words;
    }
    if (text == null || results.hits().size() < PAGE) {
      return false;
    }
    String term = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY).get(0).term();
    float[] weights = new float[2];
    for (int slot = 0; slot < 2; slot++) {
      weights[slot] = weight(slot, docFreq(term, slot));
    }
    double bound = 0;
    Set<Integer> head = new HashSet<>();
    Set<Integer> headed = new HashSet<>();
    for (int p = 0; p < parts.size(); p++) {
      JsonNode part = parts.get(p);
      JsonNode v = termValue(part, term);
      if (!postings(p) || !isHead(v)) {
        continue;
      }
      headed.add(part.path("from").asInt());
      double best = 0;
      for (int slot = 0; slot < 2; slot++) {
        int[] frontier = ExportCodec.unpack(v.get(4 + slot).asText());
        float top = 0;
        for (int x = 0; x + 1 < frontier.length; x += 2) {
          top = Math.max(top, bm25(slot, weights[slot], frontier[x + 1],
              TermSplit.fieldLength(frontier[x])));
        }
        best += top;
        int[] list = ExportCodec.unpack(v.get(slot).asText());
        int doc = part.path("from").asInt();
        for (int y = 0; y + 2 < list.length; y += 3) {
          doc += list[y];
          head.add(doc);
        }
      }
      bound = Math.max(bound, best);
    }
    for (QueryBuilder.Extra e : QueryBuilder.extras(text, word)) {
      bound += index.matches(e.filter(), reached()) ? e.score() : 0;
    }
    bound += others;
    for (SearchHit hit : results.hits().subList(0, PAGE)) {
      int id = ids().get(hit.repo() + "@" + hit.sha());
      if (!head.contains(id) && headed.contains(holder(id).path("from").asInt())) {
        return false;
      }
    }
    return results.hits().get(PAGE - 1).score() > bound;
  }

  /** Whether a document of the index ({@link IndexSearch#reader}) is in a part the query can match. */
  private IntPredicate reached() throws IOException {
    int[] id = order().id;
    return doc -> postings(place(id[doc]));
  }

  /** BM25's weight of a term in a field (search.js's weight): boost times idf, in floats. */
  private float weight(int slot, long df) {
    JsonNode stats = meta.path("fields").path(slot == 0 ? SearchIndex.TITLE : SearchIndex.BODY);
    long docCount = stats.get(0).asLong();
    float idf = (float) StrictMath.log(1 + (docCount - df + 0.5) / (df + 0.5));
    return (float) meta.path(slot == 0 ? "titleBoost" : "bodyBoost").asDouble() * idf;
  }

  /** The score of a field of {@code dl} terms that holds the term {@code freq} times. */
  private float bm25(int slot, float weight, int freq, int dl) {
    JsonNode stats = meta.path("fields").path(slot == 0 ? SearchIndex.TITLE : SearchIndex.BODY);
    float avgdl = (float) (stats.get(1).asDouble() / stats.get(0).asDouble());
    float k1 = (float) meta.path("k1").asDouble();
    float b = (float) meta.path("b").asDouble();
    float norm = 1f / (k1 * ((1 - b) + b * dl / avgdl));
    return weight - weight / (1 + freq * norm);
  }

  /** The parts readings the query's texts are searched by ({@link QueryBuilder#reading}). */
  private void partsNeeds(SearchQuery q, Set<String> terms, Set<String> phrases) {
    String text = q instanceof SearchQuery.Words w ? w.text()
        : q instanceof SearchQuery.Phrase p ? p.text() : null;
    if (text != null) {
      boolean word = q instanceof SearchQuery.Words;
      List<TextAnalysis.Token> tokens = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY);
      List<TextAnalysis.Token> reading = QueryBuilder.reading(text, word, tokens, index::known);
      if (reading != tokens) {
        for (TextAnalysis.Token t : reading) {
          terms.add(t.term());
          if (reading.size() > 1) {
            phrases.add(t.term());
          }
        }
      }
    } else if (q instanceof SearchQuery.Not n) {
      partsNeeds(n.query(), terms, phrases);
    } else if (q instanceof SearchQuery.And a) {
      a.queries().forEach(x -> partsNeeds(x, terms, phrases));
    } else if (q instanceof SearchQuery.Or o) {
      o.queries().forEach(x -> partsNeeds(x, terms, phrases));
    }
  }

  /** The words-Ln.json that exist for a word spelling looked up ({@link Spelling#closest}). */
  private void words(String word, Set<String> out) {
    int reach = word.length() >= Spelling.LONG_WORD ? 2 : 1;
    for (JsonNode part : parts) {
      long lengths = part.path("spell").path(word.substring(0, 1)).asLong();
      for (int n = word.length() - reach; n <= word.length() + reach; n++) {
        if (n >= 2 && n <= TextAnalysis.MAX_SPELLED && (lengths >> n & 1) == 1) {
          out.add(data(part, StaticExport.wordsFile(word.charAt(0), n)));
        }
      }
    }
  }

  /** The sum of the files' sizes, as stored. */
  public long bytes(List<String> files) throws IOException {
    long sum = 0;
    for (String f : files) {
      sum += Files.size(site.resolve(f));
    }
    return sum;
  }

  /**
   * The sum of the files' sizes as a host sends them: a file published compressed as it is, the
   * others (the script) gzip-compressed one by one at the default level.
   */
  public long gzipBytes(List<String> files) throws IOException {
    long sum = 0;
    for (String f : files) {
      sum += f.endsWith(PublishedFile.SUFFIX) ? Files.size(site.resolve(f))
          : gzipSize(Files.readAllBytes(site.resolve(f)));
    }
    return sum;
  }

  /** The length of {@code bytes} gzip-compressed at the default level. */
  public static long gzipSize(byte[] bytes) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.size();
  }

  /** Whether a part's dates ({@code dates} in meta.json, first and last) meet one of the ranges. */
  private static boolean meets(JsonNode part, List<String[]> ranges) {
    String first = part.path("dates").path(0).asText();
    String last = part.path("dates").path(1).asText();
    return ranges.stream().anyMatch(r -> r[0].compareTo(last) <= 0 && r[1].compareTo(first) >= 0);
  }

  /**
   * What search.js's needs() collects from a parsed query (its {@code n}): the terms and phrase
   * terms, the fields (a field of a file per value with its value), the long SHAs, and the ranges
   * of the date filters, {@code [from, to]}.
   */
  private static final class Needs {
    final Set<String> terms = new LinkedHashSet<>();
    final Set<String> phrases = new LinkedHashSet<>();
    final Set<String> fields = new TreeSet<>();
    final List<String> longShas = new ArrayList<>();
    final List<String[]> dates = new ArrayList<>();
  }

  /** What search.js's needs() and longShas() collect from a parsed query. */
  private static void needs(SearchQuery q, Needs n) {
    if (q instanceof SearchQuery.Words w) {
      text(w.text(), true, n);
    } else if (q instanceof SearchQuery.Phrase p) {
      text(p.text(), false, n);
    } else if (q instanceof SearchQuery.Filter f) {
      filter(f, n);
    } else if (q instanceof SearchQuery.Not not) {
      needs(not.query(), n);
    } else if (q instanceof SearchQuery.And a) {
      a.queries().forEach(x -> needs(x, n));
    } else if (q instanceof SearchQuery.Or o) {
      o.queries().forEach(x -> needs(x, n));
    }
  }

  private static void filter(SearchQuery.Filter f, Needs n) {
    switch (f.field()) {
      case "author", "path" -> n.terms.add(f.field() + ":" + f.value());
      case "sha" -> {
        n.terms.add("sha:" + f.value().substring(0, 4));
        if (f.value().length() > 7) {
          n.longShas.add(f.value());
        }
      }
      // A field of a file per value is listed with its value; the others by name.
      case "repo", "severity", "type" -> n.fields.add(f.field() + ":" + f.value());
      case "date" -> {
        n.fields.add(f.field());
        n.dates.add(new String[] {f.value(), f.to()});
      }
      default -> n.fields.add(f.field());
    }
  }

  /** A word or phrase needs its terms, and what its author, type, severity or SHA matches need. */
  private static void text(String text, boolean word, Needs n) {
    List<TextAnalysis.Token> tokens = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY);
    if (tokens.isEmpty()) {
      return;
    }
    for (TextAnalysis.Token t : tokens) {
      n.terms.add(t.term());
      if (tokens.size() > 1) {
        n.phrases.add(t.term());
      }
    }
    for (QueryBuilder.Extra e : QueryBuilder.extras(text, word)) {
      filter(e.filter(), n);
    }
  }

  private void big(Set<String> out, JsonNode part, String shard, String term)
      throws IOException {
    JsonNode v = read(part, shard).get(term);
    if (v != null && v.isNumber()) {
      out.add(data(part, StaticExport.bigFile(v.asInt())));
    }
  }

  /** A term's value in a part, following big-K.json; null when the shard does not hold it. */
  private JsonNode termValue(JsonNode part, String shard, String term) throws IOException {
    JsonNode v = read(part, shard).get(term);
    return v != null && v.isNumber() ? read(part, StaticExport.bigFile(v.asInt())) : v;
  }

  private JsonNode read(JsonNode part, String name) throws IOException {
    return read(part.path("dir").asText() + name);
  }

  private JsonNode read(String name) throws IOException {
    JsonNode n = parsed.get(name);
    if (n == null) {
      n = PublishedFile.readJson(data.resolve(PublishedFile.name(name)));
      parsed.put(name, n);
    }
    return n;
  }

  /** How the export numbers the index's documents. */
  private ExportOrder order() throws IOException {
    if (order == null) {
      order = ExportOrder.of(index.reader());
    }
    return order;
  }

  /** repo@sha (the index's id field) -> export id, as the export numbers the index's docs. */
  private Map<String, Integer> ids() throws IOException {
    if (ids == null) {
      ids = new HashMap<>();
      IndexReader reader = index.reader();
      ExportOrder order = order();
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues values = leaf.reader().getSortedDocValues(SearchIndex.ID);
        for (int d = 0; values != null && d < leaf.reader().maxDoc(); d++) {
          if (values.advanceExact(d)) {
            ids.put(values.lookupOrd(values.ordValue()).utf8ToString(),
                order.id[leaf.docBase + d]);
          }
        }
      }
    }
    return ids;
  }

  /** The site's path of the export's file {@code name}: what the script fetches. */
  private static String data(String name) {
    return "search/" + PublishedFile.name(name);
  }


  private static String data(JsonNode part, String name) {
    return data(part.path("dir").asText() + name);
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
