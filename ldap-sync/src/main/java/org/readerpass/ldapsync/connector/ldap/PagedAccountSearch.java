package org.readerpass.ldapsync.connector.ldap;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.connector.ReadFailure;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

/**
 * Reads every reader entry with a subtree search in pages (RFC 2696 Simple Paged Results), on
 * one connection bound as the sync user (paging cookies belong to their connection). Entries are
 * handed on as they arrive: a page is never held in memory.
 */
final class PagedAccountSearch {

	private final ServerSet servers;

	private final BindRequest syncBind;

	private final DN baseDn;

	private final Filter filter;

	private final int pageSize;

	private final EntryMapping mapping;

	private final ChangeTimestamps timestamps;

	private final String[] attributes;

	PagedAccountSearch(ServerSet servers, BindRequest syncBind, DN baseDn, Filter filter, int pageSize,
			EntryMapping mapping, ChangeTimestamps timestamps) {
		this.servers = servers;
		this.syncBind = syncBind;
		this.baseDn = baseDn;
		this.filter = filter;
		this.pageSize = pageSize;
		this.mapping = mapping;
		this.timestamps = timestamps;
		Set<String> attributes = new LinkedHashSet<>(List.of(mapping.requestedAttributes()));
		attributes.addAll(timestamps.attributes()); // operational on OpenLDAP: asked for by name
		this.attributes = attributes.toArray(String[]::new);
	}

	void readAll(EntryHandler handler) throws DirectoryException {
		read(this.filter, handler);
	}

	/** The reader entries changed at or after {@code since} (directory clock). */
	void readChangedSince(Instant since, EntryHandler handler) throws DirectoryException {
		read(this.timestamps.since(this.filter, since), handler);
	}

	private void read(Filter filter, EntryHandler handler) throws DirectoryException {
		MappingListener listener = new MappingListener(handler);
		try (LDAPConnection connection = connect()) {
			ASN1OctetString cookie = null;
			do {
				SearchRequest request = new SearchRequest(listener, this.baseDn.toString(), SearchScope.SUB, filter,
						this.attributes);
				request.addControl(new SimplePagedResultsControl(this.pageSize, cookie, false));
				SearchResult result = connection.search(request);
				listener.rethrowHandlerFailure();
				SimplePagedResultsControl page = SimplePagedResultsControl.get(result);
				cookie = (page != null && page.moreResultsToReturn()) ? page.getCookie() : null;
			}
			while (cookie != null);
		}
		catch (LDAPException ex) {
			listener.rethrowHandlerFailure();
			throw new DirectoryException(failure(ex.getResultCode()),
					"search of " + this.baseDn + " failed: " + describe(ex), ex);
		}
	}

	private LDAPConnection connect() throws DirectoryException {
		return connect(this.servers, this.syncBind);
	}

	/** A connection to the first reachable server, bound as the sync user. */
	static LDAPConnection connect(ServerSet servers, BindRequest syncBind) throws DirectoryException {
		LDAPConnection connection;
		try {
			connection = servers.getConnection();
		}
		catch (LDAPException ex) {
			throw new DirectoryException(ReadFailure.UNREACHABLE, "directory unreachable: " + describe(ex), ex);
		}
		try {
			connection.bind(syncBind.duplicate());
			return connection;
		}
		catch (LDAPException ex) {
			connection.close();
			boolean refused = ResultCode.isConnectionUsable(ex.getResultCode());
			String problem = refused ? "sync bind refused: " : "directory unreachable during the sync bind: ";
			throw new DirectoryException(refused ? ReadFailure.BIND_REFUSED : ReadFailure.UNREACHABLE,
					problem + describe(ex), ex);
		}
	}

	/** What a search's result code says about the entries not read. */
	static ReadFailure failure(ResultCode code) {
		if (code.equals(ResultCode.SIZE_LIMIT_EXCEEDED) || code.equals(ResultCode.ADMIN_LIMIT_EXCEEDED)) {
			return ReadFailure.SIZE_LIMIT_EXCEEDED;
		}
		if (code.equals(ResultCode.TIME_LIMIT_EXCEEDED) || code.equals(ResultCode.TIMEOUT)) {
			return ReadFailure.TIME_LIMIT_EXCEEDED;
		}
		if (code.equals(ResultCode.NO_SUCH_OBJECT)) {
			return ReadFailure.BASE_DN_MISSING;
		}
		if (code.equals(ResultCode.E_SYNC_REFRESH_REQUIRED)) {
			return ReadFailure.SYNC_REFRESH_REQUIRED;
		}
		if (!ResultCode.isConnectionUsable(code) || code.equals(ResultCode.UNAVAILABLE)) {
			return ReadFailure.CONNECTION_LOST;
		}
		return ReadFailure.OTHER;
	}

	static String describe(LDAPException ex) {
		String diagnostic = ex.getDiagnosticMessage();
		return ex.getResultCode().getName() + " (" + ex.getResultCode().intValue() + ")"
				+ ((diagnostic != null && !diagnostic.isBlank()) ? ": " + diagnostic : "");
	}

	/**
	 * Maps each entry and hands it on. The search runs in synchronous mode, so this runs on the
	 * calling thread; a handler failure stops the handing on and is rethrown after the search.
	 */
	private final class MappingListener implements SearchResultListener {

		private static final long serialVersionUID = 1L;

		private final transient EntryHandler handler;

		private transient RuntimeException handlerFailure;

		MappingListener(EntryHandler handler) {
			this.handler = handler;
		}

		@Override
		public void searchEntryReturned(SearchResultEntry entry) {
			if (this.handlerFailure != null) {
				return;
			}
			try {
				Instant changed = PagedAccountSearch.this.timestamps.latest(entry);
				if (changed != null) {
					this.handler.changedAt(changed);
				}
				try {
					this.handler.entry(PagedAccountSearch.this.mapping.map(entry));
				}
				catch (MalformedValueException ex) {
					this.handler.malformed(entry.getDN(), PagedAccountSearch.this.mapping.directoryIdOf(entry),
							ex.getMessage());
				}
			}
			catch (RuntimeException ex) {
				this.handlerFailure = ex;
			}
		}

		@Override
		public void searchReferenceReturned(SearchResultReference reference) {
			// referrals to other naming contexts (Active Directory) are not followed
		}

		void rethrowHandlerFailure() {
			if (this.handlerFailure != null) {
				throw this.handlerFailure;
			}
		}

	}

}
