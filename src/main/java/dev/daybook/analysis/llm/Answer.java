package dev.daybook.analysis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.analysis.llm.AnswerIssue.Note;
import dev.daybook.model.ChangeType;
import dev.daybook.model.Dimension;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's answer read against our schema ({@link Prompt}), its text still raw (untrusted,
 * unescaped). Reading is strict where a mistake would change the report's facts (one JSON object;
 * a severity and at least one type from our enums; a summary; text where text is asked) and
 * tolerant where what was meant is clear: a surrounding code fence, unknown extra keys, unknown
 * type names beside known ones, and — noted as mended ({@link Read#mended}) — a key under a known
 * other name ({@code change_type} for {@code types}), one text for a list, plain text items where
 * objects were asked, a known other name of a type or dimension, the answer wrapped in one object.
 * Two names of one key given at once are ambiguous: the answer is unusable.
 */
record Answer(
    Severity severity,
    List<ChangeType> types,
    String severityReason,
    String summary,
    List<String> impact,
    List<Aspect> insights,
    List<Titled> risks,
    List<Titled> recommendations,
    String conclusion,
    String breaking) {

  /** An insight as the model gave it: its dimension ({@code null}: none) and its raw text. */
  record Aspect(Dimension dimension, String text) {}

  /** A risk or a recommendation as the model gave it: a title (may be empty) and raw details. */
  record Titled(String title, String details) {}

  /** An answer, and what had to be mended to read it (empty for one that fits the schema). */
  record Read(Answer answer, Set<Note> mended) {
    Read {
      mended = Set.copyOf(mended);
    }
  }

  /** The answer cannot be used; its note says why (ours, safe to publish). */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Note note;

    Invalid(AnswerIssue issue, String detail) {
      super(issue.text(Language.EN, detail), null, false, false);
      this.note = new Note(issue, detail);
    }

    Note note() {
      return note;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern FENCE =
      Pattern.compile("^```[A-Za-z]*\\s*\\n(.*)\\n\\s*```$", Pattern.DOTALL);

  /** Other names models give our keys; each is read as ours, and the answer noted as mended. */
  private static final Map<String, List<String>> KEY_NAMES = Map.ofEntries(
      Map.entry("types",
          List.of("type", "change_type", "change_types", "changeType", "changeTypes")),
      Map.entry("severity_reason",
          List.of("severityReason", "severity_rationale", "reason")),
      Map.entry("summary", List.of("change_summary")),
      Map.entry("impact", List.of("impacts", "impact_scope", "scope")),
      Map.entry("insights", List.of("insight", "technical_insights")),
      Map.entry("risks", List.of("risk", "potential_risks")),
      Map.entry("recommendations", List.of("recommendation", "suggestions")),
      Map.entry("dimension", List.of("aspect", "category")),
      Map.entry("text", List.of("impact", "details", "content", "description")),
      Map.entry("details", List.of("detail", "description", "content", "text")),
      // A day summary's ({@link DayAnswer}).
      Map.entry("highlights", List.of("highlight", "key_changes", "changes")),
      Map.entry("sha", List.of("commit", "short_sha")),
      Map.entry("areas", List.of("area", "most_changed_areas")));

  private static final Map<String, ChangeType> TYPE_NAMES = Map.ofEntries(
      Map.entry("feat", ChangeType.FEATURE), Map.entry("fix", ChangeType.BUGFIX),
      Map.entry("bug", ChangeType.BUGFIX), Map.entry("bug_fix", ChangeType.BUGFIX),
      Map.entry("performance", ChangeType.PERFORMANCE), Map.entry("refactoring",
          ChangeType.REFACTOR), Map.entry("doc", ChangeType.DOCS),
      Map.entry("documentation", ChangeType.DOCS), Map.entry("tests", ChangeType.TEST),
      Map.entry("testing", ChangeType.TEST), Map.entry("chores", ChangeType.CHORE));

  private static final Map<String, Dimension> DIMENSION_NAMES = Map.of(
      "arch", Dimension.ARCHITECTURE, "design", Dimension.ARCHITECTURE,
      "perf", Dimension.PERFORMANCE, "maintenance", Dimension.MAINTAINABILITY,
      "deploy", Dimension.DEPLOYMENT, "resources", Dimension.DEPLOYMENT,
      "deployment/resources", Dimension.DEPLOYMENT);

  Answer {
    Objects.requireNonNull(severity, "severity");
    types = List.copyOf(types);
    impact = List.copyOf(impact);
    insights = List.copyOf(insights);
    risks = List.copyOf(risks);
    recommendations = List.copyOf(recommendations);
    breaking = Objects.requireNonNullElse(breaking, "");
  }

  static Read parse(String content) throws Invalid {
    return new Reading().read(object(content));
  }

  /**
   * The one JSON object an answer is, inside a code fence or not; what else the content is
   * (empty, not JSON, another JSON value) makes it unusable.
   */
  static JsonNode object(String content) throws Invalid {
    String text = content == null ? "" : content.strip();
    Matcher fence = FENCE.matcher(text);
    if (fence.matches()) {
      text = fence.group(1).strip();
    }
    if (text.isEmpty()) {
      throw new Invalid(AnswerIssue.EMPTY, null);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Invalid(AnswerIssue.NOT_JSON, null);
    }
    if (root == null || !root.isObject()) {
      throw new Invalid(AnswerIssue.NOT_OBJECT, null);
    }
    return root;
  }

  /** The answer as a JSON tree with sorted keys, as the cache stores it (in our schema). */
  Map<String, Object> toJson() {
    Map<String, Object> m = new TreeMap<>();
    m.put("severity", severity.key());
    m.put("types", types.stream().map(ChangeType::key).toList());
    m.put("severity_reason", severityReason);
    m.put("summary", summary);
    m.put("impact", impact);
    m.put("insights", insights.stream().map(i -> {
      Map<String, Object> item = new TreeMap<>();
      if (i.dimension() != null) {
        item.put("dimension", i.dimension().key());
      }
      item.put("text", i.text());
      return item;
    }).toList());
    m.put("risks", titled(risks));
    m.put("recommendations", titled(recommendations));
    m.put("conclusion", conclusion);
    if (!breaking.isBlank()) {
      m.put("breaking", breaking);
    }
    return m;
  }

  private static List<Map<String, Object>> titled(List<Titled> points) {
    return points.stream().map(p -> {
      Map<String, Object> item = new TreeMap<>();
      item.put("title", p.title());
      item.put("details", p.details());
      return item;
    }).toList();
  }

  /** Reads what {@link #toJson()} wrote. */
  static Optional<Answer> fromJson(JsonNode node) {
    try {
      return Optional.of(parse(JSON.writeValueAsString(node)).answer());
    } catch (Invalid | JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * One reading of an answer, noting what it mends; its helpers read a day summary's answer too
   * ({@link DayAnswer}), with the same tolerance.
   */
  static final class Reading {
    private final Set<Note> mended = new LinkedHashSet<>();

    /** What was mended so far. */
    Set<Note> mended() {
      return mended;
    }

    /**
     * The answer itself when it came wrapped in one object ({@code {"analysis": {...}}}): the
     * object under the only key, when that holds {@code key} (under any of its names) and the
     * root does not.
     */
    JsonNode unwrapped(JsonNode root, String key) {
      if (!holds(root, key) && root.size() == 1) {
        Map.Entry<String, JsonNode> only = root.fields().next();
        if (only.getValue().isObject() && holds(only.getValue(), key)) {
          mended.add(new Note(AnswerIssue.WRAPPED, shown(only.getKey())));
          return only.getValue();
        }
      }
      return root;
    }

    private static boolean holds(JsonNode object, String key) {
      return object.has(key)
          || KEY_NAMES.getOrDefault(key, List.of()).stream().anyMatch(object::has);
    }

    Read read(JsonNode given) throws Invalid {
      JsonNode root = unwrapped(given, "severity");
      JsonNode severityNode = field(root, "severity");
      Severity severity = severityNode != null && severityNode.isTextual()
          ? Severity.fromKey(severityNode.asText()).orElse(null) : null;
      if (severity == null) {
        throw new Invalid(AnswerIssue.NO_SEVERITY, null);
      }
      Set<ChangeType> types = new LinkedHashSet<>();
      for (JsonNode t : list(root, "types")) {
        type(text(t, "types")).ifPresent(types::add);
      }
      if (types.isEmpty()) {
        throw new Invalid(AnswerIssue.NO_TYPES, null);
      }
      String summary = string(root, "summary");
      if (summary.isBlank()) {
        throw new Invalid(AnswerIssue.NO_SUMMARY, null);
      }
      List<String> impact = new ArrayList<>();
      for (JsonNode item : list(root, "impact")) {
        impact.add(text(item, "impact"));
      }
      List<Aspect> insights = new ArrayList<>();
      for (JsonNode item : list(root, "insights")) {
        insights.add(aspect(item));
      }
      Answer answer = new Answer(severity,
          new ArrayList<>(types).subList(0, Math.min(3, types.size())),
          string(root, "severity_reason"), summary, blankless(impact),
          insights.stream().filter(i -> !i.text().isBlank()).toList(),
          points(root, "risks"), points(root, "recommendations"), string(root, "conclusion"),
          breaking(root));
      return new Read(answer, mended);
    }

    /**
     * The optional breaking reason: a text, or nothing. A bare {@code true} is too little to
     * publish (a marker must say why) and {@code false} says no: both read as no marker.
     */
    private String breaking(JsonNode root) throws Invalid {
      JsonNode node = field(root, "breaking");
      return node != null && node.isTextual() ? node.asText().strip() : "";
    }

    /**
     * The value of a key, under its own name or one other known name; null when absent. Two names
     * given at once are ambiguous.
     */
    JsonNode field(JsonNode object, String key) throws Invalid {
      List<String> given = new ArrayList<>();
      if (object.hasNonNull(key)) {
        given.add(key);
      }
      for (String other : KEY_NAMES.getOrDefault(key, List.of())) {
        if (object.hasNonNull(other)) {
          given.add(other);
        }
      }
      if (given.isEmpty()) {
        return null;
      }
      if (given.size() > 1) {
        throw new Invalid(AnswerIssue.TWO_NAMES, String.join(", ", given));
      }
      if (!given.get(0).equals(key)) {
        mended.add(new Note(AnswerIssue.KEY_NAME, given.get(0) + " → " + key));
      }
      return object.get(given.get(0));
    }

    String string(JsonNode root, String key) throws Invalid {
      JsonNode node = field(root, key);
      return node == null ? "" : text(node, key);
    }

    static String text(JsonNode node, String key) throws Invalid {
      if (!node.isTextual()) {
        throw new Invalid(AnswerIssue.NOT_TEXT, key);
      }
      return node.asText();
    }

    /** The items of a list; one text given for the list is its one item. */
    List<JsonNode> list(JsonNode root, String key) throws Invalid {
      JsonNode node = field(root, key);
      if (node == null) {
        return List.of();
      }
      if (node.isTextual()) {
        if (node.asText().isBlank()) {
          return List.of();
        }
        mended.add(new Note(AnswerIssue.TEXT_FOR_LIST, key));
        return List.of(node);
      }
      if (!node.isArray()) {
        throw new Invalid(AnswerIssue.NOT_LIST, key);
      }
      List<JsonNode> items = new ArrayList<>();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        JsonNode item = it.next();
        if (!item.isNull()) {
          items.add(item);
        }
      }
      return items;
    }

    private Optional<ChangeType> type(String name) {
      Optional<ChangeType> type = ChangeType.fromKey(name);
      if (type.isPresent()) {
        return type;
      }
      ChangeType other = TYPE_NAMES.get(name.strip().toLowerCase(Locale.ROOT));
      if (other != null) {
        mended.add(new Note(AnswerIssue.TYPE_NAME, shown(name) + " → " + other.key()));
      }
      return Optional.ofNullable(other);
    }

    private Aspect aspect(JsonNode item) throws Invalid {
      if (item.isTextual()) {
        mended.add(new Note(AnswerIssue.TEXT_ITEMS, "insights"));
        return new Aspect(null, item.asText());
      }
      if (!item.isObject()) {
        throw new Invalid(AnswerIssue.NOT_ITEM, "insights");
      }
      JsonNode text = field(item, "text");
      JsonNode name = field(item, "dimension");
      Dimension dimension = null;
      if (name != null) {
        String given = text(name, "dimension");
        dimension = Dimension.fromKey(given)
            .orElse(DIMENSION_NAMES.get(given.strip().toLowerCase(Locale.ROOT)));
        if (dimension == null && !given.isBlank()) {
          mended.add(new Note(AnswerIssue.UNKNOWN_DIMENSION, shown(given)));
        }
      }
      return new Aspect(dimension, text == null ? "" : text(text, "text"));
    }

    private List<Titled> points(JsonNode root, String key) throws Invalid {
      List<Titled> points = new ArrayList<>();
      for (JsonNode item : list(root, key)) {
        Titled point;
        if (item.isTextual()) {
          mended.add(new Note(AnswerIssue.TEXT_ITEMS, key));
          point = new Titled("", item.asText());
        } else if (item.isObject()) {
          JsonNode title = field(item, "title");
          JsonNode details = field(item, "details");
          point = new Titled(title == null ? "" : text(title, "title"),
              details == null ? "" : text(details, "details"));
        } else {
          throw new Invalid(AnswerIssue.NOT_ITEM, key);
        }
        if (!point.title().isBlank() || !point.details().isBlank()) {
          points.add(point);
        }
      }
      return points;
    }

    private static List<String> blankless(List<String> items) {
      return items.stream().filter(s -> !s.isBlank()).toList();
    }

    /** A name from the answer as a notice may show it: one line, cut short, in backticks. */
    private static String shown(String name) {
      String line = MarkdownText.oneLine(name).strip();
      return "`" + (line.length() > 30 ? line.substring(0, 27) + "..." : line) + "`";
    }
  }
}
