package org.readerpass.adminui.problem;

/** A request or change named something that does not exist: a resource, grant, reader, library or sync run. */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String id;

	public NotFoundException(String kind, String id) {
		super("no " + kind + " '" + id + "'");
		this.kind = kind;
		this.id = id;
	}

	/** What was looked for: {@code resource}, {@code grant}, {@code library}, ... */
	public String kind() {
		return this.kind;
	}

	public String id() {
		return this.id;
	}

}
