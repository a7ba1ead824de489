package dev.daybook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code site.bots}: author names, comma-separated, as the reports write them. */
class SiteBotsSettingTest {

  @Test
  void theBotsAreTheNamesBetweenTheCommasSortedAndNoneByDefault() {
    Properties p = new Properties();
    p.setProperty("site.bots", " sglang-bot , ,Release Robot,");

    assertThat(SiteConfig.from(p, "site.properties").bots())
        .containsExactly("Release Robot", "sglang-bot");
    assertThat(SiteConfig.from(new Properties(), "site.properties").bots()).isEmpty();
  }
}
