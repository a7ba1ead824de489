package dev.daybook.source;

import dev.daybook.model.Commit;
import dev.daybook.model.RepoId;
import java.util.List;

/** Where commits come from. */
public interface CommitSource {

  /**
   * The commits on the first-parent chain of the repository's default branch whose committer date
   * lies in the window, newest first, each with its files.
   *
   * @throws SourceException with a message that names the repository and the URL or value at fault
   */
  List<Commit> commits(RepoId repo, DayWindow window) throws SourceException;
}
