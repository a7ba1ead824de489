package dev.daybook.report;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the fixed words of reports when reading them: those of both vocabularies and the
 * variants found in historical reports (the reference writes {@code 📋 摘要} for low commits, puts
 * some labels in headings and the conclusion in a block quote, and spells badges with and without a
 * space).
 */
final class Labels {

  /** A label line: the field, the label's language, the text after the colon, quoted or not. */
  record Label(Field field, Language language, String value, boolean quoted) {}

  // ### label
  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}#{1,6}\\s+(.{1,40}?)[\\s#]*$", Pattern.DOTALL);
  // **label**：value, or > **label**：value
  private static final Pattern BOLD = Pattern.compile(
      "^(>\\s*)?\\*\\*([^*]{1,40}?)\\*\\*\\s*(?:[：:]\\s*(.*?))?\\s*$", Pattern.DOTALL);

  private static final Map<String, Field> WORDS = new HashMap<>();
  private static final Map<String, Language> WORD_LANGUAGE = new HashMap<>();
  // The key of each label as the vocabularies spell it, which is how reports spell them.
  private static final Map<String, String> SPELLED = new HashMap<>();

  static {
    for (Vocabulary v : Vocabulary.all()) {
      for (Field f : Field.values()) {
        String word = key(v.label(f));
        WORDS.put(word, f);
        WORD_LANGUAGE.put(word, v.language());
        SPELLED.put(v.label(f), word);
      }
    }
    WORDS.put("摘要", Field.SUMMARY);
    WORD_LANGUAGE.put("摘要", Language.ZH);
  }

  private Labels() {}

  /** The label a line of text is, written in bold: {@code **label**：value}, maybe quoted. */
  static Optional<Label> matchBold(String line) {
    // Most lines are prose: only those that start with "**" or ">" may be bold labels.
    Bold bold = line.startsWith("**") || line.startsWith(">") ? bold(line) : null;
    if (bold == null) {
      return Optional.empty();
    }
    String spelled = SPELLED.get(bold.word());
    String word = spelled != null ? spelled : key(bold.word());
    Field field = WORDS.get(word);
    if (field == null) {
      return Optional.empty();
    }
    String value = bold.value() == null ? "" : bold.value();
    return Optional.of(new Label(field, WORD_LANGUAGE.get(word), value, bold.quoted()));
  }

  /**
   * The label the first line of a heading is: a heading label ({@code ### 📋 变更摘要}), or a bold
   * one above a setext underline.
   */
  static Optional<Label> match(String line) {
    Optional<Label> bold = matchBold(line);
    if (bold.isPresent()) {
      return bold;
    }
    Matcher heading = HEADING.matcher(line);
    if (heading.matches()) {
      String word = key(heading.group(1).replace("**", ""));
      Field field = WORDS.get(word);
      if (field != null) {
        return Optional.of(new Label(field, WORD_LANGUAGE.get(word), "", false));
      }
    }
    return Optional.empty();
  }

  /**
   * A label line in bold, {@code **label**：value} or {@code > **label**：value}: whether it is
   * quoted, the bold word, the value after the colon (null without a colon).
   */
  record Bold(boolean quoted, String word, String value) {}

  /** The bold label a line is, else null. */
  static Bold bold(String line) {
    Matcher m = BOLD.matcher(line);
    return m.matches() ? new Bold(m.group(1) != null, m.group(2), m.group(3)) : null;
  }

  /** A label without its leading emoji and spaces, lower case: {@code 📋 变更摘要} → {@code 变更摘要}. */
  static String key(String label) {
    return words(label).toLowerCase(Locale.ROOT);
  }

  /** A label without its leading emoji and spaces: {@code 📋 Contents} → {@code Contents}. */
  static String words(String label) {
    int i = 0;
    while (i < label.length()) {
      int cp = label.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return label.substring(i).strip();
  }

  /** Whether a heading's {@link #key} is that of a table of contents, in either language. */
  static boolean isContents(String key) {
    return key.equals("目录") || key.equals("contents");
  }

  /** A severity from a badge or word: {@code 🔴 高}, {@code 🔴高}, {@code High}, {@code medium}. */
  static Optional<Severity> severity(String text) {
    String t = text.strip();
    if (t.startsWith("🔴")) {
      return Optional.of(Severity.HIGH);
    }
    if (t.startsWith("🟡")) {
      return Optional.of(Severity.MEDIUM);
    }
    if (t.startsWith("🟢")) {
      return Optional.of(Severity.LOW);
    }
    return switch (key(t)) {
      case "高", "high" -> Optional.of(Severity.HIGH);
      case "中", "medium" -> Optional.of(Severity.MEDIUM);
      case "低", "low" -> Optional.of(Severity.LOW);
      default -> Severity.fromKey(key(t));
    };
  }

  // Words that name a change type, tried in this order on each part of a label such as
  // "Bug修复 / 兼容性增强" or "功能增强 / 性能优化（将 … 迁移到 JIT）". Latin words must start a word
  // ("doc" matches "Documentation"); "ci" must be the whole word.
  private static final List<Map.Entry<Pattern, ChangeType>> TYPE_WORDS = List.of(
      type("回滚|还原|(?<![a-z])revert", ChangeType.REVERT),
      type("修复|(?<![a-z])(bug|fix)", ChangeType.BUGFIX),
      type("性能|(?<![a-z])perf", ChangeType.PERFORMANCE),
      type("重构|(?<![a-z])refactor", ChangeType.REFACTOR),
      type("文档|(?<![a-z])doc", ChangeType.DOCS),
      type("测试|(?<![a-z])test", ChangeType.TEST),
      type("持续集成|(?<![a-z])ci(?![a-z])", ChangeType.CI),
      type("构建|依赖|(?<![a-z])(build|dependenc)", ChangeType.BUILD),
      type("杂项|维护|(?<![a-z])chore", ChangeType.CHORE),
      type("功能|增强|新增|(?<![a-z])feat", ChangeType.FEATURE));

  private static Map.Entry<Pattern, ChangeType> type(String regex, ChangeType type) {
    return Map.entry(Pattern.compile(regex), type);
  }

  /**
   * A change-type label as read: its {@link #types}, and whether it is {@code standard}, empty or
   * just the localized names of those types (what the writer makes of no label).
   */
  record TypeLabel(List<ChangeType> types, boolean standard) {}

  static TypeLabel typeLabel(String label) {
    List<ChangeType> types = List.copyOf(types(label));
    return new TypeLabel(types, label.isEmpty()
        || Vocabulary.all().stream().anyMatch(v -> v.typeLabel(types).equals(label)));
  }

  private static final Pattern PARENTHESIZED = Pattern.compile("[（(].*$");
  private static final Pattern TYPE_SEPARATOR = Pattern.compile("[/、,，]");

  /** The change types named in a label, in the order they appear; empty when none is known. */
  static List<ChangeType> types(String label) {
    Set<ChangeType> types = new LinkedHashSet<>();
    String withoutNote = PARENTHESIZED.matcher(label).replaceFirst("");
    for (String part : TYPE_SEPARATOR.split(withoutNote)) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      for (Map.Entry<Pattern, ChangeType> word : TYPE_WORDS) {
        if (word.getKey().matcher(p).find()) {
          types.add(word.getValue());
          break;
        }
      }
    }
    return new ArrayList<>(types);
  }
}
