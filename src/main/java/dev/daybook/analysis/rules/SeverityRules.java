package dev.daybook.analysis.rules;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.ChangeType;
import dev.daybook.model.FileChange;
import dev.daybook.model.Severity;
import java.util.List;

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
  static Verdict decide(Evidence evidence, List<ChangeType> types, Wording words,
      List<String> reasons) {
    Rules rules = new Rules(words, reasons);
    Level level = rules.base(evidence.changes());
    level = rules.kernel(evidence, level);
    level = rules.large(evidence.changes(), level);
    level = rules.floors(evidence, types, level);
    level = rules.markers(evidence, level);
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

  /** One decision's reasons, in the archive's language. */
  private record Rules(Wording words, List<String> reasons) {

    private void add(String evidence, String conclusion) {
      reasons.add(Wording.reason(evidence, conclusion));
    }

    Level base(ChangeSet changes) {
      Tally shipped = changes.tally(PathKind::shipped);
      if (changes.isEmpty()) {
        add(words.noFilesListed(), words.level(Severity.LOW));
        return new Level(Severity.LOW, Ground.NO_FILES);
      }
      if (changes.only(PathKind.DOCS)) {
        add(words.only(PathKind.DOCS), words.level(Severity.LOW));
        return new Level(Severity.LOW, Ground.DOCS_ONLY);
      }
      if (shipped.files() == 0) {
        add(words.noShippedCode(), words.level(Severity.LOW));
        return new Level(Severity.LOW, Ground.NO_SHIPPED_CODE);
      }
      if (shipped.lines() <= TINY_LINES) {
        add(words.shipped(shipped), words.tinyChange());
        return new Level(Severity.LOW, Ground.TINY_CHANGE);
      }
      add(words.shipped(shipped), words.level(Severity.MEDIUM));
      return new Level(Severity.MEDIUM, Ground.SHIPPED_CODE);
    }

    Level kernel(Evidence evidence, Level level) {
      Tally kernel = Tally.of(kernelFiles(evidence));
      if (kernel.lines() < KERNEL_REAL_SIZE_LINES) {
        return level;
      }
      add(words.kernel(kernel), words.kernelOfRealSize());
      return level.atLeast(Severity.HIGH, Ground.KERNEL_SIZE);
    }

    Level large(ChangeSet changes, Level level) {
      if (!isLarge(changes)) {
        return level;
      }
      Tally outsideDocs = changes.tally(kind -> kind != PathKind.DOCS);
      if (level.severity == Severity.HIGH) {
        add(words.outsideDocs(outsideDocs), words.largeChange());
        return level;
      }
      Severity raised = Severity.values()[level.severity.ordinal() - 1];
      add(words.outsideDocs(outsideDocs), words.largeChangeRaised(level.severity, raised));
      return new Level(raised, Ground.LARGE_CHANGE);
    }

    Level floors(Evidence evidence, List<ChangeType> types, Level level) {
      List<FileChange> manifests = evidence.changes().files(PathKind.DEPENDENCY);
      if (!manifests.isEmpty()) {
        add(words.manifestChanged(pathsForReason(manifests)), words.atLeast(Severity.MEDIUM));
        level = level.atLeast(Severity.MEDIUM, Ground.DEPENDENCY);
      }
      if (types.contains(ChangeType.REVERT)) {
        add(words.revertMark(), words.atLeast(Severity.MEDIUM));
        level = level.atLeast(Severity.MEDIUM, Ground.REVERT);
      }
      return level;
    }

    /** Breaking and security decide the level even when it is high already. */
    Level markers(Evidence evidence, Level level) {
      if (evidence.breakingRule().isPresent()) {
        add(words.breaking(evidence.breakingRule().get()), words.breakingHigh());
        level = new Level(Severity.HIGH, Ground.BREAKING);
      }
      if (evidence.security().isPresent()) {
        add(words.keyword(evidence.security().get()), words.securityHigh());
        level = new Level(Severity.HIGH, Ground.SECURITY);
      }
      return level;
    }

    private String pathsForReason(List<FileChange> files) {
      String first = files.get(0).path();
      return files.size() == 1 ? first : words.andMore(first, files.size() - 1);
    }
  }
}
