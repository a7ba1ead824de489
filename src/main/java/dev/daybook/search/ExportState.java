package dev.daybook.search;

import java.io.IOException;
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
 * @param files every file written: its size and CRC-32C
 */
record ExportState(String schema, int docs, String digest, int shards, int posShards,
    long termsTotal, long posTotal, List<String> big, Map<String, Sum> files) {

  /** Changes with what the state holds or with any constant of the export's layout. */
  static final String FORMAT = "daybook-export-state-1 " + StaticExport.FORMAT + " "
      + StaticExport.CHUNK + " " + StaticExport.SHARD_TARGET + " " + StaticExport.MAX_SHARDS + " "
      + StaticExport.BIG + " " + TextAnalysis.VERSION;

  /** A file's size and CRC-32C. */
  record Sum(long size, long crc) {
    static Sum of(byte[] bytes) {
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      return new Sum(bytes.length, crc.getValue());
    }

    boolean matches(byte[] bytes) {
      return bytes != null && bytes.length == size && of(bytes).crc == crc;
    }
  }

  ExportState {
    big = List.copyOf(big);
    files = new TreeMap<>(files);
  }

  byte[] bytes() throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", FORMAT);
    out.put("schema", schema);
    out.put("docs", docs);
    out.put("digest", digest);
    out.put("shards", shards);
    out.put("posShards", posShards);
    out.put("termsTotal", termsTotal);
    out.put("posTotal", posTotal);
    out.put("big", big);
    Map<String, List<Long>> sums = new LinkedHashMap<>();
    files.forEach((name, sum) -> sums.put(name, List.of(sum.size(), sum.crc())));
    out.put("files", sums);
    return ExportCodec.JSON.writeValueAsBytes(out);
  }

  /** The state these bytes hold, or null when they are not a state of this {@link #FORMAT}. */
  static ExportState parse(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      Map<?, ?> in = ExportCodec.JSON.readValue(bytes, Map.class);
      if (!FORMAT.equals(in.get("format"))) {
        return null;
      }
      List<String> big = new ArrayList<>();
      for (Object b : (List<?>) in.get("big")) {
        big.add((String) b);
      }
      Map<String, Sum> files = new TreeMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) in.get("files")).entrySet()) {
        List<?> sum = (List<?>) e.getValue();
        files.put((String) e.getKey(), new Sum(((Number) sum.get(0)).longValue(),
            ((Number) sum.get(1)).longValue()));
      }
      return new ExportState((String) in.get("schema"), (Integer) in.get("docs"),
          (String) in.get("digest"), (Integer) in.get("shards"), (Integer) in.get("posShards"),
          ((Number) in.get("termsTotal")).longValue(), ((Number) in.get("posTotal")).longValue(),
          big, files);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
