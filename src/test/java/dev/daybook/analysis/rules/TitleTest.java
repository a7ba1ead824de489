package dev.daybook.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleTest {

  @Test
  void tagsThenPrefixThenSubject() {
    Title title = Title.parse("[diffusion] [AMD] feat(tp)!: share the group (#1)");
    assertThat(title.tags()).containsExactly("diffusion", "AMD");
    assertThat(title.prefix()).hasValue(new Title.Prefix("feat(tp)!:", "feat", "tp", true));
    assertThat(title.subject()).isEqualTo("share the group (#1)");
  }

  @Test
  void aColonAfterTheTagsIsNotPartOfTheSubject() {
    Title title = Title.parse("[EPD][refactor]: introduce BaseMMReceiver");
    assertThat(title.tags()).containsExactly("EPD", "refactor");
    assertThat(title.prefix()).isEmpty();
    assertThat(title.subject()).isEqualTo("introduce BaseMMReceiver");
  }

  @Test
  void aCapitalisedTypeWithAScopeNeedsNoColon() {
    Title title = Title.parse("Refactor(qwen3-vl) optimize position encoding");
    assertThat(title.prefix().orElseThrow().word()).isEqualTo("Refactor");
    assertThat(title.subject()).isEqualTo("optimize position encoding");
  }

  @Test
  void aSentenceIsNoPrefix() {
    for (String text : List.of("Fix cross-container race", "MoE Refactor: Refactor x",
        "Update(foo) bar", "fix:no space")) {
      assertThat(Title.parse(text).prefix()).as(text).isEmpty();
    }
  }

  @Test
  void anEnormousHostileTitleIsParsedQuicklyAndQuotedShort() {
    String hostile = "[" + "[".repeat(20_000) + "x]" + "a(".repeat(10_000) + ":";
    Title title = Title.parse(hostile);
    assertThat(title.tags()).isEmpty();
    assertThat(title.prefix()).isEmpty();
    assertThat(Title.parse("[" + "t".repeat(500) + "] fix: x").tags()).isEmpty();
  }
}
