package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void barFillsInProportion() {
    assertThat(ProgressBar.bar(0, 3)).isEqualTo("[" + ".".repeat(30) + "]");
    assertThat(ProgressBar.bar(1, 3)).isEqualTo("[" + "#".repeat(10) + ".".repeat(20) + "]");
    assertThat(ProgressBar.bar(3, 3)).isEqualTo("[" + "#".repeat(30) + "]");
  }

  @Test
  void drawsInPlaceOnATerminalOnly() {
    StringWriter terminal = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(terminal), true, 4);
    bar.show(2, "2026-02-04");
    bar.clear();
    assertThat(terminal.toString()).isEqualTo("\r\u001b[K[" + "#".repeat(7) + ".".repeat(23)
        + "] 2/4 2026-02-04\r\u001b[K");

    StringWriter pipe = new StringWriter();
    ProgressBar quiet = new ProgressBar(new PrintWriter(pipe), false, 4);
    quiet.show(2, "2026-02-04");
    quiet.clear();
    assertThat(pipe.toString()).isEmpty();
  }
}
