package org.readerpass.authserver.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A throw-away 3-master Redis Cluster on loopback, started from the machine's {@code redis-server}
 * ({@value #SERVER_ENV} names another binary; {@code redis-cli} is taken beside it) on free ports,
 * with its files in a temporary directory and no persistence. {@link #close()} kills the servers and
 * deletes the directory. No {@code redis-server}: the test fails saying what to install (never
 * skips).
 *
 * <pre>
 * static TestRedisCluster cluster = TestRedisCluster.start();   // in @BeforeAll (or RedisClusterPerClass)
 * LettuceConnectionFactory connections = cluster.connect();
 * cluster.close();                                              // in @AfterAll
 * </pre>
 */
public final class TestRedisCluster implements AutoCloseable {

	public static final String SERVER_ENV = "READERPASS_TEST_REDIS_SERVER";

	public static final String DEFAULT_SERVER = "/usr/bin/redis-server";

	private static final int MASTERS = 3;

	/** How long the cluster may take to form before the test fails: a liveness bound, not a measurement. */
	private static final Duration FORMING = Duration.ofSeconds(60);

	private final Path cli;

	private final Path directory;

	private final List<Integer> ports;

	private final List<Process> servers = new ArrayList<>();

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private TestRedisCluster(Path cli, Path directory, List<Integer> ports) {
		this.cli = cli;
		this.directory = directory;
		this.ports = ports;
	}

	/** Starts the servers, creates the cluster and waits until it answers {@code cluster_state:ok}. */
	public static TestRedisCluster start() {
		Path server = Path.of(System.getenv().getOrDefault(SERVER_ENV, DEFAULT_SERVER));
		Path cli = server.resolveSibling("redis-cli");
		if (!Files.isExecutable(server) || !Files.isExecutable(cli)) {
			throw new AssertionError("No redis-server/redis-cli at " + server + ": install Redis (apt-get install "
					+ "redis-server) or set " + SERVER_ENV + " to a redis-server binary with redis-cli beside it");
		}
		TestRedisCluster cluster;
		try {
			cluster = new TestRedisCluster(cli, Files.createTempDirectory("readerpass-redis-cluster"), freePorts());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			cluster.startServers(server);
			cluster.create();
			return cluster;
		}
		catch (RuntimeException | Error ex) {
			cluster.close();
			throw ex;
		}
	}

	/** A Lettuce connection in cluster mode to this cluster; closed with it. */
	public LettuceConnectionFactory connect() {
		RedisClusterConfiguration configuration = new RedisClusterConfiguration(
				this.ports.stream().map(port -> "127.0.0.1:" + port).toList());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
		factory.afterPropertiesSet();
		factory.start();
		this.connections.add(factory);
		return factory;
	}

	public List<Integer> ports() {
		return this.ports;
	}

	@Override
	public void close() {
		this.connections.forEach(LettuceConnectionFactory::destroy);
		for (Process process : this.servers) {
			process.destroy();
		}
		for (Process process : this.servers) {
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// the directory was never made, or is gone already
		}
	}

	private void startServers(Path server) {
		for (int port : this.ports) {
			ProcessBuilder builder = new ProcessBuilder(server.toString(), "--port", Integer.toString(port), "--bind",
					"127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file",
					this.directory.resolve("nodes-" + port + ".conf").toString(), "--dir", this.directory.toString(),
					"--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile",
					this.directory.resolve("redis-" + port + ".log").toString());
			builder.redirectErrorStream(true).redirectOutput(this.directory.resolve("stdout-" + port).toFile());
			try {
				this.servers.add(builder.start());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		for (int port : this.ports) {
			await(() -> cli(port, "ping").contains("PONG"), "redis-server on port " + port + " to answer");
		}
	}

	private void create() {
		List<String> command = new ArrayList<>(List.of(this.cli.toString(), "--cluster", "create"));
		this.ports.forEach(port -> command.add("127.0.0.1:" + port));
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		String output = run(command);
		if (!output.contains("[OK]")) {
			throw new AssertionError("redis-cli --cluster create failed: " + output);
		}
		for (int port : this.ports) {
			await(() -> cli(port, "cluster", "info").contains("cluster_state:ok"),
					"the cluster to be ok on port " + port);
		}
	}

	private String cli(int port, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(this.cli.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port)));
		command.addAll(List.of(arguments));
		return run(command);
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void await(BooleanSupplier condition, String what) {
		Instant deadline = Instant.now().plus(FORMING);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Gave up waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** Ports free on loopback whose cluster bus port (+10000) is free too. */
	private static List<Integer> freePorts() {
		List<Integer> ports = new ArrayList<>();
		while (ports.size() < MASTERS) {
			ports.add(LoopbackPorts.freeWith(10000));
		}
		return List.copyOf(ports);
	}

}
