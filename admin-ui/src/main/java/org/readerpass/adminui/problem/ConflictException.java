package org.readerpass.adminui.problem;

/** A change the stored state does not allow; nothing was written. */
public class ConflictException extends RuntimeException {

	private final String field;

	/**
	 * @param field the field of the changed entry the conflict is about ({@code code},
	 * {@code audience}, {@code actions}, {@code resource}, {@code id}), or {@code null}
	 * @param message what conflicts, naming the other entries involved
	 */
	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field the conflict is about, or {@code null}. */
	public String field() {
		return this.field;
	}

}
