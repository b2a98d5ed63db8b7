/*
 * A local Neo4j 5.26 LTS (community) for development and CI, without Docker: the DBMS runs
 * embedded in this JVM with a Bolt connector on 127.0.0.1. Run by start.sh as
 *
 *   java -cp "lib/*" Neo4jLocal.java
 *
 * (Java's source launcher: no build step.) Environment:
 *   NEO4J_BOLT_PORT  Bolt port (default 7687)
 *   NEO4J_DATA_DIR   data folder (default .neo4j/data, relative to the working directory)
 *
 * Authentication is disabled: the server listens on loopback only, and the driver's
 * credentials (NEO4J_USER / NEO4J_PASSWORD) are accepted whatever they are.
 *
 * Prints one line "neo4j ready at bolt://127.0.0.1:<port> (data <dir>)" on stdout once Bolt
 * accepts connections; SIGTERM or Ctrl-C shuts the DBMS down cleanly (a shutdown hook), and so
 * does the exit of the process that started it.
 */
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class Neo4jLocal {
  // 127.0.0.1, not localhost: Node resolves localhost to ::1 first.
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    int port = port(System.getenv("NEO4J_BOLT_PORT"));
    String dataEnv = System.getenv("NEO4J_DATA_DIR");
    Path home = Path.of(dataEnv == null || dataEnv.isEmpty() ? ".neo4j/data" : dataEnv).toAbsolutePath();
    Files.createDirectories(home);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
            .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
            .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            // NEO4J_PAGECACHE_MB: the page cache (default 256 MiB; a benchmark over 10,000
            // articles wants the whole store in memory, about 400 MiB).
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(megabytes(System.getenv("NEO4J_PAGECACHE_MB"))))
            // A development and test server: small transaction logs, not 256 MB preallocated
            // files kept for two days.
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "100M size")
            .build();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("neo4j stopping");
                  dbms.shutdown();
                  System.out.println("neo4j stopped");
                },
                "neo4j-shutdown"));

    // build() returns once the default database is started and Bolt listens.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("neo4j ready at bolt://" + HOST + ":" + port + " (data " + home + ")");
    System.out.flush();

    // Stop with whatever started us: `npm run neo4j` killed with SIGTERM does not pass the
    // signal on, and a test runner or CI script that dies must not leave Neo4j holding the port.
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          System.out.println("neo4j: the process that started it exited");
                          System.exit(0); // runs the shutdown hook
                        }));
    Thread.currentThread().join(); // until the shutdown hook runs
  }

  private static long megabytes(String value) {
    if (value == null || value.isEmpty()) return 256;
    try {
      long mb = Long.parseLong(value.trim());
      if (mb >= 16 && mb <= 65536) return mb;
    } catch (NumberFormatException e) {
      // reported below
    }
    System.err.println("NEO4J_PAGECACHE_MB must be a whole number of MiB between 16 and 65536; got " + value);
    System.exit(2);
    return 0;
  }

  private static int port(String raw) {
    if (raw == null || raw.isEmpty()) return 7687;
    try {
      int p = Integer.parseInt(raw);
      if (p >= 1 && p <= 65535) return p;
    } catch (NumberFormatException ignored) {
      // falls through to the message below
    }
    System.err.println("NEO4J_BOLT_PORT must be an integer from 1 to 65535; got \"" + raw + "\"");
    System.exit(2);
    return -1;
  }
}
