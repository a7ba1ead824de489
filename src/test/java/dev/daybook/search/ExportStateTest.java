package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportStateTest {

  private static final ExportState STATE = new ExportState("daybook-index-2\nx\nAsia/Shanghai\n",
      3, "ab12", 2, 1, 1234, 567, List.of("t\u4e2d\u6587", "pzulu"), List.of(7, -1, -1, -1),
      Map.of("meta.json", new ExportState.Sum(10, 4294967295L), "docs-0.json",
          new ExportState.Sum(7, 0), "terms-1.json", new ExportState.Sum(0, 12)));

  @Test
  void readsWhatItWrites() throws Exception {
    assertThat(ExportState.parse(STATE.bytes())).isEqualTo(STATE);
  }

  @Test
  void anythingElseIsNoState() throws Exception {
    String text = new String(STATE.bytes(), StandardCharsets.UTF_8);
    String head = text.substring(0, text.indexOf('\n') + 1);
    for (String bad : List.of(text.substring(0, text.length() - 1), head + "meta.json 10\n",
        head + "meta.json 10 4 5\n", head + "meta.json 1x 4\n", head + "meta.json -1 4\n",
        head + "meta.json  4\n", head + " 10 4\n", head + "a 1 2\na 1 2\n", head + "\n",
        text.replace("daybook-export-state-", "daybook-export-state-x"), "", "{}\n")) {
      assertThat(ExportState.parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isNull();
    }
    assertThat(ExportState.parse(null)).isNull();
    assertThat(ExportState.parse((head + "a 1 2\n").getBytes(StandardCharsets.UTF_8)).files())
        .containsExactly(Map.entry("a", new ExportState.Sum(1, 2)));
  }
}
