package org.readerpass.authserver.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.testsupport.LoopbackPorts;
import org.readerpass.authserver.testsupport.TestRedisKeys;
import org.readerpass.ldapsync.testsupport.TestPostgres;
import org.readerpass.ldapsync.testsupport.TestRedis;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Server nodes on the production profile, as a load balancer sees them: each on a port of its
 * own, all sharing one issuer, one PostgreSQL database and one Redis (a key prefix of this test's
 * own). A node can be stopped and started again on its port. {@link #close()} stops every node,
 * drops the database and deletes the Redis keys: the services are left as found.
 */
final class ProductionNodes implements AutoCloseable {

	private final TestPostgres postgres = new TestPostgres().create();

	private final LettuceConnectionFactory redis = TestRedis.connect();

	private final String keyPrefix = TestRedis.uniquePrefix();

	private final String redisUrl = System.getenv().getOrDefault(TestRedis.URL_ENV, TestRedis.LOCAL_URL);

	private final Path dataDir;

	private final List<Integer> ports = new ArrayList<>();

	private final Map<Integer, ConfigurableApplicationContext> running = new ConcurrentHashMap<>();

	private final String issuer;

	private final Map<String, String> overrides;

	/**
	 * @param nodes how many nodes (ports are chosen now; the first node's port names the issuer)
	 * @param overrides properties that replace the defaults below or add to them (e.g. another
	 * Redis URL)
	 */
	ProductionNodes(int nodes, Map<String, String> overrides) {
		try {
			this.dataDir = Files.createTempDirectory("readerpass-nodes");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (int i = 0; i < nodes; i++) {
			this.ports.add(LoopbackPorts.free());
		}
		// The issuer is configuration, the same on every node: here the first node's address
		this.issuer = "http://localhost:" + this.ports.get(0);
		this.overrides = new ConcurrentHashMap<>(overrides);
	}

	String issuer() {
		return this.issuer;
	}

	URI origin(int node) {
		return URI.create("http://localhost:" + this.ports.get(node));
	}

	/** Sets a property for the nodes started from now on. */
	void set(String key, String value) {
		this.overrides.put(key, value);
	}

	/** The test database's JDBC URL (a test may put a proxy in front of it). */
	String databaseUrl() {
		return this.postgres.url();
	}

	/** Starts node {@code node} (again) on its port; returns once it is ready. */
	ConfigurableApplicationContext start(int node) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.profiles.active", "production");
		properties.put("server.port", Integer.toString(this.ports.get(node)));
		properties.put("readerpass.issuer.uri", this.issuer);
		properties.put("spring.datasource.url", this.postgres.url());
		properties.put("spring.datasource.username", this.postgres.user());
		properties.put("spring.datasource.password", this.postgres.password());
		properties.put("spring.data.redis.url", this.redisUrl);
		properties.put("readerpass.redis.key-prefix", this.keyPrefix);
		properties.put("readerpass.keys.encryption-key", ReaderPassServerTest.TEST_ENCRYPTION_KEY);
		properties.put("readerpass.subject.pairwise-key", ReaderPassServerTest.TEST_PAIRWISE_KEY);
		properties.put("readerpass.data-dir", this.dataDir.resolve("node-" + node).toString());
		properties.put("management.server.port", "0");
		properties.putAll(this.overrides);
		String[] args = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ReaderPassApplication.class).run(args);
		this.running.put(node, context);
		return context;
	}

	/** Node {@code node}'s application context, while it runs. */
	ConfigurableApplicationContext context(int node) {
		ConfigurableApplicationContext context = this.running.get(node);
		if (context == null) {
			throw new IllegalStateException("node " + node + " is not running");
		}
		return context;
	}

	/** Stops node {@code node}, as a node dies: nothing it held in memory survives. */
	void stop(int node) {
		ConfigurableApplicationContext context = this.running.remove(node);
		if (context != null) {
			context.close();
		}
	}

	@Override
	public void close() {
		for (Integer node : List.copyOf(this.running.keySet())) {
			stop(node);
		}
		try {
			TestRedisKeys.deleteAll(this.redis, this.keyPrefix);
		}
		finally {
			this.redis.destroy();
			this.postgres.close();
			FileSystemUtils.deleteRecursively(this.dataDir.toFile());
		}
	}

}
