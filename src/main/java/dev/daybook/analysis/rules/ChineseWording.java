package dev.daybook.analysis.rules;

import static dev.daybook.analysis.rules.Wording.lines;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.FileChange;
import dev.daybook.model.Severity;
import java.util.List;

/** The archive's language. */
final class ChineseWording implements Wording {

  @Override
  public String filesChanged(Tally total, int added, int removed, int renamed) {
    return "修改 " + total.files() + " 个文件（" + lines(total) + "）"
        + (added > 0 ? "，新增 " + added + " 个" : "")
        + (removed > 0 ? "，删除 " + removed + " 个" : "")
        + (renamed > 0 ? "，重命名 " + renamed + " 个" : "") + "。";
  }

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
    return more > 0 ? shown + " 等 " + (pathsMd.size() + more) + " 个文件" : shown;
  }

  @Override
  public String area(PathKind kind, String pathListMd, Tally tally) {
    String name = switch (kind) {
      case KERNEL -> "内核代码";
      case SOURCE -> "源代码";
      case DEPENDENCY -> "依赖清单";
      case BUILD -> "构建文件";
      case TEST -> "测试";
      case CI -> "CI 配置";
      case DOCS -> "文档";
    };
    return "涉及" + name + "：" + pathListMd + "（" + lines(tally) + "）";
  }

  @Override
  public String tags(String tagsMd) {
    return "标题标签：" + tagsMd;
  }

  @Override
  public String scope(String scopeMd) {
    return "提交范围：" + scopeMd;
  }

  @Override
  public String risk(Risk risk, String pathListMd, String quoteMd) {
    return switch (risk.kind()) {
      case BREAKING -> "提交带有破坏性变更标记（" + quoteMd + "）";
      case SECURITY -> "提交信息提到安全相关内容（" + quoteMd + "）";
      case REVERT -> "回退了先前的改动（" + quoteMd + "）";
      case DEPENDENCY -> "依赖清单有变更：" + pathListMd;
      case KERNEL -> "修改了内核代码：" + pathListMd + "（" + lines(risk.tally()) + "）";
      case LARGE_CHANGE -> "改动量大：" + tally(risk.tally());
      case FILES_REMOVED -> "删除了文件：" + pathListMd;
      case UNTESTED_CODE -> "修改了代码但没有修改测试：" + pathListMd;
    };
  }

  @Override
  public String noRisks() {
    return "数据中没有发现风险信号。";
  }

  @Override
  public String recommendation(Risk risk, String pathListMd) {
    return switch (risk.kind()) {
      case BREAKING -> "升级前确认破坏性变更对你的用法的影响";
      case SECURITY -> "尽快评估是否需要升级到包含此提交的版本";
      case REVERT -> "确认你是否依赖被回退的改动";
      case DEPENDENCY -> "核对依赖变更：" + pathListMd;
      case KERNEL -> "在目标硬件上验证内核改动：" + pathListMd;
      case LARGE_CHANGE -> "分批审阅这 " + risk.tally().files() + " 个文件";
      case FILES_REMOVED -> "确认没有代码仍在使用被删除的文件：" + pathListMd;
      case UNTESTED_CODE -> "确认这些改动有测试覆盖：" + pathListMd;
    };
  }

  @Override
  public String startWith(String pathMd, Tally tally) {
    return "先阅读改动最大的文件：" + pathMd + "（" + lines(tally) + "）";
  }

  @Override
  public String tally(Tally tally) {
    return tally.files() + " 个文件，" + lines(tally);
  }

  @Override
  public String conclusion(Severity severity, Ground ground, String detailMd) {
    String level = switch (severity) {
      case HIGH -> "高";
      case MEDIUM -> "中";
      case LOW -> "低";
    };
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
  public String breaking(Breaking b) {
    return switch (b.rule()) {
      case PREFIX -> "约定式提交的破坏性标记 “" + b.quote() + "”";
      case FOOTER -> "提交信息带有 “" + b.quote() + "” 脚注";
      case API_FILE_REMOVED -> "删除了公开接口路径下的文件 " + b.quote();
      case API_FILE_RENAMED -> "移动了公开接口路径下的文件 " + b.quote() + " → " + b.file();
      case FLAG_REMOVED -> "删除了命令行参数 " + b.quote() + "（" + b.file() + "）";
    };
  }
}
