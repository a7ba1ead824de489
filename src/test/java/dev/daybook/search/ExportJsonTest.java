package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The export writes and reads with Jackson's streaming API what Jackson's ObjectMapper would, byte
 * for byte, both ways.
 */
class ExportJsonTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void writesWhatJacksonWrites() throws Exception {
    List<Object> values = new ArrayList<>(List.of("", "plain", "a\"b\\c/", "\u0000\u0001\b\t\n\f\r\u001f",
        "\u007f\u0080\u00e9\u07ff\u0800\u2028\u4e2d\uffff", "\uD83D\uDE00", "x\uD83Dy", "\uDE00z",
        "\uD83D", 0, -5, 123456789012L, Long.MIN_VALUE, 1.2, 0.75, 2.0, 1e20, 1e-7, true, false));
    values.add(null);
    values.add(new Object[] {"t", 1, List.of()});
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k\n\u4e2d", List.of(1, "x"));
    map.put("", Map.of());
    values.add(map);
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        int kind = random.nextInt(4);
        s.append((char) (kind == 0 ? random.nextInt(0x80) : kind == 1 ? random.nextInt(0x800)
            : kind == 2 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10000)));
      }
      values.add(s.toString());
    }
    for (Object v : values) {
      assertThat(ExportJson.bytes(v)).as(String.valueOf(v)).isEqualTo(JACKSON.writeValueAsBytes(v));
    }
    assertThat(ExportJson.bytes(values)).isEqualTo(JACKSON.writeValueAsBytes(values));
  }

  @Test
  void writesAPackedListAsJacksonWritesItsDigits() throws Exception {
    ExportCodec.Packer p = new ExportCodec.Packer();
    for (int v : new int[] {0, 31, 32, 1023, 1 << 20, Integer.MAX_VALUE, 7}) {
      p.add(v);
    }
    Object value = List.of(p.packed(), ExportCodec.Packed.EMPTY);
    assertThat(ExportJson.bytes(value))
        .isEqualTo(JACKSON.writeValueAsBytes(List.of(p.toString(), "")));
  }

  @Test
  void readsWhatJacksonReads() throws Exception {
    List<String> texts = List.of("{\"a\":[1,2147483648,-3,1.5,\"x\\u00e9\\n\\\"\\\\\\/\"],"
        + "\"b\":null,\"c\":true,\"d\":false,\"e\":{}}", "[]", " [ 1 , \"\u4e2d\" ] ", "\"\"",
        "\"\\uD83D\\uDE00 \\uDE00 \\b\\f\\r\\t\"", "0", "-1e3");
    for (String t : texts) {
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      assertThat(ExportJson.read(b)).as(t).isEqualTo(JACKSON.readValue(b, Object.class));
    }
    Object written = ExportJson.read(ExportJson.bytes(List.of("\u0001\uD83D", 7L, 1.25)));
    assertThat(written).isEqualTo(List.of("\u0001\uD83D", 7, 1.25));
  }

  @Test
  void rejectsWhatIsNotJson() {
    for (String t : List.of("", "[1,", "{\"a\" 1}", "[1] x", "\"abc", "tru", "\"\\q\"", "{1:2}")) {
      assertThatThrownBy(() -> ExportJson.read(t.getBytes(StandardCharsets.UTF_8))).as(t)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
