package org.readerpass.ldapsync.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;

/**
 * One library's in-memory directory: standard schema plus the preset's, {@code {SSHA}} passwords
 * (SHA-1 over password and an 8-byte salt, as slapd), base DNs taken from the LDIF's top entries, and
 * the time in the root DSE's {@code currentTime} ({@link RootDseClock}).
 */
final class EmbeddedServer {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedServer.class);

	private final String library;

	private final InMemoryDirectoryServer server;

	private final int port;

	private boolean listening = true;

	private EmbeddedServer(String library, InMemoryDirectoryServer server) {
		this.library = library;
		this.server = server;
		this.port = server.getListenPort();
	}

	static EmbeddedServer start(LibraryDirectory directory) {
		String library = directory.library();
		try {
			List<Entry> entries = read(directory);
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(topDns(entries));
			config.setSchema(PresetSchemas.withStandard(directory.preset()));
			config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
					directory.embedded().port(), null));
			config.setPasswordEncoders(new SshaPasswordEncoder());
			config.setAccessLogHandler(null);
			config.addInMemoryOperationInterceptor(new RootDseClock());
			DN bindDn = new DN(directory.bindDn());
			if (entries.stream().noneMatch((entry) -> bindDn.equals(dn(entry)))) {
				config.addAdditionalBindCredentials(directory.bindDn(), directory.bindPassword().reveal());
			}
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			for (Entry entry : entries) {
				server.add(entry); // as an internal operation: keeps the LDIF's entryUUID (NO-USER-MODIFICATION)
			}
			server.startListening();
			EmbeddedServer started = new EmbeddedServer(library, server);
			logger.info("Embedded directory started library={} url={} entries={}", library, started.url(),
					entries.size());
			return started;
		}
		catch (LDAPException | IOException | LDIFException ex) {
			throw new IllegalStateException("library " + library + ": embedded directory cannot start: "
					+ ex.getMessage(), ex);
		}
	}

	String url() {
		return "ldap://127.0.0.1:" + this.port;
	}

	synchronized void stopListening() {
		if (!this.listening) {
			return;
		}
		this.server.shutDown(true);
		this.listening = false;
		logger.info("Embedded directory stopped library={}", this.library);
	}

	synchronized void startListening() {
		if (this.listening) {
			return;
		}
		try {
			this.server.startListening(); // UnboundID listens again on the port it had
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("library " + this.library + ": embedded directory cannot listen again", ex);
		}
		if (this.server.getListenPort() != this.port) {
			throw new IllegalStateException("library " + this.library + ": embedded directory moved to another port");
		}
		this.listening = true;
		logger.info("Embedded directory started again library={} url={}", this.library, url());
	}

	synchronized void shutDown() {
		this.server.shutDown(true);
		this.listening = false;
	}

	private static List<Entry> read(LibraryDirectory directory) throws IOException, LDIFException {
		List<Entry> entries = new ArrayList<>();
		try (InputStream in = directory.embedded().ldif().getInputStream(); LDIFReader reader = new LDIFReader(in)) {
			for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** The DNs of the entries whose parent is not in the file: the directory's naming contexts. */
	private static DN[] topDns(List<Entry> entries) throws LDAPException {
		Set<DN> dns = entries.stream().map(EmbeddedServer::dn).collect(Collectors.toSet());
		DN[] tops = dns.stream().filter((dn) -> !dns.contains(dn.getParent())).toArray(DN[]::new);
		if (tops.length == 0) {
			throw new LDAPException(ResultCode.PARAM_ERROR, "the LDIF has no entries");
		}
		return tops;
	}

	private static DN dn(Entry entry) {
		try {
			return entry.getParsedDN();
		}
		catch (LDAPException ex) {
			throw new IllegalArgumentException("invalid DN in LDIF: " + entry.getDN(), ex);
		}
	}

}
