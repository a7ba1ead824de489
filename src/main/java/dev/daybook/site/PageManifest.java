package dev.daybook.site;

import dev.daybook.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last build made of the costly pages (the reports JBake renders, the search export):
 * for each file of the site, a digest of everything its bytes depend on, and its size. A rebuild
 * whose digest for a page is the same, and whose published file is still there with that size,
 * keeps the file instead of making it again. Kept beside the output (in {@code .daybook/}), never
 * published; a missing or unreadable manifest only means a full build.
 *
 * <p>The digest covers the inputs a build can see (source text, neighbours, templates, site
 * settings, {@link #FORMAT}); a change in how Daybook renders must change {@link #FORMAT}.
 */
final class PageManifest {

  /** Bumped whenever the same inputs would render different bytes. */
  static final String FORMAT = "daybook-pages-1";

  private record Entry(String key, long size) {}

  private final Map<String, Entry> previous;
  private final Map<String, Entry> next = new ConcurrentHashMap<>();

  private PageManifest(Map<String, Entry> previous) {
    this.previous = previous;
  }

  /** The manifest of the last build, or an empty one. */
  static PageManifest load(Path file) {
    Map<String, Entry> entries = new ConcurrentHashMap<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
        return new PageManifest(Map.of());
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        entries.put(f[0], new Entry(f[1], Long.parseLong(f[2])));
      }
      return new PageManifest(entries);
    } catch (IOException | RuntimeException e) {
      return new PageManifest(Map.of());
    }
  }

  /**
   * Keeps the published file at {@code path} if the last build made it from the same inputs,
   * and records the page for the next build either way.
   *
   * @return true if the file was kept; false if the caller must make and {@linkplain
   *     SiteOutput#put put} it
   */
  boolean keep(SiteOutput site, String path, String key) throws IOException {
    Entry last = previous.get(path);
    boolean kept = last != null && last.key().equals(key) && site.keep(path, last.size());
    if (kept) {
      next.put(path, last);
    }
    return kept;
  }

  /**
   * Keeps every published file under a folder if the last build made them all from the same
   * inputs (one key for the folder) and they are all still there.
   */
  boolean keepAll(SiteOutput site, String folder, String key) throws IOException {
    List<Map.Entry<String, Entry>> files = previous.entrySet().stream()
        .filter(e -> e.getKey().startsWith(folder)).sorted(Map.Entry.comparingByKey()).toList();
    if (files.isEmpty() || files.stream().anyMatch(e -> !e.getValue().key().equals(key))) {
      return false;
    }
    for (Map.Entry<String, Entry> e : files) {
      if (!site.exists(e.getKey(), e.getValue().size())) {
        return false;
      }
    }
    for (Map.Entry<String, Entry> e : files) {
      site.keep(e.getKey(), e.getValue().size());
      next.put(e.getKey(), e.getValue());
    }
    return true;
  }

  /** Records a page made by this build. */
  void made(String path, String key, long size) {
    next.put(path, new Entry(key, size));
  }

  /** Writes what this build made and kept (sorted, so the file is deterministic too). */
  void save(Path file) throws IOException {
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    next.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text
        .append(e.getKey()).append('\t').append(e.getValue().key()).append('\t')
        .append(e.getValue().size()).append('\n'));
    AtomicFiles.replaceCache(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A digest of the given parts, each length-prefixed so that no two lists collide. */
  static String digest(byte[]... parts) {
    return HexFormat.of().formatHex(sha(parts).digest());
  }

  /**
   * A digest of some parts and of a page's values: strings, numbers, booleans, lists and maps of
   * them (maps whose order is not fixed are taken in key order). Equal digests mean equal values,
   * which a template renders to equal bytes.
   */
  static String digestOfValues(Object values, byte[]... parts) {
    MessageDigest sha = sha(parts);
    feed(sha, values);
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A SHA-256 that has read the parts, each length-prefixed. */
  private static MessageDigest sha(byte[]... parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    for (byte[] part : parts) {
      sha.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(part);
    }
    return sha;
  }

  private static void feed(MessageDigest sha, Object v) {
    if (v == null) {
      sha.update((byte) 'n');
    } else if (v instanceof String s) {
      byte[] b = utf8(s);
      sha.update((byte) 's');
      sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(b);
    } else if (v instanceof Number || v instanceof Boolean) {
      sha.update((byte) (v instanceof Boolean ? 'b' : 'd'));
      sha.update(utf8(v.toString()));
      sha.update((byte) ';');
    } else if (v instanceof Map<?, ?> map) {
      sha.update((byte) 'm');
      sha.update(Integer.toString(map.size()).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      Iterable<? extends Map.Entry<?, ?>> entries = map instanceof LinkedHashMap
          || map instanceof SortedMap ? map.entrySet()
          : map.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().toString()))
              .toList();
      for (Map.Entry<?, ?> e : entries) {
        feed(sha, e.getKey().toString());
        feed(sha, e.getValue());
      }
    } else if (v instanceof Collection<?> list) {
      sha.update((byte) 'l');
      sha.update(Integer.toString(list.size()).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      for (Object item : list) {
        feed(sha, item);
      }
    } else {
      // Only plain values: a digest of an arbitrary object's toString could miss a difference.
      throw new IllegalArgumentException("not a page value: " + v.getClass().getName());
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
