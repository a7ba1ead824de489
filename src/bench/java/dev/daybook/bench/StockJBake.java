package dev.daybook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * The benchmark's reference point: plain JBake 2.7.0 baking the same reports with everything
 * stock — its own Markdown engine (flexmark, tables on), its own index, archive, feed and sitemap
 * renderers, and its previous/next links — and minimal Freemarker templates of the same shape as
 * Daybook's (a page per report with previous/next links, a home page of the latest reports, a full
 * archive list, a feed of the latest reports, a sitemap). The reports are staged with
 * {@code type=post} so JBake's post machinery applies. JBake keeps global state, so run one bake
 * per JVM, and never in a JVM that has run a Daybook build (Daybook registers its own Markdown
 * engine for {@code .md}).
 */
public final class StockJBake {

  static final List<String> TEMPLATES = List.of("header.ftl", "footer.ftl", "post.ftl",
      "page.ftl", "index.ftl", "archive.ftl", "feed.ftl", "sitemap.ftl");

  private StockJBake() {}

  /**
   * Stages an archive folder as a JBake project in {@code work} and bakes it into
   * {@code output}; returns the phases ({@code stage}, {@code bake}) in milliseconds and the
   * output's files and bytes.
   */
  public static Map<String, Object> bake(Path content, Path work, Path output) throws Exception {
    long t0 = System.nanoTime();
    Path project = work.resolve("stock-project");
    stage(content, project);
    long t1 = System.nanoTime();
    JBakeConfiguration config = new JBakeConfigurationFactory()
        .createDefaultJbakeConfiguration(project.toFile(), output.toFile(), true);
    Oven oven = new Oven(config);
    oven.bake();
    if (!oven.getErrors().isEmpty()) {
      throw new IllegalStateException("stock JBake failed: " + oven.getErrors().stream()
          .map(Throwable::toString).collect(Collectors.joining("; ")));
    }
    long t2 = System.nanoTime();
    Map<String, Object> phases = new LinkedHashMap<>();
    phases.put("stage", (t1 - t0) / 1e6);
    phases.put("bake", (t2 - t1) / 1e6);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("phasesMs", phases);
    long[] size = Sizes.of(output);
    r.put("files", size[0]);
    r.put("bytes", size[1]);
    return r;
  }

  /** Lays out the JBake project: reports as posts, pages, templates, a stylesheet, settings. */
  static void stage(Path content, Path project) throws IOException {
    Path staged = project.resolve("content");
    Files.createDirectories(staged);
    try (Stream<Path> files = Files.walk(content)) {
      for (Path f : files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
        Path target = staged.resolve(content.relativize(f).toString());
        Files.createDirectories(target.getParent());
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(target, text.replaceFirst("(?m)^type=report$", "type=post"),
            StandardCharsets.UTF_8);
      }
    }
    Path templates = project.resolve("templates");
    Files.createDirectories(templates);
    for (String name : TEMPLATES) {
      try (InputStream in = StockJBake.class.getResourceAsStream("stock/" + name)) {
        if (in == null) {
          throw new IOException("missing benchmark template stock/" + name);
        }
        Files.copy(in, templates.resolve(name));
      }
    }
    Files.createDirectories(project.resolve("assets/css"));
    Files.writeString(project.resolve("assets/css/style.css"),
        "body{font-family:sans-serif;max-width:60em;margin:auto}\n", StandardCharsets.UTF_8);
    Files.writeString(project.resolve("jbake.properties"), String.join("\n",
        "# Written by daybook bench: stock JBake with its own renderers.",
        "site.host=https://example.org",
        "markdown.extensions=TABLES,FENCED_CODE_BLOCKS",
        "render.index=true",
        "render.feed=true",
        "render.archive=true",
        "render.sitemap=true",
        "render.tags=false",
        "render.tagsindex=false",
        "render.error404=false",
        "db.store=memory",
        ""), StandardCharsets.UTF_8);
  }
}
