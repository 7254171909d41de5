package org.readerpass.ldapsync.connector;

/**
 * A directory could not be read: unreachable, too slow, or it refused the sync's bind or search.
 * The message names the cause without credentials.
 */
public class DirectoryException extends Exception {

	private static final long serialVersionUID = 1L;

	public DirectoryException(String message, Throwable cause) {
		super(message, cause);
	}

}
