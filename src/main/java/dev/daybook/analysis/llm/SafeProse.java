package dev.daybook.analysis.llm;

import dev.daybook.text.Bidi;
import dev.daybook.text.MarkdownText;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns model text into safe CommonMark: sentences and list items that mention something the
 * commit does not hold are dropped ({@link FactCheck}), over-long ones too (never cut in the
 * middle), and what is kept is escaped like any commit text. A pair of backticks becomes a code
 * span; everything else is literal text, so no Markdown, HTML, link or heading of the model's
 * survives. Counts what it dropped.
 */
final class SafeProse {

  /** Longest list item or sentence kept, in characters. */
  static final int MAX_ITEM_CHARS = 600;
  /** Most list items kept per field. */
  static final int MAX_ITEMS = 8;
  /** Longest paragraph field (summary, conclusion) kept, in characters, whole sentences only. */
  static final int MAX_PARAGRAPH_CHARS = 2_000;

  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+•]|\\d{1,3}[.)])\\s+");

  private final FactCheck facts;
  private int dropped;

  SafeProse(FactCheck facts) {
    this.facts = facts;
  }

  /** How many sentences and items were dropped so far. */
  int dropped() {
    return dropped;
  }

  /** A list field as Markdown bullets, or empty. */
  String bullets(List<String> items) {
    return items(items).stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
  }

  /**
   * The items of a list field that pass, each one escaped line, at most {@link #MAX_ITEMS};
   * an item that is empty after its list marker is left out, one that fails is dropped.
   */
  List<String> items(List<String> items) {
    List<String> kept = new ArrayList<>();
    for (String item : items) {
      String line = item(item);
      if (line == null || line.isEmpty()) {
        continue;
      }
      if (kept.size() >= MAX_ITEMS) {
        dropped++;
        continue;
      }
      kept.add(line);
    }
    return kept;
  }

  /**
   * One item as one escaped line: empty when it holds nothing but a list marker, null (and
   * counted) when it is too long or names what the commit does not hold.
   */
  String item(String text) {
    String line = LIST_MARKER.matcher(MarkdownText.oneLine(Bidi.without(text))).replaceFirst("");
    if (line.isEmpty()) {
      return "";
    }
    if (line.length() > MAX_ITEM_CHARS || facts.unknownMention(line).isPresent()) {
      dropped++;
      return null;
    }
    return escape(line);
  }

  /** Counts an item left out for another reason than its own text (too many in its list). */
  void drop() {
    dropped++;
  }

  /** A paragraph field, sentence by sentence, or empty. */
  String paragraph(String text) {
    StringBuilder kept = new StringBuilder();
    for (String sentence : sentences(MarkdownText.oneLine(Bidi.without(text)))) {
      String s = sentence.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (s.length() > MAX_ITEM_CHARS || kept.length() + s.length() > MAX_PARAGRAPH_CHARS
          || facts.unknownMention(s).isPresent()) {
        dropped++;
        continue;
      }
      if (kept.length() > 0 && !endsCjk(kept)) {
        kept.append(' ');
      }
      kept.append(s);
    }
    return kept.length() == 0 ? "" : escape(kept.toString());
  }

  private static boolean endsCjk(CharSequence text) {
    char c = text.charAt(text.length() - 1);
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || "。！？；：，）」".indexOf(c) >= 0;
  }

  private static List<String> sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(text.substring(start, end));
    }
    return out;
  }

  /**
   * One line of model text as inline CommonMark: backtick pairs become code spans, the rest is
   * escaped text. Spaces around a code span are kept.
   */
  static String escape(String line) {
    StringBuilder out = new StringBuilder();
    Matcher m = CODE_SPAN.matcher(line);
    int last = 0;
    while (m.find()) {
      out.append(text(line.substring(last, m.start())));
      String code = m.group(1).strip();
      if (!code.isEmpty()) {
        out.append(MarkdownText.code(code));
      }
      last = m.end();
    }
    out.append(text(line.substring(last)));
    return out.toString().strip();
  }

  private static String text(String plain) {
    if (plain.isBlank()) {
      return plain.isEmpty() ? "" : " ";
    }
    String lead = Character.isWhitespace(plain.charAt(0)) ? " " : "";
    String trail = Character.isWhitespace(plain.charAt(plain.length() - 1)) ? " " : "";
    String escaped = MarkdownText.inline(plain);
    return lead + escaped + trail;
  }
}
