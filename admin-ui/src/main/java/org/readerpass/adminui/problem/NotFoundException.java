package org.readerpass.adminui.store;

/** A change named a resource or grant that is not stored. */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String id;

	public NotFoundException(String kind, String id) {
		super("no " + kind + " '" + id + "'");
		this.kind = kind;
		this.id = id;
	}

	/** {@code resource} or {@code grant}. */
	public String kind() {
		return this.kind;
	}

	public String id() {
		return this.id;
	}

}
