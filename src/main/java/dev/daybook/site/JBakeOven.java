package dev.daybook.site;

import dev.daybook.report.ReportPage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.convert.DefaultListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.jbake.app.ContentStore;
import org.jbake.app.Parser;
import org.jbake.app.configuration.ConfigUtil;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;
import org.jbake.parser.Engines;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * The one place that touches JBake. Daybook bakes with JBake's own parts: its project
 * configuration ({@code jbake.properties}, the template of each document type), its header
 * format and document parser with commonmark-java registered as its {@code md} engine, and its
 * Freemarker template engine with JBake's template model. It does not use JBake's {@code Oven}:
 * the Oven loads every document into an OrientDB store and reloads the whole document list for
 * each page to find its previous and next links, which costs N² in the size of the archive.
 * Daybook already knows each report's neighbours, so it hands JBake one document at a time, from
 * as many threads as there are cores. A report is handed over as Daybook parsed it (its header
 * and its rendered body), so its file is not read and parsed a second time; the other pages of
 * the content folder are read by JBake's parser.
 *
 * <p>JBake keeps global state (its engine registry, document types), so the Markdown engine is
 * registered once; parsing and rendering are thread-safe (one parser context per document, one
 * Freemarker configuration read by all threads).
 */
final class JBakeOven {

  private static final Object LOCK = new Object();
  // Held so the setting stays: java.util.logging keeps loggers only weakly.
  private static final Logger ORIENTDB_LOG = Logger.getLogger("com.orientechnologies");
  // Freemarker logs each template error with its stack trace before throwing it; the error's
  // message reaches the user in the build's own one-line error instead.
  private static final Logger FREEMARKER_LOG = Logger.getLogger("freemarker.runtime");
  private static boolean registered;

  private final JBakeConfiguration config;
  private final Parser parser;
  private final DelegatingTemplateEngine templates;

  /**
   * An oven for a staged JBake project ({@code jbake.properties} and {@code templates/}).
   */
  JBakeOven(Path project, Path destination) {
    synchronized (LOCK) {
      if (!registered) {
        // OrientDB, JBake's content store, logs its tuning and warnings when it loads.
        ORIENTDB_LOG.setLevel(Level.SEVERE);
        FREEMARKER_LOG.setLevel(Level.OFF);
        Engines.register("md", new CommonmarkEngine());
        registered = true;
      }
    }
    Locale locale = Locale.getDefault();
    try {
      DefaultJBakeConfiguration settings =
          new DefaultJBakeConfiguration(project.toFile(), configuration(project));
      settings.setDestinationFolder(destination.toFile());
      settings.setClearCache(true);
      config = settings;
    } finally {
      // JBake may set the JVM's locale from its configuration; the build's output must not
      // depend on it, and nor may the rest of the process.
      Locale.setDefault(locale);
    }
    parser = new Parser(config);
    // A store that is never started: the templates ask JBake for no collection of documents
    // (Daybook's pages list them), and a template that did would fail loudly, not slowly.
    templates = new DelegatingTemplateEngine(new ContentStore("memory", "daybook"), config);
  }

  /**
   * The project's settings as JBake layers them: its {@code jbake.properties} over JBake's own
   * {@code default.properties}, lists split at commas. Read here rather than by JBake's {@code
   * ConfigUtil}, which reaches the same values through commons-configuration's builders (a few
   * hundred classes more for every build to load), and on purpose without the layer it puts
   * under them, the JVM's system properties: a {@code -D} must not fill in a setting of the site.
   */
  private static CompositeConfiguration configuration(Path project) {
    CompositeConfiguration settings = new CompositeConfiguration();
    settings.setListDelimiterHandler(new DefaultListDelimiterHandler(ConfigUtil.LIST_DELIMITER));
    try (Reader own = Files.newBufferedReader(project.resolve(ConfigUtil.CONFIG_FILE));
        InputStream stream = JBakeOven.class.getClassLoader()
            .getResourceAsStream(ConfigUtil.DEFAULT_CONFIG_FILE)) {
      if (stream == null) {
        throw new IllegalStateException("JBake's " + ConfigUtil.DEFAULT_CONFIG_FILE
            + " is not on the classpath");
      }
      settings.addConfiguration(properties(own));
      settings.addConfiguration(properties(new InputStreamReader(stream, StandardCharsets.UTF_8)));
    } catch (IOException | ConfigurationException e) {
      // Daybook wrote the file for this build (Staging): not the user's to mend.
      throw new UncheckedIOException(new IOException(
          project.resolve(ConfigUtil.CONFIG_FILE) + ": " + e.getMessage(), e));
    }
    return settings;
  }

  private static PropertiesConfiguration properties(Reader text)
      throws ConfigurationException, IOException {
    PropertiesConfiguration properties = new PropertiesConfiguration();
    properties.setListDelimiterHandler(new DefaultListDelimiterHandler(ConfigUtil.LIST_DELIMITER));
    properties.setIncludesAllowed(false);
    properties.setThrowExceptionOnMissing(true);
    properties.read(text);
    return properties;
  }

  /**
   * Parses one source file with JBake and renders it with the template of its type.
   *
   * @param source the Markdown file with a JBake header
   * @param path where it goes in the site ({@link SitePaths}), which sets its root path
   * @param extra values added to the document, e.g. the neighbours of a report
   * @return the page, or {@code null} for a draft (drafts are not published)
   * @throws SiteException naming the file when JBake cannot read or render it
   */
  String render(Path source, String path, Map<String, Object> extra) throws SiteException {
    DocumentModel document = parser.processFile(source.toFile());
    if (document == null) {
      throw new SiteException(source + ": JBake cannot read it (a header with title, type and"
          + " status, ended by ~~~~~~, is required)");
    }
    if (ModelAttributes.Status.DRAFT.equals(document.getStatus())) {
      return null;
    }
    if (document.getTitle() == null || document.getTitle().isBlank()) {
      // Every template makes the page's title and heading of it: say so before Freemarker fails.
      throw new SiteException(source + ": header has no 'title' (title=..., the page's title and"
          + " heading)");
    }
    return render(document, source, path, extra);
  }

  /**
   * Renders a parsed report with the template of its type: the document JBake's parser would make
   * of the file (its header's values, with {@code date} a date, and the body as HTML).
   *
   * @param source the report's file, named in errors
   */
  String render(ReportPage page, Path source, String path, Map<String, Object> extra)
      throws SiteException {
    DocumentModel document = DocumentModel.createDefaultDocumentModel();
    for (Map.Entry<String, String> value : page.header().values().entrySet()) {
      if (value.getKey().equals(ModelAttributes.DATE)) {
        try {
          document.setDate(new SimpleDateFormat(config.getDateFormat()).parse(value.getValue()));
        } catch (ParseException e) {
          throw new SiteException(source + ": date=" + value.getValue() + " is not a date ("
              + config.getDateFormat() + ")", e);
        }
      } else {
        document.put(value.getKey(), value.getValue());
      }
    }
    document.setBody(page.html());
    return render(document, source, path, extra);
  }

  private String render(DocumentModel document, Path source, String path,
      Map<String, Object> extra) throws SiteException {
    String template = config.getTemplateByDocType(document.getType());
    if (template == null) {
      throw new SiteException(source + ": unknown type=" + document.getType()
          + " (Daybook renders report and page)");
    }
    document.setUri(path);
    document.setRootPath(SitePaths.root(path));
    document.putAll(extra);
    TemplateModel model = new TemplateModel();
    model.setContent(document);
    model.setRenderer(templates);
    StringWriter page = new StringWriter(64 * 1024);
    try {
      templates.renderDocument(model, template, page);
    } catch (RenderingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new SiteException(source + " (page " + path + "): templates/" + template + ": "
          + message(cause), e);
    }
    return page.toString();
  }

  private static String message(Throwable e) {
    if (e instanceof freemarker.template.TemplateException t) {
      return t.getMessageWithoutStackTop();
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replace(File.separator + File.separator, File.separator);
  }
}
