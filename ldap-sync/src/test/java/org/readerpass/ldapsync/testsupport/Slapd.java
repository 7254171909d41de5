package org.readerpass.ldapsync.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenLDAP {@code slapd} (Debian package) for a test: a throwaway configuration in a temp
 * folder (core, cosine, nis, inetorgperson and readerpass-library schemas; back_mdb; syncprov; the
 * monitor backend, readable by everyone, so the directory tells its time in
 * {@code cn=Current,cn=Time,cn=Monitor}, unless {@link Builder#withoutMonitor()}), optionally
 * loaded with {@code slapadd} before it starts, listening on a free loopback port.
 * {@link #stop()} / {@link #start()} play a directory that goes down and comes back on the same
 * port; {@link #close()} stops it and deletes the folder. With {@link Builder#tls()} it also serves
 * TLS: StartTLS on {@link #url()} and {@code ldaps://} on {@link #ldapsUrl()}, with a server
 * certificate for {@code 127.0.0.1} from a throwaway CA ({@link #caCertificate()}).
 *
 * <pre>
 * try (Slapd slapd = Slapd.builder("dc=zj,dc=lib,dc=zj,dc=cn").ldif(text).start()) { … slapd.url() … }
 * </pre>
 */
public final class Slapd implements AutoCloseable {

	public static final Path SLAPD = Path.of("/usr/sbin/slapd");

	public static final Path SLAPADD = Path.of("/usr/sbin/slapadd");

	public static final Path OPENSSL = Path.of("/usr/bin/openssl");

	private static final Path SYSTEM_SCHEMAS = Path.of("/etc/ldap/schema");

	private static final String READERPASS_SCHEMA = "/org/readerpass/ldapsync/schema/readerpass-library.schema";

	private final Path folder;

	private final Path config;

	private final String suffix;

	private final String rootPassword;

	private final int port;

	/** The {@code ldaps://} port, 0 without TLS. */
	private final int ldapsPort;

	private Process process;

	private Slapd(Path folder, Path config, String suffix, String rootPassword, int port, int ldapsPort) {
		this.folder = folder;
		this.config = config;
		this.suffix = suffix;
		this.rootPassword = rootPassword;
		this.port = port;
		this.ldapsPort = ldapsPort;
	}

	public static Builder builder(String suffix) {
		return new Builder(suffix);
	}

	public String url() {
		return "ldap://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** {@code ldaps://127.0.0.1:<port>}; only with {@link Builder#tls()}. */
	public String ldapsUrl() {
		requireTls();
		return "ldaps://127.0.0.1:" + this.ldapsPort;
	}

	/** The PEM file of the throwaway CA that signed the server certificate; only with {@link Builder#tls()}. */
	public Path caCertificate() {
		requireTls();
		return this.folder.resolve(Builder.TLS_CA);
	}

	private void requireTls() {
		if (this.ldapsPort == 0) {
			throw new IllegalStateException("this slapd serves no TLS: build it with .tls()");
		}
	}

	public String suffix() {
		return this.suffix;
	}

	public String rootDn() {
		return "cn=admin," + this.suffix;
	}

	public String rootPassword() {
		return this.rootPassword;
	}

	/** Starts slapd (again) and waits until it accepts connections. */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		Path log = this.folder.resolve("slapd.log");
		try {
			String listen = (this.ldapsPort != 0) ? url() + "/ " + ldapsUrl() + "/" : url() + "/";
			this.process = new ProcessBuilder(SLAPD.toString(), "-f", this.config.toString(), "-h", listen, "-d", "0")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!accepts(this.port) || (this.ldapsPort != 0 && !accepts(this.ldapsPort))) {
				if (!this.process.isAlive() || System.nanoTime() > deadline) {
					this.process.destroyForcibly();
					throw new IllegalStateException("slapd did not start: " + Files.readString(log));
				}
				Thread.sleep(5);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops slapd; its data stays for {@link #start()}. */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	@Override
	public void close() {
		stop();
		deleteRecursively(this.folder);
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteRecursively(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temp folder left behind is not worth failing a test for
		}
	}

	public static final class Builder {

		static final String TLS_CA = "tls/ca.pem";

		private final String suffix;

		private final List<String> databaseConfig = new ArrayList<>();

		private final List<String> syncprovConfig = new ArrayList<>();

		private String ldif;

		private boolean tls;

		private boolean monitor = true;

		private Builder(String suffix) {
			this.suffix = suffix;
		}

		/** Entries loaded with {@code slapadd} before slapd starts (the suffix entry included). */
		public Builder ldif(String ldif) {
			this.ldif = ldif;
			return this;
		}

		/** A slapd.conf line for the database section, e.g. an {@code access to …} or {@code limits} rule. */
		public Builder databaseConfig(String line) {
			this.databaseConfig.add(line);
			return this;
		}

		/**
		 * Serves TLS too: StartTLS on the {@code ldap://} port and {@code ldaps://} on a second
		 * port, with a certificate for IP {@code 127.0.0.1} (subjectAltName) signed by a CA made
		 * for this slapd alone.
		 */
		public Builder tls() {
			this.tls = true;
			return this;
		}

		/**
		 * Without the monitor backend ({@code database monitor}): a directory that cannot tell its
		 * time, as OpenLDAP is unless its administrator configured the monitor.
		 */
		public Builder withoutMonitor() {
			this.monitor = false;
			return this;
		}

		/** A slapd.conf line for the syncprov overlay, e.g. {@code syncprov-sessionlog 1000}. */
		public Builder syncprovConfig(String line) {
			this.syncprovConfig.add(line);
			return this;
		}

		public Slapd start() {
			requireInstalled();
			try {
				Path folder = Files.createTempDirectory("readerpass-slapd-");
				Files.createDirectory(folder.resolve("db"));
				try (InputStream schema = Slapd.class.getResourceAsStream(READERPASS_SCHEMA)) {
					Files.copy(schema, folder.resolve("readerpass-library.schema"));
				}
				String rootPassword = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
				if (this.tls) {
					certificates(folder.resolve("tls"));
				}
				Path config = folder.resolve("slapd.conf");
				Files.writeString(config, config(folder, rootPassword), StandardCharsets.UTF_8);
				if (this.ldif != null) {
					slapadd(folder, config, this.ldif);
				}
				int port = freePort();
				int ldapsPort = this.tls ? freePort(port) : 0;
				Slapd slapd = new Slapd(folder, config, this.suffix, rootPassword, port, ldapsPort);
				slapd.start();
				return slapd;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private String config(Path folder, String rootPassword) {
			StringBuilder conf = new StringBuilder();
			for (String schema : List.of("core", "cosine", "nis", "inetorgperson")) {
				conf.append("include ").append(SYSTEM_SCHEMAS.resolve(schema + ".schema")).append('\n');
			}
			conf.append("include ").append(folder.resolve("readerpass-library.schema")).append('\n');
			conf.append("modulepath /usr/lib/ldap\nmoduleload back_mdb\nmoduleload syncprov\n");
			conf.append("pidfile ").append(folder.resolve("slapd.pid")).append('\n');
			conf.append("argsfile ").append(folder.resolve("slapd.args")).append('\n');
			if (this.tls) {
				conf.append("TLSCACertificateFile ").append(folder.resolve(TLS_CA)).append('\n');
				conf.append("TLSCertificateFile ").append(folder.resolve("tls/server.pem")).append('\n');
				conf.append("TLSCertificateKeyFile ").append(folder.resolve("tls/server.key")).append('\n');
			}
			conf.append("database mdb\nmaxsize 1073741824\n"); // a map (sparse file), not space taken: room for 100k readers
			conf.append("suffix \"").append(this.suffix).append("\"\n");
			conf.append("rootdn \"cn=admin,").append(this.suffix).append("\"\n");
			conf.append("rootpw ").append(rootPassword).append('\n');
			conf.append("directory ").append(folder.resolve("db")).append('\n');
			conf.append("index objectClass,entryCSN,entryUUID eq\nindex uid eq\n");
			this.databaseConfig.forEach((line) -> conf.append(line).append('\n'));
			conf.append("overlay syncprov\nsyncprov-checkpoint 100 10\n");
			this.syncprovConfig.forEach((line) -> conf.append(line).append('\n'));
			if (this.monitor) {
				conf.append("database monitor\n"); // no access rule of its own: slapd's default, read by all
			}
			return conf.toString();
		}

		private static void slapadd(Path folder, Path config, String ldif) throws IOException {
			Path file = folder.resolve("initial.ldif");
			Files.writeString(file, ldif, StandardCharsets.UTF_8);
			Process slapadd = new ProcessBuilder(SLAPADD.toString(), "-q", "-f", config.toString(), "-l", file.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(slapadd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			try {
				if (slapadd.waitFor() != 0) {
					throw new IllegalStateException("slapadd failed: " + output);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** A throwaway CA (EC P-256) and a server certificate for IP 127.0.0.1 it signed, valid 2 days. */
		private static void certificates(Path tls) throws IOException {
			if (!Files.isExecutable(OPENSSL)) {
				throw new IllegalStateException("openssl not found at " + OPENSSL + ": install Debian package openssl");
			}
			Files.createDirectory(tls);
			run(tls, OPENSSL.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
					"-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=ReaderPass test CA",
					"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
			run(tls, OPENSSL.toString(), "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
					"-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
			Files.writeString(tls.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
					+ "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n", StandardCharsets.US_ASCII);
			String serial = "0x" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
			run(tls, OPENSSL.toString(), "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
					"-set_serial", serial, "-days", "2", "-extfile", "server.ext", "-out", "server.pem");
		}

		private static void run(Path folder, String... command) throws IOException {
			Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			try {
				if (process.waitFor() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static void requireInstalled() {
			if (!Files.isExecutable(SLAPD) || !Files.isExecutable(SLAPADD)) {
				throw new IllegalStateException("OpenLDAP slapd not found at " + SLAPD + " / " + SLAPADD
						+ ": install Debian packages slapd ldap-utils (.ci/run does)");
			}
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
		}

		/** A free port other than {@code taken} (which is free too until slapd binds it). */
		private static int freePort(int taken) throws IOException {
			int port = freePort();
			while (port == taken) {
				port = freePort();
			}
			return port;
		}

	}

}
