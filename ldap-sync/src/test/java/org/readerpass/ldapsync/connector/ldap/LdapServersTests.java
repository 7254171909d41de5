package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.directory.ChangeDetection;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.testsupport.DemoDirectories;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * A directory's TLS settings: a TLS socket factory (and with it the JVM's trust store, read at
 * start-up) only where a URL or StartTLS will use it; a configured CA file checked at start-up
 * whatever the URLs.
 */
class LdapServersTests {

	private static final List<URI> PLAIN = List.of(URI.create("ldap://127.0.0.1:3389"));

	@Test
	void tlsWhenPlainUrlsOnlyThenNoSocketFactory() {
		LdapServers.DirectoryTls tls = LdapServers.tls(directory(false, null), PLAIN);
		assertThat(tls.startTls()).isFalse();
		assertThat(tls.socketFactory()).isNull();
	}

	@Test
	void tlsWhenLdapsUrlThenSocketFactory() {
		LdapServers.DirectoryTls tls = LdapServers.tls(directory(false, null),
				List.of(URI.create("ldap://127.0.0.1:3389"), URI.create("LDAPS://127.0.0.1:3636")));
		assertThat(tls.socketFactory()).isNotNull();
	}

	@Test
	void tlsWhenStartTlsThenSocketFactory() {
		LdapServers.DirectoryTls tls = LdapServers.tls(directory(true, null), PLAIN);
		assertThat(tls.startTls()).isTrue();
		assertThat(tls.socketFactory()).isNotNull();
	}

	@Test
	void tlsWhenPlainUrlsAndUnreadableCaFileThenStillRefusedAtStart() {
		Resource notPem = new ByteArrayResource("not a certificate".getBytes(), "ca.pem");
		assertThatIllegalArgumentException().isThrownBy(() -> LdapServers.tls(directory(false, notPem), PLAIN))
			.withMessageContaining("trusted-certificates");
	}

	private static LibraryDirectory directory(boolean startTls, Resource trustedCertificates) {
		LibraryDirectory l = DemoDirectories.properties().libraries().get(0);
		return new LibraryDirectory(l.library(), l.preset(), PLAIN, true, l.bindDn(), l.bindPassword(), l.baseDn(),
				l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(), l.bindTimeout(), l.poolSize(),
				l.mapping(), null, l.safetyBrake(), l.purgeAfter(), l.fullSyncInterval(), l.incrementalInterval(),
				l.incrementalOverlap(), startTls, trustedCertificates, ChangeDetection.TIMESTAMPS);
	}

}
