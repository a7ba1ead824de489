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
  static List<ChangeType> decide(Evidence evidence, Wording words, List<String> reasons) {
    Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
    Rules rules = new Rules(words, types, reasons);
    rules.declared(evidence);
    boolean kindDeclared = types.stream().anyMatch(KINDS::contains)
        || evidence.title().prefix().flatMap(p -> TypeWords.type(p.word())).isPresent();
    rules.fromPaths(evidence.changes());
    if (!kindDeclared) {
      rules.fromWords(evidence);
    }
    if (types.isEmpty()) {
      rules.fallback(evidence.changes());
    }
    return List.copyOf(types);
  }

  /** One decision: the types found so far and the reasons, in the archive's language. */
  private record Rules(Wording words, Set<ChangeType> types, List<String> reasons) {

    void declared(Evidence evidence) {
      Title title = evidence.title();
      for (String tag : title.tags()) {
        declaredWord(tag, words.tag(tag));
      }
      title.prefix().ifPresent(prefix -> declaredWord(prefix.word(), words.prefix(prefix.raw())));
      evidence.revert()
          .filter(marker -> !types.contains(ChangeType.REVERT))
          .ifPresent(word -> add(ChangeType.REVERT, words.titleStarts(word)));
    }

    /** A tag or prefix word: kernel code, a type, or else an area. */
    private void declaredWord(String word, String quoted) {
      if (TypeWords.isKernel(word)) {
        reasons.add(Wording.reason(quoted, words.kernelMark()));
      } else {
        TypeWords.type(word).ifPresentOrElse(type -> add(type, quoted),
            () -> reasons.add(Wording.reason(quoted, words.areaMark())));
      }
    }

    /** Only when no source or kernel code changed do the paths say what the change is. */
    void fromPaths(ChangeSet changes) {
      if (changes.isEmpty() || changes.has(PathKind.SOURCE) || changes.has(PathKind.KERNEL)) {
        return;
      }
      int all = changes.files().size();
      for (PathKind kind : changes.kinds()) {
        int count = changes.files(kind).size();
        ChangeType type = PATH_TYPES.get(kind);
        String conclusion = count == all ? words.only(kind) : words.typeName(type);
        types.add(type);
        reasons.add(Wording.reason(words.share(count, all, kind), conclusion));
      }
    }

    void fromWords(Evidence evidence) {
      boolean shipped = !evidence.changes().files(PathKind::shipped).isEmpty();
      String subject = evidence.title().subject();
      for (Keyword word : SUBJECT_WORDS) {
        if (shipped || word == Keyword.FLAKY) {
          word.find(subject).ifPresent(found -> add(word.type(), words.keyword(found)));
        }
      }
    }

    void fallback(ChangeSet changes) {
      List<FileChange> newCode = changes.files(PathKind::shipped).stream()
          .filter(f -> f.status() == FileChange.Status.ADDED).toList();
      if (!newCode.isEmpty()) {
        add(ChangeType.FEATURE, words.newShippedFiles(newCode.size()));
      } else {
        add(ChangeType.CHORE, words.noTypeWords());
      }
    }

    /** Adds a type with its reason: what was read, then the type's name. */
    private void add(ChangeType type, String evidence) {
      types.add(type);
      reasons.add(Wording.reason(evidence, words.typeName(type)));
    }
  }
}
