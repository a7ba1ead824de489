package dev.daybook.cli;

import dev.daybook.build.BuildCache;
import dev.daybook.build.SiteBuilder;
import dev.daybook.config.OpenSearchSettings;
import dev.daybook.config.SiteConfig;
import dev.daybook.site.BaseUrl;
import dev.daybook.site.StaticServer;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daybook serve}: builds, serves on 127.0.0.1 and rebuilds when a source changes. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Build the site, serve it on http://127.0.0.1:PORT/ and rebuild it when the"
        + " archive, the templates, the assets or site.properties change. Ctrl-C stops.")
final class ServeCommand implements Callable<Integer>, Daybook.ContextAware {

  /** Changes closer together than this make one rebuild. */
  static final long QUIET_MILLIS = 300;

  /**
   * The seconds a client has to send its request, and to take its answer, before the JDK server
   * closes its connection: a stalled client then holds one of the server's threads this long at
   * most. The JDK server has no such setting per server, only these system properties, unlimited
   * unless set and read once, when its classes load: so they are set here, before it starts, and
   * only where the user has not set them (e.g. in DAYBOOK_JAVA_OPTS).
   */
  private static final Map<String, String> DEADLINES = Map.of("sun.net.httpserver.maxReqTime", "10",
      "sun.net.httpserver.maxRspTime", "10");

  @Mixin
  ArchiveOptions archive;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8820",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output",
      description = "Where the site is built (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin
  SiteInputs inputs;

  private final Daybook.Context context;

  ServeCommand(Daybook.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    DEADLINES.forEach(System.getProperties()::putIfAbsent); // a user's own values stay
    build();
    try (StaticServer server = StaticServer.start(out, port, "/");
        WatchService watcher = FileSystems.getDefault().newWatchService()) {
      context.out().println("serving " + out + " at " + server.url() + " (Ctrl-C stops)");
      for (Path dir : List.of(archive.content, inputs.templates, inputs.assets)) {
        register(watcher, dir);
      }
      Path configDir = archive.config.toAbsolutePath().getParent();
      WatchKey configKey = configDir.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_CREATE);
      watch(watcher, configKey);
    }
    return 0;
  }

  private void watch(WatchService watcher, WatchKey configKey)
      throws IOException, InterruptedException {
    Path configName = archive.config.getFileName();
    while (true) {
      WatchKey key;
      try {
        key = watcher.take();
      } catch (ClosedWatchServiceException e) {
        return;
      }
      // Let a burst of saves settle, then rebuild once. In the settings' folder only the settings
      // file counts: builds themselves write their cache (.daybook/) there.
      boolean changed = false;
      while (key != null) {
        for (WatchEvent<?> event : key.pollEvents()) {
          changed |= key != configKey || configName.equals(event.context());
        }
        key.reset();
        key = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
      }
      if (!changed) {
        continue;
      }
      for (Path dir : List.of(archive.content, inputs.templates, inputs.assets)) {
        register(watcher, dir); // folders created since
      }
      try {
        build();
      } catch (Exception e) {
        // Keep serving the last good site; say what is wrong.
        context.err().println("daybook: " + Daybook.message(e));
      }
    }
  }

  private void build() throws Exception {
    SiteConfig config = SiteConfig.load(archive.config);
    Path index = BuildCache.of(out).lucene();
    // A build of the same output from another terminal is waited for: a change is not dropped.
    SiteBuilder.Result r = SiteBuilder.waiting(context.out()::println).build(inputs.options(
        archive.content, out, BaseUrl.parse("/"), config, index,
        OpenSearchSettings.load(archive.config)));
    context.out().println(String.format(Locale.ROOT, "built %d reports in %.1f s", r.reports(),
        r.time().toMillis() / 1000.0));
    if (r.indexDamage() != null) {
      context.out().println(BuildCommand.indexLine(index, r));
    }
  }

  private static void register(WatchService watcher, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(dir)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }
}
