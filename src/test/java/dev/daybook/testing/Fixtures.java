package dev.daybook.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.RepoId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The real data copied from {@code shared/fixtures} into {@code src/test/resources/fixtures}: the
 * sglang week (2026-02-02..08) in the shape of GitHub's "get a commit" response, and the responses
 * recorded by hub4j/github-api's own tests.
 */
public final class Fixtures {

  public static final RepoId SGLANG = RepoId.parse("sgl-project/sglang");
  public static final LocalDate FIRST_DAY = LocalDate.of(2026, 2, 2);
  public static final LocalDate LAST_DAY = LocalDate.of(2026, 2, 8);

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The raw JSON array of one fixture day, newest first. */
  public static JsonNode sglangDayJson(LocalDate day) {
    return json("/fixtures/sglang/" + day + ".json");
  }

  /** One fixture day's commits as model objects, newest first. */
  public static List<Commit> sglangDay(LocalDate day) {
    List<Commit> commits = new ArrayList<>();
    for (JsonNode node : sglangDayJson(day)) {
      commits.add(toCommit(SGLANG, node));
    }
    return commits;
  }

  /** All commits of the fixture week, newest first. */
  public static List<Commit> sglangWeek() {
    List<Commit> all = new ArrayList<>();
    for (LocalDate d = LAST_DAY; !d.isBefore(FIRST_DAY); d = d.minusDays(1)) {
      all.addAll(sglangDay(d));
    }
    return all;
  }

  /** Reads a test resource as JSON. */
  public static JsonNode json(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts one element of GitHub's "get a commit" JSON into a model commit. */
  public static Commit toCommit(RepoId repo, JsonNode c) {
    List<FileChange> files = new ArrayList<>();
    for (JsonNode f : c.path("files")) {
      files.add(new FileChange(
          f.path("filename").asText(),
          f.hasNonNull("previous_filename") ? f.get("previous_filename").asText() : null,
          FileChange.Status.fromGitHub(f.path("status").asText()),
          f.path("additions").asInt(),
          f.path("deletions").asInt(),
          f.hasNonNull("patch") ? f.get("patch").asText() : null));
    }
    List<String> parents = new ArrayList<>();
    for (JsonNode p : c.path("parents")) {
      parents.add(p.path("sha").asText());
    }
    return new Commit(
        repo,
        c.path("sha").asText(),
        c.path("html_url").asText(),
        c.path("commit").path("author").path("name").asText(),
        Instant.parse(c.path("commit").path("committer").path("date").asText()),
        c.path("commit").path("message").asText(),
        parents,
        c.path("stats").path("additions").asInt(),
        c.path("stats").path("deletions").asInt(),
        files);
  }
}
