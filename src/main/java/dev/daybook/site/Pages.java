package dev.daybook.site;

import java.io.IOException;

/**
 * Where the renderers hand the files of the site. A renderer never writes the output itself: it
 * says what a page is made from (a {@link Digests digest} of its inputs) and how to make it, and
 * the build decides whether to make it or keep the one it made from the same inputs last time,
 * and where the bytes go. Called from every core.
 */
public interface Pages {

  /** Makes a page's text; called only when the page must be made. */
  interface Maker {
    String make() throws IOException, SiteException;
  }

  /**
   * A page at a site path whose bytes depend only on inputs with digest {@code key}.
   *
   * @param make its text, or null for no page (a draft)
   * @return whether the site has the page (kept or made; false for a draft)
   */
  boolean page(String path, String key, Maker make) throws IOException, SiteException;

  /** A file whose bytes are at hand (a copied asset): no key, no making. */
  void file(String path, byte[] bytes) throws IOException;
}
