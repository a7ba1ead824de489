package dev.daybook.analysis.rules;

import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A commit's files grouped by {@link PathKind}, each group largest change first. */
final class ChangeSet {

  /** Largest change first, then by path: the order in which a reviewer would look. */
  static final Comparator<FileChange> LARGEST_FIRST =
      Comparator.comparingInt(FileChange::changes).reversed().thenComparing(FileChange::path);

  private final List<FileChange> all;
  private final Map<PathKind, List<FileChange>> byKind = new EnumMap<>(PathKind.class);

  private ChangeSet(List<FileChange> files) {
    this.all = files.stream().sorted(LARGEST_FIRST).toList();
    for (FileChange f : all) {
      byKind.computeIfAbsent(PathKind.of(f.path()), k -> new ArrayList<>()).add(f);
    }
  }

  static ChangeSet of(Commit commit) {
    return new ChangeSet(commit.files());
  }

  /** All files, largest change first. */
  List<FileChange> files() {
    return all;
  }

  List<FileChange> files(PathKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  List<FileChange> files(Predicate<PathKind> kinds) {
    return all.stream().filter(f -> kinds.test(PathKind.of(f.path()))).toList();
  }

  /** The kinds present, in {@link PathKind} order. */
  List<PathKind> kinds() {
    return List.copyOf(byKind.keySet());
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  boolean has(PathKind kind) {
    return byKind.containsKey(kind);
  }

  /** Whether every file is of this kind (false for a commit without files). */
  boolean only(PathKind kind) {
    return byKind.size() == 1 && has(kind);
  }

  Tally total() {
    return Tally.of(all);
  }

  Tally tally(PathKind kind) {
    return Tally.of(files(kind));
  }

  Tally tally(Predicate<PathKind> kinds) {
    return Tally.of(files(kinds));
  }

  List<FileChange> withStatus(FileChange.Status status) {
    return all.stream().filter(f -> f.status() == status).toList();
  }
}
