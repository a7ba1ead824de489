package dev.daybook.analysis.rules;

import dev.daybook.model.ChangeType;
import dev.daybook.model.FileChange;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the change types, strongest evidence first:
 *
 * <ol>
 *   <li>what the author declared: a conventional prefix ({@code fix:}), a type tag
 *       ({@code [Bugfix]}), a revert;
 *   <li>what the paths prove when no shipped code changed: docs, tests, CI, or only build files;
 *   <li>words in the subject ({@code Fix ...}, {@code Optimize ...}), unless the author declared
 *       the type: by any conventional prefix, or by a tag that names a kind of change (a
 *       {@code [CI]} or {@code [Doc]} tag often names only an area, so in {@code [CI] Bugfix ...}
 *       the word still counts); and (except "flaky") only for shipped code, because in "fix npu
 *       best practice" on a docs page the word describes the docs;
 *   <li>a fallback, so that every commit has a type.
 * </ol>
 */
final class TypeRules {

  /** Tags naming these say what kind of change it is; docs, test, ci and build tags say where. */
  private static final Set<ChangeType> KINDS = EnumSet.of(ChangeType.FEATURE, ChangeType.BUGFIX,
      ChangeType.PERFORMANCE, ChangeType.REFACTOR, ChangeType.REVERT, ChangeType.CHORE);

  private static final Map<PathKind, ChangeType> PATH_TYPES = Map.of(
      PathKind.DOCS, ChangeType.DOCS,
      PathKind.TEST, ChangeType.TEST,
      PathKind.CI, ChangeType.CI,
      PathKind.BUILD, ChangeType.BUILD,
      PathKind.DEPENDENCY, ChangeType.BUILD);

  // "Flaky" is about tests wherever the change is, so it counts even when no shipped code changed.
  private static final List<Keyword> SUBJECT_WORDS = List.of(
      Keyword.FLAKY, Keyword.FIX, Keyword.PERFORMANCE, Keyword.REFACTOR, Keyword.FEATURE);

  private TypeRules() {}

  /** Returns the types, most important first, and appends a reason for each rule that fired. */
  static List<ChangeType> decide(Evidence evidence, List<String> reasons) {
    Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
    declared(evidence, types, reasons);
    boolean kindDeclared = types.stream().anyMatch(KINDS::contains)
        || evidence.title().prefix().flatMap(p -> TypeWords.type(p.word())).isPresent();
    fromPaths(evidence.changes(), types, reasons);
    if (!kindDeclared) {
      fromWords(evidence, types, reasons);
    }
    if (types.isEmpty()) {
      fallback(evidence.changes(), types, reasons);
    }
    return List.copyOf(types);
  }

  private static void declared(Evidence evidence, Set<ChangeType> types, List<String> reasons) {
    Title title = evidence.title();
    for (String tag : title.tags()) {
      String quoted = "tag [" + tag + "]";
      if (TypeWords.isKernel(tag)) {
        reasons.add(quoted + " → kernel code");
      } else {
        TypeWords.type(tag).ifPresentOrElse(
            type -> add(types, type, reasons, quoted + " → " + type.key()),
            () -> reasons.add(quoted + " → area"));
      }
    }
    title.prefix().ifPresent(prefix -> {
      String quoted = "prefix \"" + prefix.raw() + "\"";
      if (TypeWords.isKernel(prefix.word())) {
        reasons.add(quoted + " → kernel code");
      } else {
        TypeWords.type(prefix.word()).ifPresentOrElse(
            type -> add(types, type, reasons, quoted + " → " + type.key()),
            () -> reasons.add(quoted + " → area"));
      }
    });
    evidence.revert()
        .filter(marker -> !types.contains(ChangeType.REVERT))
        .ifPresent(word -> add(types, ChangeType.REVERT, reasons,
            "title starts with \"" + word + "\" → revert"));
  }

  /** Only when no source or kernel code changed do the paths say what the change is. */
  private static void fromPaths(ChangeSet changes, Set<ChangeType> types, List<String> reasons) {
    if (changes.isEmpty() || changes.has(PathKind.SOURCE) || changes.has(PathKind.KERNEL)) {
      return;
    }
    int all = changes.files().size();
    for (PathKind kind : changes.kinds()) {
      int count = changes.files(kind).size();
      ChangeType type = PATH_TYPES.get(kind);
      String conclusion = count == all ? kind.label() + " only" : type.key();
      types.add(type);
      reasons.add(count + " of " + all + " files are " + kind.label() + " → " + conclusion);
    }
  }

  private static void fromWords(Evidence evidence, Set<ChangeType> types, List<String> reasons) {
    boolean shipped = !evidence.changes().files(PathKind::shipped).isEmpty();
    String subject = evidence.title().subject();
    for (Keyword word : SUBJECT_WORDS) {
      if (shipped || word == Keyword.FLAKY) {
        word.find(subject).ifPresent(found ->
            add(types, word.type(), reasons, "keyword \"" + found + "\" → " + word.type().key()));
      }
    }
  }

  private static void fallback(ChangeSet changes, Set<ChangeType> types, List<String> reasons) {
    List<FileChange> newCode = changes.files(PathKind::shipped).stream()
        .filter(f -> f.status() == FileChange.Status.ADDED).toList();
    if (!newCode.isEmpty()) {
      add(types, ChangeType.FEATURE, reasons, newCode.size() + " new shipped "
          + (newCode.size() == 1 ? "file" : "files") + ", no type words → feature");
    } else {
      add(types, ChangeType.CHORE, reasons, "no type words in title or paths → chore");
    }
  }

  private static void add(Set<ChangeType> types, ChangeType type, List<String> reasons,
      String reason) {
    types.add(type);
    reasons.add(reason);
  }
}
