package org.readerpass.adminui.grant;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.readerpass.adminui.audit.ActorResolver;
import org.readerpass.adminui.audit.AuditEntry;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.adminui.web.AdminApi;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/grants}: who may (or may not) do what with which resource, when and from where. */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin/grants", produces = "application/json")
@Tag(name = "grants", description = "Admins' assignments: subject x resource x actions x conditions")
class GrantController {

	private final PolicyStore store;

	private final PolicyAdministration administration;

	private final ActorResolver actors;

	GrantController(PolicyStore store, PolicyAdministration administration, ActorResolver actors) {
		this.store = store;
		this.administration = administration;
		this.actors = actors;
	}

	@GetMapping
	@Operation(summary = "Every grant, or those of one resource; ordered by resource, then id")
	GrantList list(@Parameter(description = "a resource code",
			schema = @Schema(pattern = ResourceController.CODE, maxLength = 63))
			@RequestParam(required = false) String resource) {
		return new GrantList(((resource != null) ? this.store.grantsFor(resource) : this.store.grants()).stream()
			.map(GrantResponse::of)
			.toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One grant")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "no grant with that id")
	GrantResponse get(@Parameter(description = "the grant's id", schema = @Schema(format = "uuid"))
			@PathVariable String id) {
		return this.store.findGrant(id)
			.map(GrantResponse::of)
			.orElseThrow(() -> new NotFoundException(AuditEntry.GRANT, id));
	}

	@PostMapping
	@Operation(summary = "Create a grant; the server assigns its id")
	@ApiResponse(responseCode = "201", description = "created")
	@ApiResponse(responseCode = "409", description = "the stored state refuses it (field)")
	ResponseEntity<GrantResponse> create(@RequestBody(required = false) GrantRequest request, Principal principal) {
		GrantResponse created = GrantResponse
			.of(this.administration.createGrant(request, this.actors.actor(principal)));
		return ResponseEntity.created(URI.create("/api/admin/grants/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a grant")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "no grant with that id")
	@ApiResponse(responseCode = "409", description = "the stored state refuses it (field)")
	GrantResponse update(@Parameter(description = "the grant's id", schema = @Schema(format = "uuid"))
			@PathVariable String id, @RequestBody(required = false) GrantRequest request,
			Principal principal) {
		return GrantResponse.of(this.administration.updateGrant(id, request, this.actors.actor(principal)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a grant")
	@ApiResponse(responseCode = "204", description = "deleted")
	@ApiResponse(responseCode = "404", description = "no grant with that id")
	ResponseEntity<Void> delete(@Parameter(description = "the grant's id", schema = @Schema(format = "uuid"))
			@PathVariable String id, Principal principal) {
		this.administration.deleteGrant(id, this.actors.actor(principal));
		return ResponseEntity.noContent().build();
	}

	/** The answer of {@code GET /api/admin/grants}. */
	record GrantList(List<GrantResponse> grants) {

	}

}
