package dev.daybook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

  // Built at run time so no secret-shaped string is committed.
  private static final String KEY = "sk-" + "Abc123NeverShown";

  @Test
  void oneTrailingLineBreakIsDropped() {
    assertThat(Secrets.check("K", KEY)).isEqualTo(KEY);
    assertThat(Secrets.check("K", KEY + "\n")).isEqualTo(KEY);
    assertThat(Secrets.check("K", KEY + "\r\n")).isEqualTo(KEY);
    assertThat(Secrets.check("K", KEY + "\r")).isEqualTo(KEY);
  }

  @Test
  void anythingElseNamesTheVariableAndTheCharacterNeverTheValue() {
    String tail = "; a token or key is printable ASCII without spaces or line breaks (the value is"
        + " not shown)";
    assertThatThrownBy(() -> Secrets.check("MY_KEY", KEY + "\n\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MY_KEY holds a line break (U+000A) at its end" + tail);
    assertThatThrownBy(() -> Secrets.check("MY_KEY", KEY + "\r\n\r\n"))
        .hasMessage("MY_KEY holds a carriage return (U+000D) at its end" + tail);
    assertThatThrownBy(() -> Secrets.check("MY_KEY", "sk-\u0001" + KEY))
        .hasMessage("MY_KEY holds a control character (U+0001) inside (character 4)" + tail);
    assertThatThrownBy(() -> Secrets.check("MY_KEY", " " + KEY))
        .hasMessage("MY_KEY holds a space (U+0020) at its start" + tail);
    assertThatThrownBy(() -> Secrets.check("MY_KEY", KEY + "\t"))
        .hasMessage("MY_KEY holds a tab (U+0009) at its end" + tail);
    assertThatThrownBy(() -> Secrets.check("MY_KEY", KEY + "\u200b"))
        .hasMessage("MY_KEY holds a character outside ASCII (U+200B) at its end" + tail);
    assertThatThrownBy(() -> Secrets.check("MY_KEY", KEY + "\uD83D\uDD11"))
        .hasMessage("MY_KEY holds a character outside ASCII (U+1F511) at its end" + tail);
    assertThatThrownBy(() -> Secrets.check("MY_KEY", KEY + "\u0085x"))
        .hasMessageStartingWith("MY_KEY holds a control character (U+0085) inside");
    assertThatThrownBy(() -> Secrets.check("MY_KEY", "\n"))
        .hasMessage("MY_KEY is empty apart from a line break");
    for (String bad : List.of(KEY + "\n\n", "x\u0001" + KEY, KEY + " x", "\u00e9" + KEY)) {
      assertThatThrownBy(() -> Secrets.check("MY_KEY", bad))
          .hasMessageNotContaining("NeverShown").hasMessageNotContaining("Abc123");
    }
  }
}
