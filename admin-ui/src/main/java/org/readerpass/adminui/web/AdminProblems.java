package org.readerpass.adminui.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The admin API's RFC 9457 problems: type {@code urn:readerpass:problem:<type>}, a title and a detail. */
public final class AdminProblems {

	/** The prefix of every problem type of the admin API. */
	public static final String PROBLEM_BASE = "urn:readerpass:problem:";

	private AdminProblems() {
	}

	/** @param type the end of the problem type, e.g. {@code not-found} */
	public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEM_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
