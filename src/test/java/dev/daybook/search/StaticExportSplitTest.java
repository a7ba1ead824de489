package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A frequent term's postings written as a head and a tail ({@link TermSplit}), over the shipped
 * week exported with a split threshold low enough for its frequent words.
 */
class StaticExportSplitTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Low enough that the shipped week's most frequent words are split. */
  static final int LOW = 200;

  /** The files of an export of the shipped week with split threshold {@code split}. */
  private static Map<String, byte[]> export(int split) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    SearchIndex.write(dir, ShippedIndex.docs(), "test");
    Map<String, byte[]> files = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      StaticExport.write(reader, files::put, split);
    }
    return files;
  }

  @Test
  void aSplitTermsHeadAndTailHoldItsPostingsAndTheTailScoresNoBetterThanItsFrontier()
      throws IOException {
    Map<String, byte[]> files = export(LOW);
    JsonNode meta = JSON.readTree(files.get("meta.json"));
    String dir = meta.path("parts").get(0).path("dir").asText();
    Map<String, JsonNode> heads = new TreeMap<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().startsWith(dir + "terms-")) {
        JSON.readTree(f.getValue()).fields().forEachRemaining(e -> {
          JsonNode v = e.getValue().isNumber()
              ? read(files, dir + StaticExport.bigFile(e.getValue().asInt())) : e.getValue();
          if (v.isArray() && v.size() == 6) {
            heads.put(e.getKey(), v);
          }
        });
      }
    }
    assertThat(heads).as("split terms").containsKey("修复").hasSizeGreaterThan(3);
    Map<String, byte[]> whole = export(Integer.MAX_VALUE);
    assertThat(whole.keySet()).noneMatch(n -> n.contains("/tail-"));

    for (Map.Entry<String, JsonNode> e : heads.entrySet()) {
      String term = e.getKey();
      JsonNode head = e.getValue();
      JsonNode tail = read(files, dir + StaticExport.tailFile(head.get(3).asInt()));
      JsonNode wholeValue = wholeValue(whole, dir, meta, term);
      for (int slot = 0; slot < 2; slot++) {
        Map<Integer, int[]> headDocs = entries(head.get(slot).asText());
        Map<Integer, int[]> tailDocs = entries(tail.get(slot).asText());
        Map<Integer, int[]> all = entries(wholeValue.get(slot).asText());
        assertThat(head.get(2).get(slot).asInt()).as("df of %s", term).isEqualTo(all.size());
        // Head and tail together are the postings, each doc once, with its norm and freq.
        assertThat(Collections.disjoint(headDocs.keySet(), tailDocs.keySet())).as(term).isTrue();
        Map<Integer, int[]> joined = new TreeMap<>(headDocs);
        joined.putAll(tailDocs);
        assertThat(joined.keySet()).isEqualTo(all.keySet());
        joined.forEach((d, nf) -> assertThat(nf).isEqualTo(all.get(d)));
        // Every (norm, freq) of the tail is matched or beaten by a pair of the frontier: one
        // as short or shorter (a lower norm) with as many or more.
        int[] frontier = ExportCodec.unpack(head.get(4 + slot).asText());
        for (int[] nf : tailDocs.values()) {
          boolean beaten = false;
          for (int x = 0; x < frontier.length; x += 2) {
            beaten |= frontier[x] <= nf[0] && frontier[x + 1] >= nf[1];
          }
          assertThat(beaten).as("%s: tail pair %s under the frontier", term, nf[0] + "/" + nf[1])
              .isTrue();
        }
      }
      // A doc of the head has both fields there: none of its entries is in the tail.
      Map<Integer, int[]> headTitle = entries(head.get(0).asText());
      Map<Integer, int[]> headBody = entries(head.get(1).asText());
      Map<Integer, int[]> tailAny = entries(tail.get(0).asText());
      tailAny.putAll(entries(tail.get(1).asText()));
      assertThat(Collections.disjoint(tailAny.keySet(), headTitle.keySet())
          && Collections.disjoint(tailAny.keySet(), headBody.keySet())).isTrue();
      assertThat(headTitle.size() + headBody.size()).isPositive();
    }
  }

  @Test
  void aSplitTermsPositionsListTheHeadsDocumentsFirst() throws IOException {
    Map<String, byte[]> files = export(LOW);
    Map<String, byte[]> whole = export(Integer.MAX_VALUE);
    JsonNode meta = JSON.readTree(files.get("meta.json"));
    JsonNode part = meta.path("parts").get(0);
    String dir = part.path("dir").asText();
    String term = "修复";
    JsonNode head = value(files, dir, part.path("shards").asInt(), "terms-", term);
    JsonNode tail = read(files, dir + StaticExport.tailFile(head.get(3).asInt()));
    JsonNode positions = value(files, dir, part.path("posShards").asInt(), "pos-", term);
    JsonNode wholePositions = value(whole, dir, JSON.readTree(whole.get("meta.json"))
        .path("parts").get(0).path("posShards").asInt(), "pos-", term);
    JsonNode wholeValue = wholeValue(whole, dir, meta, term);
    for (int slot = 0; slot < 2; slot++) {
      Map<Integer, List<Integer>> expected = positionsByDoc(
          List.of(wholeValue.get(slot).asText()), wholePositions.get(slot).asText());
      Map<Integer, List<Integer>> actual = positionsByDoc(
          List.of(head.get(slot).asText(), tail.get(slot).asText()),
          positions.get(slot).asText());
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void theSameIndexGivesTheSameSplitBytes() throws IOException {
    Map<String, byte[]> a = export(LOW);
    Map<String, byte[]> b = export(LOW);
    assertThat(a.keySet()).isEqualTo(b.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
  }

  /** doc -> [norm, freq] of a packed list of (docDelta, norm, freq). */
  private static Map<Integer, int[]> entries(String packed) {
    int[] v = ExportCodec.unpack(packed);
    Map<Integer, int[]> out = new TreeMap<>();
    int doc = 0;
    for (int i = 0; i < v.length; i += 3) {
      doc += v[i];
      out.put(doc, new int[] {v[i + 1], v[i + 2]});
    }
    return out;
  }

  /** doc -> its positions, the lists read one after the other as the positions follow them. */
  private static Map<Integer, List<Integer>> positionsByDoc(List<String> lists, String positions) {
    int[] pos = ExportCodec.unpack(positions);
    Map<Integer, List<Integer>> out = new TreeMap<>();
    int j = 0;
    for (String list : lists) {
      int[] v = ExportCodec.unpack(list);
      int doc = 0;
      for (int i = 0; i < v.length; i += 3) {
        doc += v[i];
        List<Integer> ps = new ArrayList<>();
        int p = 0;
        for (int k = 0; k < v[i + 2]; k++) {
          p += pos[j++];
          ps.add(p);
        }
        out.put(doc, ps);
      }
    }
    assertThat(j).isEqualTo(pos.length);
    return out;
  }

  private static JsonNode wholeValue(Map<String, byte[]> whole, String dir, JsonNode meta,
      String term) throws IOException {
    return value(whole, dir, JSON.readTree(whole.get("meta.json")).path("parts").get(0)
        .path("shards").asInt(), "terms-", term);
  }

  /** A term's value in a part's terms- or pos- shard, following big-K.json. */
  private static JsonNode value(Map<String, byte[]> files, String dir, int shards, String kind,
      String term) throws IOException {
    JsonNode v = JSON.readTree(files.get(dir + kind + StaticExport.shard(term, shards) + ".json"))
        .get(term);
    return v.isNumber() ? read(files, dir + StaticExport.bigFile(v.asInt())) : v;
  }

  private static JsonNode read(Map<String, byte[]> files, String name) {
    try {
      return JSON.readTree(files.get(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
