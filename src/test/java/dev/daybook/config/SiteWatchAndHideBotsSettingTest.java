package dev.daybook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code site.hide-bots} and {@code watch.NAME=QUERY}: read, checked, named when bad. */
class SiteWatchAndHideBotsSettingTest {

  static SiteConfig read(String... keysAndValues) {
    Properties p = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return SiteConfig.from(p, "site.properties");
  }

  @Test
  void hideBotsIsTrueOrFalseAndOffByDefault() {
    assertThat(read().hideBots()).isFalse();
    assertThat(read("site.hide-bots", " true ").hideBots()).isTrue();
    assertThat(read("site.hide-bots", "false").hideBots()).isFalse();
    assertThatThrownBy(() -> read("site.hide-bots", "yes"))
        .hasMessage("site.properties: site.hide-bots: 'yes' is not valid (expected true or false)");
  }

  @Test
  void watchesAreReadByNameSortedAndNoneByDefault() {
    assertThat(read().watches()).isEmpty();
    assertThat(read("watch.kernels", " path:python/sglang/jit_kernel severity:high ",
        "watch.amd", "AMD OR ROCm").watches()).containsExactly(
            Map.entry("amd", "AMD OR ROCm"),
            Map.entry("kernels", "path:python/sglang/jit_kernel severity:high"));
  }

  @Test
  void aWatchNeedsANameThatIsAFolderAndAQuery() {
    assertThatThrownBy(() -> read("watch.Kernels/x", "cache")).hasMessage(
        "site.properties: watch.Kernels/x: 'Kernels/x' is not valid (expected a watch name of"
            + " lower-case letters, digits and '-')");
    assertThatThrownBy(() -> read("watch.", "cache")).hasMessageContaining("watch.: ''");
    assertThatThrownBy(() -> read("watch.empty", "  ")).hasMessage(
        "site.properties: watch.empty: '' is not valid (expected a search query, e.g."
            + " path:src/api severity:high)");
  }
}
