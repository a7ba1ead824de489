package dev.daybook.site;

import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's Markdown engine replaced by commonmark-java, so that pages are rendered in the dialect
 * the report parser reads (JBake's own engine has GFM tables off and needs flexmark).
 */
final class CommonmarkEngine extends MarkupEngine {

  private final ReportHtml html = new ReportHtml();

  @Override
  public void processBody(ParserContext context) {
    context.setBody(html.render(context.getBody()));
  }
}
