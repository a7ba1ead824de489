package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FtlLiteralTest {

  @Test
  void mapsAreWrittenInKeyOrderWhateverTheMapsOwnOrder() {
    // Map.of iterates in an order that changes from one JVM to the next.
    assertThat(FtlLiteral.of(Map.of("b", 1, "a", List.of("x"), "c", true)))
        .isEqualTo("{\"a\": [\"x\"], \"b\": 1, \"c\": true}");
  }

  @Test
  void stringsCannotEndTheLiteralOrInterpolate() {
    assertThat(FtlLiteral.of("a\"${x}<\\")).isEqualTo("\"a\\x0022\\x0024\\x007Bx\\x007D\\x003C"
        + "\\x005C\"");
  }

  @Test
  void otherValuesAreRefused() {
    assertThatThrownBy(() -> FtlLiteral.of(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
