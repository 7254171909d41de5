package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.ldapsync.connector.DirectoryConnectorContractTests.password;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.readerpass.ldapsync.connector.DirectoryConnectorContractTests.Collected;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.ReadFailure;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.password.PasswordResult;

/**
 * A directory that accepts connections and never answers (a hung server): the configured
 * timeouts end the wait. The test timeout only guards against hanging.
 */
class LdapConnectorTimeoutTests {

	private ServerSocket blackHole;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private LdapConnector connector;

	@BeforeEach
	void startBlackHole() throws IOException {
		this.blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.blackHole.isClosed()) {
				try {
					this.accepted.add(this.blackHole.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "black-hole");
		acceptor.setDaemon(true);
		acceptor.start();
		LibraryDirectory zj = DemoDirectories.library(DemoLibrary.ZJ);
		LibraryDirectory config = new LibraryDirectory(zj.library(), zj.preset(),
				List.of(URI.create("ldap://127.0.0.1:" + this.blackHole.getLocalPort())), true, zj.bindDn(),
				zj.bindPassword(), zj.baseDn(), null, 10, Duration.ofMillis(300), Duration.ofMillis(300),
				Duration.ofMillis(300), 2, zj.mapping(), null, null, null, null, null, null, false, null, null);
		this.connector = LdapConnector.create(config, config.urls(), ZoneId.of("Asia/Shanghai"));
	}

	@AfterEach
	void stopBlackHole() throws IOException {
		this.connector.close();
		this.blackHole.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void verifyWhenDirectoryNeverAnswersThenUnavailable() {
		assertThat(this.connector.verify("uid=ZJ0001,ou=readers,dc=zj,dc=lib,dc=zj,dc=cn", password("zj0001-pass")))
			.isEqualTo(PasswordResult.DIRECTORY_UNAVAILABLE);
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void readAllWhenDirectoryNeverAnswersThenDirectoryException() {
		assertThatExceptionOfType(DirectoryException.class).isThrownBy(() -> this.connector.readAll(new Collected()))
			.withMessageContaining("unreachable").withMessageContaining("timeout (85)");
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void probeWhenDirectoryNeverAnswersThenUnreachable() {
		assertThatExceptionOfType(DirectoryException.class).isThrownBy(() -> this.connector.probe())
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.UNREACHABLE))
			.withMessageContaining("timeout (85)");
	}

}
