package dev.daybook.site;

import dev.daybook.build.SiteBuilder;
import dev.daybook.config.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Real bakes for tests: the project's templates and assets, the settings of the shipped
 * {@code site.properties}, and a content folder. A bake of the shipped {@code content/} takes a few
 * seconds, so those are made once per JVM and base URL and shared by the test classes that only
 * read them; they are deleted when the JVM exits.
 */
public final class Bakes {

  public static final Path SHIPPED_CONTENT = Path.of("content");
  public static final Path TEMPLATES = Path.of("templates");
  public static final Path ASSETS = Path.of("assets");
  public static final String ROOT = "/";
  public static final String SUB_PATH = "https://user.github.io/project/";

  private static final Map<String, Path> SHIPPED = new ConcurrentHashMap<>();

  private Bakes() {}

  /** The shipped settings: title, language, time zone, page size. */
  public static SiteConfig config() {
    try {
      return SiteConfig.load(Path.of(SiteConfig.FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bakes a content folder into {@code out} with the project's templates and assets. */
  public static SiteBuilder.Result bake(Path content, Path out, String baseUrl)
      throws IOException, SiteException {
    return bake(content, out, baseUrl, config().pageSize());
  }

  /** Bakes as {@link #bake(Path, Path, String)} does, with another number of commits a page. */
  public static SiteBuilder.Result bake(Path content, Path out, String baseUrl, int pageSize)
      throws IOException, SiteException {
    SiteConfig c = config();
    return new SiteBuilder().build(new SiteBuilder.Options(content, TEMPLATES, ASSETS, out,
        BaseUrl.parse(baseUrl), c.title(), c.language(), c.zone(), pageSize)
        .withBots(c.bots(), false));
  }

  /** The shipped content baked under a base URL; baked on first use, then shared. Read only. */
  public static synchronized Path shipped(String baseUrl) {
    return SHIPPED.computeIfAbsent(baseUrl, url -> {
      try {
        Path dir = Files.createTempDirectory("daybook-shipped-site-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        Path out = dir.resolve("output");
        bake(SHIPPED_CONTENT, out, url);
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SiteException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
  }

  /** Every regular file under a folder, as sorted relative paths with {@code /}. */
  public static List<String> files(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  public static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temp folder left behind is not worth failing a test run for
    }
  }
}
