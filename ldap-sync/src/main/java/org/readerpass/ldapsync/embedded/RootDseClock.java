package org.readerpass.ldapsync.embedded;

import java.util.Date;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;

/**
 * Adds {@code currentTime} (GeneralizedTime, whole seconds) to the embedded directory's root DSE, as
 * Active Directory serves it: the UnboundID in-memory server has no attribute that tells its time,
 * and it stamps {@code createTimestamp}/{@code modifyTimestamp} with this JVM's clock, the one read
 * here. The sync takes it at the start of each run (the connector's {@code DirectoryClock}).
 */
final class RootDseClock extends InMemoryOperationInterceptor {

	static final String ATTRIBUTE = "currentTime";

	@Override
	public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
		if (!entry.getSearchEntry().getDN().isEmpty()) {
			return;
		}
		Entry rootDse = entry.getSearchEntry().duplicate();
		rootDse.setAttribute(ATTRIBUTE, StaticUtils.encodeGeneralizedTime(new Date(System.currentTimeMillis() / 1000 * 1000)));
		entry.setSearchEntry(rootDse);
	}

}
