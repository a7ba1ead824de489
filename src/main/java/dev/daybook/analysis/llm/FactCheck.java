package dev.daybook.analysis.llm;

import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.text.FilePaths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a piece of model text claims about the commit that the commit does not hold. The
 * rule, applied to each sentence or list item on its own, as a reader sees it (compatibility forms
 * such as full-width letters folded, invisible format characters such as zero-width spaces
 * dropped):
 *
 * <ul>
 *   <li><b>URL</b> — anything starting with a scheme and {@code //} ({@code https://},
 *       {@code ftp://}, {@code ssh://}, any other), with a scheme that needs none ({@code ftp:},
 *       {@code mailto:}, {@code javascript:}, {@code data:}, {@code file:/}, {@code tel:}...), or
 *       with {@code www.}, in any case, must be the commit's own URL. No other link is published.
 *   <li><b>Address without a scheme</b> — a host name followed by a path ({@code
 *       evil.example/steal}: its last label a two-letter country code or a common top-level
 *       domain, not a file extension), a bare host name under a top-level domain that names no
 *       code ({@code evil.com}, {@code evil.example}; not {@code logger.info}), or an e-mail
 *       address at one, must be a start of the commit's URL ({@code github.com}) or occur in the
 *       message or a patch (in any case). A name the code holds stays publishable.
 *   <li><b>SHA</b> — a run of 7 to 40 hex digits, in any case, with at least one letter and one
 *       digit must start the commit's SHA or a parent's, or occur in the message or a patch.
 *   <li><b>Path</b> — the content of a code span that contains {@code /} or ends in a file
 *       extension, and outside code spans a token ending in a known extension ({@code utils.py}),
 *       or one with a slash that ends in {@code /} or has two slashes and no upper-case letter
 *       ({@code python/sglang/srt}), must be a changed file (old or new path), a tail of one on a
 *       {@code /} boundary ({@code srt/server.py}), a folder holding one, or occur verbatim in the
 *       message or a patch. {@code CPU/GPU} or {@code 1/2} are not paths. A code span with blanks
 *       that holds only what paths hold ({@code docs/my notes.md}, {@code cd docs/zh}) is read as
 *       words: each with a slash or an extension must lie in a run of its words that is such a
 *       path. Outside code spans, a changed file whose name holds blanks or other characters no
 *       token holds ({@code E=128,N=384.json}) is found as a whole, or by such a tail.
 * </ul>
 *
 * A sentence or item that fails is dropped whole; nothing is rewritten. Version numbers
 * ({@code v0.5.1}), abbreviations ({@code e.g.}), module paths ({@code sglang.srt.layers}) and
 * words of any script are none of these.
 */
final class FactCheck {

  // A scheme with "//" (any scheme); a scheme that needs none, when an address follows; "www.".
  private static final Pattern URL = Pattern.compile("(?i)(?<![A-Za-z0-9+.-])(?:"
      + "[a-z][a-z0-9+.-]{0,31}://"
      + "|(?:ftp|ftps|sftp|mailto|javascript|vbscript|tel|sms|magnet|urn):(?=[^\\s:])"
      + "|data:(?=[a-z]+/|,)|file:(?=/)"
      + "|www\\d{0,3}\\.)"
      + "[^\\s`<>\"'()\\[\\]{}（）「」，。；]*");
  private static final Pattern HEX = Pattern.compile(
      "(?<![0-9A-Za-z])[0-9a-fA-F]{7,40}(?![0-9A-Za-z])");
  private static final Pattern HEX_LETTER = Pattern.compile("[a-fA-F]");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.@+~/-]+");
  private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,10})$");
  private static final Pattern HOST_LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
  // Invisible characters (zero-width spaces and joiners, soft hyphens, bidirectional controls).
  private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}");
  private static final Set<String> EXTENSIONS = Set.of(
      "py", "pyi", "pyx", "cu", "cuh", "h", "hh", "hpp", "hxx", "c", "cc", "cpp", "cxx", "rs",
      "go", "java", "kt", "scala", "js", "mjs", "ts", "tsx", "jsx", "md", "rst", "txt", "toml",
      "yaml", "yml", "json", "cfg", "ini", "sh", "bash", "proto", "sql", "html", "css", "lock",
      "cmake", "mk", "gradle", "xml", "ipynb", "metal", "swift", "rb", "lua", "zig", "bzl",
      "bazel", "dockerfile", "csv", "tsv", "whl", "patch", "diff");
  /**
   * Top-level domains that make a bare name an address: no attribute or method of common code
   * ends so (unlike {@code .info}, {@code .app}, {@code .id}, {@code .to}, {@code .at}, which do).
   */
  private static final Set<String> DOMAINS = Set.of(
      "com", "net", "org", "edu", "gov", "mil", "io", "ai", "dev", "co", "biz", "xyz", "cn", "uk",
      "de", "jp", "fr", "ru", "kr", "tw", "hk", "eu", "us", "ca", "au", "nl", "ch", "br", "ly",
      "gl", "gg", "example", "invalid", "onion");
  /** Top-level domains that make a name followed by a path an address, besides the above. */
  private static final Set<String> DOMAINS_BEFORE_A_PATH = Set.of(
      "app", "info", "site", "online", "top", "shop", "store", "tech", "cloud", "link", "page",
      "blog", "news", "club", "live", "pro", "host", "space", "website", "zip", "mov", "tools",
      "run", "new", "wiki", "email", "one", "world", "today", "cc");
  /** The most words of a path with blanks in a code span. */
  private static final int RUN = 8;
  private static final String TRAILING = ".,;:!?)]}'\"。，；：！？）";

  private final List<String> commitUrls = new ArrayList<>();
  private final List<String> shas = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();
  /**
   * The changed files whose names hold a character a token cannot (a blank, ',', '='), with
   * their tails on a '/' boundary that still hold one, longest first: found whole in the text.
   */
  private final List<String> oddPaths;
  private final String corpus;
  private String lowerCorpus; // made on first use: few answers name an address

  FactCheck(Commit commit) {
    this(List.of(commit));
  }

  /**
   * What several commits hold together, e.g. a repository's day: a text may name any of their
   * files, SHAs and URLs.
   */
  FactCheck(List<Commit> commits) {
    StringBuilder text = new StringBuilder();
    for (Commit commit : commits) {
      if (commit.url() != null) {
        commitUrls.add(commit.url());
      }
      shas.add(commit.sha());
      shas.addAll(commit.parents());
      text.append(commit.message()).append('\n');
      for (FileChange f : commit.files()) {
        paths.add(f.path());
        if (f.previousPath() != null) {
          paths.add(f.previousPath());
        }
        if (f.patch() != null) {
          text.append(f.patch()).append('\n');
        }
      }
    }
    this.corpus = text.toString();
    Matcher hex = HEX.matcher(corpus);
    while (hex.find()) {
      shas.add(hex.group().toLowerCase(Locale.ROOT));
    }
    Set<String> odd = new HashSet<>();
    for (String path : paths) {
      for (String tail = path; !TOKEN.matcher(tail).matches() && !tail.isEmpty();
          tail = tail.substring(tail.indexOf('/') + 1)) {
        odd.add(tail);
        if (tail.indexOf('/') < 0) {
          break;
        }
      }
    }
    oddPaths = odd.stream().sorted(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder())).toList();
  }

  /** The first mention in {@code text} that the commit does not hold, if any. */
  Optional<String> unknownMention(String text) {
    text = asRead(text);
    Matcher url = URL.matcher(text);
    while (url.find()) {
      String u = trimTrailing(url.group());
      if (commitUrls.stream().noneMatch(own -> sameUrl(u, own))) {
        return Optional.of(u);
      }
    }
    String withoutUrls = URL.matcher(text).replaceAll(" ");
    Matcher hex = HEX.matcher(withoutUrls);
    while (hex.find()) {
      String h = hex.group();
      if (HEX_LETTER.matcher(h).find() && h.chars().anyMatch(Character::isDigit)
          && !knownSha(h.toLowerCase(Locale.ROOT))) {
        return Optional.of(h);
      }
    }
    Matcher token = TOKEN.matcher(withoutUrls);
    while (token.find()) {
      String t = trimTrailing(token.group());
      if (isAddress(t) && !knownAddress(t)) {
        return Optional.of(t);
      }
    }
    StringBuilder outside = new StringBuilder();
    Matcher span = CODE_SPAN.matcher(withoutUrls);
    int last = 0;
    while (span.find()) {
      outside.append(withoutUrls, last, span.start()).append(' ');
      last = span.end();
      String code = span.group(2).strip();
      // (An address was checked as one above.)
      Optional<String> unknown = code.contains(" ") ? unknownInCodeWithBlanks(code)
          : (code.contains("/") || hasExtension(code)) && !isAddress(code) && !knownPath(code)
              ? Optional.of(code) : Optional.empty();
      if (unknown.isPresent()) {
        return unknown;
      }
    }
    outside.append(withoutUrls.substring(last));
    String words = outside.toString();
    for (String path : oddPaths) {
      words = words.replace(path, " "); // one of the commit's files, as a whole
    }
    token = TOKEN.matcher(words);
    while (token.find()) {
      String t = trimTrailing(token.group());
      if (pathLikeToken(t) && !isAddress(t) && !knownPath(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The text as a reader sees it: compatibility forms folded ("ｅｖｉｌ．ｃｏｍ" is evil.com),
   * invisible format characters dropped (evil.com with a zero-width space after "evil" shows as
   * evil.com).
   */
  private static String asRead(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return FORMAT_CHARACTERS.matcher(folded).replaceAll("");
  }

  /**
   * Whether a token names an address without a scheme: a host name (with an e-mail's user before
   * it, maybe) under a top-level domain of {@link #DOMAINS}, or followed by a path and under one
   * of {@link #DOMAINS_BEFORE_A_PATH} or a two-letter one that is no file extension.
   */
  private static boolean isAddress(String token) {
    String t = token.substring(token.lastIndexOf('@') + 1);
    int slash = t.indexOf('/');
    String host = slash < 0 ? t : t.substring(0, slash);
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!HOST_LABEL.matcher(label).matches()) {
        return false; // "", "a_b": not a host name
      }
    }
    String tld = labels[labels.length - 1].toLowerCase(Locale.ROOT);
    if (!tld.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return false; // "v0.5.1", "Qwen2.5"
    }
    if (DOMAINS.contains(tld)) {
      return true;
    }
    return slash >= 0 && (DOMAINS_BEFORE_A_PATH.contains(tld)
        || tld.length() == 2 && !EXTENSIONS.contains(tld));
  }

  /** An address the commit holds: a start of its URL, or text of its message or patches. */
  private boolean knownAddress(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    for (String commitUrl : commitUrls) {
      String url = commitUrl.toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
      if (url.startsWith(a) && (url.length() == a.length() || url.charAt(a.length()) == '/'
          || a.endsWith("/"))) {
        return true;
      }
    }
    if (lowerCorpus == null) {
      lowerCorpus = corpus.toLowerCase(Locale.ROOT);
    }
    return lowerCorpus.contains(a) || knownPath(address);
  }

  /**
   * A code span with blanks: a command, code or a phrase, or a path with blanks. When it holds
   * only what paths hold, each of its words with a slash or a file extension must lie in a run
   * of its words that names a path of the commit ({@code cd docs/zh}, {@code docs/my notes.md}).
   */
  private Optional<String> unknownInCodeWithBlanks(String code) {
    if (!FilePaths.mayHoldBlanks(code)) {
      return Optional.empty(); // operators, quotes, brackets: code, not a path
    }
    List<String> words = List.of(code.trim().split(" +"));
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean pathLike = w.chars().anyMatch(c -> c != '/') && (w.contains("/") || hasExtension(w));
      if (pathLike && !inKnownPath(words, i)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether some run of {@code words} (of at most {@link #RUN} words) that holds word {@code i}
   * is a path of the commit.
   */
  private boolean inKnownPath(List<String> words, int i) {
    for (int from = Math.max(0, i - RUN + 1); from <= i; from++) {
      for (int to = i + 1; to <= Math.min(words.size(), from + RUN); to++) {
        if (knownPath(String.join(" ", words.subList(from, to)))) {
          return true;
        }
      }
    }
    return false;
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
