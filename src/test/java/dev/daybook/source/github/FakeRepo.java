package dev.daybook.source.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.model.RepoId;
import dev.daybook.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A repository that {@link FakeGitHub} serves: commits in the shape of GitHub's "get a commit"
 * answer (with files and stats), and the SHA its default branch points at.
 */
public record FakeRepo(RepoId id, long numericId, String defaultBranch, String tip, List<JsonNode> commits) {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public FakeRepo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tip, "tip");
    commits = List.copyOf(commits);
  }

  /** sgl-project/sglang with the fixture week 2026-02-02..08; {@code main} at its newest commit. */
  public static FakeRepo sglangWeek() {
    List<JsonNode> week = new ArrayList<>();
    for (var day = Fixtures.LAST_DAY; !day.isBefore(Fixtures.FIRST_DAY); day = day.minusDays(1)) {
      Fixtures.sglangDayJson(day).forEach(week::add);
    }
    return new FakeRepo(Fixtures.SGLANG, 582457046L, "main", week.get(0).path("sha").asText(), week);
  }

  /**
   * hub4j's recorded commit with 691 files: its recorded first page holds 300 of them; the other
   * 391 are derived from those (same content, names {@code derived/<n>.txt}).
   */
  static FakeRepo largeCommit() {
    ObjectNode commit = (ObjectNode) Fixtures.json(
        "/fixtures/github-api/CommitTest/listFilesWhereCommitHasLargeChange/__files/"
            + "4-r_h_c_commits_b83812aa.json");
    ArrayNode files = (ArrayNode) commit.get("files");
    int recorded = files.size();
    int total = commit.path("stats").path("total").asInt();
    for (int n = recorded; n < total; n++) {
      ObjectNode derived = files.get(n % recorded).deepCopy();
      derived.put("filename", "derived/" + n + ".txt");
      files.add(derived);
    }
    return new FakeRepo(RepoId.parse("hub4j-test-org/CommitTest"), 657543062L, "main",
        commit.path("sha").asText(), List.of(commit));
  }

  /**
   * A straight history of {@code perDay} commits a day (UTC, from 08:00 three hours apart, at most
   * five) for {@code days} days from {@code first}, each the parent of the next; {@code main} at
   * the last. Labels are {@code <name>-<date>-<n>}.
   */
  public static FakeRepo straight(RepoId id, long numericId, LocalDate first, int days,
      int perDay) {
    List<JsonNode> commits = new ArrayList<>();
    String parent = null;
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      for (int n = 0; n < perDay; n++) {
        String label = id.name() + "-" + day + "-" + n;
        Instant at = day.atTime(8 + 3 * n, 0).toInstant(ZoneOffset.UTC);
        commits.add(0, parent == null ? commit(id, label, at) : commit(id, label, at, parent));
        parent = label;
      }
    }
    return new FakeRepo(id, numericId, "main", commits.get(0).path("sha").asText(), commits);
  }

  /** A deterministic 40-hex SHA for a label in synthetic histories. */
  static String sha(String label) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest(label.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A synthetic commit {@code label} with one modified file; parents are labels too. */
  static ObjectNode commit(RepoId repo, String label, Instant committedAt, String... parents) {
    ObjectNode person = NODES.objectNode()
        .put("name", "Author of " + label)
        .put("email", label + "@example.com")
        .put("date", committedAt.toString());
    ObjectNode commit = NODES.objectNode();
    commit.put("sha", sha(label));
    commit.put("html_url", "https://github.com/" + repo + "/commit/" + sha(label));
    ObjectNode info = commit.putObject("commit");
    info.set("author", person);
    info.set("committer", person.deepCopy());
    info.put("message", "Commit " + label);
    info.putObject("tree").put("sha", sha("tree of " + label));
    commit.putNull("author");
    commit.putNull("committer");
    ArrayNode parentNodes = commit.putArray("parents");
    for (String parent : parents) {
      parentNodes.addObject().put("sha", sha(parent));
    }
    commit.putObject("stats").put("total", 1).put("additions", 1).put("deletions", 0);
    commit.putArray("files").addObject()
        .put("filename", label + ".txt")
        .put("status", "modified")
        .put("additions", 1)
        .put("deletions", 0)
        .put("changes", 1)
        .put("patch", "@@ -0,0 +1 @@\n+" + label);
    return commit;
  }
}
