package org.readerpass.ldapsync.linking;

import java.util.List;
import java.util.UUID;

/** Reads why accounts belong to readers (persons), for admins. */
interface ReaderLinks {

	/**
	 * How each current account of the reader came to it, in the order the links were made; empty for an unknown
	 * reader. An account linked more than once (by an admin) has one entry per link.
	 */
	List<ReaderLink> explain(UUID readerId);

	/** How this account came to its current reader, latest link first; empty for an unknown account. */
	List<ReaderLink> explainAccount(UUID accountId);

}
