package dev.daybook.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the static export: writes the values it is made of (strings, whole numbers,
 * doubles, booleans, null, lists, arrays and maps of them) byte for byte as Jackson's default
 * {@code ObjectMapper} does, and reads them back as Jackson's untyped reading does ({@link
 * LinkedHashMap}, {@link ArrayList}, {@link Integer} or {@link Long}, {@link Double}). Jackson
 * itself costs an incremental export more to load and warm up than the whole of its own work.
 */
final class ExportJson {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private ExportJson() {}

  /** JSON written before, given as it is. */
  record Raw(byte[] json) {}

  /** The JSON of a value. */
  static byte[] bytes(Object value) {
    Out out = new Out(64);
    out.value(value);
    return out.toByteArray();
  }

  /** The JSON of a value, as a string. */
  static String string(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  /** A growing byte buffer that values are written into. */
  static final class Out {
    private byte[] buf;
    private int size;

    Out(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + n));
      }
    }

    Out raw(int b) {
      room(1);
      buf[size++] = (byte) b;
      return this;
    }

    Out raw(byte[] bytes, int from, int length) {
      room(length);
      System.arraycopy(bytes, from, buf, size, length);
      size += length;
      return this;
    }

    Out raw(byte[] bytes) {
      return raw(bytes, 0, bytes.length);
    }

    /** Characters that are all ASCII and need no escape (packed lists, numbers). */
    Out ascii(String s) {
      int n = s.length();
      room(n);
      for (int i = 0; i < n; i++) {
        buf[size++] = (byte) s.charAt(i);
      }
      return this;
    }

    Out number(long v) {
      return ascii(Long.toString(v));
    }

    Out value(Object v) {
      if (v == null) {
        ascii("null");
      } else if (v instanceof String s) {
        string(s);
      } else if (v instanceof Integer || v instanceof Long || v instanceof Short
          || v instanceof Byte) {
        number(((Number) v).longValue());
      } else if (v instanceof Double || v instanceof Float) {
        ascii(v.toString());
      } else if (v instanceof Boolean b) {
        ascii(b ? "true" : "false");
      } else if (v instanceof ExportCodec.Packed p) {
        raw('"').raw(p.digits()).raw('"');
      } else if (v instanceof Raw r) {
        raw(r.json());
      } else if (v instanceof List<?> list) {
        raw('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            raw(',');
          }
          value(list.get(i));
        }
        raw(']');
      } else if (v instanceof Object[] array) {
        value(Arrays.asList(array));
      } else if (v instanceof Iterable<?> items) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        value(list);
      } else if (v instanceof Map<?, ?> map) {
        raw('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) {
            raw(',');
          }
          first = false;
          string(String.valueOf(e.getKey()));
          raw(':');
          value(e.getValue());
        }
        raw('}');
      } else {
        throw new IllegalArgumentException("not an export value: " + v.getClass());
      }
      return this;
    }

    /**
     * A string as Jackson writes it: '"' and '\' escaped, control characters as {@code \b \t \n
     * \f \r} or {@code \}{@code u00XX}, surrogates (paired or not) as {@code \}{@code uXXXX},
     * everything else as UTF-8.
     */
    Out string(String s) {
      int n = s.length();
      room(n + 2);
      buf[size++] = '"';
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          if (c >= 0x20 && c != '"' && c != '\\') {
            if (size == buf.length) {
              room(1);
            }
            buf[size++] = (byte) c;
          } else {
            escape(c);
          }
        } else if (c < 0x800) {
          room(2);
          buf[size++] = (byte) (0xC0 | (c >> 6));
          buf[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
          unicodeEscape(c);
        } else {
          room(3);
          buf[size++] = (byte) (0xE0 | (c >> 12));
          buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[size++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      return raw('"');
    }

    private void escape(char c) {
      char shortForm = switch (c) {
        case '"' -> '"';
        case '\\' -> '\\';
        case '\b' -> 'b';
        case '\t' -> 't';
        case '\n' -> 'n';
        case '\f' -> 'f';
        case '\r' -> 'r';
        default -> 0;
      };
      if (shortForm != 0) {
        raw('\\').raw(shortForm);
      } else {
        unicodeEscape(c);
      }
    }

    private void unicodeEscape(char c) {
      room(6);
      buf[size++] = '\\';
      buf[size++] = 'u';
      buf[size++] = HEX[c >> 12];
      buf[size++] = HEX[(c >> 8) & 0xF];
      buf[size++] = HEX[(c >> 4) & 0xF];
      buf[size++] = HEX[c & 0xF];
    }
  }

  /** The value of some JSON; rejects anything else with an {@link IllegalArgumentException}. */
  static Object read(byte[] json) {
    return read(json, 0, json.length);
  }

  /** The value of the JSON in {@code json[from..to)}. */
  static Object read(byte[] json, int from, int to) {
    Reader r = new Reader(json, from, to);
    Object v = r.value();
    r.space();
    if (r.at != to) {
      throw new IllegalArgumentException("bytes after a JSON value at " + r.at);
    }
    return v;
  }

  private static final class Reader {
    private final byte[] b;
    private final int end;
    private int at;

    Reader(byte[] b, int from, int to) {
      this.b = b;
      this.at = from;
      this.end = to;
    }

    void space() {
      while (at < end && (b[at] == ' ' || b[at] == '\n' || b[at] == '\r' || b[at] == '\t')) {
        at++;
      }
    }

    private byte peek() {
      if (at >= end) {
        throw new IllegalArgumentException("JSON cut short");
      }
      return b[at];
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + at);
      }
      at++;
    }

    Object value() {
      space();
      byte c = peek();
      switch (c) {
        case '"':
          return string();
        case '[': {
          at++;
          List<Object> list = new ArrayList<>();
          space();
          if (peek() == ']') {
            at++;
            return list;
          }
          while (true) {
            list.add(value());
            space();
            if (peek() == ',') {
              at++;
            } else {
              expect(']');
              return list;
            }
          }
        }
        case '{': {
          at++;
          Map<String, Object> map = new LinkedHashMap<>();
          space();
          if (peek() == '}') {
            at++;
            return map;
          }
          while (true) {
            space();
            String key = string();
            space();
            expect(':');
            map.put(key, value());
            space();
            if (peek() == ',') {
              at++;
            } else {
              expect('}');
              return map;
            }
          }
        }
        case 't':
          return word("true", Boolean.TRUE);
        case 'f':
          return word("false", Boolean.FALSE);
        case 'n':
          return word("null", null);
        default:
          return number();
      }
    }

    private Object word(String w, Object v) {
      for (int i = 0; i < w.length(); i++) {
        expect(w.charAt(i));
      }
      return v;
    }

    private Object number() {
      int start = at;
      boolean whole = true;
      while (at < end) {
        byte c = b[at];
        if (c >= '0' && c <= '9' || c == '-') {
          at++;
        } else if (c == '.' || c == 'e' || c == 'E' || c == '+') {
          whole = false;
          at++;
        } else {
          break;
        }
      }
      if (at == start) {
        throw new IllegalArgumentException("unexpected JSON at " + start);
      }
      String text = new String(b, start, at - start, StandardCharsets.US_ASCII);
      if (!whole) {
        return Double.parseDouble(text);
      }
      long v = Long.parseLong(text);
      return v == (int) v ? (Object) (int) v : (Object) v;
    }

    String string() {
      expect('"');
      int start = at;
      while (at < end && b[at] != '"' && b[at] != '\\') {
        at++;
      }
      if (peek() == '"') {
        return new String(b, start, at++ - start, StandardCharsets.UTF_8);
      }
      // Escapes: decode the run so far, then character by character.
      StringBuilder s = new StringBuilder(new String(b, start, at - start,
          StandardCharsets.UTF_8));
      while (peek() != '"') {
        if (b[at] != '\\') {
          int run = at;
          while (at < end && b[at] != '"' && b[at] != '\\') {
            at++;
          }
          s.append(new String(b, run, at - run, StandardCharsets.UTF_8));
          continue;
        }
        at++;
        byte e = peek();
        at++;
        switch (e) {
          case '"', '\\', '/' -> s.append((char) e);
          case 'b' -> s.append('\b');
          case 't' -> s.append('\t');
          case 'n' -> s.append('\n');
          case 'f' -> s.append('\f');
          case 'r' -> s.append('\r');
          case 'u' -> {
            if (at + 4 > end) {
              throw new IllegalArgumentException("JSON cut short");
            }
            s.append((char) Integer.parseInt(
                new String(b, at, 4, StandardCharsets.US_ASCII), 16));
            at += 4;
          }
          default -> throw new IllegalArgumentException("a bad escape at " + (at - 1));
        }
      }
      at++;
      return s.toString();
    }
  }
}
