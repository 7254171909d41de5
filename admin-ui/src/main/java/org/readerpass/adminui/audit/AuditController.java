package org.readerpass.adminui.audit;

import java.util.List;

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

/** {@code /api/admin/audit}: every change to resources and grants, newest first. Read-only. */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin/audit", produces = "application/json")
@Tag(name = "audit", description = "Who changed which resource or grant, when, from what to what")
class AuditController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Audit entries, newest first; page on with before = the answer's next")
	AuditPage list(
			@Parameter(description = "1 to 500, default 50", schema = @Schema(type = "integer", minimum = "1",
					maximum = "500")) @RequestParam(required = false) String limit,
			@Parameter(description = "only entries with a smaller id", schema = @Schema(type = "integer", minimum = "1"))
			@RequestParam(required = false) String before) {
		FieldProblems problems = new FieldProblems();
		Long limitValue = problems.wholeNumber("limit", limit, 1, MAX_LIMIT);
		Long beforeValue = problems.wholeNumber("before", before, 1, Long.MAX_VALUE);
		problems.throwIfAny();
		int pageSize = (limitValue != null) ? limitValue.intValue() : DEFAULT_LIMIT;
		List<AuditEntry> entries = this.audit.entries(pageSize, beforeValue);
		Long next = (entries.size() == pageSize) ? entries.get(entries.size() - 1).id() : null;
		return new AuditPage(entries.stream().map(AuditEntryResponse::of).toList(), next);
	}

	/**
	 * The answer of {@code GET /api/admin/audit}.
	 * @param next the {@code before} value of the next (older) page, or {@code null} at the end
	 */
	record AuditPage(List<AuditEntryResponse> entries, @Schema(types = { "integer", "null" }) Long next) {

	}

}
