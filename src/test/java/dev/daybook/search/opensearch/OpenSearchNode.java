package dev.daybook.search.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real single-node OpenSearch 2.19.6 in the test JVM, on 127.0.0.1 at a free port, with its
 * data in a temporary folder: started from the Maven Central jars through {@link Node}'s
 * constructor that takes plugin classes (the HTTP transport and the built-in analysis filters,
 * which a distribution loads from its modules folder). It answers cross-origin requests from any
 * origin, as the read-only endpoint a site's search page asks must.
 */
public final class OpenSearchNode implements AutoCloseable {

  private final Path home;
  private final Node node;
  private final URI url;

  private OpenSearchNode(Path home, Node node, URI url) {
    this.home = home;
    this.node = node;
    this.url = url;
  }

  /** The plugins classes a distribution would load from its modules folder. */
  private static final class TestNode extends Node {
    TestNode(Settings settings) {
      super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null,
          () -> "daybook-test"), List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
    }
  }

  public static OpenSearchNode start() throws IOException {
    // Netty sets its processor count once per JVM; a second node in the JVM must not set it again.
    System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
    Path home = Files.createTempDirectory("daybook-opensearch-");
    Settings settings = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("cluster.name", "daybook-test")
        .put("node.name", "daybook-test")
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.port", "0")
        .put("transport.port", "0")
        // The shared disk may be fuller than OpenSearch's watermarks: never refuse shards for it.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("action.auto_create_index", false)
        // The search page of a site on another origin asks it (search.opensearch-public).
        .put("http.cors.enabled", true)
        .put("http.cors.allow-origin", "*")
        .build();
    Node node = new TestNode(settings);
    try {
      node.start();
    } catch (NodeValidationException | RuntimeException e) {
      node.close();
      throw new IOException("the test OpenSearch node did not start: " + e, e);
    }
    TransportAddress address =
        node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
    URI url = URI.create("http://127.0.0.1:" + address.getPort());
    return new OpenSearchNode(home, node, url);
  }

  /** The node's HTTP address, such as {@code http://127.0.0.1:41234}. */
  public URI url() {
    return url;
  }

  @Override
  public void close() throws IOException {
    try {
      node.close();
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
