package org.readerpass.ldapsync.archfixture.visibility;

/**
 * A deliberate violation (public, yet only its own package uses it): proves the rule that ldap-sync
 * makes public only its API can fail.
 */
public class PublicOnlyForItsPackage {

	public String name() {
		return "only used in its package";
	}

}
