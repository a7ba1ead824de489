package dev.daybook.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * What an export leaves for the next one to extend it instead of starting over ({@link
 * AppendExport}): what it was made from (the index schema and a digest of its documents in
 * export order), the numbers that decide the layout (shard counts and the byte totals they come
 * from, the terms spilled to {@code big-K.json}) and the size and CRC of every file it wrote. Kept
 * as a build cache beside the output; anything unreadable or of another {@link #FORMAT} is no
 * state at all.
 *
 * @param schema the index's schema line (its commit data), empty when the index has none
 * @param docs the number of documents
 * @param digest {@link ExportOrder#digests} of all of them
 * @param termsTotal what {@code shards} sized the term shards by (see {@link StaticExport})
 * @param big the spilled terms by K: {@code t} (a term of {@code terms-N}) or {@code p} (of {@code
 *     pos-N}) followed by the term
 * @param bigLast for each spilled term, two numbers: the last doc id of each of its packed
 *     postings lists (title and body; a keyword term has one), or -1 where not known, so that
 *     an update appends to the longest lists without reading them through
 * @param files every file written: its size and CRC-32C (see {@link Sum#of(String, byte[])})
 */
record ExportState(String schema, int docs, String digest, int shards, int posShards,
    long termsTotal, long posTotal, List<String> big, List<Integer> bigLast,
    Map<String, Sum> files) {

  /** Changes with what the state holds or with any constant of the export's layout. */
  static final String FORMAT = "daybook-export-state-2 " + StaticExport.FORMAT + " "
      + StaticExport.CHUNK + " " + StaticExport.SHARD_TARGET + " " + StaticExport.MAX_SHARDS + " "
      + StaticExport.BIG + " " + TextAnalysis.VERSION;

  /** A file's size and CRC-32C. */
  record Sum(long size, long crc) {
    static Sum of(byte[] bytes) {
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      return new Sum(bytes.length, crc.getValue());
    }

    /**
     * The sum of a file of this name: the size alone (CRC 0) for {@code docs-N.json}, which an
     * update keeps or makes again but never reads (they are over a third of the bytes).
     */
    static Sum of(String name, byte[] bytes) {
      return name.startsWith("docs-") ? new Sum(bytes.length, 0) : of(bytes);
    }

    boolean matches(byte[] bytes) {
      return bytes != null && bytes.length == size && of(bytes).crc == crc;
    }

    /**
     * What names the bytes of a file of this name and sum among those an export saves for the
     * next one ({@link StaticExport.Sink#save}); null for {@code docs-N.json}, never read again.
     */
    String id(String name) {
      return name.startsWith("docs-") ? null : name + " " + size + " " + Long.toHexString(crc);
    }
  }

  ExportState {
    big = List.copyOf(big);
    bigLast = List.copyOf(bigLast);
    if (bigLast.size() != 2 * big.size()) {
      throw new IllegalArgumentException("two last doc ids per spilled term");
    }
    files = new TreeMap<>(files);
  }

  /** This state with another set of files. */
  ExportState withFiles(Map<String, Sum> files) {
    return new ExportState(schema, docs, digest, shards, posShards, termsTotal, posTotal, big,
        bigLast, files);
  }

  /**
   * The state as text: a line of JSON with everything but the files, then a line per file,
   * {@code name size crc} (the export's names hold no spaces): quick to read for ten thousand
   * files.
   */
  byte[] bytes() throws IOException {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("format", FORMAT);
    head.put("schema", schema);
    head.put("docs", docs);
    head.put("digest", digest);
    head.put("shards", shards);
    head.put("posShards", posShards);
    head.put("termsTotal", termsTotal);
    head.put("posTotal", posTotal);
    head.put("big", big);
    head.put("bigLast", bigLast);
    StringBuilder text = new StringBuilder(ExportJson.string(head));
    files.forEach((name, sum) -> text.append('\n').append(name).append(' ').append(sum.size())
        .append(' ').append(sum.crc()));
    return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The state these bytes hold, or null when they are not a state of this {@link #FORMAT}. */
  static ExportState parse(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      int end = indexOf(bytes, '\n', 0);
      if (end < 0 || bytes[bytes.length - 1] != '\n') {
        return null;
      }
      Map<?, ?> in = (Map<?, ?>) ExportJson.read(bytes, 0, end);
      if (!FORMAT.equals(in.get("format"))) {
        return null;
      }
      List<String> big = new ArrayList<>();
      for (Object b : (List<?>) in.get("big")) {
        big.add((String) b);
      }
      List<Integer> bigLast = new ArrayList<>();
      for (Object l : (List<?>) in.get("bigLast")) {
        bigLast.add((Integer) l);
      }
      // Byte by byte: ten thousand lines split into strings and parsed took longer than the
      // rest of an incremental export's bookkeeping.
      Map<String, Sum> files = new TreeMap<>();
      for (int at = end + 1; at < bytes.length; ) {
        int eol = indexOf(bytes, '\n', at);
        int space = indexOf(bytes, ' ', at);
        int space2 = space < 0 ? -1 : indexOf(bytes, ' ', space + 1);
        if (space <= at || space2 < 0 || space2 > eol) {
          return null;
        }
        String name = new String(bytes, at, space - at, StandardCharsets.UTF_8);
        if (files.put(name, new Sum(digits(bytes, space + 1, space2),
            digits(bytes, space2 + 1, eol))) != null) {
          return null;
        }
        at = eol + 1;
      }
      return new ExportState((String) in.get("schema"), (Integer) in.get("docs"),
          (String) in.get("digest"), (Integer) in.get("shards"), (Integer) in.get("posShards"),
          ((Number) in.get("termsTotal")).longValue(), ((Number) in.get("posTotal")).longValue(),
          big, bigLast, files);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int indexOf(byte[] bytes, char c, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The number written in decimal digits in {@code bytes[from..to)}. */
  private static long digits(byte[] bytes, int from, int to) {
    if (from >= to || to - from > 18) {
      throw new IllegalArgumentException("not a number of the state");
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = bytes[i] - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("not a number of the state");
      }
      v = v * 10 + d;
    }
    return v;
  }
}
