package org.readerpass.ldapsync.connector;

/**
 * A directory could not be read: unreachable, too slow, or it refused the sync's bind or search.
 * The message names the cause without credentials; {@link #failure()} classifies it.
 */
public class DirectoryException extends Exception {

	private static final long serialVersionUID = 1L;

	private final ReadFailure failure;

	public DirectoryException(String message, Throwable cause) {
		this(ReadFailure.OTHER, message, cause);
	}

	public DirectoryException(ReadFailure failure, String message, Throwable cause) {
		super(message, cause);
		this.failure = failure;
	}

	public ReadFailure failure() {
		return this.failure;
	}

}
