package dev.daybook.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Model prose as it is published: the sentences and items that name an address, SHA or path
 * the commit does not hold, in the spellings models use, are dropped and counted; the rest is
 * kept, escaped.
 */
class SafeProseTest {

  final SafeProse prose = new SafeProse(new FactCheck(FactCheckTest.COMMIT));

  @Test
  void aParagraphLosesOnlyItsSentencesWithUnknownAddressesShasAndPaths() {
    String kept = prose.paragraph("Adds the hicache benchmark in v0.5.1, e.g. for H100."
        + " Details are at evil.example/steal. Mirrors commit 9F8E7D6C5B4A upstream."
        + " Reads `src/invented dir/x.py` first. 它还更新了 README.md。"
        + " 参见 ｗｗｗ．ｅｖｉｌ．ｃｏｍ。");

    assertThat(kept).isEqualTo("Adds the hicache benchmark in v0.5.1, e.g. for H100. 它还更新了"
        + " README.md。");
    assertThat(prose.dropped()).isEqualTo(4);
  }

  @Test
  void listItemsWithUnknownAddressesAreDropped() {
    String kept = prose.bullets(List.of("Check `docs/my notes.md`.", "Mail ann@evil.example.",
        "Fetch ftp:evil.example/x.", "Logs go through logger.info.",
        "See github.com/sgl-project/sglang."));

    assertThat(kept).isEqualTo("- Check `docs/my notes.md`.\n- Logs go through logger.info.\n"
        + "- See github.com/sgl-project/sglang.");
    assertThat(prose.dropped()).isEqualTo(2);
  }
}
