package dev.daybook.cli;

import dev.daybook.archive.ReportStore;
import dev.daybook.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that works on the archive shares (the benchmark's too). */
public final class ArchiveOptions {

  @Option(names = "--config", paramLabel = "FILE", defaultValue = SiteConfig.FILE_NAME,
      description = "Site settings (default: ${DEFAULT-VALUE}; missing means defaults).")
  Path config;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "The archive folder (default: ${DEFAULT-VALUE}).")
  Path content;

  private SiteConfig loaded;

  SiteConfig config() throws IOException {
    if (loaded == null) {
      loaded = SiteConfig.load(config);
    }
    return loaded;
  }

  /** The archive folder ({@code --content}). */
  public Path content() {
    return content;
  }

  /** The settings file ({@code --config}). */
  public Path configFile() {
    return config;
  }

  ReportStore store() {
    return new ReportStore(content);
  }
}
