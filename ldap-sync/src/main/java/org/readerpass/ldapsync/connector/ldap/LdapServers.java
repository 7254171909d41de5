package org.readerpass.ldapsync.connector.ldap;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import javax.net.SocketFactory;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/**
 * The servers of one directory: the URLs in order, each next one tried when the one before
 * cannot be reached ({@link FailoverServerSet}). {@code ldaps://} trusts the JVM's CAs and
 * checks the host name.
 */
final class LdapServers {

	private LdapServers() {
	}

	static ServerSet of(List<URI> urls, LDAPConnectionOptions options) {
		if (urls.isEmpty()) {
			throw new IllegalArgumentException("no directory URL");
		}
		ServerSet[] servers = urls.stream().map((url) -> server(url, options)).toArray(ServerSet[]::new);
		return (servers.length == 1) ? servers[0] : new FailoverServerSet(servers);
	}

	/** Options shared by every connection: short connect timeout, no referral chasing. */
	static LDAPConnectionOptions options(Duration connectTimeout, Duration responseTimeout) {
		LDAPConnectionOptions options = new LDAPConnectionOptions();
		options.setConnectTimeoutMillis(Math.toIntExact(connectTimeout.toMillis()));
		options.setResponseTimeoutMillis(responseTimeout.toMillis());
		options.setFollowReferrals(false);
		options.setUsePooledSchema(false);
		options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
		return options;
	}

	private static ServerSet server(URI url, LDAPConnectionOptions options) {
		boolean tls = "ldaps".equalsIgnoreCase(url.getScheme());
		int port = (url.getPort() != -1) ? url.getPort() : (tls ? 636 : 389);
		return new SingleServerSet(url.getHost(), port, tls ? tlsSocketFactory() : SocketFactory.getDefault(), options);
	}

	private static SocketFactory tlsSocketFactory() {
		try {
			return new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("TLS is not available", ex);
		}
	}

}
