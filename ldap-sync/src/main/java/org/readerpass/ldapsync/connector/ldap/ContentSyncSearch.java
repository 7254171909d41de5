package org.readerpass.ldapsync.connector.ldap;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.readerpass.ldapsync.connector.ContentHandler;
import org.readerpass.ldapsync.connector.ContentSyncReader;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.ReadFailure;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;

/**
 * RFC 4533 content synchronization of the reader entries, on a connection of its own bound as the
 * sync user. Entries and deletions are named by their entryUUID, which the sync state control
 * carries (content sync therefore needs the directory id to be entryUUID). refreshOnly runs on the
 * calling thread like the paged search; refreshAndPersist runs on an asynchronous connection whose
 * reader thread hands the changes on, while the calling thread checks every {@code heartbeat} that
 * the directory still answers (a peer that vanished without closing the connection is noticed).
 */
final class ContentSyncSearch {

	/** Matches no entry: a refresh with it yields the directory's current cookie and nothing else. */
	private static final Filter NOTHING = Filter.createNOTFilter(Filter.createPresenceFilter("objectClass"));

	private final ServerSet servers;

	private final ServerSet persistServers;

	private final BindRequest syncBind;

	private final DN baseDn;

	private final Filter filter;

	private final EntryMapping mapping;

	private final String[] attributes;

	private final Duration heartbeat;

	/**
	 * @param servers synchronous-mode connections (refreshOnly)
	 * @param persistServers asynchronous connections with the usual response timeout (refreshAndPersist)
	 * @param heartbeat how often a persisting search checks the directory still answers
	 */
	ContentSyncSearch(ServerSet servers, ServerSet persistServers, BindRequest syncBind, DN baseDn, Filter filter,
			EntryMapping mapping, Duration heartbeat) {
		this.servers = servers;
		this.persistServers = persistServers;
		this.syncBind = syncBind;
		this.baseDn = baseDn;
		this.filter = filter;
		this.mapping = mapping;
		this.attributes = mapping.requestedAttributes();
		this.heartbeat = heartbeat;
	}

	byte[] currentCookie() throws DirectoryException {
		byte[] cookie = refresh(null, NOTHING, new Dispatcher(null));
		if (cookie == null) {
			throw new DirectoryException(ReadFailure.OTHER,
					"content sync of " + this.baseDn + " gave no cookie: does the directory run syncprov?", null);
		}
		return cookie;
	}

	byte[] refresh(byte[] cookie, ContentHandler handler) throws DirectoryException {
		byte[] next = refresh(cookie, this.filter, new Dispatcher(handler));
		return (next != null) ? next : cookie;
	}

	private byte[] refresh(byte[] cookie, Filter filter, Dispatcher dispatcher) throws DirectoryException {
		try (LDAPConnection connection = PagedAccountSearch.connect(this.servers, this.syncBind)) {
			SearchRequest request = request(dispatcher, filter, ContentSyncRequestMode.REFRESH_ONLY, cookie);
			SearchResult result = connection.search(request);
			dispatcher.rethrowHandlerFailure();
			return dispatcher.done(result);
		}
		catch (LDAPException ex) {
			dispatcher.rethrowHandlerFailure();
			throw searchFailed(ex);
		}
	}

	void persist(byte[] cookie, ContentHandler handler, Consumer<ContentSyncReader.Persistence> started)
			throws DirectoryException {
		Dispatcher dispatcher = new Dispatcher(handler);
		LDAPConnection connection = PagedAccountSearch.connect(this.persistServers, this.syncBind);
		Persisting persisting = new Persisting(connection, dispatcher);
		try {
			SearchRequest request = request(dispatcher, this.filter, ContentSyncRequestMode.REFRESH_AND_PERSIST,
					cookie);
			request.setResponseTimeoutMillis(0); // the search lasts as long as the stream; liveness by heartbeat
			connection.asyncSearch(request);
			started.accept(persisting);
			while (!dispatcher.finished.await(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS)) {
				if (persisting.stopped) {
					return;
				}
				connection.getRootDSE(); // throws when the directory no longer answers in time
			}
			if (persisting.stopped) {
				return;
			}
			dispatcher.rethrowHandlerFailure();
			LDAPResult end = dispatcher.end;
			if (end != null && end.getResultCode() != ResultCode.SUCCESS) {
				throw searchFailed(new LDAPException(end));
			}
			throw new DirectoryException(ReadFailure.CONNECTION_LOST,
					"content sync of " + this.baseDn + " ended by the directory", null);
		}
		catch (LDAPException ex) {
			if (persisting.stopped) {
				return;
			}
			dispatcher.rethrowHandlerFailure();
			throw searchFailed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (persisting.stopped) {
				return; // stopped, then interrupted (closing): the stop ended the search
			}
			throw new DirectoryException(ReadFailure.CONNECTION_LOST, "content sync interrupted", ex);
		}
		finally {
			connection.close();
		}
	}

	private SearchRequest request(Dispatcher dispatcher, Filter filter, ContentSyncRequestMode mode, byte[] cookie) {
		SearchRequest request = new SearchRequest(dispatcher, this.baseDn.toString(), SearchScope.SUB, filter,
				this.attributes);
		request.addControl(new ContentSyncRequestControl(true, mode,
				(cookie != null) ? new ASN1OctetString(cookie) : null, false));
		request.setIntermediateResponseListener(dispatcher);
		return request;
	}

	private DirectoryException searchFailed(LDAPException ex) {
		ReadFailure failure = PagedAccountSearch.failure(ex.getResultCode());
		String unavailable = ex.getResultCode().equals(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION)
				? " (the directory does not offer content sync: is syncprov configured?)" : "";
		return new DirectoryException(failure,
				"content sync of " + this.baseDn + " failed: " + PagedAccountSearch.describe(ex) + unavailable, ex);
	}

	private static final class Persisting implements ContentSyncReader.Persistence {

		private final LDAPConnection connection;

		private final Dispatcher dispatcher;

		private volatile boolean stopped;

		Persisting(LDAPConnection connection, Dispatcher dispatcher) {
			this.connection = connection;
			this.dispatcher = dispatcher;
		}

		@Override
		public void stop() {
			this.stopped = true;
			this.dispatcher.finished.countDown();
			this.connection.close();
		}

	}

	/**
	 * Turns sync state controls and sync info messages into {@link ContentHandler} calls, in the
	 * order they come (on the search's thread, or the persisting connection's reader thread). A
	 * handler failure stops the handing on and is rethrown to the caller.
	 */
	private final class Dispatcher implements AsyncSearchResultListener, IntermediateResponseListener {

		private static final long serialVersionUID = 1L;

		private final transient ContentHandler handler;

		private final transient CountDownLatch finished = new CountDownLatch(1);

		private transient volatile RuntimeException handlerFailure;

		private transient volatile LDAPResult end;

		/** @param handler {@code null} to take the cookie only */
		Dispatcher(ContentHandler handler) {
			this.handler = handler;
		}

		@Override
		public void searchEntryReturned(SearchResultEntry entry) {
			if (this.handler == null || this.handlerFailure != null) {
				return;
			}
			try {
				ContentSyncStateControl state = ContentSyncStateControl.get(entry);
				if (state == null) {
					throw new IllegalStateException("entry without a sync state control: " + entry.getDN());
				}
				String uuid = state.getEntryUUID().toString();
				switch (state.getState()) {
					case ADD, MODIFY -> handOn(entry);
					case DELETE -> this.handler.deleted(uuid);
					case PRESENT -> this.handler.present(uuid);
				}
				cookie(state.getCookie());
			}
			catch (LDAPException ex) {
				fail(new IllegalStateException("malformed sync state control: " + ex.getMessage(), ex));
			}
			catch (RuntimeException ex) {
				fail(ex);
			}
		}

		private void handOn(SearchResultEntry entry) {
			try {
				this.handler.entry(ContentSyncSearch.this.mapping.map(entry));
			}
			catch (MalformedValueException ex) {
				this.handler.malformed(entry.getDN(), ContentSyncSearch.this.mapping.directoryIdOf(entry),
						ex.getMessage());
			}
		}

		@Override
		public void intermediateResponseReturned(IntermediateResponse response) {
			if (this.handler == null || this.handlerFailure != null) {
				return;
			}
			try {
				ContentSyncInfoIntermediateResponse info = ContentSyncInfoIntermediateResponse.decode(response);
				switch (info.getType()) {
					case NEW_COOKIE -> cookie(info.getCookie());
					case REFRESH_DELETE, REFRESH_PRESENT -> {
						if (info.refreshDone()) {
							this.handler.refreshed(info.getType() == ContentSyncInfoType.REFRESH_PRESENT);
						}
						cookie(info.getCookie());
					}
					case SYNC_ID_SET -> {
						for (UUID uuid : info.getEntryUUIDs()) {
							if (info.refreshDeletes()) {
								this.handler.deleted(uuid.toString());
							}
							else {
								this.handler.present(uuid.toString());
							}
						}
						cookie(info.getCookie());
					}
				}
			}
			catch (LDAPException ex) {
				fail(new IllegalStateException("malformed sync info message: " + ex.getMessage(), ex));
			}
			catch (RuntimeException ex) {
				fail(ex);
			}
		}

		@Override
		public void searchReferenceReturned(SearchResultReference reference) {
			// referrals are not followed
		}

		@Override
		public void searchResultReceived(AsyncRequestID requestId, SearchResult result) {
			this.end = result;
			this.finished.countDown();
		}

		/** The refreshOnly search's end: tells the handler the refresh is over; the final cookie. */
		byte[] done(SearchResult result) {
			ContentSyncDoneControl done;
			try {
				done = ContentSyncDoneControl.get(result);
			}
			catch (LDAPException ex) {
				throw new IllegalStateException("malformed sync done control: " + ex.getMessage(), ex);
			}
			if (done == null) {
				return null;
			}
			if (this.handler != null) {
				this.handler.refreshed(!done.refreshDeletes());
			}
			cookie(done.getCookie());
			return (done.getCookie() != null) ? done.getCookie().getValue() : null;
		}

		private void cookie(ASN1OctetString cookie) {
			if (cookie != null && this.handler != null) {
				this.handler.cookie(cookie.getValue());
			}
		}

		private void fail(RuntimeException ex) {
			this.handlerFailure = ex;
			this.finished.countDown();
		}

		void rethrowHandlerFailure() {
			if (this.handlerFailure != null) {
				throw this.handlerFailure;
			}
		}

	}

}
