package dev.daybook.search;

import dev.daybook.model.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * A query that cannot be run as written. {@link #message(Language)} says what is wrong in words a
 * user knows, in the site's language ({@link QueryMessage}), and suggests a known filter or value
 * close to one that is not; {@link #getMessage()} is the English. {@link #column()} points at the
 * bad part (1-based, in UTF-16 units as the query was given).
 */
public final class QuerySyntaxException extends Exception {

  /** An argument of a message that reads differently in each language, such as a list. */
  @FunctionalInterface
  interface Localized {
    String in(Language language);
  }

  private final QueryMessage kind;
  private final int column;
  private final List<Object> args;
  private final String suggestion;

  /**
   * @param args strings, numbers, {@link Localized} arguments, or lists of strings (joined with
   *     the language's {@link QueryMessage#LIST} separator)
   */
  QuerySyntaxException(QueryMessage kind, int column, Object... args) {
    this(kind, column, List.of(args), null);
  }

  private QuerySyntaxException(QueryMessage kind, int column, List<Object> args,
      String suggestion) {
    super(format(kind, args, suggestion, Language.EN));
    this.kind = kind;
    this.column = column;
    this.args = args;
    this.suggestion = suggestion;
  }

  /**
   * This error, suggesting a known name or value close to the bad one (as it would be written);
   * itself when there is none.
   */
  QuerySyntaxException suggesting(String suggestion) {
    return suggestion == null ? this : new QuerySyntaxException(kind, column, args, suggestion);
  }

  /** The column of the bad part, 1-based; 0 when the problem is the query as a whole. */
  public int column() {
    return column;
  }

  /** What is wrong, in a language. */
  public String message(Language language) {
    return format(kind, args, suggestion, language);
  }

  private static String format(QueryMessage kind, List<Object> args, String suggestion,
      Language language) {
    List<String> texts = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof Localized l) {
        texts.add(l.in(language));
      } else if (a instanceof List<?> list) {
        texts.add(String.join(QueryMessage.LIST.template(language),
            list.stream().map(String::valueOf).toList()));
      } else {
        texts.add(String.valueOf(a));
      }
    }
    String text = kind.format(language, texts);
    return suggestion == null ? text
        : text + QueryMessage.DID_YOU_MEAN.format(language, List.of(suggestion));
  }
}
