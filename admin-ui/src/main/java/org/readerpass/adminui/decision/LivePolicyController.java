package org.readerpass.adminui.decision;

import java.net.InetAddress;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.readerpass.adminui.audit.AuditEntry;
import org.readerpass.adminui.livepolicy.LivePolicy;
import org.readerpass.adminui.livepolicy.PolicyStatus;
import org.readerpass.adminui.problem.FieldProblems;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.adminui.text.PolicyText;
import org.readerpass.adminui.web.AdminApi;
import org.readerpass.policy.evaluation.ConditionFailure;
import org.readerpass.policy.evaluation.Decision;
import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.evaluation.Reason;
import org.readerpass.policy.network.IpLiterals;
import org.readerpass.policy.network.Location;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy that tokens are issued with now: its status, and "why does this reader (not) have access". */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin", produces = "application/json")
@Tag(name = "live policy", description = "The snapshot every token is issued with, and its decisions explained")
class LivePolicyController {

	private final LivePolicy livePolicy;

	private final ReaderContexts contexts;

	private final Clock clock;

	LivePolicyController(LivePolicy livePolicy, ReaderContexts contexts, Clock clock) {
		this.livePolicy = livePolicy;
		this.contexts = contexts;
		this.clock = clock;
	}

	@GetMapping("/policy")
	@Operation(summary = "The live snapshot's revision, size, and stored entries it had to leave out")
	PolicyStatusResponse status() {
		PolicyStatus status = this.livePolicy.status();
		return new PolicyStatusResponse(status.revision(), status.loadedAt().toString(), status.resourceCount(),
				status.grantCount(), status.problems());
	}

	@GetMapping("/decisions")
	@Operation(summary = "What a reader may do with a resource under the live policy, and why")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "no such resource, reader or account")
	DecisionResponse decide(
			@Parameter(description = "a reader (person) id or an account id", required = true,
					schema = @Schema(format = "uuid"))
			@RequestParam(required = false) String reader,
			@Parameter(description = "a resource code", required = true) @RequestParam(required = false) String resource,
			@Parameter(description = "the client's IP address (IPv4 or IPv6 literal); absent: unknown")
			@RequestParam(required = false) String address,
			@Parameter(description = "the instant to evaluate at (ISO-8601 with offset); absent: now",
					schema = @Schema(format = "date-time"))
			@RequestParam(required = false) String at) {
		FieldProblems problems = new FieldProblems();
		if (problems.required("reader", reader) && !PolicyText.isUuid(reader)) {
			problems.add("reader", "'" + reader + "' is not a UUID");
		}
		problems.required("resource", resource);
		Optional<InetAddress> clientAddress = (address != null) ? IpLiterals.parse(address) : Optional.empty();
		if (address != null && clientAddress.isEmpty()) {
			problems.add("address", "'" + address + "' is not an IPv4 or IPv6 address literal");
		}
		Instant instant = (at != null) ? problems.parse("at", () -> instant(at)) : Instant.now(this.clock);
		problems.throwIfAny();

		PolicyStatus live = this.livePolicy.status();
		PolicySnapshot snapshot = live.snapshot();
		Resource found = snapshot.resources()
			.find(resource)
			.orElseThrow(() -> new NotFoundException(AuditEntry.RESOURCE, resource));
		UUID id = UUID.fromString(reader);
		List<ReaderContext> readers = this.contexts.forAccount(id, clientAddress, instant)
			.map(List::of)
			.orElseGet(() -> this.contexts.forReader(id, clientAddress, instant));
		if (readers.isEmpty()) {
			throw new NotFoundException("reader or account", reader);
		}
		DecisionResponse.Location location = clientAddress.map(ip -> location(snapshot.plan().locate(ip))).orElse(null);
		return new DecisionResponse(live.revision(), found.code(), instant.toString(),
				clientAddress.map(InetAddress::getHostAddress).orElse(null), location,
				readers.stream().map(context -> decision(context, snapshot.evaluate(context, found))).toList());
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant with offset");
		}
	}

	private static DecisionResponse.Location location(Location location) {
		return new DecisionResponse.Location(location.libraryCodes(), location.zoneNames());
	}

	private static DecisionResponse.AccountDecision decision(ReaderContext context, Decision decision) {
		return new DecisionResponse.AccountDecision(context.accountId().toString(), context.readerId().toString(),
				context.homeLibrary(), context.libraries(), context.readerType(), context.verification().code(),
				decision.allowedActions(), decision.deniedActions(),
				decision.changesAt().map(Instant::toString).orElse(null),
				decision.reasons().stream().map(LivePolicyController::reason).toList(), decision.explain());
	}

	private static DecisionResponse.ReasonResponse reason(Reason reason) {
		return new DecisionResponse.ReasonResponse(reason.grant().id(), PolicyText.effect(reason.grant().effect()),
				reason.applied(),
				reason.failures().stream().sorted().map(ConditionFailure::description).toList(),
				reason.grant().describe());
	}

	/**
	 * The answer of {@code GET /api/admin/policy}.
	 * @param problems stored resources and grants the snapshot left out, one line each
	 */
	record PolicyStatusResponse(long revision, String loadedAt, int resources, int grants, List<String> problems) {

	}

}
