package dev.daybook.site;

import dev.daybook.report.ReportHtml;
import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's Markdown engine replaced by commonmark-java, so that the pages beside the reports (the
 * about page) are rendered in the archive's dialect (JBake's own engine has GFM tables off and
 * needs flexmark). Reports reach JBake already parsed and rendered.
 */
final class CommonmarkEngine extends MarkupEngine {

  @Override
  public void processBody(ParserContext context) {
    context.setBody(ReportHtml.render(context.getBody()));
  }
}
