package org.readerpass.adminui.web;

import java.util.List;
import java.util.stream.Collectors;

import org.readerpass.adminui.problem.ConflictException;
import org.readerpass.adminui.problem.FieldProblem;
import org.readerpass.adminui.problem.InvalidRequestException;
import org.readerpass.adminui.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the admin API's controllers as an RFC 9457 problem ({@code application/problem+json}),
 * never with a stack trace: 400 with every invalid field in {@code errors}, 404, 409 with the
 * conflicting {@code field}, Spring MVC's own errors with their status (415, 406, ...), 503 when
 * the store is unreachable, and a bare 500 for anything unforeseen (logged). It answers the
 * controllers marked {@link AdminApi}; a feature's own problems (the sync API's 503
 * {@code sync-unavailable}) are that feature's handlers, built with {@link AdminProblems}.
 *
 * <p>
 * Not a {@code ResponseEntityExceptionHandler}: a bean of that type would switch off Spring
 * Boot's application-wide problem details ({@code spring.mvc.problemdetails.enabled}), which
 * answer the requests no controller takes (405, 404 for an unknown path).
 */
@RestControllerAdvice(annotations = AdminApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequestException ex) {
		return invalid(ex.problems());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		// a change the store's own checks let through but a constraint refused (should not happen)
		log.warn("Policy store constraint refused a change", ex);
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict", "the change conflicts with the stored data");
	}

	@ExceptionHandler
	ProblemDetail storeUnavailable(DataAccessException ex) {
		log.error("Policy store failed", ex);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
				"the policy store cannot be reached; try again later");
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		JacksonException json = cause(ex, JacksonException.class);
		String field = (json != null) ? path(json.getPath()) : null;
		String message = (json == null) ? "the body is not readable JSON"
				: (field == null) ? "the body is not a well-formed JSON object" : "has the wrong type of value";
		return invalid(List.of(new FieldProblem(field, message)));
	}

	/** Spring MVC's own errors (415, 406, 400 for a missing parameter, ...) keep their status and problem. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse response) {
			return ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.body(response.getBody());
		}
		log.error("Admin API request failed", ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
					"the request failed; the server log has the details"));
	}

	static ProblemDetail invalid(List<FieldProblem> problems) {
		String detail = problems.stream()
			.map(problem -> (problem.field() != null) ? problem.field() + ": " + problem.message() : problem.message())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
		problem.setProperty("errors", problems);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return AdminProblems.problem(status, type, title, detail);
	}

	/** {@code subject.kind}, {@code actions[2]}; {@code null} for the document itself. */
	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? path.toString() : null;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
