package org.readerpass.adminui.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects every problem of one request, so that one answer lists them all
 * ({@link #throwIfAny()}: an {@link InvalidRequestException}).
 */
public final class FieldProblems {

	private final List<FieldProblem> problems = new ArrayList<>();

	public void add(String field, String message) {
		this.problems.add(new FieldProblem(field, message));
	}

	/** Each field the request had but the API does not know: misspelt fields are never ignored. */
	public void unknown(String prefix, Map<String, Object> others) {
		if (others != null) {
			others.keySet().stream().sorted().forEach(name -> add(prefix + name, "is not a field of this request"));
		}
	}

	/** The value, or {@code null} with a problem recorded when the parser throws an IllegalArgumentException. */
	public <T> T parse(String field, Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (IllegalArgumentException ex) {
			add(field, ex.getMessage());
			return null;
		}
	}

	/** Records a problem when the value is missing or blank; whether it is there. */
	public boolean required(String field, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			add(field, "is required");
			return false;
		}
		return true;
	}

	/**
	 * A whole number from {@code min} to {@code max}, or {@code null}: absent ({@code text} null),
	 * or with a problem recorded when it is not one.
	 */
	public Long wholeNumber(String field, String text, long min, long max) {
		if (text == null) {
			return null;
		}
		try {
			long value = Long.parseLong(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		add(field, "must be a whole number from " + min + ((max < Long.MAX_VALUE) ? " to " + max : " up"));
		return null;
	}

	public boolean maxLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			add(field, "is longer than " + max + " characters");
			return false;
		}
		return true;
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public boolean has(String field) {
		return this.problems.stream().anyMatch(problem -> field.equals(problem.field()));
	}

	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidRequestException(this.problems);
		}
	}

}
