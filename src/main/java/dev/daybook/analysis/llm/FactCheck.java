package dev.daybook.analysis.llm;

import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a piece of model text claims about the commit that the commit does not hold. The
 * rule, applied to each sentence or list item on its own:
 *
 * <ul>
 *   <li><b>URL</b> — anything starting with {@code http://}, {@code https://}, {@code ftp://} or
 *       {@code www.} must be the commit's own URL. No other link is published.
 *   <li><b>SHA</b> — a run of 7 to 40 lower-case hex digits with at least one letter and one digit
 *       must start the commit's SHA or a parent's, or occur in the message or a patch.
 *   <li><b>Path</b> — the content of a code span that contains {@code /} or ends in a file
 *       extension, and outside code spans a token ending in a known extension ({@code utils.py}),
 *       or one with a slash that ends in {@code /} or has two slashes and no upper-case letter
 *       ({@code python/sglang/srt}), must be a changed file (old or new path), a tail of one on a
 *       {@code /} boundary ({@code srt/server.py}), a folder holding one, or occur verbatim in the
 *       message or a patch. {@code CPU/GPU} or {@code 1/2} are not paths.
 * </ul>
 *
 * A sentence or item that fails is dropped whole; nothing is rewritten.
 */
final class FactCheck {

  private static final Pattern URL = Pattern.compile(
      "(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s`<>\"'()\\[\\]{}（）「」，。；]*");
  private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{7,40}(?![0-9A-Za-z])");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.@+~/-]+");
  private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,10})$");
  private static final Set<String> EXTENSIONS = Set.of(
      "py", "pyi", "pyx", "cu", "cuh", "h", "hh", "hpp", "hxx", "c", "cc", "cpp", "cxx", "rs",
      "go", "java", "kt", "scala", "js", "mjs", "ts", "tsx", "jsx", "md", "rst", "txt", "toml",
      "yaml", "yml", "json", "cfg", "ini", "sh", "bash", "proto", "sql", "html", "css", "lock",
      "cmake", "mk", "gradle", "xml", "ipynb", "metal", "swift", "rb", "lua", "zig", "bzl",
      "bazel", "dockerfile", "csv", "tsv", "whl", "patch", "diff");
  private static final String TRAILING = ".,;:!?)]}'\"。，；：！？）";

  private final String commitUrl;
  private final List<String> shas = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();
  private final String corpus;

  FactCheck(Commit commit) {
    this.commitUrl = commit.url();
    shas.add(commit.sha());
    shas.addAll(commit.parents());
    StringBuilder text = new StringBuilder(commit.message()).append('\n');
    for (FileChange f : commit.files()) {
      paths.add(f.path());
      if (f.previousPath() != null) {
        paths.add(f.previousPath());
      }
      if (f.patch() != null) {
        text.append(f.patch()).append('\n');
      }
    }
    this.corpus = text.toString();
    Matcher hex = HEX.matcher(corpus);
    while (hex.find()) {
      shas.add(hex.group());
    }
  }

  /** The first mention in {@code text} that the commit does not hold, if any. */
  Optional<String> unknownMention(String text) {
    Matcher url = URL.matcher(text);
    while (url.find()) {
      String u = trimTrailing(url.group());
      if (!sameUrl(u, commitUrl)) {
        return Optional.of(u);
      }
    }
    String withoutUrls = URL.matcher(text).replaceAll(" ");
    Matcher hex = HEX.matcher(withoutUrls);
    while (hex.find()) {
      String h = hex.group();
      if (h.matches(".*[a-f].*") && h.matches(".*[0-9].*") && !knownSha(h)) {
        return Optional.of(h);
      }
    }
    StringBuilder outside = new StringBuilder();
    Matcher span = CODE_SPAN.matcher(withoutUrls);
    int last = 0;
    while (span.find()) {
      outside.append(withoutUrls, last, span.start()).append(' ');
      last = span.end();
      String code = span.group(2).strip();
      boolean pathLike = !code.contains(" ") && (code.contains("/") || hasExtension(code));
      if (pathLike && !knownPath(code)) {
        return Optional.of(code);
      }
    }
    outside.append(withoutUrls.substring(last));
    Matcher token = TOKEN.matcher(outside);
    while (token.find()) {
      String t = trimTrailing(token.group());
      if (pathLikeToken(t) && !knownPath(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static boolean pathLikeToken(String t) {
    if (hasExtension(t) && t.matches(".*[A-Za-z_].*\\..*")) {
      return true;
    }
    if (!t.contains("/")) {
      return false;
    }
    String[] segments = t.split("/");
    boolean allDigits = true;
    for (String s : segments) {
      if (!s.isEmpty() && !s.chars().allMatch(Character::isDigit)) {
        allDigits = false;
      }
    }
    if (allDigits) {
      return false;
    }
    long slashes = t.chars().filter(c -> c == '/').count();
    return (t.endsWith("/") && t.length() > 1)
        || (slashes >= 2 && t.equals(t.toLowerCase(Locale.ROOT)));
  }

  private static boolean hasExtension(String t) {
    Matcher m = EXTENSION.matcher(t);
    return m.find() && EXTENSIONS.contains(m.group(1).toLowerCase(Locale.ROOT))
        && m.start() > 0;
  }

  private boolean knownSha(String h) {
    for (String s : shas) {
      if (s.startsWith(h)) {
        return true;
      }
    }
    return false;
  }

  private boolean knownPath(String raw) {
    String p = raw;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    p = p.startsWith("/") ? p.substring(1) : p;
    String dir = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    if (dir.isEmpty()) {
      return true;
    }
    for (String path : paths) {
      if (path.equals(dir) || path.endsWith("/" + dir) || path.startsWith(dir + "/")
          || path.contains("/" + dir + "/")) {
        return true;
      }
    }
    return corpus.contains(raw) || corpus.contains(dir);
  }

  private static boolean sameUrl(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return u.toLowerCase(Locale.ROOT).replaceFirst("^http://", "https://");
  }

  private static String trimTrailing(String s) {
    int end = s.length();
    while (end > 0 && TRAILING.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }
}
