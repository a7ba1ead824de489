package dev.daybook.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.search.TextAnalysis;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The index template's analysis against Daybook's ({@link TextAnalysis}), on a real node: every
 * input of {@code analyzer-spec.md} is analyzed by OpenSearch's {@code _analyze} with the
 * template's index and query analyzers, and the terms must be Daybook's, except for the inputs
 * listed in {@link #DIFFERENT}, each with the reason README gives, which must still differ (so
 * that the list stays true).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisAgreementTest {

  private OpenSearchNode node;
  private Endpoint endpoint;

  @BeforeAll
  void start() throws Exception {
    node = OpenSearchNode.start();
    endpoint = new Endpoint(node.url(), "daybook-analysis", Map.of(), Duration.ofSeconds(30));
    new OpenSearchIndex(endpoint).prepare();
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  /** The inputs of the analyzer spec, in order. */
  static List<String> inputs() throws Exception {
    List<String> out = new ArrayList<>();
    boolean inExample = false;
    for (String line : Files.readAllLines(Path.of("src/test/resources/search/analyzer-spec.md"),
        StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inExample = line.equals("```example");
      } else if (inExample && line.startsWith("input: ")) {
        out.add(line.substring("input: ".length()));
      }
    }
    return out;
  }

  /** The terms with their positions, as a sorted set ("term@position"). */
  private TreeSet<String> opensearch(String analyzer, String text) throws Exception {
    ObjectNode body = Endpoint.object();
    body.put("analyzer", analyzer);
    body.put("text", text);
    URI url = endpoint.indexUrl("_analyze");
    JsonNode answer = Endpoint.require(endpoint.post(url, body), url, "analyzing");
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode t : answer.path("tokens")) {
      out.add(t.path("token").asText() + "@" + t.path("position").asInt());
    }
    return out;
  }

  private static TreeSet<String> daybook(String text, TextAnalysis.Mode mode) {
    TreeSet<String> out = new TreeSet<>();
    for (TextAnalysis.Token t : TextAnalysis.analyze(text, mode)) {
      out.add(t.term() + "@" + t.position());
    }
    return out;
  }

  /**
   * The inputs whose index terms differ, by their start, and why (README, OpenSearch). Positions
   * count: a phrase query compares them.
   */
  static final Map<String, String> DIFFERENT = Map.of(
      "NixlKVManager", "word_delimiter_graph splits no run of capitals from the word after it",
      "HTMLParser", "word_delimiter_graph splits no run of capitals from the word after it",
      "python/sglang/jit_kernel/__init__.py", "the whole word keeps its leading and trailing _",
      "fp8 GLM-4.7", "the standard tokenizer keeps a decimal number (4.7) as one more term",
      "aaaaaaaaaa", "a word longer than 64 letters is dropped but keeps its position");

  @Test
  void indexTermsAreDaybooksButForTheListedInputs() throws Exception {
    List<String> inputs = inputs();
    Map<String, String> differing = new LinkedHashMap<>();
    for (String in : inputs) {
      TreeSet<String> d = daybook(in, TextAnalysis.Mode.INDEX);
      TreeSet<String> o = opensearch(IndexTemplate.INDEX_ANALYZER, in);
      if (!d.equals(o)) {
        differing.put(in, "Daybook " + d + ", OpenSearch " + o);
      }
    }
    assertThat(inputs).hasSizeGreaterThan(15);
    assertThat(differing.keySet()).allSatisfy(in ->
        assertThat(DIFFERENT.keySet()).anySatisfy(start -> assertThat(in).startsWith(start)));
    assertThat(DIFFERENT.keySet()).allSatisfy(start ->
        assertThat(differing.keySet()).anySatisfy(in -> assertThat(in).startsWith(start)));
  }

  @Test
  void queryTermsHoldDaybooksAsOneReadingOfTheGraph() throws Exception {
    // The query analyzer keeps a name's parts beside it (a graph that match_phrase reads both
    // ways); Daybook's query terms are one of its readings.
    for (String in : inputs()) {
      TreeSet<String> d = terms(daybook(in, TextAnalysis.Mode.QUERY));
      TreeSet<String> o = terms(opensearch(IndexTemplate.QUERY_ANALYZER, in));
      assertThat(o).as(in).containsAll(d);
    }
  }

  @Test
  void chineseIsBigramsAndFullWidthIsFolded() throws Exception {
    assertThat(opensearch(IndexTemplate.INDEX_ANALYZER, "缓存淘汰")).containsExactlyInAnyOrder(
        "缓@0", "缓存@0", "存@1", "存淘@1", "淘@2", "淘汰@2", "汰@3");
    assertThat(opensearch(IndexTemplate.QUERY_ANALYZER, "缓存淘汰")).containsExactlyInAnyOrder(
        "缓存@0", "存淘@1", "淘汰@2");
    assertThat(opensearch(IndexTemplate.QUERY_ANALYZER, "缓")).containsExactly("缓@0");
    assertThat(opensearch(IndexTemplate.INDEX_ANALYZER, "ＨｉＣａｃｈｅ")).containsExactlyInAnyOrder(
        "hicach@0", "hi@0", "cach@1");
    // Stop words leave their position; Porter stems letters only.
    assertThat(opensearch(IndexTemplate.INDEX_ANALYZER, "the caching of qwen3s"))
        .containsExactlyInAnyOrder("cach@1", "qwen3s@3", "qwen@3", "3@4", "s@5");
  }

  private static TreeSet<String> terms(TreeSet<String> withPositions) {
    TreeSet<String> out = new TreeSet<>();
    withPositions.forEach(t -> out.add(t.substring(0, t.lastIndexOf('@'))));
    return out;
  }
}
