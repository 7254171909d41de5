package org.readerpass.ldapsync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.directory.EmbeddedDirectory;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.policy.Secret;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import org.springframework.core.io.ByteArrayResource;

class EmbeddedDirectoriesTests {

	@Test
	void startWhenDemoThenEveryLibraryOnLoopbackAndSyncUserBinds() throws LDAPException {
		try (EmbeddedDirectories directories = EmbeddedDirectories.start(DemoDirectories.properties())) {
			for (DemoLibrary library : DemoLibrary.values()) {
				URI url = URI.create(directories.url(library.code()).orElseThrow());
				assertThat(url.getHost()).isEqualTo("127.0.0.1");
				try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
					assertThat(connection.bind(library.syncBindDn(), DemoLibrary.SYNC_PASSWORD).getResultCode())
						.isEqualTo(ResultCode.SUCCESS);
				}
			}
			assertThat(directories.url("zj.hz")).isEmpty();
		}
	}

	@Test
	void stopWhenStartedAgainThenSamePortAndEntriesKept() throws LDAPException {
		try (EmbeddedDirectories directories = EmbeddedDirectories.start(DemoDirectories.properties(DemoLibrary.ZHUJI))) {
			URI url = URI.create(directories.url("zj.sx.zhuji").orElseThrow());
			directories.stop("zj.sx.zhuji");
			directories.stop("zj.sx.zhuji");
			assertThatExceptionOfType(LDAPException.class).isThrownBy(() -> new LDAPConnection(url.getHost(), url.getPort()))
				.satisfies((ex) -> assertThat(ex.getResultCode()).isEqualTo(ResultCode.CONNECT_ERROR));
			directories.start("zj.sx.zhuji");
			assertThat(directories.url("zj.sx.zhuji")).contains(url.toString());
			try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
				assertThat(connection.bind("uid=LIB8888,ou=readers,dc=zhuji,dc=lib,dc=zj,dc=cn", "zhuji-8888")
					.getResultCode()).isEqualTo(ResultCode.SUCCESS);
			}
		}
	}

	@Test
	void startWhenBindDnNotInLdifThenConfiguredCredentialsWork() throws LDAPException {
		LibraryDirectory zj = DemoDirectories.library(DemoLibrary.ZJ);
		LibraryDirectory other = new LibraryDirectory(zj.library(), zj.preset(), List.of(), true,
				"cn=another-sync,dc=zj,dc=lib,dc=zj,dc=cn", Secret.of("another-secret"), zj.baseDn(), null, 10,
				zj.connectTimeout(), zj.responseTimeout(), zj.bindTimeout(), 2, zj.mapping(), zj.embedded(), null, null, null, null, null, false, null, null);
		try (EmbeddedDirectories directories = EmbeddedDirectories.start(List.of(other))) {
			URI url = URI.create(directories.url("zj").orElseThrow());
			try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort())) {
				assertThat(connection.bind("cn=another-sync,dc=zj,dc=lib,dc=zj,dc=cn", "another-secret").getResultCode())
					.isEqualTo(ResultCode.SUCCESS);
			}
		}
	}

	@Test
	void startWhenLdifBrokenThenErrorNamesLibrary() {
		LibraryDirectory zj = DemoDirectories.library(DemoLibrary.ZJ);
		LibraryDirectory broken = new LibraryDirectory("zj.broken", zj.preset(), List.of(), true, zj.bindDn(),
				zj.bindPassword(), zj.baseDn(), null, 10, zj.connectTimeout(), zj.responseTimeout(), zj.bindTimeout(), 2,
				zj.mapping(), new EmbeddedDirectory(
						new ByteArrayResource("dn: dc=x\nobjectClass: nosuchclass\n".getBytes()), 0), null, null, null, null, null, false, null, null);
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedDirectories.start(List.of(broken)))
			.withMessageStartingWith("library zj.broken: embedded directory cannot start");
	}

	@Test
	void startWhenOneOfSeveralCannotStartThenTheOthersAreShutDownAndItsErrorThrown() throws IOException {
		LibraryDirectory zj = DemoDirectories.library(DemoLibrary.ZJ);
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		LibraryDirectory good = new LibraryDirectory(zj.library(), zj.preset(), List.of(), true, zj.bindDn(),
				zj.bindPassword(), zj.baseDn(), null, 10, zj.connectTimeout(), zj.responseTimeout(), zj.bindTimeout(), 2,
				zj.mapping(), new EmbeddedDirectory(zj.embedded().ldif(), port), null, null, null, null, null, false, null,
				null);
		LibraryDirectory broken = new LibraryDirectory("zj.broken", zj.preset(), List.of(), true, zj.bindDn(),
				zj.bindPassword(), zj.baseDn(), null, 10, zj.connectTimeout(), zj.responseTimeout(), zj.bindTimeout(), 2,
				zj.mapping(), new EmbeddedDirectory(
						new ByteArrayResource("dn: dc=x\nobjectClass: nosuchclass\n".getBytes()), 0), null, null, null, null, null, false, null, null);
		List<LibraryDirectory> libraries = new ArrayList<>(DemoDirectories.properties().libraries());
		libraries.removeIf((library) -> library.library().equals("zj"));
		libraries.add(0, good);
		libraries.add(broken);

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedDirectories.start(libraries))
			.withMessageStartingWith("library zj.broken: embedded directory cannot start");
		assertThatExceptionOfType(LDAPException.class).as("the directory started beside it is shut down")
			.isThrownBy(() -> new LDAPConnection("127.0.0.1", port).close())
			.satisfies((ex) -> assertThat(ex.getResultCode()).isEqualTo(ResultCode.CONNECT_ERROR));
	}

	@Test
	void stopWhenLibraryNotEmbeddedThenIllegalArgument() {
		try (EmbeddedDirectories directories = EmbeddedDirectories.start(List.of())) {
			assertThatIllegalArgumentException().isThrownBy(() -> directories.stop("zj"));
		}
	}

}
