package dev.daybook.analysis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.model.ChangeType;
import dev.daybook.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's answer read against our schema, its text still raw (untrusted, unescaped). Reading
 * is strict where a mistake would change the report's facts (one JSON object; a severity and at
 * least one type from our enums; a summary; strings or lists of strings) and lenient where it
 * would not (a surrounding code fence, unknown extra keys, a single string where a list was asked,
 * unknown type names beside known ones).
 */
record Answer(
    Severity severity,
    List<ChangeType> types,
    String severityReason,
    String summary,
    List<String> impact,
    List<String> insights,
    List<String> risks,
    List<String> recommendations,
    String conclusion) {

  /** The answer does not fit the schema; the message says how (ours, safe to publish). */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern FENCE =
      Pattern.compile("^```[A-Za-z]*\\s*\\n(.*)\\n\\s*```$", Pattern.DOTALL);
  private static final List<String> LISTS =
      List.of("impact", "insights", "risks", "recommendations");

  Answer {
    Objects.requireNonNull(severity, "severity");
    types = List.copyOf(types);
    impact = List.copyOf(impact);
    insights = List.copyOf(insights);
    risks = List.copyOf(risks);
    recommendations = List.copyOf(recommendations);
  }

  static Answer parse(String content) throws Invalid {
    String text = content == null ? "" : content.strip();
    Matcher fence = FENCE.matcher(text);
    if (fence.matches()) {
      text = fence.group(1).strip();
    }
    if (text.isEmpty()) {
      throw new Invalid("empty answer");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Invalid("the answer is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new Invalid("the answer is not a JSON object");
    }
    JsonNode severityNode = root.path("severity");
    Severity severity = severityNode.isTextual()
        ? Severity.fromKey(severityNode.asText()).orElse(null) : null;
    if (severity == null) {
      throw new Invalid("severity is not one of high, medium, low");
    }
    Set<ChangeType> types = new LinkedHashSet<>();
    for (String t : list(root, "types")) {
      ChangeType.fromKey(t).ifPresent(types::add);
    }
    if (types.isEmpty()) {
      throw new Invalid("types names none of our change types");
    }
    String summary = string(root, "summary");
    if (summary.isBlank()) {
      throw new Invalid("summary is missing");
    }
    return new Answer(severity, new ArrayList<>(types).subList(0, Math.min(3, types.size())),
        string(root, "severity_reason"), summary, list(root, LISTS.get(0)),
        list(root, LISTS.get(1)), list(root, LISTS.get(2)), list(root, LISTS.get(3)),
        string(root, "conclusion"));
  }

  /** The answer as a JSON tree with sorted keys, as the cache stores it. */
  Map<String, Object> toJson() {
    Map<String, Object> m = new TreeMap<>();
    m.put("severity", severity.key());
    m.put("types", types.stream().map(ChangeType::key).toList());
    m.put("severity_reason", severityReason);
    m.put("summary", summary);
    m.put("impact", impact);
    m.put("insights", insights);
    m.put("risks", risks);
    m.put("recommendations", recommendations);
    m.put("conclusion", conclusion);
    return m;
  }

  /** Reads what {@link #toJson()} wrote. */
  static Optional<Answer> fromJson(JsonNode node) {
    try {
      return Optional.of(parse(JSON.writeValueAsString(node)));
    } catch (Invalid | JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String string(JsonNode root, String key) throws Invalid {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      throw new Invalid(key + " is not a string");
    }
    return node.asText();
  }

  private static List<String> list(JsonNode root, String key) throws Invalid {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return node.asText().isBlank() ? List.of() : List.of(node.asText());
    }
    if (!node.isArray()) {
      throw new Invalid(key + " is not a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new Invalid(key + " is not a list of strings");
      }
      if (!item.asText().isBlank()) {
        items.add(item.asText());
      }
    }
    return items;
  }
}
