package dev.daybook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.daybook.config.OpenSearchSettings;
import dev.daybook.model.Language;
import dev.daybook.search.IndexSearch;
import dev.daybook.search.QuerySyntaxException;
import dev.daybook.search.SearchHit;
import dev.daybook.search.SearchIndex;
import dev.daybook.search.SearchResults;
import dev.daybook.search.Snippet;
import dev.daybook.search.opensearch.Endpoint;
import dev.daybook.search.opensearch.OpenSearchSearch;
import dev.daybook.site.BaseUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daybook search}: queries the Lucene index that {@code daybook build} writes. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search the reported commits, best match first (BM25), equal scores newest"
        + " first; or newest first (--sort date).",
        "",
        "Query: words (all must match; \"cache\" also finds caching and HiCache, 缓存 finds 缓存淘汰;"
            + " a word also finds the commits of the author it names, of the type or severity it"
            + " names (修复, fix, 高, high), and a SHA prefix of 7+ hex digits its commit, first),"
            + " \"a phrase\", -word to exclude, a OR b, (brackets), and filters:"
            + " repo:sgl-project/sglang severity:high (severity:高) type:bugfix (type:修复, type:fix)"
            + " author:\"Alison Shao\""
            + " path:python/sglang/jit_kernel date:2026-02-06 date:2026-02..2026-03 sha:3d68bd9.",
        "",
        "A name in code is found whole and by its parts (compile finds torch.compile, apply_rope"
            + " finds apply_rope_with_cos_sin_cache_inplace). A word that matches nothing is read"
            + " as the closest word of the archive, one letter off (two in words of 8 letters or"
            + " more), and the output says so: cahce finds cache.",
        "",
        "Each result: date, repository, severity, short SHA, title, a snippet with the matches"
            + " between « and » (bold on a terminal), and its link (absolute when site.base-url"
            + " is)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (also when nothing matches)",
        "1:failed, e.g. no search index (run daybook build)",
        "2:usage error, e.g. a query that cannot be read"})
final class SearchCommand implements Callable<Integer>, Daybook.ContextAware {

  @Mixin
  ArchiveOptions archive;

  @Parameters(arity = "1..*", paramLabel = "QUERY",
      description = "The query; several arguments are joined with spaces.")
  List<String> query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
      description = "How many results to show (default: ${DEFAULT-VALUE}, at most "
          + IndexSearch.MAX_LIMIT + ").")
  int limit;

  @Option(names = "--json", description = "Print the results as JSON, for scripts.")
  boolean json;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
      description = "relevance (best first, the default) or date (newest first).")
  String sort;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = ".daybook/lucene",
      description = "The search index daybook build wrote (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--opensearch", paramLabel = "URL",
      description = "Search this OpenSearch cluster (written by daybook index) instead of the"
          + " Lucene index; credentials come from " + Endpoint.AUTH_ENV + ".")
  String opensearch;

  @Option(names = "--opensearch-index", paramLabel = "NAME",
      description = "With --opensearch: the index (default: search.opensearch-index in"
          + " site.properties, else " + OpenSearchSettings.DEFAULT_INDEX + ").")
  String opensearchIndex;

  private final Daybook.Context context;

  SearchCommand(Daybook.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    String text = String.join(" ", query);
    if (limit < 1 || limit > IndexSearch.MAX_LIMIT) {
      err.println("daybook: --limit must be 1 to " + IndexSearch.MAX_LIMIT + ", not " + limit);
      return 2;
    }
    IndexSearch.Order order = switch (sort.strip().toLowerCase(Locale.ROOT)) {
      case "relevance" -> IndexSearch.Order.RELEVANCE;
      case "date" -> IndexSearch.Order.DATE;
      default -> null;
    };
    if (order == null) {
      err.println("daybook: --sort is relevance or date, not " + printable(sort));
      return 2;
    }
    BaseUrl base;
    try {
      base = BaseUrl.parse(archive.config().baseUrl());
    } catch (IllegalArgumentException e) {
      err.println("daybook: site.base-url: " + e.getMessage());
      return 2;
    }
    if (opensearch != null) {
      Endpoint endpoint;
      try {
        endpoint = IndexCommand.endpoint(archive, opensearch, opensearchIndex, context);
      } catch (IllegalArgumentException e) {
        err.println("daybook: " + e.getMessage());
        return 2;
      }
      return answer(text, base, () -> new OpenSearchSearch(endpoint).search(text, limit, order));
    }
    SearchIndex.Status status = status();
    if (status.state() == SearchIndex.State.MISSING) {
      err.println("daybook: no search index in " + index + ": run `daybook build` first");
      return 1;
    }
    if (status.state() == SearchIndex.State.DAMAGED) {
      err.println("daybook: the search index in " + index + " is damaged (" + status.damage()
          + "): run `daybook build` to rebuild it");
      return 1;
    }
    if (status.state() == SearchIndex.State.STALE) {
      err.println("daybook: the search index in " + index + " is older than the reports in "
          + archive.content + ": run `daybook build` to update it");
    }
    return answer(text, base, () -> {
      try (IndexSearch search = IndexSearch.open(index)) {
        return search.search(text, limit, order);
      }
    });
  }

  /** Runs a search of one engine or the other. */
  @FunctionalInterface
  private interface Engine {
    SearchResults search() throws QuerySyntaxException, IOException;
  }

  /** Prints the results of a search, or the error of a query that cannot be read. */
  private int answer(String text, BaseUrl base, Engine engine) throws IOException {
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    SearchResults results;
    try {
      results = engine.search();
    } catch (QuerySyntaxException e) {
      // In the site's language, as the search page says it.
      Language language = archive.config().language();
      String message = e.message(language);
      err.println("daybook: " + (language == Language.EN ? "bad query: " : "查询有误：")
          + printable(message));
      pointAt(err, text, e.column());
      if (json) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("query", text.length() > 200 ? text.substring(0, 200) + "…" : text);
        error.put("error", message);
        error.put("column", e.column());
        out.println(mapper().writeValueAsString(error));
      }
      return 2;
    }
    Language language = archive.config().language();
    if (json) {
      out.println(mapper().writeValueAsString(toJson(results, base)));
    } else {
      printText(out, results, language, base);
    }
    return 0;
  }

  private SearchIndex.Status status() throws IOException {
    // Without a content folder there is nothing to compare with: any intact index will do.
    String fingerprint = Files.isDirectory(archive.content)
        ? SearchIndex.fingerprint(archive.content, archive.store().list(),
            archive.config().zone())
        : null;
    return SearchIndex.state(index, fingerprint);
  }

  /** Shows the query with a caret under the column (a window of it when the query is long). */
  private static void pointAt(PrintWriter err, String text, int column) {
    if (column < 1) {
      return;
    }
    int at = column - 1;
    int from = Math.max(0, at - 40);
    int to = Math.min(text.length(), at + 40);
    String shown = printable(text.substring(from, to));
    String lead = from > 0 ? "  …" : "  ";
    err.println(lead + shown + (to < text.length() ? "…" : ""));
    err.println(" ".repeat(lead.length() + at - from) + "^");
  }

  /**
   * Matches are marked « and » (bold on a terminal): brackets would look like the {@code
   * [Kernel]} tags that titles begin with.
   */
  private void printText(PrintWriter out, SearchResults results, Language language,
      BaseUrl base) {
    boolean ansi = System.console() != null && !context.env().containsKey("NO_COLOR")
        && !"dumb".equals(context.env().get("TERM"));
    String open = ansi ? "\u001b[1m" : "«";
    String close = ansi ? "\u001b[0m" : "»";
    String correction = results.correction(language);
    if (correction != null) {
      out.println(printable(correction));
    }
    out.println(results.summary(language, printable(results.corrected() != null
        ? results.corrected() : results.query())));
    for (SearchHit h : results.hits()) {
      Snippet title = new Snippet(printable(h.title()), h.titleHighlights());
      Snippet body = new Snippet(printable(h.snippet().text()), h.snippet().highlights());
      out.println();
      out.println(String.format(Locale.ROOT, "%2d. %s  %s  %s  %s  %s", h.rank(), h.date(),
          h.repo(), h.severity(), h.shortSha(), title.marked(open, close)));
      if (!body.text().isEmpty()) {
        out.println("    " + body.marked(open, close));
      }
      out.println("    " + link(base, h.url()));
    }
  }

  /** A result's link: on the site when its base URL is absolute, else relative to its root. */
  private static String link(BaseUrl base, String url) {
    return base.isAbsolute() ? base.resolve(url) : url;
  }

  private static Map<String, Object> toJson(SearchResults results, BaseUrl base) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("query", results.query());
    root.put("corrected", results.corrected());
    root.put("total", results.total());
    List<Object> hits = new ArrayList<>();
    for (SearchHit h : results.hits()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", h.rank());
      m.put("score", h.score());
      m.put("date", h.date().toString());
      m.put("time", h.time().toString());
      m.put("repo", h.repo());
      m.put("sha", h.sha());
      m.put("sha7", h.shortSha());
      m.put("severity", h.severity());
      m.put("types", h.types());
      m.put("author", h.author());
      m.put("title", h.title());
      m.put("titleHighlights", h.titleHighlights());
      m.put("url", link(base, h.url()));
      m.put("snippet", h.snippet().text());
      m.put("highlights", h.snippet().highlights());
      hits.add(m);
    }
    root.put("results", hits);
    return root;
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Control characters (an escape sequence in a commit title) become spaces; length is kept. */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return b.toString();
  }
}
