package dev.daybook.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the examples of {@code analyzer-spec.md}; the format is described at the top of that file.
 * A malformed example fails the read with {@code analyzer-spec.md:line: what is wrong}.
 */
final class AnalyzerSpec {

  static final String RESOURCE = "/search/analyzer-spec.md";
  private static final Pattern TOKEN = Pattern.compile("(\\S+)@(\\d+)(?:/(\\d+)-(\\d+))?");

  /** An expected token; start and end are -1 when the example does not give them. */
  record Expected(String term, int position, int start, int end) {
    boolean matches(TextAnalysis.Token t) {
      return t.term().equals(term) && t.position() == position
          && (start < 0 || t.start() == start && t.end() == end);
    }

    @Override
    public String toString() {
      return term + "@" + position + (start < 0 ? "" : "/" + start + "-" + end);
    }
  }

  /** One example; a null list means the example does not say. */
  record Example(int line, String input, List<Expected> index, List<Expected> query,
      List<Expected> parts) {
    @Override
    public String toString() {
      return "analyzer-spec.md:" + line + " " + input;
    }
  }

  private AnalyzerSpec() {}

  static List<Example> read() {
    try (InputStream in = AnalyzerSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Example> parse(String text) {
    List<String> lines = text.lines().toList();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("```example")) {
        continue;
      }
      int start = i + 1;
      String input = null;
      List<Expected> index = null;
      List<Expected> query = null;
      List<Expected> parts = null;
      for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
        String line = lines.get(i);
        if (line.startsWith("input: ")) {
          input = line.substring("input: ".length());
        } else if (line.startsWith("index:")) {
          index = append(index, line.substring("index:".length()), i + 1);
        } else if (line.startsWith("query:")) {
          query = append(query, line.substring("query:".length()), i + 1);
        } else if (line.startsWith("parts:")) {
          parts = append(parts, line.substring("parts:".length()), i + 1);
        } else {
          throw fail(i + 1, "expected input:, index:, query: or parts:, found '" + line + "'");
        }
      }
      if (i == lines.size()) {
        throw fail(start, "example without a closing ```");
      }
      if (input == null || index == null && query == null) {
        throw fail(start, "an example needs input: and index: or query:");
      }
      examples.add(new Example(start, input, index, query, parts));
    }
    return examples;
  }

  private static List<Expected> append(List<Expected> list, String tokens, int line) {
    List<Expected> out = list == null ? new ArrayList<>() : list;
    String trimmed = tokens.strip();
    if (trimmed.equals("-")) {
      return out;
    }
    for (String t : trimmed.split(" +")) {
      Matcher m = TOKEN.matcher(t);
      if (!m.matches()) {
        throw fail(line, "not a token (term@position[/start-end]): '" + t + "'");
      }
      out.add(new Expected(m.group(1), Integer.parseInt(m.group(2)),
          m.group(3) == null ? -1 : Integer.parseInt(m.group(3)),
          m.group(4) == null ? -1 : Integer.parseInt(m.group(4))));
    }
    return out;
  }

  private static IllegalStateException fail(int line, String what) {
    return new IllegalStateException("analyzer-spec.md:" + line + ": " + what);
  }
}
