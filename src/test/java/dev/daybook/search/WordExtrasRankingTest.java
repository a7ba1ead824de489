package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the commits a word finds by its author, type or SHA rank among those it finds by text:
 * a name below a title that has the word, a SHA above everything.
 */
class WordExtrasRankingTest {

  static final String SHA = "f798ab9775ba16b3b64e65f5c33a222ad5a64829";
  static IndexSearch search;

  static CommitDoc doc(int n, String sha, String author, String title, String body,
      String type) {
    LocalDate date = LocalDate.of(2026, 2, n);
    return new CommitDoc("o/r", sha, date, Instant.parse(date + "T10:00:00Z"), "low",
        List.of(type), author, title, body, body, List.of(),
        "reports/" + date + ".html#" + n);
  }

  @BeforeAll
  static void index() throws Exception {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    SearchIndex.write(dir, List.of(
        doc(1, "1111111aaaa", "Bob Li", "Revert Alison's cache change",
            "Undoes f798ab9, which broke the cache.", "revert"),
        doc(2, SHA, "Alison Shao", "Add a kernel", "A new kernel.", "feature"),
        doc(3, "3333333cccc", "Alison Shao", "Speed up the scheduler", "Faster.", "perf"),
        doc(4, "4444444dddd", "Carol Wu", "Fix the docs", "Typos.", "docs"),
        doc(5, "5555555eeee", "Dan Ho", "Tidy the tests", "Nothing else.", "test"),
        doc(6, "6666666ffff", "Eve Ma", "Bump versions", "Releases.", "chore")), "test");
    search = IndexSearch.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
  }

  static List<String> shas(String query) throws Exception {
    return search.search(query, 10).hits().stream().map(SearchHit::shortSha).toList();
  }

  @Test
  void aNameRanksItsAuthorsCommitsBelowATitleThatHasIt() throws Exception {
    // Bob's revert names Alison in its title; her own commits follow, newest first.
    assertThat(shas("alison")).containsExactly("1111111", "3333333", "f798ab9");
  }

  @Test
  void aShaRanksItsCommitAboveATitleOrTextThatNamesIt() throws Exception {
    assertThat(shas("f798ab9")).containsExactly("f798ab9", "1111111");
  }

  @Test
  void aTypeWordFindsTheLabelledCommits() throws Exception {
    // "Fix the docs" has fix in its title and is a docs commit: bugfix labels no commit here.
    assertThat(shas("fix")).containsExactly("4444444");
    assertThat(shas("docs")).containsExactly("4444444");
    assertThat(shas("回滚")).containsExactly("1111111");
    assertThat(shas("tests")).containsExactly("5555555");
    assertThat(shas("性能")).containsExactly("3333333");
    assertThat(shas("performance")).containsExactly("3333333");
  }
}
