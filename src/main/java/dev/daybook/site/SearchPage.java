package dev.daybook.site;

import dev.daybook.config.SiteConfig;
import java.net.URI;

/**
 * How the site's search page searches.
 *
 * @param endpoint the read-only OpenSearch {@code _search} URL it asks instead of its static
 *     index ({@code search.opensearch-public}), or null
 * @param facetsAtOnce up to how many commits in the archive the static search shows the facet
 *     counts (by repository, severity, type and date) with every query ({@code
 *     search.facets-at-once}); past it they load when the reader asks, as they need every hit's
 *     values, which on a large archive is more to download than the results
 */
public record SearchPage(URI endpoint, int facetsAtOnce) {

  /** The static index, with the facets at once as {@code site.properties} has them by default. */
  public static final SearchPage STATIC =
      new SearchPage(null, SiteConfig.DEFAULT_FACETS_AT_ONCE);

  public SearchPage {
    if (facetsAtOnce < 0) {
      throw new IllegalArgumentException("facetsAtOnce < 0: " + facetsAtOnce);
    }
  }
}
