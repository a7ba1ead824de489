package dev.daybook.analysis.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a touched file is, judged from its path alone. Each file has exactly one kind; the checks run
 * in the order of {@link #of(String)}, so e.g. a test under {@code jit_kernel/tests/} is a test, not
 * kernel code, and {@code docs/Makefile} is documentation, not a build file.
 */
enum PathKind {
  /** GPU/accelerator kernels: where a small mistake is a wrong answer or a crash on some hardware. */
  KERNEL("kernel code", true),
  /** Everything else that ships: the runtime users run. */
  SOURCE("source code", true),
  /** Dependency manifests and lock files: a change alters what users install. */
  DEPENDENCY("dependency manifests", true),
  /** Container and native build files: they shape the released images and wheels. */
  BUILD("build files", true),
  TEST("tests", false),
  CI("CI", false),
  DOCS("docs", false);

  private static final Set<String> DOC_DIRS = Set.of("docs", "doc");
  private static final Pattern DOC_NAME =
      Pattern.compile(".*\\.(md|mdx|rst|adoc)|(readme|changelog|contributing|license)(\\..*)?");

  private static final Set<String> CI_TOP_DIRS =
      Set.of(".github", ".gitlab", ".circleci", ".buildkite", ".ci");
  private static final Set<String> CI_NAMES = Set.of(".gitlab-ci.yml", ".travis.yml",
      "azure-pipelines.yml", "jenkinsfile", "codecov.yml", ".pre-commit-config.yaml");

  private static final Set<String> TEST_DIRS = Set.of("test", "tests", "testing", "__tests__");
  private static final Pattern TEST_NAME =
      Pattern.compile("test_.*|conftest\\.py|.*_tests?\\.\\w+|.*\\.(test|spec)\\.\\w+");

  private static final Pattern DEPENDENCY_NAME = Pattern.compile(
      "pyproject.*\\.toml|requirements.*\\.(txt|in)|setup\\.(py|cfg)|pipfile(\\.lock)?|poetry\\.lock"
          + "|uv\\.lock|environment\\.ya?ml|cargo\\.(toml|lock)|package(-lock)?\\.json|yarn\\.lock"
          + "|pnpm-lock\\.yaml|pom\\.xml|build\\.gradle(\\.kts)?|go\\.(mod|sum)|gemfile(\\.lock)?");

  private static final Pattern BUILD_NAME = Pattern.compile(
      "dockerfile(\\..*)?|.*\\.dockerfile|\\.dockerignore|docker-compose.*\\.ya?ml|cmakelists\\.txt"
          + "|.*\\.cmake|makefile|build\\.sh");
  private static final Set<String> BUILD_DIRS = Set.of("docker");

  private static final Set<String> KERNEL_DIRS =
      Set.of("csrc", "sgl-kernel", "jit_kernel", "kernels", "kernel", "cuda");
  private static final Pattern KERNEL_NAME =
      Pattern.compile(".*\\.(cu|cuh|hip|metal)|.*_kernels?\\.py|.*triton.*\\.py");

  private final String label;
  private final boolean shipped;

  PathKind(String label, boolean shipped) {
    this.label = label;
    this.shipped = shipped;
  }

  /** The plain English name used in reasons, e.g. {@code kernel code}. */
  String label() {
    return label;
  }

  /** Whether users run or install what this kind of file produces (docs, tests and CI they do not). */
  boolean shipped() {
    return shipped;
  }

  static PathKind of(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    List<String> parts = List.of(lower.split("/"));
    String name = parts.get(parts.size() - 1);
    List<String> dirs = parts.subList(0, parts.size() - 1);
    if (dirs.stream().anyMatch(DOC_DIRS::contains) || DOC_NAME.matcher(name).matches()) {
      return DOCS;
    }
    if ((!dirs.isEmpty() && CI_TOP_DIRS.contains(dirs.get(0))) || dirs.contains("ci")
        || CI_NAMES.contains(name)) {
      return CI;
    }
    if (dirs.stream().anyMatch(TEST_DIRS::contains) || TEST_NAME.matcher(name).matches()) {
      return TEST;
    }
    if (DEPENDENCY_NAME.matcher(name).matches()) {
      return DEPENDENCY;
    }
    if (dirs.stream().anyMatch(BUILD_DIRS::contains) || BUILD_NAME.matcher(name).matches()) {
      return BUILD;
    }
    if (dirs.stream().anyMatch(KERNEL_DIRS::contains) || KERNEL_NAME.matcher(name).matches()) {
      return KERNEL;
    }
    return SOURCE;
  }
}
