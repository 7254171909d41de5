package org.readerpass.adminui.sync;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.ActorResolver;
import org.readerpass.adminui.problem.ConflictException;
import org.readerpass.adminui.problem.FieldProblems;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.adminui.web.AdminApi;
import org.readerpass.adminui.web.AdminProblems;
import org.readerpass.ldapsync.connector.DirectoryConnectors;
import org.readerpass.ldapsync.sync.FullSync;
import org.readerpass.ldapsync.sync.IncrementalSync;
import org.readerpass.ldapsync.sync.RunningSyncs;
import org.readerpass.ldapsync.sync.SyncKind;
import org.readerpass.ldapsync.sync.SyncResult;
import org.readerpass.ldapsync.sync.SyncRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/sync}: the directory sync runs of each library; run one now; confirm the
 * deletions of a braked run. A run started here runs synchronously: the request answers when it
 * has ended (seconds for a demo directory, longer for a large one).
 */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin/sync", produces = "application/json")
@Tag(name = "sync", description = "Directory sync runs: list, run now, confirm a braked run's deletions")
class SyncRunController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 200;

	static final String LIBRARY = "library";

	/** A library code, as {@code Library.isValidCode} checks it. */
	static final String LIBRARY_CODE = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*";

	static final String SYNC_RUN = "sync run";

	private static final Logger logger = LoggerFactory.getLogger(SyncRunController.class);

	private final ObjectProvider<DirectoryConnectors> connectors;

	private final ObjectProvider<FullSync> fullSync;

	private final ObjectProvider<IncrementalSync> incrementalSync;

	private final ObjectProvider<SyncRuns> runs;

	private final ObjectProvider<RunningSyncs> running;

	private final ActorResolver actors;

	/**
	 * The ldap-sync beans are looked up per request: an application without them (a test of the
	 * policy API alone) answers 503 {@code sync-unavailable} here and runs the rest of the API.
	 */
	SyncRunController(ObjectProvider<DirectoryConnectors> connectors, ObjectProvider<FullSync> fullSync,
			ObjectProvider<IncrementalSync> incrementalSync, ObjectProvider<SyncRuns> runs,
			ObjectProvider<RunningSyncs> running, ActorResolver actors) {
		this.connectors = connectors;
		this.fullSync = fullSync;
		this.incrementalSync = incrementalSync;
		this.runs = runs;
		this.running = running;
		this.actors = actors;
	}

	@GetMapping("/running")
	@Operation(summary = "The runs in flight on this node, by library, with their progress")
	List<RunningSyncResponse> running() {
		return available(this.running).running().stream().map(RunningSyncResponse::of).toList();
	}

	@GetMapping("/runs")
	@Operation(summary = "A library's latest runs, newest first, with its high-water mark (404 unknown library)")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "no such library")
	SyncRunList list(@Parameter(description = "the library's code", required = true,
			schema = @Schema(pattern = LIBRARY_CODE, maxLength = 128)) @RequestParam(required = false) String library,
			@Parameter(description = "full, incremental or persist; absent: all",
					schema = @Schema(allowableValues = { "full", "incremental", "persist" }))
			@RequestParam(required = false) String kind,
			@Parameter(description = "1 to 200, default 20", schema = @Schema(type = "integer", minimum = "1",
					maximum = "200")) @RequestParam(required = false) String limit) {
		FieldProblems problems = new FieldProblems();
		problems.required(LIBRARY, library);
		SyncKind kindValue = (kind != null) ? listedKind(problems, kind) : null;
		int limitValue = (limit != null) ? limit(problems, limit) : DEFAULT_LIMIT;
		problems.throwIfAny();
		requireLibrary(library);
		List<SyncResult> latest = (kindValue != null) ? runs().latest(library, kindValue, limitValue)
				: runs().latest(library, limitValue);
		return new SyncRunList(library,
				runs().highWaterMark(library).map(SyncRunResponse.Mark::of).orElse(null),
				available(this.running).running(library).map(RunningSyncResponse::of).orElse(null),
				latest.stream().map(SyncRunResponse::of).toList());
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "One run (404 unknown)")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "no run with that id")
	SyncRunResponse get(@Parameter(description = "the run's id", schema = @Schema(format = "uuid"))
			@PathVariable String id) {
		return SyncRunResponse.of(find(runId(id)));
	}

	@PostMapping("/libraries/{code}/runs")
	@Operation(summary = "Run a full or an incremental sync of the library now, synchronously; "
			+ "201 with the run, 404 unknown library, 409 when the library is already syncing "
			+ "(or, incremental, before its first complete full run)")
	@ApiResponse(responseCode = "201", description = "the run, ended (it may have ended early: error, brakeReason)")
	@ApiResponse(responseCode = "404", description = "no such library")
	@ApiResponse(responseCode = "409",
			description = "the library is already syncing, or an incremental run before its first complete full run")
	ResponseEntity<SyncRunResponse> run(
			@Parameter(description = "the library's code", schema = @Schema(pattern = LIBRARY_CODE, maxLength = 128))
			@PathVariable String code,
			@RequestBody(required = false) SyncRunRequest request, Principal principal) {
		FieldProblems problems = new FieldProblems();
		SyncKind kind = null;
		if (request == null) {
			problems.add(null, "a JSON object with kind is required");
		}
		else {
			problems.unknown("", request.unknownFields());
			if (problems.required("kind", request.kind())) {
				kind = kind(problems, "kind", request.kind());
			}
		}
		problems.throwIfAny();
		requireLibrary(code);
		log("Sync requested", code, null, SyncRunResponse.kind(kind), this.actors.actor(principal));
		SyncResult result;
		try {
			result = (kind == SyncKind.FULL) ? available(this.fullSync).run(code)
					: available(this.incrementalSync).run(code);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException(LIBRARY, code); // its directory went away since the check
		}
		return created(started(result));
	}

	@PostMapping("/runs/{id}/confirm")
	@Operation(summary = "Confirm the deletions of a braked full run: syncs the library again, allowed to suspend "
			+ "as many accounts as the braked run found missing; 201 with the new run, 404 unknown run, "
			+ "409 when the run is not confirmable (not braked for too-many-missing or empty-result, "
			+ "not the library's latest full run) or the library is already syncing")
	@ApiResponse(responseCode = "201", description = "the new run")
	@ApiResponse(responseCode = "404", description = "no run with that id")
	@ApiResponse(responseCode = "409",
			description = "the run is not confirmable, or the library is already syncing (field)")
	ResponseEntity<SyncRunResponse> confirm(
			@Parameter(description = "the run's id", schema = @Schema(format = "uuid")) @PathVariable String id,
			Principal principal) {
		SyncResult braked = find(runId(id));
		Actor actor = this.actors.actor(principal);
		SyncResult result;
		try {
			result = available(this.fullSync).confirmDeletions(braked.libraryCode(), braked.runId());
		}
		catch (IllegalStateException | UnsupportedOperationException ex) {
			throw new ConflictException("id", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException(LIBRARY, braked.libraryCode());
		}
		log("Sync deletions confirmed", braked.libraryCode(), braked.runId(), "full", actor);
		return created(started(result));
	}

	private SyncResult find(UUID id) {
		return runs().find(id).orElseThrow(() -> new NotFoundException(SYNC_RUN, id.toString()));
	}

	private void requireLibrary(String code) {
		if (!available(this.connectors).libraries().contains(code)) {
			throw new NotFoundException(LIBRARY, code);
		}
	}

	/** Who asked: the OAuth client at INFO, the admin's subject (possibly a reader id) only at DEBUG. */
	private static void log(String what, String library, UUID syncRun, String kind, Actor actor) {
		logger.info(what + " library={} syncRun={} kind={} client={}", library, syncRun, kind, actor.clientId());
		logger.debug(what + " library={} syncRun={} by={}", library, syncRun, actor.name());
	}

	private SyncRuns runs() {
		return available(this.runs);
	}

	private static <T> T available(ObjectProvider<T> bean) {
		T available = bean.getIfAvailable();
		if (available == null) {
			throw new SyncUnavailableException();
		}
		return available;
	}

	/** A run that did not start (the library is already syncing; no high-water mark yet) is a conflict. */
	private static SyncResult started(SyncResult result) {
		if (result.runId() == null) {
			throw new ConflictException(null, result.error());
		}
		return result;
	}

	private static ResponseEntity<SyncRunResponse> created(SyncResult result) {
		return ResponseEntity.created(URI.create("/api/admin/sync/runs/" + result.runId()))
			.body(SyncRunResponse.of(result));
	}

	private static UUID runId(String id) {
		try {
			UUID uuid = UUID.fromString(id);
			if (uuid.toString().equalsIgnoreCase(id)) {
				return uuid;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		FieldProblems problems = new FieldProblems();
		problems.add("id", "must be a run id (a UUID)");
		problems.throwIfAny();
		return null;
	}

	private static SyncKind listedKind(FieldProblems problems, String text) {
		if ("persist".equals(text)) {
			return SyncKind.PERSIST;
		}
		SyncKind kind = kind(new FieldProblems(), "kind", text);
		if (kind == null) {
			problems.add("kind", "must be full, incremental or persist");
		}
		return kind;
	}

	private static SyncKind kind(FieldProblems problems, String field, String text) {
		return switch (text) {
			case "full" -> SyncKind.FULL;
			case "incremental" -> SyncKind.INCREMENTAL;
			default -> {
				problems.add(field, "must be full or incremental");
				yield null;
			}
		};
	}

	private static int limit(FieldProblems problems, String text) {
		try {
			int value = Integer.parseInt(text);
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add("limit", "must be a whole number from 1 to " + MAX_LIMIT);
		return DEFAULT_LIMIT;
	}

	/**
	 * The answer of {@code GET /api/admin/sync/runs}.
	 * @param highWaterMark where the library's next incremental run reads from, or {@code null}
	 * before its first complete run
	 */
	/** @param running the library's run in flight on this node, {@code null} when none */
	record SyncRunList(String library, @Schema(types = { "object", "null" }) SyncRunResponse.Mark highWaterMark,
			@Schema(types = { "object", "null" }) RunningSyncResponse running,
			List<SyncRunResponse> runs) {

	}

	/** 503 {@code sync-unavailable}: the application has no ldap-sync beans. */
	@ExceptionHandler
	ProblemDetail syncUnavailable(SyncUnavailableException ex) {
		return AdminProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "sync-unavailable", "Sync unavailable",
				ex.getMessage());
	}

	/** The application has no ldap-sync beans (directory sync is not part of it): 503. */
	static final class SyncUnavailableException extends RuntimeException {

		SyncUnavailableException() {
			super("directory sync is not available on this server");
		}

	}

}
