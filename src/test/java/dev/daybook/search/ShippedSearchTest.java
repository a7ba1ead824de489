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
import org.junit.jupiter.params.provider.CsvSource;
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

  /**
   * Bigrams as a phrase: a Chinese query finds exactly the commits whose text contains it (a word
   * that is no type's or severity's, see below).
   */
  @ParameterizedTest
  @ValueSource(strings = {"缓存", "编译缓存", "内核", "缓存淘汰"})
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
    assertThat(run("type:bugfix repo:SGL-Project").total()).isEqualTo(r.total());
  }

  @Test
  void aRepoTheArchiveDoesNotHoldIsAnErrorThatListsItsReposAndSuggestsTheClosest() {
    QuerySyntaxException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        QuerySyntaxException.class, () -> run("cache repo:sglan"));
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.message(dev.daybook.model.Language.ZH)).isEqualTo("第 7 列的 repo:sglan：归档里"
        + "没有仓库 sglan；现有的仓库是 sgl-project/sglang；是不是想写 repo:sglang？");
    assertThat(e.message(dev.daybook.model.Language.EN)).isEqualTo("repo:sglan at column 7: the"
        + " archive holds no repository sglan; it holds sgl-project/sglang; did you mean"
        + " repo:sglang?");
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(QuerySyntaxException.class,
        () -> run("type:bugfix (x OR -repo:other/repo)")).getMessage())
        .isEqualTo("repo:other/repo at column 20: the archive holds no repository other/repo;"
            + " it holds sgl-project/sglang");
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

  /** A word of 7 to 40 hex digits, in any case, finds the commit whose SHA starts with it. */
  @ParameterizedTest
  @ValueSource(strings = {"f798ab9", "F798AB9", "f798ab9775ba",
      "f798ab9775ba16b3b64e65f5c33a222ad5a64829", "f798ab9 OR cache", "cache OR f798ab9",
      "torch.compile f798ab9"})
  void aBareShaFindsItsCommitFirst(String query) throws Exception {
    assertThat(shas(run(query)).get(0)).isEqualTo("f798ab9");
    assertThat(run(query).hits().get(0).score()).isGreaterThanOrEqualTo(Ranking.SHA_SCORE);
  }

  @Test
  void aHexWordThatIsNoShaPrefixIsAWord() throws Exception {
    assertThat(run("f798ab").total()).as("6 digits: not a SHA").isZero();
    assertThat(run("f798ab8").total()).as("no commit's SHA").isZero();
    assertThat(run("\"f798ab9\"").total()).as("quoted: a phrase, not a SHA").isZero();
    assertThat(run("-f798ab9").total()).isEqualTo(140);
  }

  /** An author's name, or a word of it, finds their commits without author:. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"陈一涵 | 陈一涵", "Alison | alison", "alison shao | alison",
      "\"Alison Shao\" | \"alison shao\"", "SHAO | shao", "Zhang | zhang", "赵晨阳 | 赵晨阳"})
  void aNameFindsItsAuthorsCommits(String query, String author) throws Exception {
    List<String> byAuthor = shas(run("author:" + author));
    assertThat(byAuthor).isNotEmpty();
    assertThat(shas(run(query))).containsAll(byAuthor);
  }

  @Test
  void aNameFindsOnlyItsAuthorsCommitsWhenNoTextHasIt() throws Exception {
    assertThat(shas(run("陈一涵"))).containsExactlyElementsOf(shas(run("author:陈一涵")))
        .hasSize(3);
    assertThat(run("Alison").hits()).hasSize(6).allSatisfy(h -> {
      assertThat(h.author()).isEqualTo("Alison Shao");
      assertThat(h.score()).isEqualTo(Ranking.NAME_SCORE);
    });
  }

  /**
   * The words the site shows for a type or a severity, in Chinese and English, find the commits
   * labelled so, besides those whose text has them.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"修复 | type | bugfix", "功能 | type | feature",
      "文档 | type | docs", "测试 | type | test", "高 | severity | high", "fix | type | bugfix",
      "feature | type | feature", "docs | type | docs", "high | severity | high",
      "低 | severity | low", "Bug修复 | type | bugfix", "\"bug fix\" | type | bugfix"})
  void theArchivesOwnWordsFindTheirCommits(String word, String field, String key)
      throws Exception {
    SearchResults r = run(word);
    Predicate<CommitDoc> labelled = d -> field.equals("type") ? d.types().contains(key)
        : d.severity().equals(key);
    assertThat(count(labelled)).isPositive();
    assertThat(shas(r)).containsAll(shas(run(field + ":" + key)));
    if (word.codePoints().allMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HAN)) {
      assertThat(r.total()).isEqualTo(count(labelled.or(d -> text(d).contains(word))));
    }
  }

  @Test
  void aWordThatIsNeitherNameNorLabelFindsOnlyText() throws Exception {
    assertThat(run("缓存").hits()).allSatisfy(h -> assertThat(h.score())
        .isNotEqualTo(Ranking.NAME_SCORE).isNotEqualTo(Ranking.LABEL_SCORE));
  }

  @Test
  void htmlInAQueryIsText() throws Exception {
    assertThat(run("<script>alert(1)</script>").total()).isZero();
  }
}
