package dev.daybook.config;

import static dev.daybook.config.SiteWatchAndHideBotsSettingTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code search.facets-at-once}: a count of commits, 10,000 by default, named when bad. */
class SiteFacetsAtOnceSettingTest {

  @Test
  void facetsComeAtOnceUpToTenThousandCommitsByDefault() {
    assertThat(read().facetsAtOnce()).isEqualTo(10_000);
    assertThat(SiteConfig.defaults().facetsAtOnce()).isEqualTo(10_000);
  }

  @Test
  void anyCountFromNoneUpIsTaken() {
    assertThat(read("search.facets-at-once", "0").facetsAtOnce()).isZero();
    assertThat(read("search.facets-at-once", " 400000 ").facetsAtOnce()).isEqualTo(400_000);
  }

  @Test
  void aCountThatIsNoWholeNumberOrBelowNoneIsNamed() {
    assertThatThrownBy(() -> read("search.facets-at-once", "-1")).hasMessage(
        "site.properties: search.facets-at-once: '-1' is not valid (expected a whole number"
            + " from 0 to 100000000)");
    assertThatThrownBy(() -> read("search.facets-at-once", "many"))
        .hasMessageContaining("search.facets-at-once: 'many'");
  }
}
