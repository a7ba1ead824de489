package dev.daybook.analysis.rules;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.ChangeType;
import dev.daybook.model.FileChange;
import dev.daybook.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides how much a commit matters to someone following a fast-moving repository. The rules run
 * in this order; each later one may only raise the level:
 *
 * <ol>
 *   <li>base: docs only, or no shipped code at all (tests, CI), is low: users run none of it; a
 *       tiny change to shipped code is low; any other change to shipped code is medium;
 *   <li>kernel code of real size is high: kernels fail silently (wrong numbers) or only on some
 *       hardware, and few reviewers can check them;
 *   <li>a large change raises the level by one: more to review, more places to break (docs-only
 *       changes excepted, however long, since no one runs them);
 *   <li>a changed dependency manifest is at least medium: it changes what users install;
 *   <li>a revert is at least medium: something that shipped was wrong;
 *   <li>a breaking marker or a security word is high: users must act.
 * </ol>
 */
final class SeverityRules {

  /** Up to this many changed lines of shipped code is a tiny change (a typo, a flag, a guard). */
  static final int TINY_LINES = 5;
  /** From this many changed kernel lines on, a kernel change is of real size. */
  static final int KERNEL_REAL_SIZE_LINES = 300;
  /** From this many changed lines outside docs on, a change is large. */
  static final int LARGE_LINES = 1000;
  /** From this many changed files outside docs on, a change is large. */
  static final int LARGE_FILES = 20;

  private SeverityRules() {}

  /** The level and its ground; appends a reason for each rule that fired. */
  static Verdict decide(Evidence evidence, List<ChangeType> types, List<String> reasons) {
    Level level = base(evidence.changes(), reasons);
    level = kernel(evidence, level, reasons);
    level = large(evidence.changes(), level, reasons);
    level = floors(evidence, types, level, reasons);
    level = markers(evidence, level, reasons);
    return new Verdict(level.severity, types, reasons, level.ground);
  }

  /**
   * The files that count as kernel code: those under kernel paths; when there are none, a
   * {@code [Kernel]} tag says the shipped source is kernel code (e.g. Triton kernels kept with the
   * models). With kernel paths present the tag only confirms them, so callers stay source code.
   */
  static List<FileChange> kernelFiles(Evidence evidence) {
    List<FileChange> byPath = evidence.changes().files(PathKind.KERNEL);
    return byPath.isEmpty() && evidence.kernelMarker().isPresent()
        ? evidence.changes().files(PathKind.SOURCE)
        : byPath;
  }

  static boolean isLarge(ChangeSet changes) {
    Tally outsideDocs = changes.tally(kind -> kind != PathKind.DOCS);
    return !changes.only(PathKind.DOCS)
        && (outsideDocs.lines() >= LARGE_LINES || outsideDocs.files() >= LARGE_FILES);
  }

  private record Level(Severity severity, Ground ground) {
    Level atLeast(Severity floor, Ground because) {
      return severity.compareTo(floor) > 0 ? new Level(floor, because) : this;
    }
  }

  private static Level base(ChangeSet changes, List<String> reasons) {
    Tally shipped = changes.tally(PathKind::shipped);
    if (changes.isEmpty()) {
      reasons.add("no files listed → low");
      return new Level(Severity.LOW, Ground.NO_FILES);
    }
    if (changes.only(PathKind.DOCS)) {
      reasons.add("docs only → low");
      return new Level(Severity.LOW, Ground.DOCS_ONLY);
    }
    if (shipped.files() == 0) {
      reasons.add("no shipped code → low");
      return new Level(Severity.LOW, Ground.NO_SHIPPED_CODE);
    }
    if (shipped.lines() <= TINY_LINES) {
      reasons.add("shipped code " + shipped.describe() + " → tiny change, low");
      return new Level(Severity.LOW, Ground.TINY_CHANGE);
    }
    reasons.add("shipped code " + shipped.describe() + " → medium");
    return new Level(Severity.MEDIUM, Ground.SHIPPED_CODE);
  }

  private static Level kernel(Evidence evidence, Level level, List<String> reasons) {
    Tally kernel = Tally.of(kernelFiles(evidence));
    if (kernel.lines() < KERNEL_REAL_SIZE_LINES) {
      return level;
    }
    reasons.add("kernel code " + kernel.describe() + " → kernel change of real size, high");
    return level.atLeast(Severity.HIGH, Ground.KERNEL_SIZE);
  }

  private static Level large(ChangeSet changes, Level level, List<String> reasons) {
    if (!isLarge(changes)) {
      return level;
    }
    Tally outsideDocs = changes.tally(kind -> kind != PathKind.DOCS);
    if (level.severity == Severity.HIGH) {
      reasons.add(outsideDocs.describe() + " outside docs → large change");
      return level;
    }
    Severity raised = Severity.values()[level.severity.ordinal() - 1];
    reasons.add(outsideDocs.describe() + " outside docs → large change, "
        + level.severity.key() + " raised to " + raised.key());
    return new Level(raised, Ground.LARGE_CHANGE);
  }

  private static Level floors(Evidence evidence, List<ChangeType> types, Level level,
      List<String> reasons) {
    List<FileChange> manifests = evidence.changes().files(PathKind.DEPENDENCY);
    if (!manifests.isEmpty()) {
      reasons.add("dependency manifest " + pathsForReason(manifests) + " changed → at least medium");
      level = level.atLeast(Severity.MEDIUM, Ground.DEPENDENCY);
    }
    if (types.contains(ChangeType.REVERT)) {
      reasons.add("revert → at least medium");
      level = level.atLeast(Severity.MEDIUM, Ground.REVERT);
    }
    return level;
  }

  /** Breaking and security decide the level even when it is high already. */
  private static Level markers(Evidence evidence, Level level, List<String> reasons) {
    Optional<Breaking> breaking = evidence.breakingRule();
    if (breaking.isPresent()) {
      reasons.add("breaking change (" + breaking.get().rule().name().toLowerCase(Locale.ROOT)
          .replace('_', ' ') + " \"" + breaking.get().quote() + "\") → high");
      level = new Level(Severity.HIGH, Ground.BREAKING);
    }
    if (evidence.security().isPresent()) {
      reasons.add("keyword \"" + evidence.security().get() + "\" → security, high");
      level = new Level(Severity.HIGH, Ground.SECURITY);
    }
    return level;
  }

  private static String pathsForReason(List<FileChange> files) {
    String first = files.get(0).path();
    return files.size() == 1 ? first : first + " and " + (files.size() - 1) + " more";
  }
}
