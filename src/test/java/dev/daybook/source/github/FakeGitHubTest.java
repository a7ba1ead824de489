package dev.daybook.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The fake answers in the shape of the responses hub4j recorded from api.github.com. */
class FakeGitHubTest {

  private static final String RECORDED = "/fixtures/github-api/CommitTest/";

  private static String recordedLink(String mapping) {
    return Fixtures.json(RECORDED + mapping).path("response").path("headers").path("Link").asText();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theFilePagesOfTheLargeCommitAreLinkedAsGitHubLinkedThem() throws Exception {
    try (FakeGitHub github = FakeGitHub.start().serve(FakeRepo.largeCommit())) {
      HttpResponse<String> first = get(URI.create(github.apiUrl()
          + "/repos/hub4j-test-org/CommitTest/commits/b83812aa76bb7c3c43da96fbf8aec1e45db87624"));

      String link = first.headers().firstValue("Link").orElseThrow()
          .replace(github.apiUrl().toString(), "https://api.github.com");
      assertThat(link).isEqualTo(
          recordedLink("listFilesWhereCommitHasLargeChange/mappings/4-r_h_c_commits_b83812aa.json"));
      assertThat(Fixtures.json(RECORDED
              + "listFilesWhereCommitHasLargeChange/__files/4-r_h_c_commits_b83812aa.json")
          .path("files")).hasSize(FakeGitHub.FILES_PER_PAGE);
    }
  }

  @Test
  void theCommitListIsPagedWithTheLinkShapeGitHubRecorded() throws Exception {
    try (FakeGitHub github = FakeGitHub.start().serve(FakeRepo.sglangWeek()).listPageLimit(50)) {
      HttpResponse<String> first = get(URI.create(github.apiUrl()
          + "/repos/sgl-project/sglang/commits?sha=main&per_page=100"));

      String shape = "<https://api.github.com/repositories/\\d+/commits\\?[^>]*&page=2>; rel=\"next\", "
          + "<https://api.github.com/repositories/\\d+/commits\\?[^>]*&page=3>; rel=\"last\"";
      assertThat(recordedLink("testQueryCommits/mappings/12-r_j_j_commits.json")).matches(shape);
      assertThat(first.headers().firstValue("Link").orElseThrow()
          .replace(github.apiUrl().toString(), "https://api.github.com")).matches(shape);
      JsonNode page = new ObjectMapper().readTree(first.body());
      assertThat(page).hasSize(50);
      assertThat(page.get(0).has("files")).isFalse();
      assertThat(first.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    }
  }
}
