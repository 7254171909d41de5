package org.readerpass.authserver.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A Redis server of one test's own, started from the machine's {@code redis-server} on a free
 * loopback port, that the test may stop and start again (as an operator restarts Redis): it keeps
 * its data in an append-only file in a temporary directory, as a production Redis with persistence
 * does, so what was written before the stop is there after the start. The shared server on 6379 is
 * never touched.
 */
public final class RedisProcess implements AutoCloseable {

	/** The binary the cluster tests use too ({@link TestRedisCluster#SERVER_ENV}). */
	private static final String SERVER = System.getenv()
		.getOrDefault(TestRedisCluster.SERVER_ENV, TestRedisCluster.DEFAULT_SERVER);

	private final Path dir;

	private final int port;

	private Process process;

	public RedisProcess() {
		if (!Files.isExecutable(Path.of(SERVER))) {
			throw new AssertionError("No " + SERVER + ": install Redis (Debian package redis-server), as every machine "
					+ "of this kind has, or set " + TestRedisCluster.SERVER_ENV);
		}
		try {
			this.dir = Files.createTempDirectory("readerpass-redis");
			this.port = LoopbackPorts.free();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		start();
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Starts the server (again, on the same port and data); returns once it answers. */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			this.process = new ProcessBuilder(List.of(SERVER, "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--dir", this.dir.toString(), "--save", "", "--appendonly", "yes", "--appendfsync",
					"always", "--daemonize", "no", "--protected-mode", "yes"))
				.redirectErrorStream(true)
				.redirectOutput(this.dir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (answers()) {
				return;
			}
			sleep(50);
		}
		throw new AssertionError("redis-server did not start on port " + this.port + "; see " + this.dir);
	}

	/** Stops the server, as a crash would (no shutdown save needed: every write is in the AOF). */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	@Override
	public void close() {
		stop();
		FileSystemUtils.deleteRecursively(this.dir.toFile());
	}

	private boolean answers() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(1000);
			socket.getOutputStream().write("PING\r\n".getBytes());
			byte[] reply = new byte[7];
			int read = socket.getInputStream().read(reply);
			return read > 0 && new String(reply, 0, read).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
