package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Searches over the shipped reports (7 days, 141 commits of sgl-project/sglang). Expectations come
 * from the reports' text: a filter finds exactly the commits whose values match, a Chinese word
 * exactly the commits whose text contains it, and the best match is the commit a reader would
 * name.
 */
class ShippedSearchTest {

  static IndexSearch search;
  static List<CommitDoc> docs;

  @BeforeAll
  static void open() {
    search = ShippedIndex.open();
    docs = ShippedIndex.docs();
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
  }

  static SearchResults run(String query) throws Exception {
    return search.search(query, IndexSearch.MAX_LIMIT);
  }

  static List<String> shas(SearchResults r) {
    return r.hits().stream().map(SearchHit::shortSha).toList();
  }

  static long count(Predicate<CommitDoc> p) {
    return docs.stream().filter(p).count();
  }

  static String text(CommitDoc d) {
    return d.title() + " " + d.body();
  }

  @Test
  void theShippedContentHas141Commits() {
    assertThat(docs).hasSize(141);
  }

  /** Bigrams as a phrase: a Chinese query finds exactly the commits whose text contains it. */
  @ParameterizedTest
  @ValueSource(strings = {"缓存", "编译缓存", "测试", "内核", "缓存淘汰"})
  void chineseFindsExactlyTheTextsThatContainIt(String word) throws Exception {
    SearchResults r = run(word);
    assertThat(r.total()).isEqualTo(count(d -> text(d).contains(word)));
    for (SearchHit h : r.hits()) {
      assertThat(h.title() + h.snippet().text()).contains(word);
    }
  }

  @Test
  void chineseCacheIsHighlightedInTheSnippet() throws Exception {
    SearchResults r = run("缓存");
    assertThat(r.total()).isEqualTo(4);
    for (SearchHit h : r.hits()) {
      assertThat(h.snippet().marked("[", "]")).contains("[缓存]");
    }
  }

  @Test
  void hiCacheFindsTheHiCacheCommitsWithTheOneNamedForItFirst() throws Exception {
    SearchResults r = run("HiCache");
    // 3d68bd9 "add hicache jit test" has it in its title and all through its text.
    assertThat(shas(r).get(0)).isEqualTo("3d68bd9");
    // The [HiCache]-tagged commits of the week.
    assertThat(shas(r)).contains("1805943", "e166ca8", "7a9d9c7");
    assertThat(shas(run("hicache"))).isEqualTo(shas(r));
    assertThat(shas(run("ＨｉＣａｃｈｅ"))).isEqualTo(shas(r));
  }

  @Test
  void cacheAlsoFindsCachingAndHiCache() throws Exception {
    SearchResults r = run("cache");
    assertThat(shas(r)).contains("fd983b0", "e166ca8", "1805943", "7a9d9c7", "3d68bd9");
    assertThat(r.total()).isGreaterThan(run("HiCache").total());
    assertThat(run("caching").total()).isEqualTo(r.total());
    assertThat(run("cached").total()).isEqualTo(r.total());
  }

  @Test
  void twoWordsMustBothMatch() throws Exception {
    SearchResults r = run("hicache jit");
    assertThat(shas(r)).containsExactly("3d68bd9");
    assertThat(r.hits().get(0).snippet().marked("[", "]"))
        .contains("[HiCache] [JIT] Kernel");
    assertThat(r.hits().get(0).title().substring(r.hits().get(0).titleHighlights().get(0)[0],
        r.hits().get(0).titleHighlights().get(0)[1])).isEqualTo("hicache");
  }

  @Test
  void phrasesMatchWordsInOrder() throws Exception {
    assertThat(shas(run("\"radix cache\""))).first().isEqualTo("fd983b0");
    assertThat(shas(run("\"spec decode\""))).containsExactlyInAnyOrder("ef1d0ea", "8b21dd4");
    assertThat(run("\"cache radix\"").total()).isLessThan(run("radix cache").total());
  }

  @Test
  void severityHighFindsTheHighCommitsNewestFirst() throws Exception {
    SearchResults r = run("severity:high");
    assertThat(r.total()).isEqualTo(count(d -> d.severity().equals("high"))).isEqualTo(8);
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.score()).isZero());
    assertThat(r.hits()).isSortedAccordingTo(
        Comparator.comparing(SearchHit::time).reversed());
  }

  @Test
  void typeAndRepoFiltersCombine() throws Exception {
    SearchResults r = run("type:bugfix repo:sgl-project/sglang");
    assertThat(r.total()).isEqualTo(count(d -> d.types().contains("bugfix"))).isPositive();
    assertThat(run("type:bugfix repo:sglang").total()).isEqualTo(r.total());
    assertThat(run("type:bugfix repo:other/repo").total()).isZero();
  }

  @Test
  void authorMatchesTheWholeNameOrOneWordOfIt() throws Exception {
    SearchResults r = run("author:\"Alison Shao\"");
    assertThat(r.total()).isEqualTo(count(d -> d.author().equals("Alison Shao"))).isEqualTo(6);
    assertThat(shas(run("author:alison"))).isEqualTo(shas(r));
    assertThat(shas(r)).contains("d0c39bc", "d22163e");
  }

  @Test
  void pathMatchesADirectoryAndEverythingBelowIt() throws Exception {
    SearchResults r = run("path:python/sglang/jit_kernel");
    assertThat(r.total()).isEqualTo(count(d -> d.paths().stream()
        .anyMatch(p -> p.startsWith("python/sglang/jit_kernel/")))).isPositive();
    assertThat(shas(r)).contains("3d68bd9", "9b1619c", "2eb4359");
    assertThat(run("path:bench_hicache.py").total()).isEqualTo(1);
  }

  @Test
  void dateFiltersADayAMonthOrARange() throws Exception {
    assertThat(run("date:2026-02-06").total()).isEqualTo(13);
    assertThat(run("date:2026-02..2026-03").total()).isEqualTo(141);
    assertThat(run("date:2026-02-05..2026-02-06").total())
        .isEqualTo(count(d -> d.date().toString().compareTo("2026-02-05") >= 0
            && d.date().toString().compareTo("2026-02-06") <= 0));
    assertThat(run("date:2026-03").total()).isZero();
    assertThat(run("date:2026-02-07..").total())
        .isEqualTo(count(d -> d.date().toString().compareTo("2026-02-07") >= 0));
  }

  @Test
  void aMinusExcludes() throws Exception {
    SearchResults r = run("-diffusion");
    assertThat(r.total()).isEqualTo(141 - run("diffusion").total());
    assertThat(r.hits()).noneMatch(h -> (h.title() + " " + h.snippet().text())
        .toLowerCase(Locale.ROOT).contains("diffusion"));
    assertThat(run("cache -hicache").total())
        .isEqualTo(run("cache").total() - run("cache hicache").total());
  }

  @Test
  void orAddsAlternatives() throws Exception {
    long either = run("hicache OR 缓存").total();
    assertThat(either).isEqualTo(run("hicache").total() + run("缓存").total()
        - run("hicache 缓存").total());
    assertThat(run("severity:high OR severity:low").total())
        .isEqualTo(count(d -> !d.severity().equals("medium")));
  }

  @Test
  void equalScoresComeNewestFirst() throws Exception {
    SearchResults r = run("date:2026-02-06");
    assertThat(shas(r).get(0)).isEqualTo("c6aa186"); // 23:55:42, the day's last commit
    assertThat(r.hits()).isSortedAccordingTo(Comparator.comparing(SearchHit::time).reversed());
  }

  @Test
  void theLimitCutsTheListButNotTheTotal() throws Exception {
    SearchResults r = search.search("cache", 3);
    assertThat(r.hits()).hasSize(3);
    assertThat(r.total()).isEqualTo(run("cache").total());
    assertThat(r.hits()).extracting(SearchHit::rank).containsExactly(1, 2, 3);
  }

  @Test
  void resultsLinkToTheCommitsAnchorInItsReport() throws Exception {
    SearchHit h = run("hicache jit").hits().get(0);
    assertThat(h.url()).isEqualTo("reports/2026-02-06.html#3d68bd9");
    assertThat(h.repo()).isEqualTo("sgl-project/sglang");
    assertThat(h.severity()).isEqualTo("high");
    assertThat(h.date()).hasToString("2026-02-06");
  }

  @Test
  void htmlInAQueryIsText() throws Exception {
    assertThat(run("<script>alert(1)</script>").total()).isZero();
  }
}
