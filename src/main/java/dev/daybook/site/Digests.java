package dev.daybook.site;

import dev.daybook.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Digests of what a page is made from: the key under which a build may keep a page it made
 * before ({@link Pages#page}). Equal digests mean equal inputs, which render to equal bytes.
 */
public final class Digests {

  /**
   * Part of every page's key: bumped whenever the same inputs would render different bytes (a
   * change in how Daybook renders, not in the templates, which are digested themselves).
   */
  // 2: a page holds only characters XML allows (SiteRenderer replaces the others).
  // 3: <br> in a report is a line break on its page; links inside it are not nofollow; its
  // low-importance commits are folded; #N in its text links to the pull request.
  // 4: a section's commit table is marked (class "commits"), the day summary before it or not.
  // 5: a report's titles and code spans of plain ASCII are not isolated (dir="auto").
  public static final String FORMAT = "daybook-pages-5";

  private Digests() {}

  /** A digest of the given parts, each length-prefixed so that no two lists collide. */
  public static String digest(byte[]... parts) {
    return HexFormat.of().formatHex(sha(parts).digest());
  }

  /**
   * A digest of some parts and of a page's values: strings, numbers, booleans, lists and maps of
   * them (maps whose order is not fixed are taken in key order). Equal digests mean equal values,
   * which a template renders to equal bytes.
   */
  public static String digestOfValues(Object values, byte[]... parts) {
    MessageDigest sha = sha(parts);
    feed(sha, values);
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A SHA-256 that has read the parts, each length-prefixed. */
  private static MessageDigest sha(byte[]... parts) {
    MessageDigest sha = Sha256.digest();
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

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
