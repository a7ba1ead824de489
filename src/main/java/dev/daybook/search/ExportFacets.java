package dev.daybook.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * The facet values of some documents of the static export ({@link StaticExport}), for {@code
 * meta.json}, and the doc sets of {@code field-F.json} and {@code field-F-K.json}.
 */
final class ExportFacets {
  final TreeSet<String> repos = new TreeSet<>();
  final TreeSet<String> severities = new TreeSet<>();
  final TreeSet<String> types = new TreeSet<>();
  final TreeSet<String> years = new TreeSet<>();
  final Map<String, Map<String, BitSet>> sets = new TreeMap<>();

  ExportFacets() {
    for (String f : StaticExport.VALUE_FIELDS) {
      sets.put(f, new TreeMap<>());
    }
    for (String f : StaticExport.FIELD_FILES) {
      sets.put(f, new TreeMap<>());
    }
  }

  /** Adds a document under its exported id; returns its combo for {@code facets.json}. */
  String add(Document doc, int e) throws IOException {
    String repo = doc.get(SearchIndex.SHOW + SearchIndex.REPO);
    String severity = doc.get(SearchIndex.SHOW + SearchIndex.SEVERITY);
    String date = doc.get(SearchIndex.SHOW + SearchIndex.DATE);
    String year = date.substring(0, Math.min(4, date.length()));
    List<String> docTypes = Arrays.stream(doc.getFields(SearchIndex.SHOW + SearchIndex.TYPE))
        .map(IndexableField::stringValue).toList();
    repos.add(repo);
    severities.add(severity);
    types.addAll(docTypes);
    years.add(year);
    mark("repo", repo, e);
    mark("severity", severity, e);
    for (String t : docTypes) {
      mark("type", t, e);
    }
    mark("date", date, e);
    mark("year", year, e);
    mark("month", date.substring(0, Math.min(7, date.length())), e);
    return ExportJson.string(List.of(severity, docTypes));
  }

  /** Adds the documents of another part of the export. */
  void addAll(ExportFacets other) {
    repos.addAll(other.repos);
    severities.addAll(other.severities);
    types.addAll(other.types);
    years.addAll(other.years);
    other.sets.forEach((field, values) -> values.forEach((value, docs) ->
        sets.get(field).computeIfAbsent(value, k -> new BitSet()).or(docs)));
  }

  private void mark(String field, String value, int doc) {
    sets.get(field).computeIfAbsent(value, k -> new BitSet()).set(doc);
  }

  Map<String, Object> fieldFile(String field) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, BitSet> e : sets.get(field).entrySet()) {
      out.put(e.getKey(), new ExportJson.Raw(ExportCodec.docSet(e.getValue())));
    }
    return out;
  }
}
