package dev.daybook.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the static export, with Jackson's streaming API: writes the values it is made of
 * (strings, whole numbers, doubles, booleans, null, lists, arrays and maps of them, packed lists
 * and JSON made before) and reads them back as Jackson's untyped reading does ({@link
 * LinkedHashMap}, {@link ArrayList}, {@link Integer} or {@link Long}, {@link Double}).
 */
final class ExportJson {

  /** Thread-safe; one for every export. */
  static final JsonFactory FACTORY = new JsonFactory();

  private ExportJson() {}

  /** JSON written before, given as it is. */
  record Raw(byte[] json) {}

  /** Writes JSON into a generator. */
  interface Writing {
    void write(JsonGenerator json) throws IOException;
  }

  /** The bytes a writing makes. */
  static byte[] bytes(Writing writing) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(256)) {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        writing.write(json);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory: nothing to fail but a bug
    }
  }

  /** The JSON of a value. */
  static byte[] bytes(Object value) {
    return bytes(json -> value(json, value));
  }

  /** The JSON of a value, as a string. */
  static String string(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  private static void value(JsonGenerator json, Object v) throws IOException {
    if (v == null) {
      json.writeNull();
    } else if (v instanceof String s) {
      json.writeString(s);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte) {
      json.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d) {
      json.writeNumber(d);
    } else if (v instanceof Float f) {
      json.writeNumber(f);
    } else if (v instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (v instanceof ExportCodec.Packed p) {
      // Packed digits are ASCII that needs no escape.
      json.writeRawUTF8String(p.digits(), 0, p.digits().length);
    } else if (v instanceof Raw r) {
      json.writeRawValue(new String(r.json(), StandardCharsets.UTF_8));
    } else if (v instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        value(json, item);
      }
      json.writeEndArray();
    } else if (v instanceof Object[] array) {
      value(json, Arrays.asList(array));
    } else if (v instanceof Iterable<?> items) {
      List<Object> list = new ArrayList<>();
      items.forEach(list::add);
      value(json, list);
    } else if (v instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        json.writeFieldName(String.valueOf(e.getKey()));
        value(json, e.getValue());
      }
      json.writeEndObject();
    } else {
      throw new IllegalArgumentException("not an export value: " + v.getClass());
    }
  }

  /** The value of some JSON; rejects anything else with an {@link IllegalArgumentException}. */
  static Object read(byte[] json) {
    return read(json, 0, json.length);
  }

  /** The value of the JSON in {@code json[from..to)}. */
  static Object read(byte[] json, int from, int to) {
    try (JsonParser parser = FACTORY.createParser(json, from, to - from)) {
      if (parser.nextToken() == null) {
        throw new IllegalArgumentException("no JSON value");
      }
      Object value = value(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("bytes after a JSON value at "
            + parser.currentLocation().getByteOffset());
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /** The value at the parser's current token. */
  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        return list;
      }
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, value(parser));
        }
        return map;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        long v = parser.getLongValue();
        return v == (int) v ? (Object) (int) v : (Object) v;
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("unexpected JSON " + token);
    }
  }
}
