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
 * How the static export ({@link StaticExport}) writes its values: packed number lists, doc sets
 * and facet codes ({@code assets/js/search.js} reads them).
 */
final class ExportCodec {

  /** The digits of packed lists and of {@code facets.json}'s codes: printable, none escaped. */
  static final String DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

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

  /** The numbers of a packed list as the export wrote it. */
  static int[] unpack(String packed) {
    return unpack(new Packed(packed.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The numbers of a packed list, as {@link Packer} was given them. */
  static int[] unpack(Packed packed) {
    byte[] digits = packed.digits();
    int[] out = new int[digits.length];
    int n = 0;
    int v = 0;
    int shift = 0;
    for (byte b : digits) {
      int c = DIGIT_VALUES[b];
      if (c >= 32) {
        v |= (c - 32) << shift;
        shift += 5;
        continue;
      }
      out[n++] = v | c << shift;
      v = 0;
      shift = 0;
    }
    return Arrays.copyOf(out, n);
  }

  private static final int[] DIGIT_VALUES = new int[128];

  static {
    for (int i = 0; i < DIGITS.length(); i++) {
      DIGIT_VALUES[DIGITS.charAt(i)] = i;
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

}
