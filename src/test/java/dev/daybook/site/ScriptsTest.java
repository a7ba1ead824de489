package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScriptsTest {

  private static String compact(String script) {
    return new String(Scripts.compact(script.getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
  }

  @Test
  void dropsCommentLinesBlankLinesAndIndentationOnly() {
    String script = "(function () {\n"
        + "  // a comment of its own line\n"
        + "\n"
        + "  var url = 'https://example.org/a'; // a comment after code stays\n"
        + "    if (url) {\n"
        + "      //\n"
        + "      go(url) }\n"
        + "})();\n";
    assertThat(compact(script)).isEqualTo("(function () {\n"
        + "var url = 'https://example.org/a'; // a comment after code stays\n"
        + "if (url) {\n"
        + "go(url) }\n"
        + "})();\n");
  }

  @Test
  void aScriptWithATokenThatMaySpanLinesIsPublishedAsItIs() {
    for (String script : List.of("var s = `a\n  // not a comment\n`;\n",
        "/* settings\n// */ var debug = 1;\n", "var s = 'a\\\n  b';\n")) {
      byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
      assertThat(Scripts.compact(bytes)).as(script).isSameAs(bytes);
    }
    byte[] latin1 = "  var s = 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Scripts.compact(latin1)).isSameAs(latin1);
  }

  /**
   * What makes dropping lines safe for the shipped scripts: no template literal, which could
   * span lines (its backticks are only ever in comments), and every line of code kept whole.
   */
  @Test
  void theShippedScriptsKeepEveryLineOfCode() throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(Path.of("assets/js"))) {
      scripts = files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
    }
    assertThat(scripts).isNotEmpty();
    for (Path script : scripts) {
      String text = Files.readString(script);
      String compacted = compact(text);
      assertThat(compacted).as(script.toString()).doesNotContain("`");
      List<String> code = text.lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("//")).toList();
      assertThat(compacted.lines().toList()).as(script.toString()).isEqualTo(code);
      assertThat(compacted.length()).as(script.toString()).isLessThan(text.length() * 9 / 10);
    }
  }
}
