package dev.daybook.site;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * The one place that touches JBake. JBake keeps global state (its engine registry, document types,
 * the JVM locale that {@code Oven} sets), so bakes run one at a time, and the Markdown engine is
 * registered once.
 */
final class JBakeOven {

  private static final Object LOCK = new Object();
  // Held so the setting stays: java.util.logging keeps loggers only weakly.
  private static final Logger ORIENTDB_LOG = Logger.getLogger("com.orientechnologies");
  private static boolean registered;

  private JBakeOven() {}

  /**
   * Bakes a staged JBake project ({@code jbake.properties}, {@code content/}, {@code templates/},
   * {@code assets/}) into a folder.
   *
   * @throws SiteException naming the files JBake could not render; {@code Oven} only collects
   *     its errors, so they are checked here
   */
  static void bake(Path project, Path destination) throws SiteException {
    synchronized (LOCK) {
      if (!registered) {
        // OrientDB, JBake's content store, logs its tuning and warnings on every start.
        ORIENTDB_LOG.setLevel(Level.SEVERE);
        Engines.register("md", new CommonmarkEngine());
        registered = true;
      }
      java.util.Locale locale = java.util.Locale.getDefault();
      try {
        JBakeConfiguration config = new JBakeConfigurationFactory()
            .createDefaultJbakeConfiguration(project.toFile(), destination.toFile(), true);
        Oven oven = new Oven(config);
        oven.bake();
        List<Throwable> errors = oven.getErrors();
        if (!errors.isEmpty()) {
          throw new SiteException("JBake could not render the site:\n" + errors.stream()
              .map(e -> "  " + describe(e, project, destination)).collect(Collectors.joining("\n")));
        }
      } catch (SiteException e) {
        throw e;
      } catch (Exception e) {
        throw new SiteException("JBake failed: " + describe(e, project, destination), e);
      } finally {
        java.util.Locale.setDefault(locale);
      }
    }
  }

  /**
   * JBake's messages name the staged copy and the temporary output, both deleted when the build
   * fails; name the files relative to them instead ({@code reports/2026/02/2026-02-06.html}).
   */
  private static String describe(Throwable e, Path project, Path destination) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replace(destination.toString() + File.separator, "")
        .replace(project.toString() + File.separator, "");
  }
}
