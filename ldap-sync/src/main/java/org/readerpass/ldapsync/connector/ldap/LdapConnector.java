package org.readerpass.ldapsync.connector.ldap;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ChangeReader;
import org.readerpass.ldapsync.connector.DirectoryClock;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.connector.HealthProbe;
import org.readerpass.ldapsync.connector.PasswordConnector;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;

/**
 * The connector for an LDAP directory (OpenLDAP, Active Directory, the embedded UnboundID server)
 * on the UnboundID LDAP SDK: reads accounts (all, or those changed since a moment) by paged search,
 * tells the directory's time ({@link DirectoryTime}), checks passwords by bind, tells whether the
 * directory answers (health checks). A library configured for content sync gets a
 * {@link ContentSyncLdapConnector}, which also reads changes by RFC 4533.
 */
class LdapConnector implements AccountReader, ChangeReader, DirectoryClock, PasswordConnector, HealthProbe {

	private static final Logger logger = LoggerFactory.getLogger(LdapConnector.class);

	private final String library;

	private final PagedAccountSearch search;

	private final DirectoryTime time;

	private final LdapPasswordBinds passwords;

	private final LdapProbe probe;

	LdapConnector(String library, PagedAccountSearch search, DirectoryTime time, LdapPasswordBinds passwords,
			LdapProbe probe) {
		this.library = library;
		this.search = search;
		this.time = time;
		this.passwords = passwords;
		this.probe = probe;
	}

	/**
	 * A connector for one library. Nothing is contacted yet: a directory that is down does not
	 * stop the start-up.
	 * @param urls the directory's URLs (the configured ones, or the embedded directory's)
	 * @param zone where expiry timestamps become dates
	 * @throws IllegalArgumentException when the base DN, bind DN or filter does not parse
	 */
	static LdapConnector create(LibraryDirectory directory, List<URI> urls, ZoneId zone) {
		String library = directory.library();
		DN baseDn = parseDn(library, "base-dn", directory.baseDn());
		DN bindDn = parseDn(library, "bind-dn", directory.bindDn());
		Filter filter;
		try {
			filter = Filter.create(directory.effectiveFilter());
		}
		catch (LDAPException ex) {
			throw new IllegalArgumentException(
					"library " + library + ": filter is not a valid LDAP filter: " + ex.getMessage(), ex);
		}
		warnWhenPlain(library, urls, directory.startTls());
		LdapServers.DirectoryTls tls = LdapServers.tls(directory, urls);
		LDAPConnectionOptions searchOptions = LdapServers.options(directory.connectTimeout(),
				directory.responseTimeout());
		searchOptions.setUseSynchronousMode(true);
		LDAPConnectionOptions bindOptions = LdapServers.options(directory.connectTimeout(), directory.bindTimeout());
		// a password check is one request and its answer on a connection one thread holds: the thread
		// reads the answer itself, instead of a reader thread per pooled connection handing it over
		bindOptions.setUseSynchronousMode(true);
		EntryMapping mapping = EntryMapping.of(directory.preset(), directory.attributes(), zone);
		ServerSet searchServers = LdapServers.of(urls, tls, searchOptions);
		PagedAccountSearch search = new PagedAccountSearch(searchServers,
				new SimpleBindRequest(bindDn, directory.bindPassword().reveal()), baseDn, filter,
				directory.pageSize(), mapping, ChangeTimestamps.of(directory.preset()));
		DirectoryTime time = new DirectoryTime(library, searchServers,
				new SimpleBindRequest(bindDn, directory.bindPassword().reveal()));
		// the health probe connects as a password check does: same servers, same timeouts
		ServerSet bindServers = LdapServers.of(urls, tls, bindOptions);
		LdapPasswordBinds passwords = new LdapPasswordBinds(library, bindServers, directory.poolSize(),
				directory.bindTimeout().toMillis());
		LdapProbe probe = new LdapProbe(bindServers);
		if (directory.changeDetection().contentSync()) {
			LDAPConnectionOptions persistOptions = LdapServers.options(directory.connectTimeout(),
					directory.responseTimeout());
			ContentSyncSearch contentSync = new ContentSyncSearch(searchServers, LdapServers.of(urls, tls, persistOptions), new SimpleBindRequest(bindDn, directory.bindPassword().reveal()),
					baseDn, filter, mapping, directory.responseTimeout());
			return new ContentSyncLdapConnector(library, search, time, passwords, probe, contentSync);
		}
		return new LdapConnector(library, search, time, passwords, probe);
	}

	@Override
	public String library() {
		return this.library;
	}

	@Override
	public void readAll(EntryHandler handler) throws DirectoryException {
		this.search.readAll(handler);
	}

	@Override
	public void readChangedSince(Instant since, EntryHandler handler) throws DirectoryException {
		this.search.readChangedSince(since, handler);
	}

	@Override
	public Optional<Instant> currentTime() {
		return this.time.now();
	}

	@Override
	public PasswordResult verify(String dn, Password password) {
		return this.passwords.verify(dn, password);
	}

	@Override
	public void probe() throws DirectoryException {
		this.probe.probe();
	}

	@Override
	public void close() {
		this.passwords.close();
	}

	private static DN parseDn(String library, String key, String dn) {
		try {
			return new DN(dn);
		}
		catch (LDAPException ex) {
			throw new IllegalArgumentException("library " + library + ": " + key + " is not a valid DN", ex);
		}
	}

	private static void warnWhenPlain(String library, List<URI> urls, boolean startTls) {
		for (URI url : urls) {
			if ("ldap".equalsIgnoreCase(url.getScheme()) && !startTls) {
				if (isLoopback(url.getHost())) {
					logger.info("Directory of library={} is plain ldap:// on loopback url={}", library, url);
				}
				else {
					logger.warn("Directory of library={} is plain ldap:// (insecure-plain): passwords cross the network "
							+ "unencrypted url={}", library, url);
				}
			}
		}
	}

	private static boolean isLoopback(String host) {
		return "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host) || "[::1]".equals(host)
				|| "::1".equals(host);
	}

}
