package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.ldapsync.connector.DirectoryConnectorContractTests.password;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.readerpass.ldapsync.connector.DirectoryConnectorContractTests.Collected;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.ReadFailure;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReader;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.testsupport.Slapd;
import org.readerpass.ldapsync.password.PasswordResult;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The LDAP connector over TLS to a real OpenLDAP slapd with a certificate from a throwaway CA:
 * StartTLS on {@code ldap://} and {@code ldaps://}, trusting the CA only when
 * {@code trusted-certificates} names it, and never sending the bind in clear after StartTLS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlapdTlsConnectorTests {

	private static final DemoLibrary LIBRARY = DemoLibrary.ZJ;

	private Slapd slapd;

	@BeforeAll
	void startDirectory() {
		String syncDn = LIBRARY.syncBindDn();
		this.slapd = Slapd.builder(LIBRARY.suffix())
			.ldif(DemoLdif.of(LIBRARY))
			.tls()
			.databaseConfig("access to attrs=userPassword by anonymous auth by self write by * none")
			.databaseConfig("access to attrs=residentIdNumber by dn.exact=\"" + syncDn + "\" read by * none")
			.databaseConfig("access to * by * read")
			.start();
	}

	@AfterAll
	void stopDirectory() {
		this.slapd.close();
	}

	@Test
	void readAllWhenStartTlsAndCaTrustedThenEveryReaderRead() throws DirectoryException {
		try (LdapConnector connector = connector(List.of(URI.create(this.slapd.url())), true, testCa())) {
			assertThat(cardNumbers(readAll(connector))).containsExactlyInAnyOrderElementsOf(expectedCardNumbers());
		}
	}

	@Test
	void readAllWhenLdapsAndCaTrustedThenEveryReaderRead() throws DirectoryException {
		try (LdapConnector connector = connector(List.of(URI.create(this.slapd.ldapsUrl())), false, testCa())) {
			assertThat(cardNumbers(readAll(connector))).containsExactlyInAnyOrderElementsOf(expectedCardNumbers());
		}
	}

	@Test
	void readAllWhenFirstServerDownThenStartTlsOnTheNext() throws DirectoryException, IOException {
		URI down = URI.create("ldap://127.0.0.1:" + closedPort());
		try (LdapConnector connector = connector(List.of(down, URI.create(this.slapd.url())), true, testCa())) {
			assertThat(cardNumbers(readAll(connector))).containsExactlyInAnyOrderElementsOf(expectedCardNumbers());
		}
	}

	@Test
	void readAllWhenStartTlsAndCaNotTrustedThenUnreachableNamingTheCertificate() {
		try (LdapConnector connector = connector(List.of(URI.create(this.slapd.url())), true, null)) {
			assertThatExceptionOfType(DirectoryException.class).isThrownBy(() -> readAll(connector))
				.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.UNREACHABLE))
				.withMessageContaining("directory unreachable")
				.withMessageContaining("TLS with the directory failed")
				.withMessageContaining("cannot be trusted");
		}
	}

	@Test
	void readAllWhenLdapsAndCaNotTrustedThenUnreachableNamingTheCertificate() {
		try (LdapConnector connector = connector(List.of(URI.create(this.slapd.ldapsUrl())), false, null)) {
			assertThatExceptionOfType(DirectoryException.class).isThrownBy(() -> readAll(connector))
				.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.UNREACHABLE))
				.withMessageContaining("directory unreachable")
				.withMessageContaining("TLS with the directory failed")
				.withMessageContaining("cannot be trusted");
		}
	}

	@Test
	void readAllWhenHostNameNotInCertificateThenUnreachable() {
		// the certificate is for IP 127.0.0.1 only: "localhost" reaches the same slapd but does not match
		URI localhost = URI.create(this.slapd.ldapsUrl().replace("127.0.0.1", "localhost"));
		try (LdapConnector connector = connector(List.of(localhost), false, testCa())) {
			assertThatExceptionOfType(DirectoryException.class).isThrownBy(() -> readAll(connector))
				.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.UNREACHABLE))
				.withMessageContaining("TLS with the directory failed")
				.withMessageContaining("expected hostname 'localhost' was not found");
		}
	}

	@Test
	void verifyWhenStartTlsThenPasswordsChecked() {
		DemoReader reader = DemoReaders.of(LIBRARY).get(0);
		try (LdapConnector connector = connector(List.of(URI.create(this.slapd.url())), true, testCa())) {
			assertThat(connector.verify(reader.dn(), password(reader.password()))).isEqualTo(PasswordResult.VERIFIED);
			assertThat(connector.verify(reader.dn(), password(reader.password() + "x")))
				.isEqualTo(PasswordResult.REJECTED);
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void verifyWhenStartTlsAndCaNotTrustedThenDirectoryUnavailableAndTheCauseLogged(CapturedOutput output) {
		DemoReader reader = DemoReaders.of(LIBRARY).get(0);
		try (LdapConnector connector = connector(List.of(URI.create(this.slapd.url())), true, null)) {
			assertThat(connector.verify(reader.dn(), password(reader.password())))
				.isEqualTo(PasswordResult.DIRECTORY_UNAVAILABLE);
		}
		assertThat(output.getOut() + output.getErr())
			.contains("Password check: no connection to the directory library=" + LIBRARY.code())
			.contains("TLS with the directory failed")
			.doesNotContain(reader.password());
	}

	@Test
	void wireWhenStartTlsThenOnlyTheStartTlsRequestIsPlain() throws Exception {
		DemoReader reader = DemoReaders.of(LIBRARY).get(0);
		try (Relay relay = new Relay(this.slapd.port());
				LdapConnector connector = connector(List.of(relay.url()), true, testCa())) {
			assertThat(readAll(connector).entries).isNotEmpty();
			assertThat(connector.verify(reader.dn(), password(reader.password()))).isEqualTo(PasswordResult.VERIFIED);
			String sent = relay.sentToDirectory();
			assertThat(sent).contains("1.3.6.1.4.1.1466.20037") // the StartTLS request itself
				.doesNotContain(LIBRARY.syncBindDn())
				.doesNotContain(DemoLibrary.SYNC_PASSWORD)
				.doesNotContain(reader.dn())
				.doesNotContain(reader.password());
		}
	}

	@Test
	void wireWhenInsecurePlainThenBindReadable() throws Exception {
		// the other side of the test above: the relay does see a bind that is not protected
		try (Relay relay = new Relay(this.slapd.port());
				LdapConnector connector = LdapConnector.create(
						DemoDirectories.at(DemoDirectories.library(LIBRARY), relay.url()), List.of(relay.url()),
						DemoDirectories.properties().zone())) {
			assertThat(readAll(connector).entries).isNotEmpty();
			assertThat(relay.sentToDirectory()).contains(LIBRARY.syncBindDn()).doesNotContain("1.3.6.1.4.1.1466.20037");
		}
	}

	private LdapConnector connector(List<URI> urls, boolean startTls, Resource trustedCertificates) {
		LibraryDirectory l = DemoDirectories.library(LIBRARY);
		LibraryDirectory directory = new LibraryDirectory(l.library(), l.preset(), urls, false, l.bindDn(),
				l.bindPassword(), l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(),
				l.bindTimeout(), l.poolSize(), l.mapping(), null, l.safetyBrake(), l.purgeAfter(),
				l.fullSyncInterval(), l.incrementalInterval(), l.incrementalOverlap(), startTls, trustedCertificates,
				l.changeDetection());
		return LdapConnector.create(directory, urls, DemoDirectories.properties().zone());
	}

	private Resource testCa() {
		return new FileSystemResource(this.slapd.caCertificate());
	}

	private static Collected readAll(LdapConnector connector) throws DirectoryException {
		Collected collected = new Collected();
		connector.readAll(collected);
		return collected;
	}

	private static List<String> cardNumbers(Collected collected) {
		return collected.entries.stream().map(DirectoryEntry::cardNumber).toList();
	}

	private static List<String> expectedCardNumbers() {
		return DemoReaders.of(LIBRARY)
			.stream()
			.filter((reader) -> !reader.isMalformed())
			.map(DemoReader::cardNumber)
			.toList();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A loopback TCP relay in front of slapd that keeps a copy of every byte a client sends, to
	 * look at what crosses the network.
	 */
	private static final class Relay implements AutoCloseable {

		private final ServerSocket server;

		private final int target;

		private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		Relay(int target) throws IOException {
			this.target = target;
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::accept, "relay-accept");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		URI url() {
			return URI.create("ldap://127.0.0.1:" + this.server.getLocalPort());
		}

		/** The bytes clients sent so far, as ISO-8859-1 (one char per byte) to search for text. */
		String sentToDirectory() {
			synchronized (this.sent) {
				return this.sent.toString(StandardCharsets.ISO_8859_1);
			}
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					Socket directory = new Socket(InetAddress.getLoopbackAddress(), this.target);
					this.sockets.add(client);
					this.sockets.add(directory);
					pump(client.getInputStream(), directory.getOutputStream(), true);
					pump(directory.getInputStream(), client.getOutputStream(), false);
				}
				catch (IOException ex) {
					return; // closed
				}
			}
		}

		private void pump(InputStream in, OutputStream out, boolean record) {
			Thread thread = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try (in; out) {
					for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
						if (record) {
							synchronized (this.sent) {
								this.sent.write(buffer, 0, n);
							}
						}
						out.write(buffer, 0, n);
						out.flush();
					}
				}
				catch (IOException ex) {
					// one side closed
				}
			}, "relay-pump");
			thread.setDaemon(true);
			thread.start();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.sockets) {
				socket.close();
			}
		}

	}

}
