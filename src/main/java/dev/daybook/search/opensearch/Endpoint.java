package dev.daybook.search.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.config.OpenSearchSettings;
import dev.daybook.config.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One OpenSearch index over HTTP: the JDK client, JSON by Jackson (no request is ever made by
 * pasting text into JSON). Every error names the URL of the request, without credentials;
 * credentials come only from the environment variable {@value #AUTH_ENV} ({@code user:password},
 * sent as HTTP basic authentication), never from the URL, and are never printed.
 */
public final class Endpoint {

  /** The environment variable that holds {@code user:password} for a secured cluster. */
  public static final String AUTH_ENV = "DAYBOOK_OPENSEARCH_AUTH";

  static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String index;
  private final String authorization;
  private final Duration timeout;
  private final HttpClient client;

  /** A JSON answer and its HTTP status. */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  /**
   * @param base the cluster's URL, {@code http(s)://host:port[/prefix]}
   * @param index the index's name
   * @param env the environment, for {@value #AUTH_ENV}
   * @throws IllegalArgumentException for a URL that is not http(s), holds credentials, a query or
   *     a fragment, for an index name OpenSearch would refuse, or for a malformed secret
   */
  public Endpoint(URI base, String index, Map<String, String> env, Duration timeout) {
    this.base = checkUrl(base);
    this.index = checkIndex(index);
    String auth = env.get(AUTH_ENV);
    if (auth != null && !auth.isEmpty()) {
      String secret = Secrets.check(AUTH_ENV, auth);
      if (secret.indexOf(':') < 1) {
        throw new IllegalArgumentException(AUTH_ENV + " must be user:password; the value is not"
            + " shown");
      }
      this.authorization = "Basic " + Base64.getEncoder().encodeToString(
          secret.getBytes(StandardCharsets.UTF_8));
    } else {
      this.authorization = null;
    }
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Parses the URL a user gave for a cluster, or fails saying what is wrong with it. */
  public static URI parseUrl(String text) {
    if (text.contains("@")) {
      throw credentialsInUrl();
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("OpenSearch URL '" + shown(text)
          + "' is not a URL: " + e.getReason());
    }
    return checkUrl(uri);
  }

  private static URI checkUrl(URI uri) {
    if (uri.getRawUserInfo() != null) {
      throw credentialsInUrl();
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme())
        || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("OpenSearch URL '" + shown(uri.toString())
          + "' is not an http or https URL with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("OpenSearch URL '" + shown(uri.toString())
          + "' must have no query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
        + (path.endsWith("/") ? path : path + "/"));
  }

  /** Never echoes the URL: the part before @ may be a password. */
  private static IllegalArgumentException credentialsInUrl() {
    return new IllegalArgumentException("an OpenSearch URL must not hold credentials"
        + " (user:password@): set " + AUTH_ENV + "=user:password instead; the URL is not shown");
  }

  /** An index name as {@link OpenSearchSettings#INDEX_NAME} allows it. */
  static String checkIndex(String name) {
    if (!OpenSearchSettings.INDEX_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("OpenSearch index name '" + shown(name) + "' is not"
          + " valid (lower-case letters, digits, '.', '_', '-', starting with a letter or digit)");
    }
    return name;
  }

  /** A value as an error message quotes it: control characters as '?', at most 200 chars. */
  private static String shown(String s) {
    String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** The cluster's URL, as messages show it. */
  public URI url() {
    return base;
  }

  public String index() {
    return index;
  }

  /** The URL of a path under the index, such as {@code _search}; empty for the index itself. */
  URI indexUrl(String path) {
    return base.resolve(index + (path.isEmpty() ? "" : "/" + path));
  }

  /** The URL of a path under the cluster, such as {@code _index_template/daybook}. */
  URI clusterUrl(String path) {
    return base.resolve(path);
  }

  Answer get(URI url) throws IOException {
    return send("GET", url, null, null);
  }

  Answer delete(URI url) throws IOException {
    return send("DELETE", url, null, null);
  }

  Answer put(URI url, JsonNode body) throws IOException {
    return send("PUT", url, body.toString(), "application/json");
  }

  Answer post(URI url, JsonNode body) throws IOException {
    return send("POST", url, body.toString(), "application/json");
  }

  /** A bulk request: one JSON document a line, each line written by Jackson. */
  Answer bulk(List<JsonNode> lines) throws IOException {
    StringBuilder body = new StringBuilder();
    for (JsonNode line : lines) {
      body.append(line.toString()).append('\n');
    }
    return send("POST", indexUrl("_bulk"), body.toString(), "application/x-ndjson");
  }

  /** Fails with OpenSearch's own reason when an answer is not a success. */
  static JsonNode require(Answer a, URI url, String what) throws IOException {
    if (!a.ok()) {
      throw new IOException("OpenSearch at " + url + ": " + what + " failed: HTTP " + a.status()
          + reason(a.body()));
    }
    return a.body();
  }

  /** OpenSearch's {@code error.reason}, as ": reason", or nothing. */
  static String reason(JsonNode body) {
    JsonNode error = body.path("error");
    String reason = error.isTextual() ? error.asText() : error.path("reason").asText("");
    String type = error.path("type").asText("");
    if (reason.isEmpty()) {
      return type.isEmpty() ? "" : " (" + shown(type) + ")";
    }
    return ": " + shown(reason) + (type.isEmpty() ? "" : " (" + shown(type) + ")");
  }

  private Answer send(String method, URI url, String body, String contentType)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType + "; charset=utf-8");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(
          StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new IOException("OpenSearch at " + url + ": no connection within "
          + timeout.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw new IOException("OpenSearch at " + url + ": no answer within "
          + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("OpenSearch at " + url + ": interrupted", e);
    } catch (IOException e) {
      throw new IOException("OpenSearch at " + url + ": " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : shown(e.getMessage())), e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new IOException("OpenSearch at " + url + ": HTTP " + status + " (access refused;"
          + " credentials come from " + AUTH_ENV + ")");
    }
    String text = response.body();
    JsonNode json;
    try {
      json = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IOException("OpenSearch at " + url + ": HTTP " + status
          + ", the answer is not JSON (is this an OpenSearch URL?)");
    }
    return new Answer(status, json == null ? JSON.createObjectNode() : json);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
