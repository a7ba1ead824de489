package dev.daybook.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the site publishes a file of the {@linkplain StaticExport static export}: compressed with
 * gzip, under its name and {@code .gz} ({@code search/meta.json.gz}). Only the search script
 * reads these files, and it inflates them itself ({@code assets/js/search.js}, {@code load}), so
 * the site stores about a quarter of the bytes; a host sends a {@code .gz} file as it is, so a
 * query downloads what it did when the host compressed the JSON on the way.
 *
 * <p>The same JSON gives the same bytes with the same Java runtime: its gzip writes no time or
 * name in the header (another runtime, or another zlib under it, may compress differently, and
 * the next build then writes the files again).
 */
public final class PublishedFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the site adds to the name of an export's file. */
  public static final String SUFFIX = ".gz";

  private PublishedFile() {}

  /** The site's name of the export's file {@code name}. */
  public static String name(String name) {
    return name + SUFFIX;
  }

  /** The bytes the site publishes for the export's file of these bytes. */
  public static byte[] compress(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      gz.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory: nothing to fail but a bug
    }
    return out.toByteArray();
  }

  /** The JSON of an export's file as the site published it ({@link #name}). */
  public static JsonNode readJson(Path published) throws IOException {
    try (InputStream in = open(published)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(published.toString()) ? e
          : new IOException(published + ": " + e.getMessage(), e);
    }
  }

  /** The export's file as the site published it ({@link #name}), inflated: its JSON. */
  public static InputStream open(Path published) throws IOException {
    InputStream in = Files.newInputStream(published);
    try {
      return new GZIPInputStream(in, 1 << 16);
    } catch (IOException e) {
      in.close();
      throw new IOException(published + ": not a gzip file as the export publishes ("
          + e.getMessage() + ")", e);
    }
  }
}
