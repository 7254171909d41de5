package org.readerpass.ldapsync.connector.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.readerpass.ldapsync.directory.LibraryDirectory;

import org.springframework.core.io.Resource;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;

/**
 * The servers of one directory: the URLs in order, each next one tried when the one before
 * cannot be reached ({@link FailoverServerSet}). {@code ldaps://} is TLS from the first byte;
 * {@code ldap://} with StartTLS is upgraded before anything else is sent. Both trust the
 * directory's own CA certificates when it has them, else the JVM's, and check the host name.
 */
final class LdapServers {

	private LdapServers() {
	}

	static ServerSet of(List<URI> urls, DirectoryTls tls, LDAPConnectionOptions options) {
		if (urls.isEmpty()) {
			throw new IllegalArgumentException("no directory URL");
		}
		ServerSet[] servers = urls.stream().map((url) -> server(url, tls, options)).toArray(ServerSet[]::new);
		ServerSet set = (servers.length == 1) ? servers[0] : new FailoverServerSet(servers);
		boolean usesTls = tls.startTls() || urls.stream().anyMatch(LdapServers::ldaps);
		return usesTls ? new TlsFailuresDescribed(set) : set;
	}

	/**
	 * The TLS settings of a library's directory at these URLs, its CA file read once. No socket
	 * factory when neither an {@code ldaps://} URL nor StartTLS will use one (and none is
	 * configured): making one reads the JVM's trust store and initialises TLS, ~5 % of a node's
	 * start-up before its code is compiled.
	 * @throws IllegalArgumentException when {@code trusted-certificates} cannot be read or holds no certificate
	 */
	static DirectoryTls tls(LibraryDirectory directory, List<URI> urls) {
		boolean used = directory.startTls() || urls.stream().anyMatch(LdapServers::ldaps);
		if (!used && directory.trustedCertificates() == null) {
			return new DirectoryTls(false, null);
		}
		return new DirectoryTls(directory.startTls(),
				tlsSocketFactory(directory.library(), directory.trustedCertificates()));
	}

	private static boolean ldaps(URI url) {
		return "ldaps".equalsIgnoreCase(url.getScheme());
	}

	/** Options shared by every connection: short connect timeout, no referral chasing. */
	static LDAPConnectionOptions options(Duration connectTimeout, Duration responseTimeout) {
		LDAPConnectionOptions options = new LDAPConnectionOptions();
		options.setConnectTimeoutMillis(Math.toIntExact(connectTimeout.toMillis()));
		options.setResponseTimeoutMillis(responseTimeout.toMillis());
		options.setFollowReferrals(false);
		options.setUsePooledSchema(false);
		// checked after the handshake of ldaps:// and of StartTLS alike
		options.setSSLSocketVerifier(new HostNameVerifier());
		return options;
	}

	private static ServerSet server(URI url, DirectoryTls tls, LDAPConnectionOptions options) {
		boolean ldaps = ldaps(url);
		int port = (url.getPort() != -1) ? url.getPort() : (ldaps ? 636 : 389);
		if (ldaps) {
			return new SingleServerSet(url.getHost(), port, tls.socketFactory(), options);
		}
		PostConnectProcessor startTls = tls.startTls() ? new StartTLSPostConnectProcessor(tls.socketFactory()) : null;
		return new SingleServerSet(url.getHost(), port, SocketFactory.getDefault(), options, null, startTls);
	}

	private static SSLSocketFactory tlsSocketFactory(String library, Resource trustedCertificates) {
		TrustManager trust = (trustedCertificates != null) ? trustManager(library, trustedCertificates)
				: JVMDefaultTrustManager.getInstance();
		try {
			return new SSLUtil(trust).createSSLSocketFactory();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("TLS is not available", ex);
		}
	}

	/** PKIX validation against the CA certificates of the PEM file only. */
	private static TrustManager trustManager(String library, Resource pem) {
		try (InputStream in = pem.getInputStream()) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new IllegalArgumentException(
						"library " + library + ": trusted-certificates holds no certificate: " + pem.getDescription());
			}
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : certificates) {
				store.setCertificateEntry("ca-" + i++, certificate);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return factory.getTrustManagers()[0];
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("library " + library + ": trusted-certificates cannot be read: "
					+ pem.getDescription() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@link HostNameSSLSocketVerifier}, its failure marked as a certificate problem (a
	 * {@link CertificateException} cause) like a failed trust check.
	 */
	private static final class HostNameVerifier extends SSLSocketVerifier {

		private final HostNameSSLSocketVerifier verifier = new HostNameSSLSocketVerifier(true);

		@Override
		public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
			try {
				this.verifier.verifySSLSocket(host, port, socket);
			}
			catch (LDAPException ex) {
				throw new LDAPException(ex.getResultCode(), ex.getMessage(),
						new CertificateException(ex.getMessage(), ex));
			}
		}

	}

	/**
	 * The servers, with a failed TLS handshake or certificate check told as such: the result code
	 * alone ({@code connect error}, {@code server down}) reads like a directory that is down.
	 */
	private static final class TlsFailuresDescribed extends ServerSet {

		private final ServerSet servers;

		TlsFailuresDescribed(ServerSet servers) {
			this.servers = servers;
		}

		@Override
		public LDAPConnection getConnection() throws LDAPException {
			try {
				return this.servers.getConnection();
			}
			catch (LDAPException ex) {
				throw described(ex);
			}
		}

		@Override
		public LDAPConnection getConnection(LDAPConnectionPoolHealthCheck healthCheck) throws LDAPException {
			try {
				return this.servers.getConnection(healthCheck);
			}
			catch (LDAPException ex) {
				throw described(ex);
			}
		}

		@Override
		public boolean includesAuthentication() {
			return this.servers.includesAuthentication();
		}

		@Override
		public boolean includesPostConnectProcessing() {
			return this.servers.includesPostConnectProcessing();
		}

		@Override
		public void shutDown() {
			this.servers.shutDown();
		}

		@Override
		public void toString(StringBuilder buffer) {
			this.servers.toString(buffer);
		}

		/** With the TLS problem as diagnostic message, e.g. the certificate chain that is not trusted. */
		private static LDAPException described(LDAPException ex) {
			Throwable tls = null;
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SSLException || cause instanceof CertificateException) {
					tls = cause;
				}
			}
			if (tls == null) {
				return ex;
			}
			String diagnostic = "TLS with the directory failed: " + tls.getMessage();
			return new LDAPException(new LDAPResult(-1, ex.getResultCode(), diagnostic, null, List.of(), List.of()), ex);
		}

	}

	/**
	 * How a directory's connections are secured.
	 * @param startTls upgrade {@code ldap://} connections with StartTLS
	 * @param socketFactory TLS with the directory's trust, for {@code ldaps://} and StartTLS; {@code null}
	 *     when neither is used
	 */
	record DirectoryTls(boolean startTls, SSLSocketFactory socketFactory) {
	}

}
