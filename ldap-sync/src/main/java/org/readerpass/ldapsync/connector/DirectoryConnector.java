package org.readerpass.ldapsync.connector;

/**
 * A library's directory backend (in the manner of Dex's connectors): a marker, with what it can
 * do expressed by capability interfaces such as {@link AccountReader} and
 * {@link PasswordConnector}. Closing releases its connections.
 */
public interface DirectoryConnector extends AutoCloseable {

	/** The library code this connector serves. */
	String library();

	@Override
	void close();

}
