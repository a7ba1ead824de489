package dev.daybook.search;

import dev.daybook.search.StaticExport.Previous;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * The export of an index that, since the last export, only gained documents at the end of the
 * export's id order (a new day's commits): the files those documents touch are made again from
 * the last export's files (as it saved them, {@link StaticExport.Sink#save}) plus the new
 * documents' postings, the others are kept. The bytes are
 * those {@link StaticExport#writeAll} gives, or there is no plan at all ({@link #plan} returns
 * null) and the caller makes the full export.
 *
 * <p>What must hold, checked before anything is given to the sink: the last export's state
 * ({@link ExportState}) is of this format and of an index of the same schema; the first {@code
 * docs} documents of the index in export order are all the documents of the report files it was
 * made from ({@link ExportOrder#digests}: a report's key names its bytes), so their ids,
 * postings, norms, positions and shown values are unchanged; no two documents tie in that order
 * and every document names its report; every file the
 * plan reads has the size and CRC the state recorded and every file it keeps the size; the shard
 * counts the new byte totals give are the old ones.
 *
 * <p>What is made again: for every term of the new documents (found per segment, through the
 * postings of the segments that hold new documents), its old value with the new documents'
 * postings appended (their ids are larger than any old one), in its shard or {@code big-K.json};
 * the {@code big-K.json} that a newly spilled term shifts to a new K, and the shards that name
 * them; the last docs chunk and the new ones; {@code meta.json}, {@code facets.json} and the
 * {@code field-F.json}.
 */
final class AppendExport {

  /** One file of the plan: made again ({@code bytes}) or kept. */
  private record Step(String name, byte[] bytes, ExportState.Sum kept) {}

  private final List<Step> steps;
  private final ExportState next;

  private AppendExport(List<Step> steps, ExportState next) {
    this.steps = steps;
    this.next = next;
  }

  /** Gives the plan's files to {@code out}; returns the new state. */
  ExportState write(StaticExport.Output out) throws IOException {
    for (Step s : steps) {
      if (s.bytes() != null) {
        out.file(s.name(), s.bytes());
      } else {
        out.keep(s.name(), s.kept());
      }
    }
    return next.withFiles(out.files);
  }

  /**
   * The plan that extends the last export to this index, or null when it cannot be proven to
   * give the bytes of a full export (see the class comment).
   */
  static AppendExport plan(DirectoryReader reader, ExportOrder order, ExportState last,
      Previous previous) {
    try {
      return new Planner(reader, order, last, previous).plan();
    } catch (IOException | RuntimeException e) {
      // A file of the last export that cannot be read or is not what the state says: the
      // full export makes everything again.
      return null;
    }
  }

  /**
   * Whether these are the file names a full export of this layout writes. Each name is checked
   * against the layout rather than all of them made and compared: ten thousand strings built,
   * sorted and looked up took longer than the rest of the check.
   */
  static boolean isLayout(Set<String> names, int docs, int shards, int posShards, int big) {
    int chunks = (docs + StaticExport.CHUNK - 1) / StaticExport.CHUNK;
    int words = (int) names.stream().filter(AppendExport::isWordsFile).count();
    if (names.size() != 2 + StaticExport.FIELD_FILES.size() + shards + posShards + big + chunks
        + words) {
      return false;
    }
    // Distinct names, each one of the layout's, as many as it has: the same set.
    for (String name : names) {
      boolean ok = switch (name.substring(0, Math.max(0, name.indexOf('-')))) {
        case "terms" -> numbered(name, "terms-", shards);
        case "pos" -> numbered(name, "pos-", posShards);
        case "big" -> numbered(name, "big-", big);
        case "docs" -> numbered(name, "docs-", chunks);
        case "words" -> isWordsFile(name);
        case "field" -> StaticExport.FIELD_FILES.contains(
            name.substring("field-".length(), Math.max("field-".length(), name.length() - 5)))
            && name.endsWith(".json");
        default -> name.equals("meta.json") || name.equals("facets.json");
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a name is that of a file of the spelling vocabulary, {@code words-Ln.json}: any
   * number of them may be in the layout, as the archive's words are (an update makes them all
   * again).
   */
  private static boolean isWordsFile(String name) {
    if (!name.startsWith("words-") || name.length() < "words-a2.json".length()) {
      return false;
    }
    char letter = name.charAt("words-".length());
    String rest = "words-" + letter;
    if (letter < 'a' || letter > 'z' || !numbered(name, rest, TextAnalysis.MAX_SPELLED + 1)) {
      return false;
    }
    int n = Integer.parseInt(name.substring(rest.length(), name.length() - ".json".length()));
    return n >= 2;
  }

  /** Whether a name is {@code prefix}, a number below {@code count} as written, {@code .json}. */
  private static boolean numbered(String name, String prefix, int count) {
    int end = name.length() - ".json".length();
    if (end <= prefix.length() || !name.endsWith(".json")
        || name.charAt(prefix.length()) == '0' && end > prefix.length() + 1
        || end - prefix.length() > 9) {
      return false;
    }
    int n = 0;
    for (int i = prefix.length(); i < end; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      n = n * 10 + (c - '0');
    }
    return n < count;
  }

  /** Terms of {@code terms-N} spill before those of {@code pos-N}, each in term order. */
  private static final Comparator<String> BIG_ORDER = Comparator
      .<String>comparingInt(name -> name.charAt(0) == 't' ? 0 : 1)
      .thenComparing(name -> name.substring(1));

  private static final class Planner {
    private final DirectoryReader reader;
    private final ExportOrder order;
    private final ExportState last;
    private final Previous previous;
    private final int n;
    private final int old;
    private final Map<String, Integer> oldBig = new HashMap<>();
    /**
     * Per touched text or keyword term ({@code t} + term), the last doc id of each postings list
     * that gained documents; -1 for a list that did not.
     */
    private final Map<String, int[]> lastIds = new HashMap<>();
    private final Map<String, ShardFile> shardFiles = new HashMap<>();
    /** Per text term of the new documents, per field (title, body): {id, norm, freq, pos...}. */
    private final Map<String, List<int[]>[]> text = new TreeMap<>();
    /** Per keyword term ({@code author:x}, {@code path:x}) of the new documents: their ids. */
    private final Map<String, List<Integer>> keywords = new TreeMap<>();
    /** Per {@code sha:xxxx} of the new documents: id to the next three digits. */
    private final Map<String, TreeMap<Integer, String>> shas = new TreeMap<>();
    /** The facets of the new documents (old ones are in the last export's files). */
    private final ExportFacets facets = new ExportFacets();
    /** The facet combo of each new document, in id order. */
    private final List<String> combos = new ArrayList<>();
    /** The shown values of the documents from {@link #chunkStart} on. */
    private final List<Object[]> shown = new ArrayList<>();
    /** The first document of the first docs chunk made again. */
    private final int chunkStart;

    Planner(DirectoryReader reader, ExportOrder order, ExportState last, Previous previous) {
      this.reader = reader;
      this.order = order;
      this.last = last;
      this.previous = previous;
      this.n = order.size();
      this.old = last.docs();
      this.chunkStart = n == old ? n : old / StaticExport.CHUNK * StaticExport.CHUNK;
    }

    AppendExport plan() throws IOException {
      List<String> digests = lastExportHolds();
      if (digests == null) {
        return null;
      }
      readNewDocuments();
      collectPostings();
      // New values of the touched terms (their JSON), and what they change in the byte totals.
      long[] totals = {last.termsTotal(), last.posTotal()};
      Map<String, byte[]> values = new TreeMap<>(); // tag + term -> its new value
      appendText(values, totals);
      appendKeywords(values, totals);
      appendShas(values, totals);
      int shards = last.shards();
      int posShards = last.posShards();
      if (StaticExport.shardCount(totals[0]) != shards
          || StaticExport.shardCount(totals[1]) != posShards) {
        return null; // every term moves: the full export
      }

      List<String> big = spilled(values);
      Map<String, SortedMap<String, byte[]>> changed = new TreeMap<>(); // shard -> new entries
      List<Step> bigSteps = bigFiles(big, values, changed, shards, posShards);
      for (Map.Entry<String, byte[]> v : values.entrySet()) {
        String name = v.getKey();
        if (v.getValue().length <= StaticExport.BIG) {
          changed.computeIfAbsent(shardFile(name, shards, posShards), f -> new TreeMap<>())
              .put(name.substring(1), v.getValue());
        }
      }
      List<Step> steps = files(changed, bigSteps, shards, posShards);
      if (steps == null) {
        return null;
      }
      return new AppendExport(steps, new ExportState(last.schema(), n, digests.get(1), shards,
          posShards, totals[0], totals[1], big, bigLast(big, values), Map.of()));
    }

    /**
     * Every file of the export, in the full export's order, made again or kept; null when a file
     * to keep is not in the published site as the state recorded it.
     */
    private List<Step> files(Map<String, SortedMap<String, byte[]>> changed, List<Step> bigSteps,
        int shards, int posShards) throws IOException {
      List<Step> steps = new ArrayList<>();
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<String, ShardFile> fieldFiles = new TreeMap<>();
      ExportFacets all = new ExportFacets();
      for (String f : StaticExport.FIELD_FILES) {
        fieldFiles.put(f, new ShardFile(read(StaticExport.fieldFile(f))));
      }
      for (Map.Entry<String, Set<String>> e : Map.<String, Set<String>>of("repo", all.repos,
          "severity", all.severities, "type", all.types, "year", all.years).entrySet()) {
        e.getValue().addAll(fieldFiles.get(e.getKey()).keys());
        e.getValue().addAll(facets.sets.get(e.getKey()).keySet());
      }
      // The vocabulary is small beside the postings: made again whole, it is what a full export
      // makes; a file whose bytes the state already has is kept.
      StaticExport.Vocabulary vocabulary = StaticExport.Vocabulary.of(reader);
      steps.add(made("meta.json", StaticExport.meta(searcher, n, shards, posShards, all,
          vocabulary)));
      for (int s = 0; s < shards; s++) {
        steps.add(shardStep(StaticExport.termsFile(s), changed));
      }
      for (int s = 0; s < posShards; s++) {
        steps.add(shardStep(StaticExport.posFile(s), changed));
      }
      steps.addAll(bigSteps);
      steps.add(new Step("facets.json", facetCodes(combos), null));
      for (String f : StaticExport.FIELD_FILES) {
        steps.add(new Step(StaticExport.fieldFile(f), fieldFile(fieldFiles.get(f),
            facets.sets.get(f)), null));
      }
      for (Map.Entry<String, Object> w : vocabulary.files().entrySet()) {
        byte[] bytes = ExportJson.bytes(w.getValue());
        boolean same = ExportState.Sum.of(w.getKey(), bytes).equals(last.files().get(w.getKey()));
        steps.add(same ? keep(w.getKey()) : new Step(w.getKey(), bytes, null));
      }
      int chunk = StaticExport.CHUNK;
      for (int c = 0; c * chunk < n; c++) {
        if (c * chunk < chunkStart) {
          steps.add(keep(StaticExport.docsFile(c)));
        } else {
          int from = c * chunk - chunkStart;
          steps.add(made(StaticExport.docsFile(c),
              shown.subList(from, Math.min(n - chunkStart, from + chunk))));
        }
      }
      for (Step s : steps) {
        if (s.bytes() == null && !previous.has(s.name(), s.kept().size())) {
          return null;
        }
      }
      return steps;
    }

    /**
     * Whether the last export is one this plan can extend (see the class comment); returns the
     * digests of the old and of all reports' keys ({@link ExportOrder#digests}), or null.
     */
    private List<String> lastExportHolds() throws IOException {
      if (last.schema().isEmpty() || !last.schema().equals(StaticExport.schema(reader))
          || order.ties || !order.reportsKnown() || old < 1 || n < old
          || !isLayout(last.files().keySet(), old, last.shards(), last.posShards(),
              last.big().size())) {
        return null;
      }
      List<String> digests = order.digests(old, n);
      if (!digests.get(0).equals(last.digest())) {
        return null;
      }
      for (int k = 0; k < last.big().size(); k++) {
        String name = last.big().get(k);
        if (k > 0 && BIG_ORDER.compare(last.big().get(k - 1), name) >= 0) {
          return null;
        }
        oldBig.put(name, k);
      }
      return digests;
    }

    /**
     * Reads the new documents' stored values: their facets and SHA prefixes, and the shown values
     * of the docs chunks from the last one the old documents end in.
     */
    private void readNewDocuments() throws IOException {
      StoredFields stored = reader.storedFields();
      for (int e = chunkStart; e < n; e++) {
        Document doc = stored.document(order.doc[e]);
        shown.add(StaticExport.shown(doc));
        if (e < old) {
          continue;
        }
        combos.add(facets.add(doc, e));
        StaticExport.addSha(shas, doc, e);
      }
    }

    /** Appends the new documents' postings and positions to each text term they hold. */
    private void appendText(Map<String, byte[]> values, long[] totals) throws IOException {
      for (Map.Entry<String, List<int[]>[]> e : text.entrySet()) {
        String term = e.getKey();
        byte[] oldTerm = oldValue("t", term, totals);
        byte[] oldPos = oldValue("p", term, totals);
        int[] termLists = oldTerm == null ? null : ExportCodec.packedLists(oldTerm, 2);
        ExportCodec.Packed[] postings = {ExportCodec.Packed.EMPTY, ExportCodec.Packed.EMPTY};
        ExportCodec.Packed[] pos = {ExportCodec.Packed.EMPTY, ExportCodec.Packed.EMPTY};
        for (int slot = 0; slot < 2; slot++) {
          List<int[]> added = e.getValue()[slot];
          if (added == null) {
            continue;
          }
          added.sort(Comparator.comparingInt(a -> a[0]));
          ExportCodec.Packer list = new ExportCodec.Packer();
          ExportCodec.Packer p = new ExportCodec.Packer();
          int lastDoc = oldTerm == null ? 0 : oldLastDoc("t" + term, oldTerm, termLists, slot, 3);
          for (int[] a : added) {
            list.add(a[0] - lastDoc);
            lastDoc = a[0];
            list.add(a[1]);
            list.add(a[2]);
            int lastPos = 0;
            for (int k = 0; k < a[2]; k++) {
              p.add(a[3 + k] - lastPos);
              lastPos = a[3 + k];
            }
          }
          postings[slot] = list.packed();
          lastIds.computeIfAbsent("t" + term, k -> new int[] {-1, -1})[slot] = lastDoc;
          pos[slot] = p.packed();
        }
        totals[0] += add(values, "t", term, ExportCodec.appendPacked(oldTerm, termLists,
            postings));
        totals[1] += add(values, "p", term, ExportCodec.appendPacked(oldPos,
            oldPos == null ? null : ExportCodec.packedLists(oldPos, 2), pos));
      }
    }

    /** Appends the new documents' ids to each keyword term they hold. */
    private void appendKeywords(Map<String, byte[]> values, long[] totals) throws IOException {
      for (Map.Entry<String, List<Integer>> e : keywords.entrySet()) {
        byte[] before = oldValue("t", e.getKey(), totals);
        int[] lists = before == null ? null : ExportCodec.packedLists(before, 1);
        List<Integer> added = e.getValue();
        added.sort(null);
        ExportCodec.Packer list = new ExportCodec.Packer();
        int lastDoc = before == null ? 0 : oldLastDoc("t" + e.getKey(), before, lists, 0, 1);
        for (int id : added) {
          list.add(id - lastDoc);
          lastDoc = id;
        }
        lastIds.put("t" + e.getKey(), new int[] {lastDoc, -1});
        totals[0] += add(values, "t", e.getKey(), ExportCodec.appendPacked(before, lists,
            new ExportCodec.Packed[] {list.packed()}));
      }
    }

    /** Appends the new documents' ids and next digits to each {@code sha:xxxx} they hold. */
    private void appendShas(Map<String, byte[]> values, long[] totals) throws IOException {
      for (Map.Entry<String, TreeMap<Integer, String>> e : shas.entrySet()) {
        byte[] raw = oldValue("t", e.getKey(), totals);
        List<?> before = raw == null ? null : (List<?>) ExportJson.read(raw);
        List<Object> deltas = new ArrayList<>(before == null ? List.of() : (List<?>) before.get(0));
        List<Object> rest = new ArrayList<>(before == null ? List.of() : (List<?>) before.get(1));
        int lastDoc = 0;
        for (Object d : deltas) {
          lastDoc += (Integer) d;
        }
        oldLast(lastDoc);
        for (Map.Entry<Integer, String> a : e.getValue().entrySet()) {
          deltas.add(a.getKey() - lastDoc);
          lastDoc = a.getKey();
          rest.add(a.getValue());
        }
        totals[0] += add(values, "t", e.getKey(),
            ExportJson.bytes(List.of(deltas, rest)));
      }
    }

    /** The spilled terms: the old ones and those that grew past BIG, in the full export's order. */
    private List<String> spilled(Map<String, byte[]> values) {
      TreeSet<String> bigNames = new TreeSet<>(BIG_ORDER);
      bigNames.addAll(last.big());
      for (Map.Entry<String, byte[]> v : values.entrySet()) {
        if (v.getValue().length > StaticExport.BIG) {
          bigNames.add(v.getKey());
        }
      }
      return List.copyOf(bigNames);
    }

    /**
     * The {@code big-K.json} files: a grown term's new value, a kept file, or an old file moved to
     * a new K; a term whose K changed is named again in its shard ({@code changed}).
     */
    private List<Step> bigFiles(List<String> big, Map<String, byte[]> values,
        Map<String, SortedMap<String, byte[]>> changed, int shards, int posShards)
        throws IOException {
      List<Step> bigSteps = new ArrayList<>();
      for (int k = 0; k < big.size(); k++) {
        String name = big.get(k);
        Integer was = oldBig.get(name);
        String bigFile = StaticExport.bigFile(k);
        if (values.containsKey(name)) {
          bigSteps.add(new Step(bigFile, values.get(name), null));
        } else if (was != null && was == k) {
          bigSteps.add(keep(bigFile));
        } else {
          bigSteps.add(new Step(bigFile, read(StaticExport.bigFile(was)), null));
        }
        if (was == null || was != k) {
          changed.computeIfAbsent(shardFile(name, shards, posShards), f -> new TreeMap<>())
              .put(name.substring(1), Integer.toString(k).getBytes(StandardCharsets.US_ASCII));
        }
      }
      return bigSteps;
    }

    /**
     * {@code facets.json} with the combos of the new documents: their codes appended when the
     * old combos hold them all, else made again from every document's combo.
     */
    private byte[] facetCodes(List<String> added) throws IOException {
      @SuppressWarnings("unchecked")
      Map<String, Object> facets = (Map<String, Object>) json("facets.json");
      List<String> distinct = new ArrayList<>();
      for (Object c : (List<?>) facets.get("combos")) {
        distinct.add(ExportJson.string(c));
      }
      int width = (Integer) facets.get("width");
      String codes = (String) facets.get("codes");
      if (codes.length() != old * width) {
        throw new IllegalStateException("facet codes of " + codes.length() / width + " docs");
      }
      if (!distinct.containsAll(added)) {
        List<String> combos = new ArrayList<>(ExportCodec.facetCombos(facets));
        combos.addAll(added);
        return ExportJson.bytes(ExportCodec.facetCodes(combos.toArray(new String[0])));
      }
      StringBuilder more = new StringBuilder(codes);
      for (String c : added) {
        ExportCodec.facetCode(more, distinct.indexOf(c), width);
      }
      facets.put("codes", more.toString());
      return ExportJson.bytes(facets);
    }

    /** A {@code field-F.json} with the new documents' ids added to the sets of their values. */
    private static byte[] fieldFile(ShardFile before, Map<String, BitSet> added)
        throws IOException {
      SortedMap<String, byte[]> changed = new TreeMap<>();
      for (Map.Entry<String, BitSet> e : added.entrySet()) {
        byte[] raw = before.value(e.getKey());
        BitSet set = raw == null ? new BitSet()
            : ExportCodec.readDocSet(raw);
        set.or(e.getValue());
        changed.put(e.getKey(), ExportCodec.docSet(set));
      }
      return before.with(changed);
    }

    /**
     * The last doc id of list {@code slot} of an old term's value: as the state knows it for a
     * spilled term, else read from the list.
     */
    private int oldLastDoc(String name, byte[] value, int[] lists, int slot, int stride) {
      int known = knownLast(name)[slot];
      return oldLast(known >= 0 ? known
          : ExportCodec.lastDoc(value, lists[2 * slot], lists[2 * slot + 1], stride));
    }

    /** The last doc ids of a term's lists that the last state knows (-1: not known). */
    private int[] knownLast(String name) {
      Integer k = oldBig.get(name);
      return k == null ? new int[] {-1, -1}
          : new int[] {last.bigLast().get(2 * k), last.bigLast().get(2 * k + 1)};
    }

    /**
     * The last doc ids of the spilled terms after the update, as a full export records them: for
     * each postings list at least {@link StaticExport#LONG} digits long, else -1.
     */
    private List<Integer> bigLast(List<String> big, Map<String, byte[]> values) {
      List<Integer> out = new ArrayList<>();
      for (String name : big) {
        int[] appended = lastIds.get(name);
        if (appended == null) {
          // Untouched (its lists as they were), or not a postings value (pos-N, sha:).
          int[] known = knownLast(name);
          out.add(known[0]);
          out.add(known[1]);
          continue;
        }
        byte[] value = values.get(name);
        int count = name.indexOf(':') >= 0 ? 1 : 2; // a keyword term: one list of ids
        int[] lists = ExportCodec.packedLists(value, count);
        for (int slot = 0; slot < 2; slot++) {
          int length = slot < count ? lists[2 * slot + 1] - lists[2 * slot] : 0;
          out.add(length < StaticExport.LONG ? -1 : appended[slot] >= 0 ? appended[slot]
              : oldLastDoc(name, value, lists, slot, count == 1 ? 1 : 3));
        }
      }
      return out;
    }

    /** The last doc id of an old postings list, which must be an old document's. */
    private int oldLast(int lastDoc) {
      if (lastDoc >= old) {
        throw new IllegalStateException("an old term with doc id " + lastDoc + " of " + old);
      }
      return lastDoc;
    }

    /** Finds the terms of the new documents, segment by segment. */
    @SuppressWarnings("unchecked")
    private void collectPostings() throws IOException {
      BitSet fresh = new BitSet(n);
      for (int e = old; e < n; e++) {
        fresh.set(order.doc[e]);
      }
      String[] fields = {SearchIndex.TITLE, SearchIndex.BODY};
      for (LeafReaderContext ctx : reader.leaves()) {
        LeafReader leaf = ctx.reader();
        int[] local = fresh.get(ctx.docBase, ctx.docBase + leaf.maxDoc()).stream().toArray();
        if (local.length == 0) {
          continue;
        }
        for (int slot = 0; slot < 2; slot++) {
          Terms t = leaf.terms(fields[slot]);
          if (t == null) {
            continue;
          }
          int[] norms = new int[local.length];
          NumericDocValues nv = leaf.getNormValues(fields[slot]);
          for (int i = 0; nv != null && i < local.length; i++) {
            if (nv.advanceExact(local[i])) {
              norms[i] = Byte.toUnsignedInt((byte) nv.longValue());
            }
          }
          TermsEnum te = t.iterator();
          PostingsEnum pe = null;
          for (BytesRef term = te.next(); term != null; term = te.next()) {
            pe = te.postings(pe, PostingsEnum.POSITIONS);
            List<int[]>[] slots = null;
            for (int i = next(pe, local, 0); i < local.length; i = next(pe, local, i + 1)) {
              int freq = pe.freq();
              int[] a = new int[3 + freq];
              a[0] = order.id[ctx.docBase + local[i]];
              a[1] = norms[i];
              a[2] = freq;
              for (int k = 0; k < freq; k++) {
                a[3 + k] = pe.nextPosition();
              }
              if (slots == null) {
                slots = text.computeIfAbsent(term.utf8ToString(), k -> new List[2]);
              }
              if (slots[slot] == null) {
                slots[slot] = new ArrayList<>();
              }
              slots[slot].add(a);
            }
          }
        }
        for (String field : StaticExport.KEYWORDS) {
          Terms t = leaf.terms(field);
          if (t == null) {
            continue;
          }
          TermsEnum te = t.iterator();
          PostingsEnum pe = null;
          for (BytesRef term = te.next(); term != null; term = te.next()) {
            pe = te.postings(pe, PostingsEnum.NONE);
            List<Integer> ids = null;
            for (int i = next(pe, local, 0); i < local.length; i = next(pe, local, i + 1)) {
              if (ids == null) {
                ids = keywords.computeIfAbsent(field + ":" + term.utf8ToString(),
                    k -> new ArrayList<>());
              }
              ids.add(order.id[ctx.docBase + local[i]]);
            }
          }
        }
      }
    }

    /**
     * Moves the postings to the next of the new documents {@code local[from..]} that they hold;
     * returns its index in {@code local}, or {@code local.length}.
     */
    private static int next(PostingsEnum pe, int[] local, int from) throws IOException {
      int i = from;
      while (i < local.length) {
        int d = pe.docID() >= local[i] ? pe.docID() : pe.advance(local[i]);
        if (d == DocIdSetIterator.NO_MORE_DOCS) {
          return local.length;
        }
        while (i < local.length && local[i] < d) {
          i++;
        }
        if (i < local.length && local[i] == d) {
          return i;
        }
      }
      return local.length;
    }

    /**
     * The last export's value (its JSON) of a term of {@code terms-N} ({@code t}) or {@code
     * pos-N} ({@code p}), or null when it had none; takes what it weighed off the total.
     */
    private byte[] oldValue(String tag, String term, long[] totals) throws IOException {
      String name = tag + term;
      Integer k = oldBig.get(name);
      int slot = tag.equals("t") ? 0 : 1;
      if (k != null) {
        totals[slot] -= StaticExport.weight(term, StaticExport.BIG + 1);
        return read(StaticExport.bigFile(k));
      }
      byte[] raw = shard(shardFile(name, last.shards(), last.posShards())).value(term);
      if (raw != null) {
        totals[slot] -= StaticExport.weight(term, raw.length);
      }
      return raw;
    }

    /** Keeps a touched term's new value; returns what it weighs in the total. */
    private static long add(Map<String, byte[]> values, String tag, String term, byte[] value) {
      values.put(tag + term, value);
      return StaticExport.weight(term, value.length);
    }

    private static String shardFile(String name, int shards, int posShards) {
      String term = name.substring(1);
      return name.charAt(0) == 't' ? StaticExport.termsFile(StaticExport.shard(term, shards))
          : StaticExport.posFile(StaticExport.shard(term, posShards));
    }

    private ShardFile shard(String file) throws IOException {
      ShardFile s = shardFiles.get(file);
      if (s == null) {
        s = new ShardFile(read(file));
        shardFiles.put(file, s);
      }
      return s;
    }

    private Step shardStep(String file, Map<String, SortedMap<String, byte[]>> changed)
        throws IOException {
      SortedMap<String, byte[]> entries = changed.get(file);
      return entries == null ? keep(file) : new Step(file, shard(file).with(entries), null);
    }

    private Step keep(String file) {
      return new Step(file, null, last.files().get(file));
    }

    private static Step made(String file, Object value) throws IOException {
      return new Step(file, ExportJson.bytes(value), null);
    }

    /** A file of the last export, as the state recorded it. */
    private byte[] read(String file) throws IOException {
      ExportState.Sum sum = last.files().get(file);
      byte[] bytes = sum == null ? null : previous.read(sum.id(file));
      if (sum == null || !sum.matches(bytes)) {
        throw new IOException(file + " is not the file the last export wrote");
      }
      return bytes;
    }

    private Object json(String file) throws IOException {
      return ExportJson.read(read(file));
    }
  }
}
