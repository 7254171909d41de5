package org.readerpass.ldapsync.connector.ldap;

import java.net.URI;
import java.util.List;

import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.DirectoryConnectorContractTests.DirectoryFixture;
import org.readerpass.ldapsync.connector.DirectoryClock;
import org.readerpass.ldapsync.connector.HealthProbe;
import org.readerpass.ldapsync.connector.PasswordConnector;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;

/** A demo library's embedded directory with an {@link LdapConnector} to it. */
final class EmbeddedFixture implements DirectoryFixture {

	private final DemoLibrary library;

	private final EmbeddedDirectories directories;

	private final LdapConnector connector;

	EmbeddedFixture(DemoLibrary library) {
		this.library = library;
		DirectoryProperties properties = DemoDirectories.properties(library);
		LibraryDirectory config = properties.library(library.code()).orElseThrow();
		this.directories = EmbeddedDirectories.start(properties);
		this.connector = LdapConnector.create(config,
				List.of(URI.create(this.directories.url(library.code()).orElseThrow())), properties.zone());
	}

	EmbeddedDirectories directories() {
		return this.directories;
	}

	@Override
	public AccountReader reader() {
		return this.connector;
	}

	@Override
	public HealthProbe healthProbe() {
		return this.connector;
	}

	@Override
	public PasswordConnector passwordConnector() {
		return this.connector;
	}

	@Override
	public DirectoryClock clock() {
		return this.connector;
	}

	@Override
	public void stopDirectory() {
		this.directories.stop(this.library.code());
	}

	@Override
	public void startDirectory() {
		this.directories.start(this.library.code());
	}

	@Override
	public void close() {
		this.connector.close();
		this.directories.close();
	}

}
