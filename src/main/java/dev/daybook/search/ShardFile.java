package dev.daybook.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A JSON object the export wrote from a sorted map ({@code terms-N.json}, {@code pos-N.json}: term
 * to value; {@code field-F.json}: value to doc set), keys in {@link String} order, written
 * compactly by Jackson, read as its entries' byte ranges so that a new version can copy the
 * entries it keeps as they are and write only the ones it changes. Only for files the export
 * wrote (their CRC checked): anything else is rejected with an {@link IllegalArgumentException},
 * never guessed at.
 */
final class ShardFile {

  private final byte[] bytes;
  private final List<String> keys = new ArrayList<>();
  /** Where entry i starts (its key's quote) and where its value starts and ends. */
  private final List<int[]> ranges = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();

  ShardFile(byte[] bytes) throws IOException {
    this.bytes = bytes;
    int at = expect(0, '{');
    if (bytes[at] != '}') {
      while (true) {
        int keyStart = at;
        at = skipString(at);
        String key = key(keyStart, at);
        if (!keys.isEmpty() && keys.get(keys.size() - 1).compareTo(key) >= 0) {
          throw new IllegalArgumentException("shard keys out of order at " + keyStart);
        }
        at = expect(at, ':');
        int valueStart = at;
        at = skipValue(at);
        index.put(key, keys.size());
        keys.add(key);
        ranges.add(new int[] {keyStart, valueStart, at});
        if (bytes[at] == ',') {
          at++;
        } else {
          break;
        }
      }
    }
    if (expect(at, '}') != bytes.length) {
      throw new IllegalArgumentException("bytes after a shard's end");
    }
  }

  /** The keys, in order. */
  List<String> keys() {
    return List.copyOf(keys);
  }

  /** The JSON bytes of a term's value, or null when the shard does not hold it. */
  byte[] value(String key) {
    Integer i = index.get(key);
    if (i == null) {
      return null;
    }
    int[] r = ranges.get(i);
    return Arrays.copyOfRange(bytes, r[1], r[2]);
  }

  /**
   * The shard with these terms set to these values (their JSON; new terms added in their place),
   * every other entry copied byte for byte: what Jackson writes for the whole map.
   */
  byte[] with(SortedMap<String, byte[]> changed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256 * changed.size());
    out.write('{');
    boolean first = true;
    int i = 0;
    for (Map.Entry<String, byte[]> c : changed.entrySet()) {
      for (; i < keys.size() && keys.get(i).compareTo(c.getKey()) < 0; i++) {
        first = copy(out, i, first);
      }
      if (i < keys.size() && keys.get(i).equals(c.getKey())) {
        i++;
      }
      if (!first) {
        out.write(',');
      }
      // Jackson escapes a key as it does a string value.
      out.write(ExportJson.bytes(c.getKey()));
      out.write(':');
      out.write(c.getValue());
      first = false;
    }
    for (; i < keys.size(); i++) {
      first = copy(out, i, first);
    }
    out.write('}');
    return out.toByteArray();
  }

  private boolean copy(ByteArrayOutputStream out, int i, boolean first) {
    if (!first) {
      out.write(',');
    }
    int[] r = ranges.get(i);
    out.write(bytes, r[0], r[2] - r[0]);
    return false;
  }

  private String key(int start, int end) throws IOException {
    for (int k = start + 1; k < end - 1; k++) {
      if (bytes[k] == '\\') {
        return (String) ExportJson.read(bytes, start, end);
      }
    }
    return new String(bytes, start + 1, end - start - 2, StandardCharsets.UTF_8);
  }

  private int expect(int at, char c) {
    if (at >= bytes.length || bytes[at] != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + at + " of a shard");
    }
    return at + 1;
  }

  /** Past the string that starts at {@code at}. */
  private int skipString(int at) {
    at = expect(at, '"');
    while (at < bytes.length && bytes[at] != '"') {
      at += bytes[at] == '\\' ? 2 : 1;
    }
    return expect(at, '"');
  }

  /** Past the value (a string, a number, an array or an object) that starts at {@code at}. */
  private int skipValue(int at) {
    if (at >= bytes.length) {
      throw new IllegalArgumentException("a shard cut short");
    }
    if (bytes[at] == '"') {
      return skipString(at);
    }
    if (bytes[at] == '{') {
      at++;
      if (at < bytes.length && bytes[at] == '}') {
        return at + 1;
      }
      while (true) {
        at = expect(skipString(at), ':');
        at = skipValue(at);
        if (at < bytes.length && bytes[at] == ',') {
          at++;
        } else {
          return expect(at, '}');
        }
      }
    }
    if (bytes[at] == '[') {
      at++;
      if (at < bytes.length && bytes[at] == ']') {
        return at + 1;
      }
      while (true) {
        at = skipValue(at);
        if (at < bytes.length && bytes[at] == ',') {
          at++;
        } else {
          return expect(at, ']');
        }
      }
    }
    int start = at;
    while (at < bytes.length && (bytes[at] == '-' || (bytes[at] >= '0' && bytes[at] <= '9'))) {
      at++;
    }
    if (at == start) {
      throw new IllegalArgumentException("an unexpected value at " + start + " of a shard");
    }
    return at;
  }
}
