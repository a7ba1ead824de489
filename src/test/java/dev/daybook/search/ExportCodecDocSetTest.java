package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Doc sets: the shortest of three forms, as Jackson writes each; counted lengths match the written. */
class ExportCodecDocSetTest {

  @Test
  void writesTheShortestFormAndReadsItBack() throws Exception {
    ObjectMapper jackson = new ObjectMapper();
    Random random = new Random(11);
    List<BitSet> sets = new ArrayList<>(List.of(new BitSet(), BitSet.valueOf(new long[] {1}),
        BitSet.valueOf(new long[] {-1L, -1L}), BitSet.valueOf(new long[] {0, 0, 1L << 40})));
    for (int i = 0; i < 400; i++) {
      BitSet s = new BitSet();
      int n = random.nextInt(3000);
      double density = random.nextDouble();
      boolean runs = random.nextBoolean();
      for (int d = 0; d < n; d++) {
        if (runs ? (d / 50) % 3 == 0 : random.nextDouble() < density) {
          s.set(d);
        }
      }
      sets.add(s);
    }
    for (BitSet s : sets) {
      byte[] json = ExportCodec.docSet(s);
      // What the three forms are as Jackson writes them; the written one is the first shortest.
      List<byte[]> forms = List.of(jackson.writeValueAsBytes(Map.of("d", deltas(s))),
          jackson.writeValueAsBytes(Map.of("r", runs(s))),
          jackson.writeValueAsBytes(Map.of("b",
              Base64.getEncoder().encodeToString(s.toByteArray()))));
      byte[] best = forms.get(0);
      for (byte[] f : forms) {
        if (f.length < best.length) {
          best = f;
        }
      }
      assertThat(new String(json, StandardCharsets.UTF_8))
          .isEqualTo(new String(best, StandardCharsets.UTF_8));
    }
  }

  private static List<Integer> deltas(BitSet s) {
    List<Integer> out = new ArrayList<>();
    int last = 0;
    for (int d = s.nextSetBit(0); d >= 0; d = s.nextSetBit(d + 1)) {
      out.add(d - last);
      last = d;
    }
    return out;
  }

  private static List<Integer> runs(BitSet s) {
    List<Integer> out = new ArrayList<>();
    int prevEnd = 0;
    for (int start = s.nextSetBit(0); start >= 0; start = s.nextSetBit(prevEnd)) {
      int end = s.nextClearBit(start);
      out.add(start - prevEnd);
      out.add(end - start);
      prevEnd = end;
    }
    return out;
  }
}
