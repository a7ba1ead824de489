package dev.daybook.search.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.search.Ranking;
import dev.daybook.search.TextAnalysis;

/**
 * The index template: settings, the analysis chain and the mappings of Daybook's OpenSearch
 * index. The chain follows {@link TextAnalysis} step by step with OpenSearch's built-in parts:
 *
 * <ol>
 *   <li>full-width ASCII folded by a {@code mapping} char filter (the same 94 characters);
 *   <li>the {@code standard} tokenizer (Unicode word breaks: each Han character a token, Latin
 *       words apart from CJK ones);
 *   <li>{@code length} ≤ {@value TextAnalysis#MAX_WORD}: a longer token (a hash, a blob) is
 *       dropped;
 *   <li>{@code cjk_bigram}: each CJK character and each pair of neighbours at index time, pairs
 *       only at query time (a lone character stays one);
 *   <li>{@code word_delimiter_graph} keeping the original: a name's parts at their own positions,
 *       the whole name at the first ({@code HiCache}: hicach and hi, then cach);
 *   <li>{@code lowercase}, {@code stop} with {@code _english_} (Lucene's 33 words);
 *   <li>{@code keyword_marker} protects every term with a character other than a to z, so that
 *       {@code porter_stem} stems only terms of ASCII letters, as Daybook does;
 *   <li>{@code remove_duplicates}: a term at the same position once.
 * </ol>
 *
 * What differs, and why, is listed in README.md (section OpenSearch) and checked by {@code
 * OpenSearchAgreementTest}. The mappings give the filters Daybook's keyword fields (the keys
 * {@link dev.daybook.search.SearchIndex} computes), the text fields the chain above and BM25 with
 * Daybook's constants; {@code shown} is stored only, for display. The template carries its {@link
 * #VERSION} in the mapping's {@code _meta}: an index written with another version is written
 * again.
 */
public final class IndexTemplate {

  /** Changes whenever the settings, the chain, the mappings or what a document holds change. */
  public static final String VERSION = "daybook-opensearch-2+" + TextAnalysis.VERSION;

  static final String INDEX_ANALYZER = "daybook_index";
  static final String QUERY_ANALYZER = "daybook_query";

  /** The kind of a document: a commit, or the record of a report that was sent. */
  static final String KIND = "kind";
  static final String COMMIT = "commit";
  static final String REPORT = "report";
  /** In a report's record: the digest of its file, as the Lucene index keys it. */
  static final String DIGEST = "digest";
  static final String SHOWN = "shown";

  private IndexTemplate() {}

  /** The body of {@code PUT _index_template/NAME} for an index of this name. */
  static ObjectNode body(String index) {
    ObjectNode body = Endpoint.object();
    body.putArray("index_patterns").add(index);
    body.put("priority", 100);
    ObjectNode template = body.putObject("template");
    template.set("settings", settings());
    template.set("mappings", mappings());
    body.putObject("_meta").put("daybook", VERSION);
    return body;
  }

  static ObjectNode settings() {
    ObjectNode s = Endpoint.object();
    ObjectNode index = s.putObject("index");
    index.put("number_of_shards", 1); // one shard: collection statistics are the whole archive's
    index.put("number_of_replicas", 0);
    ObjectNode bm25 = index.putObject("similarity").putObject("daybook_bm25");
    bm25.put("type", "BM25");
    bm25.put("k1", Ranking.K1);
    bm25.put("b", Ranking.B);
    ObjectNode analysis = s.putObject("analysis");
    ObjectNode fold = analysis.putObject("char_filter").putObject("daybook_fullwidth");
    fold.put("type", "mapping");
    ArrayNode mappings = fold.putArray("mappings");
    for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
      // The mapping filter's own escapes: no character of the rule is taken literally.
      mappings.add(String.format("\\u%04X => \\u%04X", (int) c, c - 0xFEE0));
    }
    ObjectNode tokenizer = analysis.putObject("tokenizer").putObject("daybook_words");
    tokenizer.put("type", "standard");
    tokenizer.put("max_token_length", 255);
    ObjectNode filters = analysis.putObject("filter");
    ObjectNode length = filters.putObject("daybook_length");
    length.put("type", "length");
    length.put("max", TextAnalysis.MAX_WORD);
    ObjectNode cjkIndex = filters.putObject("daybook_cjk_index");
    cjkIndex.put("type", "cjk_bigram");
    cjkIndex.put("output_unigrams", true);
    ObjectNode cjkQuery = filters.putObject("daybook_cjk_query");
    cjkQuery.put("type", "cjk_bigram");
    cjkQuery.put("output_unigrams", false);
    ObjectNode parts = filters.putObject("daybook_parts");
    parts.put("type", "word_delimiter_graph");
    parts.put("preserve_original", true);
    parts.put("split_on_case_change", true);
    parts.put("split_on_numerics", true);
    parts.put("generate_word_parts", true);
    parts.put("generate_number_parts", true);
    parts.put("stem_english_possessive", false);
    ObjectNode stop = filters.putObject("daybook_stop");
    stop.put("type", "stop");
    stop.put("stopwords", "_english_");
    ObjectNode letters = filters.putObject("daybook_letters_only");
    letters.put("type", "keyword_marker");
    letters.put("keywords_pattern", "(?s).*[^a-z].*");
    ObjectNode analyzers = analysis.putObject("analyzer");
    analyzers.set(INDEX_ANALYZER, analyzer("daybook_cjk_index"));
    analyzers.set(QUERY_ANALYZER, analyzer("daybook_cjk_query"));
    return s;
  }

  private static ObjectNode analyzer(String cjk) {
    ObjectNode a = Endpoint.object();
    a.put("type", "custom");
    a.putArray("char_filter").add("daybook_fullwidth");
    a.put("tokenizer", "daybook_words");
    a.putArray("filter").add("daybook_length").add(cjk).add("daybook_parts").add("lowercase")
        .add("daybook_stop").add("daybook_letters_only").add("porter_stem")
        .add("remove_duplicates");
    return a;
  }

  static ObjectNode mappings() {
    ObjectNode m = Endpoint.object();
    m.put("dynamic", "strict");
    m.putObject("_meta").put("daybook", VERSION);
    ObjectNode p = m.putObject("properties");
    for (String keyword : new String[] {KIND, REPORT, DIGEST, "id", "repo", "author",
        "severity", "type", "date", "path", "sha"}) {
      p.putObject(keyword).put("type", "keyword");
    }
    for (String text : new String[] {"title", "body"}) {
      ObjectNode t = p.putObject(text);
      t.put("type", "text");
      t.put("analyzer", INDEX_ANALYZER);
      t.put("search_analyzer", QUERY_ANALYZER);
      t.put("similarity", "daybook_bm25");
    }
    p.putObject("time").put("type", "long");
    ObjectNode shown = p.putObject(SHOWN);
    shown.put("type", "object");
    shown.put("enabled", false);
    return m;
  }
}
