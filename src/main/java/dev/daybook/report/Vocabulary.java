package dev.daybook.report;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Dimension;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The fixed words of a report in one language. Reports are written in one of these. */
public final class Vocabulary {

  private static final Vocabulary ZH = new Vocabulary(
      Language.ZH,
      "每日更新报告（%s）",
      List.of("提交时间（%s）", "作者", "重要程度", "变更类型", "提交信息"),
      "本日共 %d 个提交",
      "本日无提交。",
      "📊 统计摘要",
      "🗂️ 本日概览",
      List.of("仓库", "提交"),
      "📋 目录",
      "📝 本日要点",
      "%s重要度变更 (%d)",
      "查看提交",
      "⚠️ 此条分析不完整：原文在此处被截断。",
      "⏳ 本日尚未结束：本报告只含截至 %s 的提交。",
      "（无提交说明）",
      List.of("展开 %d 个低重要度提交", "展开 %d 个低重要度提交"),
      "：",
      Map.of(Severity.HIGH, "🔴 高", Severity.MEDIUM, "🟡 中", Severity.LOW, "🟢 低"),
      labels("🎯 变更类型", "⚡ 重要程度", "💥 破坏性变更", "📋 变更摘要", "🎯 影响范围", "🔍 技术洞察",
          "⚠️ 潜在风险", "💡 关注建议", "📌 结论", "🧭 判定依据"),
      types("功能增强", "Bug 修复", "性能优化", "重构", "文档更新", "测试", "CI", "构建",
          "回滚", "杂项"),
      List.of("维度", "影响"),
      dimensions("架构影响", "性能影响", "安全考虑", "可维护性", "部署/资源"));

  private static final Vocabulary EN = new Vocabulary(
      Language.EN,
      "Daily report (%s)",
      List.of("Time (%s)", "Author", "Severity", "Type", "Commit"),
      "%d commits on this day",
      "No commits on this day.",
      "📊 Statistics",
      "🗂️ Overview",
      List.of("Repository", "Commits"),
      "📋 Contents",
      "📝 Day summary",
      "%s importance (%d)",
      "View commit",
      "⚠️ This analysis is incomplete: the original text was cut off here.",
      "⏳ This day is not over yet: the report holds the commits up to %s.",
      "(no subject)",
      List.of("Show %d low-importance commit", "Show %d low-importance commits"),
      ": ",
      Map.of(Severity.HIGH, "🔴 High", Severity.MEDIUM, "🟡 Medium", Severity.LOW, "🟢 Low"),
      labels("🎯 Change type", "⚡ Severity", "💥 Breaking change", "📋 Summary", "🎯 Impact", "🔍 Technical insights",
          "⚠️ Risks", "💡 Recommendations", "📌 Conclusion", "🧭 Reasons"),
      types("Feature", "Bug fix", "Performance", "Refactoring", "Documentation", "Tests", "CI",
          "Build", "Revert", "Chore"),
      List.of("Aspect", "Impact"),
      dimensions("Architecture", "Performance", "Security", "Maintainability",
          "Deployment/resources"));

  private final Language language;
  private final String titleFormat;
  private final List<String> tableHeaders;
  private final String totalFormat;
  private final String noCommits;
  private final String statistics;
  private final String overview;
  private final List<String> overviewHeaders;
  private final String contents;
  private final String daySummary;
  private final String groupFormat;
  private final String viewCommit;
  private final String incomplete;
  private final String partialFormat;
  private final String noSubject;
  private final List<String> foldedFormats;
  private final String colon;
  private final Map<Severity, String> badges;
  private final Map<Field, String> labels;
  private final Map<ChangeType, String> typeNames;
  private final List<String> insightHeaders;
  private final Map<Dimension, String> dimensionNames;

  private Vocabulary(Language language, String titleFormat, List<String> tableHeaders,
      String totalFormat, String noCommits, String statistics, String overview,
      List<String> overviewHeaders, String contents, String daySummary, String groupFormat,
      String viewCommit, String incomplete, String partialFormat, String noSubject,
      List<String> foldedFormats, String colon,
      Map<Severity, String> badges,
      Map<Field, String> labels, Map<ChangeType, String> typeNames,
      List<String> insightHeaders, Map<Dimension, String> dimensionNames) {
    this.language = language;
    this.titleFormat = titleFormat;
    this.tableHeaders = tableHeaders;
    this.totalFormat = totalFormat;
    this.noCommits = noCommits;
    this.statistics = statistics;
    this.overview = overview;
    this.overviewHeaders = overviewHeaders;
    this.contents = contents;
    this.daySummary = daySummary;
    this.groupFormat = groupFormat;
    this.viewCommit = viewCommit;
    this.incomplete = incomplete;
    this.partialFormat = partialFormat;
    this.noSubject = noSubject;
    this.foldedFormats = foldedFormats;
    this.colon = colon;
    this.badges = badges;
    this.labels = labels;
    this.typeNames = typeNames;
    this.insightHeaders = insightHeaders;
    this.dimensionNames = dimensionNames;
  }

  public static Vocabulary of(Language language) {
    return language == Language.EN ? EN : ZH;
  }

  static List<Vocabulary> all() {
    return List.of(ZH, EN);
  }

  public Language language() {
    return language;
  }

  public String title(LocalDate date) {
    return String.format(Locale.ROOT, titleFormat, date);
  }

  /** The commit table's column names; the time's names the zone its times are in. */
  List<String> tableHeaders(ZoneId zone) {
    return tableHeaders.stream().map(h -> String.format(Locale.ROOT, h, zone.getId())).toList();
  }

  /** The statistics line, e.g. {@code 本日共 13 个提交 | 🔴 高 2 | 🟡 中 7 | 🟢 低 4}. */
  String totals(long total, Map<Severity, Long> counts) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, totalFormat, total));
    for (Severity s : Severity.values()) {
      line.append(" | ").append(badge(s)).append(' ').append(counts.getOrDefault(s, 0L));
    }
    return line.toString();
  }

  String noCommits() {
    return noCommits;
  }

  /** The heading of the statistics line, as the reference report has it. */
  String statistics() {
    return statistics;
  }

  /** The title of a commit whose subject is blank. */
  String noSubject() {
    return noSubject;
  }

  /** What opens the folded low-importance commits of a report's page. */
  String showFolded(int commits) {
    return String.format(Locale.ROOT, foldedFormats.get(commits == 1 ? 0 : 1), commits);
  }

  /** The heading of a day's overview, when it has several repositories. */
  String overview() {
    return overview;
  }

  /** The overview table's column names: repository, commits, then each severity's badge. */
  List<String> overviewHeaders() {
    List<String> headers = new ArrayList<>(overviewHeaders);
    for (Severity s : Severity.values()) {
      headers.add(badge(s));
    }
    return headers;
  }

  String contents() {
    return contents;
  }

  /** The label of the summary that opens a repository's section of a day. */
  String daySummary() {
    return daySummary;
  }

  /** A severity group's heading, e.g. {@code 🔴 高重要度变更 (2)}. */
  String group(Severity severity, long count) {
    return String.format(Locale.ROOT, groupFormat, badge(severity), count);
  }

  String viewCommit() {
    return viewCommit;
  }

  String incompleteMarker() {
    return incomplete;
  }

  String partial(String asOf) {
    return String.format(Locale.ROOT, partialFormat, asOf);
  }

  /** What follows a label on the same line: a full-width colon in Chinese. */
  String colon() {
    return colon;
  }

  /** The severity badge with its one spelling, e.g. {@code 🔴 高}. */
  public String badge(Severity severity) {
    return badges.get(severity);
  }

  String label(Field field) {
    return labels.get(field);
  }

  /** What a breaking change is called: the label of its marker, {@code 💥 破坏性变更}. */
  public String breakingLabel() {
    return label(Field.BREAKING);
  }

  public String typeName(ChangeType type) {
    return typeNames.get(type);
  }

  /** The change types as a report shows them, e.g. {@code 功能增强 / 重构}. */
  public String typeLabel(List<ChangeType> types) {
    return types.stream().map(this::typeName).collect(Collectors.joining(" / "));
  }

  /** The column names of the insights table: the dimension, then what it says. */
  List<String> insightHeaders() {
    return insightHeaders;
  }

  /** A dimension's name in the insights table, e.g. {@code 性能影响}. */
  public String dimensionName(Dimension dimension) {
    return dimensionNames.get(dimension);
  }

  private static Map<Field, String> labels(String... words) {
    Map<Field, String> map = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      map.put(f, words[f.ordinal()]);
    }
    return map;
  }

  private static Map<Dimension, String> dimensions(String... words) {
    Map<Dimension, String> map = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      map.put(d, words[d.ordinal()]);
    }
    return map;
  }

  private static Map<ChangeType, String> types(String... words) {
    Map<ChangeType, String> map = new EnumMap<>(ChangeType.class);
    for (ChangeType t : ChangeType.values()) {
      map.put(t, words[t.ordinal()]);
    }
    return map;
  }
}
