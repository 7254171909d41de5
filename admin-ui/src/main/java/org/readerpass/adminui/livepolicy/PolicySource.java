package org.readerpass.adminui.livepolicy;

/**
 * Where the live policy reads the stored resources and grants from: the policy store
 * ({@code grant.PolicyStore}).
 */
public interface PolicySource {

	/** The number that every committed change increases; 0 for a store never changed. */
	long revision();

	/**
	 * Every resource and grant as of one revision, read in one consistent transaction. Rows that
	 * cannot be read (edited by hand into something invalid) are left out and listed in
	 * {@link StoredPolicy#problems()}.
	 */
	StoredPolicy load();

}
