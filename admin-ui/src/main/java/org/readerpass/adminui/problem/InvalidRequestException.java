package org.readerpass.adminui.problem;

import java.util.List;

/** A request with invalid fields: answered 400 with every problem listed. */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidRequestException(List<FieldProblem> problems) {
		super(problems.size() + " invalid field(s)");
		this.problems = List.copyOf(problems);
	}

	public static InvalidRequestException of(String field, String message) {
		return new InvalidRequestException(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
