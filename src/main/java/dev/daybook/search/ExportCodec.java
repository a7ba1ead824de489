package dev.daybook.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the static export ({@link StaticExport}) writes its values, and how the appending export
 * ({@link AppendExport}) reads back the ones it extends: packed number lists, doc sets and facet
 * codes. Both directions live here so that they cannot drift apart.
 */
final class ExportCodec {

  /** The digits of packed lists and of {@code facets.json}'s codes: printable, none escaped. */
  static final String DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

  private static final int[] VALUE = new int[128];

  static {
    Arrays.fill(VALUE, -1);
    for (int i = 0; i < DIGITS.length(); i++) {
      VALUE[DIGITS.charAt(i)] = i;
    }
  }

  private ExportCodec() {}

  /**
   * A list of non-negative numbers as a string of {@link #DIGITS}, written as they come: each
   * number in groups of 5 bits, least significant first, a digit from the upper half (32..63)
   * saying that more groups follow. Deltas, norms and frequencies mostly take one or two
   * characters where JSON numbers and commas take two to four.
   */
  static final class Packer {
    private byte[] digits = new byte[16];
    private int length;

    void add(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("a negative number: " + v);
      }
      if (length + 7 > digits.length) {
        digits = Arrays.copyOf(digits, 2 * digits.length + 7);
      }
      while (v >= 32) {
        digits[length++] = DIGIT_BYTES[32 + (v & 31)];
        v >>>= 5;
      }
      digits[length++] = DIGIT_BYTES[v];
    }

    /** The number of digits so far. */
    int length() {
      return length;
    }

    /** The list so far. */
    Packed packed() {
      return new Packed(Arrays.copyOf(digits, length));
    }

    @Override
    public String toString() {
      return new String(digits, 0, length, StandardCharsets.US_ASCII);
    }
  }

  private static final byte[] DIGIT_BYTES = DIGITS.getBytes(StandardCharsets.US_ASCII);

  /**
   * A packed list as the export writes it: a JSON string of its digits, which need no escapes,
   * so it is copied as it is (the packed lists are most of the bytes of a full export).
   */
  static final class Packed {
    static final Packed EMPTY = new Packed(new byte[0]);

    private final byte[] digits;

    Packed(byte[] digits) {
      this.digits = digits;
    }

    int length() {
      return digits.length;
    }

    byte[] digits() {
      return digits;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Packed p && Arrays.equals(digits, p.digits);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(digits);
    }

    @Override
    public String toString() {
      return new String(digits, StandardCharsets.US_ASCII);
    }
  }

  /**
   * Where the packed lists of a term's value are in its JSON, which is one list ({@code "..."})
   * or two ({@code ["...","..."]}): the start and end of each list's digits ({@link #lastDoc}
   * checks them where it reads them).
   *
   * @throws IllegalArgumentException when the JSON is not such a value
   */
  static int[] packedLists(byte[] json, int lists) {
    int n = json.length;
    int[] at;
    if (lists == 1 && n >= 2 && json[0] == '"' && json[n - 1] == '"') {
      at = new int[] {1, n - 1};
    } else if (lists == 2 && n >= 7 && json[0] == '[' && json[1] == '"' && json[n - 2] == '"'
        && json[n - 1] == ']') {
      int quote = 2;
      while (quote < n - 2 && json[quote] != '"') {
        quote++;
      }
      at = new int[] {2, quote, quote + 3, n - 2};
      if (quote + 3 > n - 2 || json[quote + 1] != ',' || json[quote + 2] != '"') {
        throw new IllegalArgumentException("not two packed lists");
      }
    } else {
      throw new IllegalArgumentException("not " + lists + " packed list(s)");
    }
    return at;
  }

  /**
   * The last doc id of the packed postings list in {@code json[from..to)}, whose entries are
   * {@code stride} numbers, the first a delta from the previous doc id (0 for an empty list).
   */
  static int lastDoc(byte[] json, int from, int to, int stride) {
    long last = 0;
    long v = 0;
    int shift = 0;
    int k = 0;
    for (int i = from; i < to; i++) {
      int c = json[i] < 0 ? -1 : VALUE[json[i]];
      if (c < 0) {
        throw new IllegalArgumentException("not a packed digit at " + i);
      }
      if (c >= 32) {
        v |= (long) (c - 32) << shift;
        shift += 5;
        if (shift > 30) {
          throw new IllegalArgumentException("a packed number too large");
        }
      } else {
        if (k == 0) {
          last += v | (long) c << shift;
        }
        // The place in the entry counted down, not k % stride: a division per number was most
        // of the time this took.
        k = k == stride - 1 ? 0 : k + 1;
        v = 0;
        shift = 0;
      }
    }
    if (shift != 0 || k != 0 || last > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("not a postings list of stride " + stride);
    }
    return (int) last;
  }

  /**
   * The JSON of a value of packed lists (as {@link #packedLists} finds them in {@code old}, or
   * none) with {@code added[i]} after list i: what Jackson writes for the string or the list of
   * two (the digits need no escapes).
   */
  static byte[] appendPacked(byte[] old, int[] lists, Packed[] added) {
    int count = added.length;
    int size = count == 1 ? 2 : 5 + 2;
    for (int i = 0; i < count; i++) {
      size += (old == null ? 0 : lists[2 * i + 1] - lists[2 * i]) + added[i].length();
    }
    byte[] out = new byte[size];
    int at = 0;
    if (count == 2) {
      out[at++] = '[';
    }
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      out[at++] = '"';
      if (old != null) {
        int len = lists[2 * i + 1] - lists[2 * i];
        System.arraycopy(old, lists[2 * i], out, at, len);
        at += len;
      }
      System.arraycopy(added[i].digits(), 0, out, at, added[i].length());
      at += added[i].length();
      out[at++] = '"';
    }
    if (count == 2) {
      out[at++] = ']';
    }
    return out;
  }

  /**
   * The severity and types of every doc, for counting facets: {@code combos}, the distinct
   * {@code [severity, [types]]}, and {@code codes}, per doc id {@code width} characters of
   * {@link #DIGITS} giving the index of its combo (most significant first).
   */
  static Map<String, Object> facetCodes(String[] combo) throws IOException {
    List<String> distinct = List.copyOf(new TreeSet<>(Arrays.asList(combo)));
    int width = 1;
    for (long cap = DIGITS.length(); cap < distinct.size(); cap *= DIGITS.length()) {
      width++;
    }
    StringBuilder codes = new StringBuilder();
    for (String c : combo) {
      facetCode(codes, Collections.binarySearch(distinct, c), width);
    }
    List<Object> combos = new ArrayList<>();
    for (String c : distinct) {
      combos.add(ExportJson.read(c.getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("combos", combos);
    out.put("width", width);
    out.put("codes", codes.toString());
    return out;
  }

  /** Appends the code of combo {@code k}: {@code width} digits, most significant first. */
  static void facetCode(StringBuilder codes, int k, int width) {
    char[] digits = new char[width];
    for (int w = width - 1; w >= 0; w--) {
      digits[w] = DIGITS.charAt(k % DIGITS.length());
      k /= DIGITS.length();
    }
    codes.append(digits);
  }

  /** The combo of every doc ({@code [severity, [types]]} as JSON) that {@link #facetCodes} wrote. */
  static List<String> facetCombos(Map<?, ?> facets) throws IOException {
    List<?> combos = (List<?>) facets.get("combos");
    int width = (Integer) facets.get("width");
    String codes = (String) facets.get("codes");
    if (width < 1 || codes.length() % width != 0) {
      throw new IllegalArgumentException("facet codes of width " + width);
    }
    List<String> distinct = new ArrayList<>();
    for (Object c : combos) {
      distinct.add(ExportJson.string(c));
    }
    List<String> out = new ArrayList<>(codes.length() / width);
    for (int at = 0; at < codes.length(); at += width) {
      int k = 0;
      for (int w = 0; w < width; w++) {
        int d = DIGITS.indexOf(codes.charAt(at + w));
        if (d < 0) {
          throw new IllegalArgumentException("not a facet digit: " + codes.charAt(at + w));
        }
        k = k * DIGITS.length() + d;
      }
      out.add(distinct.get(k));
    }
    return out;
  }

  /**
   * A set of doc ids as the JSON of whichever form is shortest (see {@link StaticExport}), the
   * first of {@code d}, {@code r}, {@code b} on a tie: the lengths are counted, and only the
   * form that wins is written.
   */
  static byte[] docSet(BitSet set) {
    // One pass over the runs counts both lists: in a run of consecutive ids every delta but
    // the first is 1, a digit.
    int deltas = 0; // the digits of [delta from the previous id, ...], then with their commas
    int runs = 0; // the same for [gap from the end of the previous run, length, ...]
    int count = 0;
    int numbers = 0;
    for (int s = set.nextSetBit(0), prevEnd = 0; s >= 0; s = set.nextSetBit(prevEnd)) {
      int end = set.nextClearBit(s);
      deltas += digits(s - Math.max(prevEnd - 1, 0)) + (end - s - 1);
      count += end - s;
      runs += digits(s - prevEnd) + digits(end - s);
      numbers += 2;
      prevEnd = end;
    }
    deltas += Math.max(0, count - 1);
    runs += Math.max(0, numbers - 1);
    int bits = 4 * (((set.length() + 7) / 8 + 2) / 3); // base64 of toByteArray(), padded
    if (deltas <= runs && deltas <= bits) {
      return ExportJson.bytes(json -> {
        json.writeStartObject();
        json.writeArrayFieldStart("d");
        int last = -1;
        for (int d = set.nextSetBit(0); d >= 0; d = set.nextSetBit(d + 1)) {
          json.writeNumber(d - Math.max(last, 0));
          last = d;
        }
        json.writeEndArray();
        json.writeEndObject();
      });
    }
    if (runs <= bits) {
      return ExportJson.bytes(json -> {
        json.writeStartObject();
        json.writeArrayFieldStart("r");
        for (int s = set.nextSetBit(0), prevEnd = 0; s >= 0; s = set.nextSetBit(prevEnd)) {
          int end = set.nextClearBit(s);
          json.writeNumber(s - prevEnd);
          json.writeNumber(end - s);
          prevEnd = end;
        }
        json.writeEndArray();
        json.writeEndObject();
      });
    }
    return ExportJson.bytes(Map.of("b", Base64.getEncoder().encodeToString(set.toByteArray())));
  }

  /** The number of decimal digits of a non-negative number. */
  private static int digits(int v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  /** The doc ids of a set {@link #docSet} wrote, in any of its three forms. */
  static BitSet readDocSet(byte[] json) {
    int n = json.length;
    if (n < 8 || json[0] != '{' || json[1] != '"' || json[3] != '"' || json[4] != ':'
        || json[n - 1] != '}') {
      throw new IllegalArgumentException("not a doc set");
    }
    byte form = json[2];
    if (form == 'b') {
      if (json[5] != '"' || json[n - 2] != '"') {
        throw new IllegalArgumentException("not a doc set");
      }
      return BitSet.valueOf(Base64.getDecoder().decode(Arrays.copyOfRange(json, 6, n - 2)));
    }
    if ((form != 'd' && form != 'r') || json[5] != '[' || json[n - 2] != ']') {
      throw new IllegalArgumentException("not a doc set");
    }
    BitSet set = new BitSet();
    int at = 6;
    int d = 0; // the last doc, or the end of the last run
    int start = -1; // the start of the run whose length comes next
    while (at < n - 2) {
      int v = 0;
      int from = at;
      for (; at < n - 2 && json[at] != ','; at++) {
        int digit = json[at] - '0';
        if (digit < 0 || digit > 9 || at - from > 9) {
          throw new IllegalArgumentException("not a doc set");
        }
        v = v * 10 + digit;
      }
      if (at == from || (at < n - 2 && ++at == n - 2)) {
        throw new IllegalArgumentException("not a doc set");
      }
      if (form == 'd') {
        d += v;
        set.set(d);
      } else if (start < 0) {
        start = d + v;
      } else {
        d = start + v;
        set.set(start, d);
        start = -1;
      }
    }
    if (start >= 0) {
      throw new IllegalArgumentException("a doc set run without a length");
    }
    return set;
  }
}
