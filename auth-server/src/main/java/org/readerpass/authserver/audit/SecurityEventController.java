package org.readerpass.authserver.audit;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.readerpass.adminui.problem.FieldProblems;
import org.readerpass.adminui.web.AdminApi;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/security-events}: the security audit log for operators — refresh-token
 * replays, back-channel logouts given up, consents given and withdrawn — newest first.
 */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin/security-events", produces = "application/json")
@Tag(name = "security-events", description = "The security audit log")
class SecurityEventController {

	private static final int DEFAULT_LIMIT = 50;

	private static final int MAX_LIMIT = 500;

	private static final Pattern TYPE = Pattern.compile("[a-z_]{1,32}(\\.[a-z_]{1,32}){0,2}");

	private final SecurityEvents events;

	SecurityEventController(SecurityEvents events) {
		this.events = events;
	}

	@GetMapping
	@Operation(summary = "Security events, newest first")
	EventList list(
			@Parameter(description = "only this type, e.g. refresh_token.reuse, backchannel_logout.failed, "
					+ "consent.given, consent.withdrawn", schema = @Schema(pattern = "[a-z_]{1,32}(\\.[a-z_]{1,32}){0,2}"))
			@RequestParam(required = false) String type,
			@Parameter(description = "1 to 500, default 50", schema = @Schema(type = "integer", minimum = "1",
					maximum = "500")) @RequestParam(required = false) String limit) {
		FieldProblems problems = new FieldProblems();
		if (type != null && !TYPE.matcher(type).matches()) {
			problems.add("type", "must be an event type such as refresh_token.reuse");
		}
		Long pageSize = problems.wholeNumber("limit", limit, 1, MAX_LIMIT);
		problems.throwIfAny();
		return new EventList(this.events.latest(type, (pageSize != null) ? pageSize.intValue() : DEFAULT_LIMIT)
			.stream()
			.map(EventResponse::of)
			.toList());
	}

	/** The answer. */
	record EventList(List<EventResponse> events) {
	}

	/**
	 * One event.
	 * @param subject the reader as an opaque id, {@code null} when none
	 * @param details further facts (never a token, code, password or secret)
	 */
	record EventResponse(long id, Instant at, String type, @Schema(types = { "string", "null" }) String clientId,
			@Schema(types = { "string", "null" }) String subject,
			Map<String, Object> details) {

		static EventResponse of(RecordedSecurityEvent event) {
			Map<String, Object> details;
			try {
				details = JSONObjectUtils.parse(event.details());
			}
			catch (ParseException ex) {
				details = Map.of("unreadable", event.details());
			}
			return new EventResponse(event.id(), event.at(), event.type(), event.clientId(), event.subject(), details);
		}

	}

}
