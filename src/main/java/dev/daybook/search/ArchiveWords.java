package dev.daybook.search;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import dev.daybook.report.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The archive's own words for change types and severities: each value's key ({@code bugfix},
 * {@code high}), the other spellings queries have long understood ({@code fix}, {@code feat}), and
 * the labels reports and pages show ({@link Vocabulary}), in Chinese and in English ({@code Bug
 * 修复} and {@code Bug fix}, {@code 高} and {@code High}), whatever the archive's language.
 *
 * <p>A text <i>names</i> a value when its terms, analyzed as a query is ({@link TextAnalysis}),
 * occur in one of the value's spellings analyzed as the index analyzes text, at the same distances
 * (as a phrase matches): {@code 修复} names bugfix ({@code Bug 修复}), {@code 文档} names docs
 * ({@code 文档更新}), {@code docs}, {@code fix}, {@code feature} and {@code high} their own. So a
 * word of a label is enough, and it matches as it would in a report's text. A free-text word finds
 * the commits of every value it names; a filter value ({@code type:修复}) must name at least one.
 *
 * <p>{@code meta.json} carries the spellings ({@link #export}), so that {@code search.js} names
 * values from the same words.
 */
final class ArchiveWords {

  /**
   * A value and its spellings.
   *
   * @param zh the Chinese label, as reports show it
   * @param en the English label
   * @param aliases other spellings a query may use
   */
  record Value(String key, String zh, String en, List<String> aliases) {
    Value {
      aliases = List.copyOf(aliases);
    }

    /** The key, the aliases, then the labels. */
    List<String> spellings() {
      List<String> all = new ArrayList<>();
      all.add(key);
      all.addAll(aliases);
      all.add(zh);
      all.add(en);
      return all;
    }
  }

  static final List<Value> TYPES = Arrays.stream(ChangeType.values())
      .map(t -> new Value(t.key(), Vocabulary.of(Language.ZH).typeName(t),
          Vocabulary.of(Language.EN).typeName(t), typeAliases(t)))
      .toList();

  static final List<Value> SEVERITIES = Arrays.stream(Severity.values())
      .map(s -> new Value(s.key(), label(s, Language.ZH), label(s, Language.EN), List.of()))
      .toList();

  /** Each value's spellings as the index analyzes them, in the order of {@link #TYPES}. */
  private static final Map<String, List<List<TextAnalysis.Token>>> ANALYZED = new LinkedHashMap<>();

  static {
    for (Value v : concat(TYPES, SEVERITIES)) {
      List<List<TextAnalysis.Token>> tokens = new ArrayList<>();
      for (String s : v.spellings()) {
        tokens.add(TextAnalysis.analyze(s, TextAnalysis.Mode.INDEX));
      }
      // Keys of types and severities differ, so one map holds both.
      ANALYZED.put(v.key(), tokens);
    }
  }

  private ArchiveWords() {}

  private static List<String> typeAliases(ChangeType t) {
    return switch (t) {
      case BUGFIX -> List.of("fix");
      case FEATURE -> List.of("feat");
      case PERFORMANCE -> List.of("performance");
      case DOCS -> List.of("doc");
      case TEST -> List.of("tests");
      default -> List.of();
    };
  }

  /** A severity's label without its badge: {@code 🔴 高} is 高. */
  private static String label(Severity s, Language language) {
    String badge = Vocabulary.of(language).badge(s);
    return badge.substring(badge.indexOf(' ') + 1);
  }

  private static List<Value> concat(List<Value> a, List<Value> b) {
    List<Value> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The keys of the values that a text names (see the class comment), in the values' order. */
  static List<String> named(List<Value> values, String text) {
    List<TextAnalysis.Token> query = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY);
    List<String> keys = new ArrayList<>();
    if (query.isEmpty()) {
      return keys;
    }
    for (Value v : values) {
      if (ANALYZED.get(v.key()).stream().anyMatch(spelling -> holds(spelling, query))) {
        keys.add(v.key());
      }
    }
    return keys;
  }

  /** Whether the query's terms occur in the spelling's at their distances from the first. */
  private static boolean holds(List<TextAnalysis.Token> spelling,
      List<TextAnalysis.Token> query) {
    int first = query.get(0).position();
    for (TextAnalysis.Token start : spelling) {
      if (!start.term().equals(query.get(0).term())) {
        continue;
      }
      boolean all = true;
      for (TextAnalysis.Token q : query) {
        int at = start.position() + q.position() - first;
        all &= spelling.stream().anyMatch(t -> t.position() == at && t.term().equals(q.term()));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values as an error message lists them: the keys in English; in Chinese the labels, each
   * with its key, as both are understood.
   */
  static String known(List<Value> values, Language language) {
    List<String> items = new ArrayList<>();
    for (Value v : values) {
      items.add(language == Language.EN ? v.key() : v.zh() + "（" + v.key() + "）");
    }
    return String.join(QueryMessage.LIST.template(language), items);
  }

  /** What a bad value may have meant: every spelling, then each blank-separated word of one. */
  static List<String> candidates(List<Value> values) {
    Set<String> out = new LinkedHashSet<>();
    for (Value v : values) {
      out.addAll(v.spellings());
    }
    for (Value v : values) {
      for (String s : v.spellings()) {
        out.addAll(List.of(s.split(" ")));
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code meta.json}'s {@code words}: for {@code type} and {@code severity}, each key (in the
   * order above) to {@code [zh, en, aliases...]}.
   */
  static Map<String, Object> export() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", exported(TYPES));
    out.put("severity", exported(SEVERITIES));
    return out;
  }

  private static Map<String, List<String>> exported(List<Value> values) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Value v : values) {
      List<String> words = new ArrayList<>(List.of(v.zh(), v.en()));
      words.addAll(v.aliases());
      out.put(v.key(), words);
    }
    return out;
  }
}
