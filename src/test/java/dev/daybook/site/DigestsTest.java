package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DigestsTest {

  static String key(Object values) {
    return Digests.digestOfValues(values, Digests.utf8("templates"));
  }

  @Test
  void equalValuesGiveEqualKeysWhateverTheOrderOfAnUnorderedMap() {
    Map<String, Object> a = new TreeMap<>(Map.of("b", 1, "a", List.of("x", true)));
    assertThat(key(Map.of("a", List.of("x", true), "b", 1))).isEqualTo(key(a));
  }

  @Test
  void anyDifferenceChangesTheKey() {
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("title", "a|b");
    base.put("n", 1);
    String k = key(base);
    assertThat(key(Map.of("title", "a|b", "n", "1"))).isNotEqualTo(k); // "1" is not 1
    assertThat(key(Map.of("title", "a", "n", 1))).isNotEqualTo(k);
    assertThat(key(List.of("ab", "c"))).isNotEqualTo(key(List.of("a", "bc")));
    assertThat(Digests.digestOfValues(base, Digests.utf8("other templates")))
        .isNotEqualTo(k);
  }

  @Test
  void onlyPlainValuesAreAccepted() {
    assertThatThrownBy(() -> key(Map.of("date", LocalDate.of(2026, 2, 6))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalDate");
  }
}
