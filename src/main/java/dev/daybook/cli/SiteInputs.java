package dev.daybook.cli;

import dev.daybook.build.SiteBuilder;
import dev.daybook.config.OpenSearchSettings;
import dev.daybook.config.SiteConfig;
import dev.daybook.site.BaseUrl;
import dev.daybook.site.SearchPage;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What a site is baked from besides the archive: templates and assets (hidden options). */
public final class SiteInputs {

  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates", hidden = true)
  Path templates;

  @Option(names = "--assets", paramLabel = "DIR", defaultValue = "assets", hidden = true)
  Path assets;

  public Path templates() {
    return templates;
  }

  public Path assets() {
    return assets;
  }

  /** The build's options; {@code searchIndex} may be null for a site without a search index. */
  SiteBuilder.Options options(Path content, Path out, BaseUrl base, SiteConfig config,
      Path searchIndex, OpenSearchSettings openSearch) {
    return new SiteBuilder.Options(content, templates, assets, out, base, config.title(),
        config.language(), config.zone(), config.pageSize()).withSearchIndex(searchIndex)
        .withBots(config.bots(), config.hideBots()).withWatches(config.watches())
        .withSearchPage(new SearchPage(openSearch.publicSearchUrl(), config.facetsAtOnce()));
  }
}
