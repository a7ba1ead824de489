package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daybook.model.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScriptsTest {

  private static String compact(String script) {
    return compact(script, Language.EN);
  }

  private static String compact(String script, Language language) {
    try {
      return new String(Scripts.compact("x.js", script.getBytes(StandardCharsets.UTF_8),
          language), StandardCharsets.UTF_8);
    } catch (SiteException e) {
      throw new AssertionError(e);
    }
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
  void aScriptWithATokenThatMaySpanLinesIsPublishedAsItIs() throws SiteException {
    for (String script : List.of("var s = `a\n  // not a comment\n`;\n",
        "/* settings\n// */ var debug = 1;\n", "var s = 'a\\\n  b';\n")) {
      byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
      assertThat(Scripts.compact("x.js", bytes, Language.ZH)).as(script).isSameAs(bytes);
    }
    byte[] latin1 = "  var s = 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Scripts.compact("x.js", latin1, Language.ZH)).isSameAs(latin1);
  }

  @Test
  void keepsOnlyTheWordsOfTheSitesLanguage() {
    String script = "var WORDS = {\n"
        + "  // language en\n"
        + "  en: { none: 'No results.' },\n"
        + "  // language end\n"
        + "  // language zh\n"
        + "  zh: { none: '没有结果。' }\n"
        + "  // language end\n"
        + "};\n"
        + "var shown = WORDS[lang];\n";
    assertThat(compact(script, Language.ZH)).isEqualTo(
        "var WORDS = {\nzh: { none: '没有结果。' }\n};\nvar shown = WORDS[lang];\n");
    assertThat(compact(script, Language.EN)).isEqualTo(
        "var WORDS = {\nen: { none: 'No results.' },\n};\nvar shown = WORDS[lang];\n");
  }

  /** A block cut short would publish half a script for one language: the build stops. */
  @Test
  void aLanguageMarkerOutOfPlaceIsAnErrorNamingItsLine() {
    String open = "var W = {\n  // language en\n  en: 1\n};\n";
    assertThatThrownBy(() -> Scripts.compact("js/w.js", open.getBytes(StandardCharsets.UTF_8),
        Language.ZH)).isInstanceOf(SiteException.class)
        .hasMessage("js/w.js:2: '// language en' is never ended ('// language end')");
    String nested = "// language en\na();\n// language zh\nb();\n// language end\n";
    assertThatThrownBy(() -> Scripts.compact("js/w.js", nested.getBytes(StandardCharsets.UTF_8),
        Language.ZH)).hasMessage("js/w.js:3: '// language zh' is inside the block of line 1,"
            + " which is not ended ('// language end')");
    String stray = "a();\n  // language end\n";
    assertThatThrownBy(() -> Scripts.compact("js/w.js", stray.getBytes(StandardCharsets.UTF_8),
        Language.EN)).hasMessage("js/w.js:2: '// language end' ends no '// language KEY' block");
    String typo = "// language  end\n";
    assertThatThrownBy(() -> Scripts.compact("js/w.js", typo.getBytes(StandardCharsets.UTF_8),
        Language.EN)).hasMessage(
            "js/w.js:1: '// language  end': a language marker names zh or en (or end)");
  }

  @Test
  void theSearchScriptOfASiteHasTheWordsOfItsLanguageOnly() throws IOException {
    String text = Files.readString(Path.of("assets/js/search.js"));
    assertThat(text).contains("'No results.'", "'没有结果。'", "'the query is empty'", "'查询是空的'");
    assertThat(compact(text, Language.ZH)).contains("'没有结果。'", "'查询是空的'")
        .doesNotContain("'No results.'", "'the query is empty'");
    assertThat(compact(text, Language.EN)).contains("'No results.'", "'the query is empty'")
        .doesNotContain("'没有结果。'", "'查询是空的'");
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
      for (Language language : Language.values()) {
        String compacted = compact(text, language);
        assertThat(compacted).as(script.toString()).doesNotContain("`");
        List<String> code = new ArrayList<>();
        String block = null;
        for (String line : text.lines().map(String::strip).toList()) {
          if (line.startsWith("// language ")) {
            block = line.equals("// language end") ? null : line.substring(12);
          } else if (!line.isEmpty() && !line.startsWith("//")
              && (block == null || block.equals(language.key()))) {
            code.add(line);
          }
        }
        assertThat(compacted.lines().toList()).as(script.toString()).isEqualTo(code);
        assertThat(compacted.length()).as(script.toString()).isLessThan(text.length() * 9 / 10);
      }
    }
  }
}
