package org.readerpass.adminui.archfixture;

import com.unboundid.ldap.sdk.Filter;

/** A deliberate violation (only ldap-sync may import UnboundID): proves the rules can fail. */
public class AdminUiClassUsingUnboundId {

	public Filter byCard(String card) {
		return Filter.createEqualityFilter("uid", card);
	}

}
