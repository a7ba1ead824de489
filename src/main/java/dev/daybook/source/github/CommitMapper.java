package dev.daybook.source.github;

import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.RepoId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kohsuke.github.GHCommit;

/** Turns a hub4j commit into a model commit, fetching its details (files, stats). */
final class CommitMapper {

  private CommitMapper() {}

  /**
   * Costs one request for the details, plus one per further page of files when the commit has 300
   * files or more (hub4j then reads the file pages again from the first).
   */
  static Commit toCommit(RepoId repo, GHCommit commit) throws IOException {
    List<FileChange> files = new ArrayList<>();
    for (GHCommit.File file : commit.listFiles()) {
      files.add(toFileChange(file));
    }
    GHCommit.ShortInfo info = commit.getCommitShortInfo();
    return new Commit(
        repo,
        commit.getSHA1(),
        commit.getHtmlUrl().toString(),
        info.getAuthor() == null ? "" : Objects.requireNonNullElse(info.getAuthor().getName(), ""),
        info.getCommitDate().toInstant(),
        Objects.requireNonNullElse(info.getMessage(), ""),
        commit.getParentSHA1s(),
        commit.getLinesAdded(),
        commit.getLinesDeleted(),
        files);
  }

  private static FileChange toFileChange(GHCommit.File file) {
    return new FileChange(
        file.getFileName(),
        file.getPreviousFilename(),
        FileChange.Status.fromGitHub(file.getStatus()),
        file.getLinesAdded(),
        file.getLinesDeleted(),
        file.getPatch());
  }
}
