package dev.daybook.report;

import dev.daybook.model.Severity;
import dev.daybook.text.Bidi;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The one Markdown dialect of the archive: commonmark-java with GFM tables. {@link ReportParser}
 * reads a report's structure from the document this parses, and the report's page is this
 * document rendered, so the page shows what the parser read. Reports are archive text that people
 * may edit, so raw HTML is shown as text, with two exceptions: the {@code <a id="…"></a>} anchor
 * that opens a heading becomes the heading's {@code id}, and {@code <br>} is a line break, as on
 * GitHub (model-written reports such as the reference use it inside table cells, where Markdown
 * has no other line break). Links keep only http, https, mailto, relative and {@code #fragment}
 * targets. On a report's page the low-importance commits are folded ({@link Fold}). Thread-safe.
 */
public final class ReportHtml {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Pattern OPEN_ANCHOR = Pattern.compile("<a id=\"([A-Za-z0-9_.-]{1,200})\">");
  private static final Pattern LINE_BREAK =
      Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
  private static final Pattern BLANKS_AND_CONTROLS = Pattern.compile("[\\x00-\\x20\\x7f]");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  // Block spans give the parser each block's lines; the renderer ignores them.
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
      .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private ReportHtml() {}

  /** Parses Markdown in the archive's dialect, with the source lines of every block. */
  public static Node parse(String markdown) {
    return PARSER.parse(markdown);
  }

  /** Parses and renders Markdown: a page that is not a report. */
  public static String render(String markdown) {
    return render(parse(markdown), null);
  }

  /**
   * Renders a parsed document (and changes it: heading anchors become ids, {@code <br>} a line
   * break, unsafe link targets empty).
   *
   * @param report the words of the report the document is, whose low-importance commits are
   *     shown folded; null for a page that is not a report
   */
  static String render(Node document, Vocabulary report) {
    Map<Node, String> ids = new IdentityHashMap<>();
    SafeUrls urls = new SafeUrls();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        takeAnchor(heading, ids);
        visitChildren(heading);
      }

      @Override
      public void visit(Link link) {
        link.setDestination(urls.sanitizeLinkUrl(link.getDestination()));
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        image.setDestination(urls.sanitizeImageUrl(image.getDestination()));
        visitChildren(image);
      }

      @Override
      public void visit(HtmlInline html) {
        if (LINE_BREAK.matcher(html.getLiteral()).matches()) {
          html.insertBefore(new HardLineBreak());
          html.unlink();
        }
      }

      @Override
      public void visit(Code code) {
        code.setLiteral(Bidi.balance(code.getLiteral())); // a path, as a hand may have written it
      }

      @Override
      public void visit(Paragraph paragraph) {
        isolateAuthor(paragraph);
        visitChildren(paragraph);
      }
    });
    // The links were made safe above: commonmark's own sanitizing would also mark every link,
    // the report's anchors included, rel="nofollow"; only links that leave the site are.
    if (report != null) {
      linkPullRequests(document, ids);
      markContents(document, ids);
      foldLowGroups(document, ids, report);
    }
    HtmlRenderer renderer = HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .nodeRendererFactory(SectionRenderer::new)
        .escapeHtml(true)
        .attributeProviderFactory(context -> (node, tag, attributes) -> {
          String id = ids.get(node);
          if (id != null) {
            attributes.put("id", id);
          }
          if (isData(node)) {
            attributes.put("dir", "auto"); // isolated, in the direction of its own letters
          }
          if (node instanceof Link link && SCHEME.matcher(link.getDestination()).find()) {
            attributes.put("rel", "nofollow");
          }
          if (node instanceof TableBlock table) {
            attributes.put("class", isCommitTable(table) ? "table commits" : "table");
          }
        })
        .build();
    return renderer.render(document);
  }

  /**
   * Whether a table is the one that lists a section's commits (or a day's repositories): the
   * first table under a {@code ##} heading, after the section's day summary if it has one (text
   * and lists, never a table or a heading). The stylesheet lays it out apart, as cards on a phone.
   */
  private static boolean isCommitTable(TableBlock table) {
    for (Node before = table.getPrevious(); before != null; before = before.getPrevious()) {
      if (before instanceof Heading h) {
        return h.getLevel() == 2;
      }
      if (before instanceof TableBlock || before instanceof ThematicBreak) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether a node shows data as a whole, which its element isolates: a commit's title (its
   * heading, its link in the commit table and the contents) or a code span (a path), unless it
   * is plain ASCII, which needs no isolating ({@link Bidi#plainAscii}).
   */
  private static boolean isData(Node node) {
    boolean data = node instanceof Heading h && h.getLevel() == 4
        || node instanceof Link link && link.getDestination().startsWith("#")
        || node instanceof Code;
    return data && !Bidi.plainAscii(literals(node, new StringBuilder()).toString());
  }

  /** The text a node shows: its own literal and its descendants'. */
  private static StringBuilder literals(Node node, StringBuilder text) {
    if (node instanceof Text t) {
      text.append(t.getLiteral());
    } else if (node instanceof Code c) {
      text.append(c.getLiteral());
    } else if (node instanceof HtmlInline h) {
      text.append(h.getLiteral()); // shown as text: raw HTML is escaped
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      literals(child, text);
    }
    return text;
  }

  /**
   * Isolates the author's name in a commit's line of who and when ({@code 👤 name · 🕐 time}),
   * so that a name in a right-to-left script, or holding bidirectional controls, leaves the time
   * after it in its order.
   */
  private static void isolateAuthor(Paragraph paragraph) {
    if (!(paragraph.getFirstChild() instanceof Text text) || text.getNext() != null) {
      return;
    }
    String line = text.getLiteral();
    int end = line.lastIndexOf(ReportWriter.TIME_MARK);
    if (!line.startsWith(ReportWriter.AUTHOR_MARK) || end < ReportWriter.AUTHOR_MARK.length()) {
      return;
    }
    Isolate name = new Isolate();
    name.appendChild(new Text(Bidi.balance(
        line.substring(ReportWriter.AUTHOR_MARK.length(), end))));
    text.insertBefore(new Text(ReportWriter.AUTHOR_MARK));
    text.insertBefore(name);
    text.setLiteral(line.substring(end));
  }

  /**
   * Links each {@code #N} in a commit's text to pull request N of its repository, which the link
   * of the commit's SHA line names (a commit heading's own {@code #N} is linked in the report).
   */
  private static void linkPullRequests(Node document, Map<Node, String> ids) {
    String repository = null;
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof Heading && ids.containsKey(block)) {
        repository = null; // a commit, a group or a repository begins
      } else if (repository == null) {
        repository = commitRepository(block);
      } else {
        String linkTo = repository;
        block.accept(new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            linkNumbers(text, linkTo);
          }

          @Override
          public void visit(Link link) {
            // a link's text is linked already
          }
        });
      }
    }
  }

  /** The repository named by the commit link of a SHA line, else null. */
  private static String commitRepository(Node block) {
    if (!(block instanceof Paragraph)) {
      return null;
    }
    for (Node n = block.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Link link) {
        return PullRequests.repository(link.getDestination());
      }
    }
    return null;
  }

  /** Splits a text node around each {@code #N}, which becomes a link. */
  private static void linkNumbers(Text text, String repository) {
    String literal = text.getLiteral();
    Matcher m = PullRequests.NUMBER.matcher(literal);
    int from = 0;
    while (m.find()) {
      if (m.start() > from) {
        text.insertBefore(new Text(literal.substring(from, m.start())));
      }
      Link link = new Link(PullRequests.link(repository, m.group(1)), null);
      link.appendChild(new Text(m.group()));
      text.insertBefore(link);
      from = m.end();
    }
    if (from > 0) {
      if (from < literal.length()) {
        text.insertBefore(new Text(literal.substring(from)));
      }
      text.unlink();
    }
  }

  /**
   * Puts the commits of each low-importance group (what follows a {@code ### …-low} heading, up to
   * the next heading of a group or a repository) into a {@link Fold}: a long day stays short to
   * scroll, and a link to a folded commit opens its fold (browsers open a {@code <details>} that
   * holds the target of the address's fragment).
   */
  private static void foldLowGroups(Node document, Map<Node, String> ids, Vocabulary words) {
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      String id = ids.get(node);
      if (!(node instanceof Heading group && group.getLevel() == 3 && id != null
          && id.endsWith("-" + Severity.LOW.key()))) {
        continue;
      }
      Fold fold = new Fold();
      int commits = 0;
      Node next = group.getNext();
      while (next != null && !(next instanceof Heading h && h.getLevel() <= 3)) {
        Node moved = next;
        next = next.getNext();
        commits += moved instanceof Heading h && h.getLevel() == 4 ? 1 : 0;
        fold.appendChild(moved);
      }
      fold.summary = words.showFolded(commits);
      group.insertAfter(fold);
      node = fold;
    }
  }

  /**
   * Puts the table of contents (a heading without anchor that names it, and the list after it)
   * into a {@link Contents}, which the page's stylesheet can keep in view beside a long report.
   */
  private static void markContents(Node document, Map<Node, String> ids) {
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading && heading.getLevel() == 3 && !ids.containsKey(node)
          && heading.getNext() instanceof BulletList list
          && Labels.isContents(Labels.key(textOf(heading)))) {
        Contents contents = new Contents();
        contents.label = Labels.words(textOf(heading));
        heading.insertBefore(contents);
        contents.appendChild(heading);
        contents.appendChild(list);
        node = contents;
      }
    }
  }

  /** The text of a node's Text children, e.g. a heading's words. */
  private static String textOf(Node node) {
    StringBuilder text = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        text.append(t.getLiteral());
      }
    }
    return text.toString();
  }

  /** Blocks shown folded, under a summary that opens them. */
  static final class Fold extends CustomBlock {
    String summary;
  }

  /** Data shown among fixed words, isolated from them: {@code <bdi>}. */
  static final class Isolate extends CustomNode {}

  /** A report's table of contents: its heading and its list. */
  static final class Contents extends CustomBlock {
    String label;
  }

  /**
   * Renders a {@link Fold} as {@code <details>}, {@link Contents} as {@code <nav>}, an {@link
   * Isolate} as {@code <bdi>}.
   */
  private static final class SectionRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    SectionRenderer(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Fold.class, Contents.class, Isolate.class);
    }

    @Override
    public void render(Node node) {
      HtmlWriter html = context.getWriter();
      if (node instanceof Isolate) {
        html.tag("bdi");
        context.render(node.getFirstChild());
        html.tag("/bdi");
        return;
      }
      html.line();
      if (node instanceof Fold fold) {
        html.tag("details", Map.of("class", "fold"));
        html.tag("summary");
        html.text(fold.summary);
        html.tag("/summary");
        html.line();
      } else {
        Map<String, String> attributes = new LinkedHashMap<>(); // in this order, every time
        attributes.put("class", "toc");
        attributes.put("aria-label", ((Contents) node).label);
        html.tag("nav", attributes);
      }
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      html.tag(node instanceof Fold ? "/details" : "/nav");
      html.line();
    }
  }

  /** Moves a leading {@code <a id="x"></a>} pair of a heading into its id. */
  private static void takeAnchor(Heading heading, Map<Node, String> ids) {
    Node first = heading.getFirstChild();
    if (first instanceof HtmlInline open && first.getNext() instanceof HtmlInline close
        && close.getLiteral().equals("</a>")) {
      Matcher m = OPEN_ANCHOR.matcher(open.getLiteral());
      if (m.matches()) {
        ids.put(heading, m.group(1));
        open.unlink();
        close.unlink();
      }
    }
  }

  /** Keeps web, mail, relative and fragment links; anything else becomes an empty link. */
  static final class SafeUrls implements UrlSanitizer {
    @Override
    public String sanitizeLinkUrl(String url) {
      String trimmed = url.strip();
      // Control characters and spaces can hide a scheme from naive checks: "java\tscript:".
      String compact = BLANKS_AND_CONTROLS.matcher(trimmed).replaceAll("");
      Matcher scheme = SCHEME.matcher(compact);
      if (scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
        return "";
      }
      return trimmed;
    }

    @Override
    public String sanitizeImageUrl(String url) {
      return ""; // reports have no images; none is fetched from elsewhere
    }
  }
}
