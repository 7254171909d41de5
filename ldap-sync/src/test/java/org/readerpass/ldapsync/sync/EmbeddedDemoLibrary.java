package org.readerpass.ldapsync.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.readerpass.ldapsync.account.ReaderAccountStore;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.TestDatabases;

/**
 * One demo library's embedded directory and a fresh H2 account store, for tests of one node's
 * sync engines: started before each test, and the directory and every connector made by
 * {@link #connector()} closed after it. Register as
 * {@code @RegisterExtension final EmbeddedDemoLibrary zj = new EmbeddedDemoLibrary(DemoLibrary.ZJ);}.
 */
final class EmbeddedDemoLibrary implements BeforeEachCallback, AfterEachCallback {

	private final DemoLibrary library;

	private final List<AccountReader> connectors = new ArrayList<>();

	private DirectoryProperties properties;

	private EmbeddedDirectories directories;

	private ReaderAccountStore accounts;

	private JdbcSyncRuns runs;

	private ResidentIdHasher hasher;

	EmbeddedDemoLibrary(DemoLibrary library) {
		this.library = library;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.properties = DemoDirectories.properties(this.library);
		this.directories = EmbeddedDirectories.start(this.properties);
		DataSource database = TestDatabases.h2();
		this.hasher = new ResidentIdHasher(this.properties.identityHmacKey());
		this.accounts = TestReaderAccounts.jdbc(database, this.hasher);
		this.runs = new JdbcSyncRuns(database);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.connectors.forEach(AccountReader::close);
		this.connectors.clear();
		this.directories.close();
	}

	String code() {
		return this.library.code();
	}

	DirectoryProperties properties() {
		return this.properties;
	}

	EmbeddedDirectories directories() {
		return this.directories;
	}

	ReaderAccountStore accounts() {
		return this.accounts;
	}

	JdbcSyncRuns runs() {
		return this.runs;
	}

	/** A new connector to the library's directory, closed after the test. */
	AccountReader connector() {
		AccountReader connector = TestLdapConnectors.create(this.properties.library(code()).orElseThrow(),
				List.of(URI.create(this.directories.url(code()).orElseThrow())), this.properties.zone());
		this.connectors.add(connector);
		return connector;
	}

	/** A node reading through {@code reader} into this library's store, with its deletion policy. */
	TestSyncEngines.Builder node(AccountReader reader) {
		return TestSyncEngines.node(List.of(reader), this.accounts, this.runs)
			.hasher(this.hasher)
			.policies(DeletionPolicy.from(this.properties));
	}

}
