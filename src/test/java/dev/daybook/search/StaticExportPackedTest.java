package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packed number lists of the static export (search.js's unpack reads them). */
class StaticExportPackedTest {

  /** What search.js's unpack does, written again here to check the format from the other side. */
  private static List<Integer> unpack(String s) {
    List<Integer> out = new ArrayList<>();
    long v = 0;
    long scale = 1;
    for (char ch : s.toCharArray()) {
      int c = ExportCodec.DIGITS.indexOf(ch);
      assertThat(c).as("a digit: %s", ch).isNotNegative();
      if (c >= 32) {
        v += (c - 32) * scale;
        scale *= 32;
      } else {
        out.add((int) (v + c * scale));
        v = 0;
        scale = 1;
      }
    }
    return out;
  }

  private static String packed(List<Integer> numbers) {
    ExportCodec.Packer p = new ExportCodec.Packer();
    numbers.forEach(p::add);
    return p.toString();
  }

  @Test
  void smallNumbersTakeOneDigitAndLargeOnesRoundTrip() {
    assertThat(packed(List.of(0, 1, 31))).isEqualTo("01V");
    // 32 = 0 + 1·32: a continued 0 ('W', digit 32), then 1.
    assertThat(packed(List.of(32))).isEqualTo("W1");
    List<Integer> numbers = List.of(0, 5, 31, 32, 255, 1023, 1024, 36_752, 1 << 20,
        Integer.MAX_VALUE);
    assertThat(unpack(packed(numbers))).isEqualTo(numbers);
    assertThat(packed(List.of())).isEmpty();
    assertThatThrownBy(() -> packed(List.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
