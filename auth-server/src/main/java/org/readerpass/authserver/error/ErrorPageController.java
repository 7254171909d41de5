package org.readerpass.authserver.error;

import java.util.Map;
import java.util.Objects;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.readerpass.authserver.security.AuthorizationErrorHandler;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a person or a program sees: a page for browsers, a {@link ProblemDetail} for
 * programs; never a stack trace or an exception message. The authorization endpoint passes the
 * OAuth error code (e.g. {@code invalid_request}) through a request attribute.
 */
@Controller
class ErrorPageController implements ErrorController {

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		return new ModelAndView("error", Map.of("status", status.value(), "family", family(status), "oauth2Error",
				Objects.toString(request.getAttribute(AuthorizationErrorHandler.ERROR_ATTRIBUTE), ""), "problem",
				Objects.toString(request.getAttribute(AuthorizationErrorHandler.PROBLEM_ATTRIBUTE), "")), status);
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		Object oauth2Error = request.getAttribute(AuthorizationErrorHandler.ERROR_ATTRIBUTE);
		if (oauth2Error != null) {
			problem.setProperty("error", oauth2Error);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The status of the error being shown; {@code 404} when {@code /error} is asked for directly
	 * (no error is being forwarded: there is nothing to show).
	 */
	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String family(HttpStatus status) {
		if (status == HttpStatus.NOT_FOUND) {
			return "not-found";
		}
		return status.is4xxClientError() ? "bad-request" : "server";
	}

}
