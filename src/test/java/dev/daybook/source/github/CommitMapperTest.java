package dev.daybook.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Commit;
import dev.daybook.model.RepoId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHubBuilder;

class CommitMapperTest {

  @Test
  void aCommitFetchedByShaIsMappedWithoutASecondRequest() throws Exception {
    RepoId repo = RepoId.parse("daybook/by-sha");
    try (FakeGitHub github = FakeGitHub.start()) {
      github.serve(new FakeRepo(repo, 7L, "main", FakeRepo.sha("c1"), List.of(
          FakeRepo.commit(repo, "c0", Instant.parse("2026-02-06T01:00:00Z")),
          FakeRepo.commit(repo, "c1", Instant.parse("2026-02-06T02:00:00Z"), "c0"))));
      GHRepository repository = new GitHubBuilder().withEndpoint(github.apiUrl().toString())
          .withConnector(new JdkHttpConnector(
              Duration.ofSeconds(2), Duration.ofSeconds(2)))
          .build().getRepository(repo.toString());

      Commit commit = CommitMapper.toCommit(repo, repository.getCommit(FakeRepo.sha("c1")));

      assertThat(commit.files()).hasSize(1);
      assertThat(commit.additions()).isEqualTo(1);
      assertThat(commit.parents()).containsExactly(FakeRepo.sha("c0"));
      assertThat(github.requestPaths()).containsExactly(
          "/repos/" + repo, "/repos/" + repo + "/commits/" + FakeRepo.sha("c1"));
    }
  }
}
