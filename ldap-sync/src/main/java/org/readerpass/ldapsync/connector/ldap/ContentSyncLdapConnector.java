package org.readerpass.ldapsync.connector.ldap;

import java.util.function.Consumer;

import org.readerpass.ldapsync.connector.ContentHandler;
import org.readerpass.ldapsync.connector.ContentSyncReader;
import org.readerpass.ldapsync.connector.DirectoryException;

/**
 * The LDAP connector of a library configured for content sync ({@code change-detection:
 * content-sync} or {@code content-sync-persist}): an {@link LdapConnector} that also reads changes
 * by RFC 4533 (OpenLDAP's {@code syncprov}).
 */
final class ContentSyncLdapConnector extends LdapConnector implements ContentSyncReader {

	private final ContentSyncSearch contentSync;

	ContentSyncLdapConnector(String library, PagedAccountSearch search, DirectoryTime time,
			LdapPasswordBinds passwords, LdapProbe probe, ContentSyncSearch contentSync) {
		super(library, search, time, passwords, probe);
		this.contentSync = contentSync;
	}

	@Override
	public byte[] currentCookie() throws DirectoryException {
		return this.contentSync.currentCookie();
	}

	@Override
	public byte[] refresh(byte[] cookie, ContentHandler handler) throws DirectoryException {
		return this.contentSync.refresh(cookie, handler);
	}

	@Override
	public void persist(byte[] cookie, ContentHandler handler, Consumer<Persistence> started)
			throws DirectoryException {
		this.contentSync.persist(cookie, handler, started);
	}

}
