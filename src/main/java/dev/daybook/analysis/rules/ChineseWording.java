package dev.daybook.analysis.rules;

import static dev.daybook.analysis.rules.Wording.lines;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.ChangeType;
import dev.daybook.model.FileChange;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import dev.daybook.report.Vocabulary;
import java.util.List;

/** The archive's language. */
final class ChineseWording implements Wording {

  @Override
  public String noFiles() {
    return "提交中没有列出文件。";
  }

  @Override
  public String fileLine(String pathMd, FileChange file, String previousPathMd) {
    String counts = lines(Tally.of(List.of(file)));
    return pathMd + switch (file.status()) {
      case ADDED -> "（新增，" + counts + "）";
      case REMOVED -> "（删除，" + counts + "）";
      case RENAMED -> "（重命名自 " + previousPathMd + "，" + counts + "）";
      case COPIED -> "（复制自 " + previousPathMd + "，" + counts + "）";
      default -> "（" + counts + "）";
    };
  }

  @Override
  public String moreFiles(int count) {
    return "…及其他 " + count + " 个文件";
  }

  @Override
  public String pathList(List<String> pathsMd, int more) {
    String shown = String.join("、", pathsMd);
    return more > 0 ? join(shown, "等 " + (pathsMd.size() + more) + " 个文件") : shown;
  }

  @Override
  public String inArea(String areaMd, int files) {
    return areaMd + "（" + files + " 个文件）";
  }

  @Override
  public String repositoryRoot() {
    return "仓库根目录";
  }

  @Override
  public String changedIn(List<String> areasMd, int more) {
    String areas = join("改动位于", String.join("、", areasMd));
    return (more > 0 ? join(areas, "等 " + (areasMd.size() + more) + " 个目录") : areas) + "。";
  }

  @Override
  public String sentenceGap() {
    return "";
  }

  @Override
  public String adds(String namesMd) {
    return "新增 " + namesMd + "。";
  }

  @Override
  public String removes(String namesMd) {
    return "删除 " + namesMd + "。";
  }

  @Override
  public String renames(String namesMd) {
    return "移动或重命名 " + namesMd + "。";
  }

  @Override
  public String kernelInsight() {
    return "改动了内核代码：算子的速度和数值结果取决于它，出错时可能只在部分硬件上显现。";
  }

  @Override
  public String newFilesInsight(int files) {
    return "新增 " + files + " 个会发布的文件：引入了新的模块或入口。";
  }

  @Override
  public String removedFilesInsight(int files) {
    return "删除了 " + files + " 个会发布的文件：依赖它们的代码需要随之调整。";
  }

  @Override
  public String renamedFilesInsight(int files) {
    return "移动或重命名了 " + files + " 个文件：导入路径随之改变。";
  }

  @Override
  public String testsInsight(Tally tests) {
    return "测试随代码一起修改（" + tally(tests) + "）。";
  }

  @Override
  public String docsInsight(Tally docs) {
    return "文档随代码一起更新（" + tally(docs) + "）。";
  }

  @Override
  public String ciInsight(Tally ci) {
    return "CI 配置一起改动（" + tally(ci) + "）：测试或发布流程随之变化。";
  }

  @Override
  public String dependencyInsight(Tally manifests) {
    return "依赖清单有改动（" + manifests.files() + " 个文件）：用户安装的内容会随之变化。";
  }

  @Override
  public String buildInsight(Tally build) {
    return "构建文件有改动（" + build.files() + " 个文件）：发布的镜像或安装包会随之变化。";
  }

  @Override
  public String riskTitle(Risk.Kind kind) {
    return switch (kind) {
      case BREAKING -> "破坏性变更";
      case SECURITY -> "安全相关";
      case REVERT -> "回退";
      case DEPENDENCY -> "依赖变化";
      case KERNEL -> "内核改动";
      case LARGE_CHANGE -> "改动量大";
      case FILES_REMOVED -> "删除了文件";
      case UNTESTED_CODE -> "没有测试改动";
    };
  }

  @Override
  public String riskDetails(Risk risk, String evidenceMd) {
    return switch (risk.kind()) {
      case BREAKING -> "提交带有破坏性变更标记 " + evidenceMd + "。";
      case SECURITY -> "提交信息提到 " + evidenceMd + "。";
      case REVERT -> "标题以 " + evidenceMd + " 开头：先前发布的改动被撤回。";
      case DEPENDENCY -> "依赖清单 " + evidenceMd + " 有改动。";
      case KERNEL -> "内核代码 " + tally(risk.tally()) + "。";
      case LARGE_CHANGE -> "文档以外 " + tally(risk.tally()) + "（" + SeverityRules.LARGE_LINES
          + " 行或 " + SeverityRules.LARGE_FILES + " 个文件起即为大改动）。";
      case FILES_REMOVED -> "删除了 " + evidenceMd + "。";
      case UNTESTED_CODE -> "代码 " + tally(risk.tally()) + "，提交中没有测试文件。";
    };
  }

  @Override
  public String recommendationTitle(Risk.Kind kind) {
    return switch (kind) {
      case BREAKING -> "升级前核对用法";
      case SECURITY -> "尽快评估升级";
      case REVERT -> "核对被回退的改动";
      case DEPENDENCY -> "核对依赖";
      case KERNEL -> "在目标硬件上验证";
      case LARGE_CHANGE -> "分批审阅";
      case FILES_REMOVED -> "检查引用";
      case UNTESTED_CODE -> "留意后续修复";
    };
  }

  @Override
  public String recommendationDetails(Risk risk, String evidenceMd, String largestMd,
      Tally largest) {
    return switch (risk.kind()) {
      case BREAKING -> "确认标记为破坏性的改动是否影响你的调用方式。";
      case SECURITY -> "评估是否需要尽快使用包含此提交的版本。";
      case REVERT -> "如果你已经依赖被回退的改动，需要相应调整。";
      case DEPENDENCY -> "重新安装后确认环境中的依赖版本符合预期。";
      case KERNEL -> "在你使用的硬件上运行相关内核的测试和基准。";
      case LARGE_CHANGE -> "按目录分批阅读，从改动最大的 " + largestMd + "（" + lines(largest)
          + "）开始。";
      case FILES_REMOVED -> "确认你的代码和配置不再引用被删除的文件。";
      case UNTESTED_CODE -> "这次改动没有测试相伴，留意后续的修复提交。";
    };
  }

  @Override
  public String colon() {
    return "：";
  }

  @Override
  public String titled(String titleMd, String shaMd) {
    return titleMd + "（" + shaMd + "）";
  }

  @Override
  public String dayOpening(String badge, int count) {
    return "本日重要程度最高（" + badge + "）的提交有 " + count + " 个：";
  }

  @Override
  public String andMoreChanges(int count) {
    return "…及其他 " + count + " 个";
  }

  @Override
  public String areaCommits(String areaMd, int commits) {
    return areaMd + "（" + commits + " 个提交）";
  }

  @Override
  public String mostMoved(List<String> areasMd) {
    return "改动最多的目录：" + String.join("、", areasMd) + "。";
  }

  @Override
  public String writtenByRules() {
    return "📏 由规则根据本日各提交的分析写成。";
  }

  @Override
  public String tally(Tally tally) {
    return tally.files() + " 个文件，" + lines(tally);
  }

  @Override
  public String conclusion(Severity severity, Ground ground, String detailMd) {
    String level = level(severity);
    String because = switch (ground) {
      case BREAKING -> "提交带有破坏性变更标记（" + detailMd + "）";
      case SECURITY -> "提交信息提到安全相关内容（" + detailMd + "）";
      case REVERT -> "这是一次回退（" + detailMd + "）";
      case DEPENDENCY -> "修改了依赖清单（" + detailMd + "）";
      case KERNEL_SIZE -> "内核代码改动达到一定规模（" + detailMd + "）";
      case LARGE_CHANGE -> "改动量大（" + detailMd + "）";
      case SHIPPED_CODE -> "修改了会发布的代码（" + detailMd + "）";
      case TINY_CHANGE -> "改动很小（" + detailMd + "）";
      case DOCS_ONLY -> "只修改了文档";
      case NO_SHIPPED_CODE -> "没有修改会发布的代码";
      case NO_FILES -> "提交中没有列出文件";
    };
    return "重要程度为" + level + "，因为" + because + "。";
  }

  @Override
  public String tag(String tag) {
    return "标签 [" + tag + "]";
  }

  @Override
  public String prefix(String raw) {
    return "前缀 \"" + raw + "\"";
  }

  @Override
  public String keyword(String word) {
    return "关键词 \"" + word + "\"";
  }

  @Override
  public String titleStarts(String word) {
    return "标题以 \"" + word + "\" 开头";
  }

  @Override
  public String share(int count, int all, PathKind kind) {
    return join(all + " 个文件中 " + count + " 个是", kindName(kind));
  }

  @Override
  public String newShippedFiles(int count) {
    return "新增 " + count + " 个会发布的文件，标题中没有类型词";
  }

  @Override
  public String noTypeWords() {
    return "标题和路径中都没有类型词";
  }

  @Override
  public String noFilesListed() {
    return "没有列出文件";
  }

  @Override
  public String noShippedCode() {
    return "没有会发布的代码";
  }

  @Override
  public String shipped(Tally tally) {
    return "会发布的代码 " + tally(tally);
  }

  @Override
  public String kernel(Tally tally) {
    return "内核代码 " + tally(tally);
  }

  @Override
  public String outsideDocs(Tally tally) {
    return "文档以外 " + tally(tally);
  }

  @Override
  public String manifestChanged(String paths) {
    return "依赖清单 " + paths + " 有变更";
  }

  @Override
  public String andMore(String first, int more) {
    return first + " 等 " + (more + 1) + " 个";
  }

  @Override
  public String kernelMark() {
    return "内核代码";
  }

  @Override
  public String areaMark() {
    return "所属领域";
  }

  @Override
  public String revertMark() {
    return "回退";
  }

  @Override
  public String typeName(ChangeType type) {
    return Vocabulary.of(Language.ZH).typeName(type);
  }

  @Override
  public String only(PathKind kind) {
    return join("只有", kindName(kind));
  }

  @Override
  public String level(Severity severity) {
    return switch (severity) {
      case HIGH -> "高";
      case MEDIUM -> "中";
      case LOW -> "低";
    };
  }

  @Override
  public String tinyChange() {
    return "改动很小，低";
  }

  @Override
  public String kernelOfRealSize() {
    return "内核改动达到一定规模，高";
  }

  @Override
  public String largeChange() {
    return "改动量大";
  }

  @Override
  public String largeChangeRaised(Severity from, Severity to) {
    return "改动量大，由" + level(from) + "升为" + level(to);
  }

  @Override
  public String atLeast(Severity severity) {
    return "至少为" + level(severity);
  }

  @Override
  public String breakingHigh() {
    return "破坏性变更，高";
  }

  @Override
  public String securityHigh() {
    return "安全相关，高";
  }

  /**
   * Two pieces of prose joined as Chinese sets them: a space only between a Chinese character and
   * a Latin letter, a digit or a code span ("只有 CI 配置", "位于 `src`"), none beside full-width
   * punctuation or between Chinese characters ("（1 个文件）等", "位于仓库根目录").
   */
  static String join(String left, String right) {
    if (left.isEmpty() || right.isEmpty()) {
      return left + right;
    }
    char a = left.charAt(left.length() - 1);
    char b = right.charAt(0);
    boolean space = isHan(a) && isLatin(b) || isLatin(a) && isHan(b);
    return left + (space ? " " : "") + right;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static boolean isLatin(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || c == '`');
  }

  /** What a kind of file is called in reasons and insights. */
  static String kindName(PathKind kind) {
    return switch (kind) {
      case KERNEL -> "内核代码";
      case SOURCE -> "源代码";
      case DEPENDENCY -> "依赖清单";
      case BUILD -> "构建文件";
      case TEST -> "测试";
      case CI -> "CI 配置";
      case DOCS -> "文档";
    };
  }

  @Override
  public String breaking(Breaking b) {
    return switch (b.rule()) {
      case PREFIX -> "约定式提交的破坏性标记 “" + b.quote() + "”";
      case FOOTER -> "提交信息带有 “" + b.quote() + "” 脚注";
      case API_FILE_REMOVED -> "删除了公开接口路径下的文件 " + b.quote();
      case API_FILE_RENAMED -> "把公开接口路径下的文件 " + b.quote() + " 移到了 " + b.file();
      case FLAG_REMOVED -> "删除了命令行参数 " + b.quote() + "（" + b.file() + "）";
    };
  }
}
