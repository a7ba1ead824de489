package dev.daybook.analysis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.analysis.llm.Answer.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The model's summary of a repository's day read against its schema ({@link DayPrompt}), its text
 * still raw (untrusted, unescaped): one or two sentences on the day, the highlights (a commit of
 * the day by its SHA and what it means), one sentence on the areas that moved most. Read with the
 * per-commit answer's tolerance ({@link Answer.Reading}): a key under a known other name, one text
 * for the list of highlights, plain text highlights (kept without a commit), the answer wrapped
 * in one object are mended and noted; without any highlight the answer is unusable.
 */
record DayAnswer(String overview, List<Highlight> highlights, String areas) {

  /** A highlight as the model gave it: the SHA it names (may be empty) and its raw text. */
  record Highlight(String sha, String text) {}

  /** An answer, and what had to be mended to read it. */
  record Read(DayAnswer answer, Set<AnswerIssue.Note> mended) {
    Read {
      mended = Set.copyOf(mended);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  DayAnswer {
    overview = overview == null ? "" : overview;
    highlights = List.copyOf(highlights);
    areas = areas == null ? "" : areas;
  }

  static Read parse(String content) throws Invalid {
    Answer.Reading reading = new Answer.Reading();
    JsonNode root = reading.unwrapped(Answer.object(content), "highlights");
    List<Highlight> highlights = new ArrayList<>();
    for (JsonNode item : reading.list(root, "highlights")) {
      Highlight h;
      if (item.isTextual()) {
        reading.mended().add(new AnswerIssue.Note(AnswerIssue.TEXT_ITEMS, "highlights"));
        h = new Highlight("", item.asText());
      } else if (item.isObject()) {
        h = new Highlight(reading.string(item, "sha").strip(), reading.string(item, "text"));
      } else {
        throw new Invalid(AnswerIssue.NOT_ITEM, "highlights");
      }
      if (!h.text().isBlank()) {
        highlights.add(h);
      }
    }
    if (highlights.isEmpty()) {
      throw new Invalid(AnswerIssue.NO_HIGHLIGHTS, null);
    }
    DayAnswer answer = new DayAnswer(reading.string(root, "overview"), highlights,
        reading.string(root, "areas"));
    return new Read(answer, reading.mended());
  }

  /** The answer as a JSON tree with sorted keys, as the cache stores it (in our schema). */
  Map<String, Object> toJson() {
    Map<String, Object> m = new TreeMap<>();
    m.put("overview", overview);
    m.put("highlights", highlights.stream().map(h -> {
      Map<String, Object> item = new TreeMap<>();
      item.put("sha", h.sha());
      item.put("text", h.text());
      return item;
    }).toList());
    m.put("areas", areas);
    return m;
  }

  /** Reads what {@link #toJson()} wrote. */
  static Optional<DayAnswer> fromJson(JsonNode node) {
    try {
      return Optional.of(parse(JSON.writeValueAsString(node)).answer());
    } catch (Invalid | JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
