package org.readerpass.ldapsync.connector.ldap;

import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.readerpass.ldapsync.connector.DirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.util.StaticUtils;

/**
 * Reads a directory's own time, read-only, as the sync user: the root DSE's {@code currentTime}
 * (Active Directory, the embedded directories), else {@code monitorTimestamp} of
 * {@code cn=Current,cn=Time,cn=Monitor} (OpenLDAP with the monitor backend). Both are
 * GeneralizedTime in whole seconds, rounded down: never later than the clock that stamps entries.
 */
final class DirectoryTime {

	static final String ROOT_DSE_ATTRIBUTE = "currentTime";

	static final String MONITOR_DN = "cn=Current,cn=Time,cn=Monitor";

	static final String MONITOR_ATTRIBUTE = "monitorTimestamp";

	private static final Logger logger = LoggerFactory.getLogger(DirectoryTime.class);

	private final String library;

	private final ServerSet servers;

	private final BindRequest syncBind;

	/** Whether "cannot tell its time" was logged at INFO already (once per connector). */
	private final AtomicBoolean toldCannot = new AtomicBoolean();

	DirectoryTime(String library, ServerSet servers, BindRequest syncBind) {
		this.library = library;
		this.servers = servers;
		this.syncBind = syncBind;
	}

	Optional<Instant> now() {
		try (LDAPConnection connection = PagedAccountSearch.connect(this.servers, this.syncBind)) {
			Instant now = read(connection, "", ROOT_DSE_ATTRIBUTE);
			if (now == null) {
				now = read(connection, MONITOR_DN, MONITOR_ATTRIBUTE);
			}
			if (now == null && this.toldCannot.compareAndSet(false, true)) {
				logger.info("Directory cannot tell its time (no root DSE currentTime, no readable {}): the sync "
						+ "bounds it from change timestamps library={}", MONITOR_DN, this.library);
			}
			return Optional.ofNullable(now);
		}
		catch (DirectoryException ex) {
			logger.debug("Directory time not read library={}: {}", this.library, ex.getMessage());
			return Optional.empty();
		}
	}

	/** The attribute of the entry as a moment, or {@code null} when absent, unreadable or refused. */
	private Instant read(LDAPConnection connection, String dn, String attribute) {
		try {
			SearchResultEntry entry = connection.getEntry(dn, attribute);
			String value = (entry != null) ? entry.getAttributeValue(attribute) : null;
			return (value != null) ? StaticUtils.decodeGeneralizedTime(value).toInstant() : null;
		}
		catch (LDAPException ex) {
			logger.debug("Directory time not readable at {} library={}: {}", (dn.isEmpty() ? "root DSE" : dn),
					this.library, PagedAccountSearch.describe(ex));
			return null;
		}
		catch (ParseException ex) {
			logger.debug("Directory time not understood at {} library={}", (dn.isEmpty() ? "root DSE" : dn),
					this.library);
			return null;
		}
	}

}
