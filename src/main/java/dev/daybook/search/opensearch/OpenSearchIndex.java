package dev.daybook.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.archive.ArchiveReader.Source;
import dev.daybook.search.CommitDoc;
import dev.daybook.search.SearchIndex;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the commit documents of the archive into an OpenSearch index, as {@code daybook build}
 * writes them into Lucene ({@link CommitDoc}), and only what changed.
 *
 * <p>Each commit is one document whose id is the Lucene index's, {@code owner/name@sha}: sending
 * a commit again replaces it. Beside the commits of each report the index holds a small record
 * of the report ({@code kind: report}, id {@code report:PATH}): its path under {@code content/}
 * and the digest of the file's bytes it was sent from. A run reads these records and sends only
 * the reports whose digest differs or that have none, deleting the commits such a report no
 * longer holds; deletes the commits and record of a report that is gone; and writes a report's
 * record only after all its commits were accepted, so a run that fails half way is finished by
 * the next one. An index written under another {@link
 * IndexTemplate#VERSION} is deleted and written anew.
 */
public final class OpenSearchIndex {

  /** The prefix of a report record's id. */
  static final String RECORD_ID = "report:";

  /** Commits per bulk request: a few hundred keep each request well under a megabyte or two. */
  private static final int BULK_COMMITS = 500;

  /** What a run did. */
  public record Sync(boolean created, int reportsSent, int commitsSent, int reportsRemoved,
      int reportsUnchanged) {}

  private final Endpoint endpoint;

  public OpenSearchIndex(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Brings the index up to date with these reports.
   *
   * @param urls where a commit lives on the site (the link a result shows)
   */
  public Sync sync(Collection<Source> sources, CommitDoc.ReportUrls urls) throws IOException {
    boolean created = prepare();
    Map<String, String> recorded = created ? Map.of() : recorded();
    Map<String, Source> current = new TreeMap<>();
    for (Source s : sources) {
      current.put(s.name(), s);
    }
    int removed = 0;
    for (String name : recorded.keySet()) {
      if (!current.containsKey(name)) {
        deleteReport(name, Set.of());
        removed++;
      }
    }
    int sent = 0;
    int commits = 0;
    int unchanged = 0;
    List<Source> batch = new ArrayList<>();
    int batchCommits = 0;
    for (Source s : current.values()) {
      if (s.digest().equals(recorded.get(s.name()))) {
        unchanged++;
        continue;
      }
      if (recorded.containsKey(s.name())) {
        // Only the commits the report no longer has: the others are replaced in place, so a
        // search meanwhile finds the day as it was or as it is.
        Set<String> kept = new HashSet<>();
        kept.add(RECORD_ID + s.name());
        CommitDoc.of(List.of(s.report()), urls).forEach(d -> kept.add(d.id()));
        deleteReport(s.name(), kept);
      }
      batch.add(s);
      batchCommits += s.report().commitCount();
      sent++;
      commits += s.report().commitCount();
      if (batchCommits >= BULK_COMMITS) {
        send(batch, urls);
        batch.clear();
        batchCommits = 0;
      }
    }
    if (!batch.isEmpty()) {
      send(batch, urls);
    }
    refresh();
    return new Sync(created, sent, commits, removed, unchanged);
  }

  /**
   * Puts the template and makes sure the index exists under it.
   *
   * @return whether the index was created (the records say nothing then)
   */
  boolean prepare() throws IOException {
    URI templateUrl = endpoint.clusterUrl("_index_template/" + endpoint.index());
    Endpoint.require(endpoint.put(templateUrl, IndexTemplate.body(endpoint.index())),
        templateUrl, "putting the index template");
    URI mappingUrl = endpoint.indexUrl("_mapping");
    Endpoint.Answer mapping = endpoint.get(mappingUrl);
    if (mapping.ok()) {
      String version = mapping.body().path(endpoint.index()).path("mappings").path("_meta")
          .path("daybook").asText("");
      if (version.equals(IndexTemplate.VERSION)) {
        return false;
      }
      URI indexUrl = endpoint.indexUrl("");
      if (version.isEmpty() && mapping.body().path(endpoint.index()).path("mappings")
          .path("properties").size() > 0) {
        throw new IOException("OpenSearch at " + endpoint.url() + ": the index "
            + endpoint.index() + " exists and was not written by Daybook: not replacing it");
      }
      Endpoint.require(endpoint.delete(indexUrl), indexUrl, "deleting the index written by "
          + (version.isEmpty() ? "an unknown version" : version));
    } else if (mapping.status() != 404) {
      Endpoint.require(mapping, mappingUrl, "reading the index");
    }
    URI indexUrl = endpoint.indexUrl("");
    Endpoint.require(endpoint.put(indexUrl, Endpoint.object()), indexUrl, "creating the index");
    return true;
  }

  /** The reports the index holds: path → digest of the file they were sent from. */
  Map<String, String> recorded() throws IOException {
    Map<String, String> out = new TreeMap<>();
    URI url = endpoint.indexUrl("_search");
    JsonNode after = null;
    while (true) {
      ObjectNode q = Endpoint.object();
      q.put("size", 5000);
      q.putArray("_source").add(IndexTemplate.REPORT).add(IndexTemplate.DIGEST);
      q.putObject("query").putObject("term").put(IndexTemplate.KIND, IndexTemplate.REPORT);
      q.putArray("sort").add(IndexTemplate.REPORT);
      if (after != null) {
        q.set("search_after", after);
      }
      JsonNode hits = Endpoint.require(endpoint.post(url, q), url, "reading the report records")
          .path("hits").path("hits");
      if (hits.isEmpty()) {
        return out;
      }
      for (JsonNode h : hits) {
        out.put(h.path("_source").path(IndexTemplate.REPORT).asText(),
            h.path("_source").path(IndexTemplate.DIGEST).asText());
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
  }

  /**
   * Deletes the documents of a report (its commits and record) but those to keep: their ids are
   * looked up, then deleted in bulk (delete-by-query is a module a cluster may not have).
   */
  private void deleteReport(String name, Set<String> keep) throws IOException {
    URI url = endpoint.indexUrl("_search");
    List<String> ids = new ArrayList<>();
    JsonNode after = null;
    while (true) {
      ObjectNode q = Endpoint.object();
      q.put("size", 5000);
      q.put("_source", false);
      q.putObject("query").putObject("term").put(IndexTemplate.REPORT, name);
      q.putArray("sort").add("_doc");
      if (after != null) {
        q.set("search_after", after);
      }
      JsonNode hits = Endpoint.require(endpoint.post(url, q), url, "finding the commits of "
          + name).path("hits").path("hits");
      if (hits.isEmpty()) {
        break;
      }
      for (JsonNode h : hits) {
        ids.add(h.path("_id").asText());
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String id : ids) {
      if (!keep.contains(id)) {
        ObjectNode a = Endpoint.object();
        a.putObject("delete").put("_id", id);
        lines.add(a);
      }
    }
    if (!lines.isEmpty()) {
      bulk(lines);
    }
  }

  /** Sends the commits of these reports, then their records. */
  private void send(List<Source> reports, CommitDoc.ReportUrls urls) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (Source s : reports) {
      for (CommitDoc doc : CommitDoc.of(List.of(s.report()), urls)) {
        lines.add(action(doc.id()));
        lines.add(document(doc, s.name()));
      }
    }
    if (!lines.isEmpty()) {
      bulk(lines);
    }
    List<JsonNode> records = new ArrayList<>();
    for (Source s : reports) {
      records.add(action(RECORD_ID + s.name()));
      ObjectNode r = Endpoint.object();
      r.put(IndexTemplate.KIND, IndexTemplate.REPORT);
      r.put(IndexTemplate.REPORT, s.name());
      r.put(IndexTemplate.DIGEST, s.digest());
      records.add(r);
    }
    bulk(records);
  }

  private static ObjectNode action(String id) {
    ObjectNode a = Endpoint.object();
    a.putObject("index").put("_id", id);
    return a;
  }

  private void bulk(List<JsonNode> lines) throws IOException {
    URI url = endpoint.indexUrl("_bulk");
    JsonNode answer = Endpoint.require(endpoint.bulk(lines), url, "sending documents");
    if (answer.path("errors").asBoolean(false)) {
      for (JsonNode item : answer.path("items")) {
        JsonNode result = item.has("delete") ? item.path("delete") : item.path("index");
        if (result.has("error")) {
          throw new IOException("OpenSearch at " + url + ": document " + result.path("_id")
              .asText() + " was refused: HTTP " + result.path("status").asInt()
              + Endpoint.reason(result));
        }
      }
    }
  }

  private void refresh() throws IOException {
    URI url = endpoint.indexUrl("_refresh");
    Endpoint.require(endpoint.post(url, Endpoint.object()), url, "refreshing the index");
  }

  /** A commit as OpenSearch keeps it: the Lucene index's keyword keys and text, and its display. */
  static ObjectNode document(CommitDoc c, String report) {
    ObjectNode d = Endpoint.object();
    d.put(IndexTemplate.KIND, IndexTemplate.COMMIT);
    d.put("id", c.id());
    d.put(IndexTemplate.REPORT, report);
    strings(d.putArray("repo"), SearchIndex.repoKeys(c.repo()));
    strings(d.putArray("author"), SearchIndex.authorKeys(c.author()));
    d.put("severity", c.severity());
    strings(d.putArray("type"), c.types());
    d.put("date", c.date().toString());
    strings(d.putArray("path"), SearchIndex.pathKeys(c.paths()));
    d.put("sha", c.sha().toLowerCase(Locale.ROOT));
    d.put("title", c.title());
    d.put("body", c.body());
    d.put("time", c.time().getEpochSecond());
    ObjectNode shown = d.putObject(IndexTemplate.SHOWN);
    shown.put("repo", c.repo());
    shown.put("sha", c.sha());
    shown.put("date", c.date().toString());
    shown.put("severity", c.severity());
    strings(shown.putArray("types"), c.types());
    shown.put("author", c.author());
    shown.put("title", c.title());
    shown.put("body", c.shown());
    strings(shown.putArray("paths"), c.paths());
    shown.put("url", c.url());
    return d;
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }
}
