package org.readerpass.adminui.grant;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/resources}: the digital resources grants give access to. */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin/resources", produces = "application/json")
@Tag(name = "resources", description = "Digital resources and services: code, names, owner, audience, actions")
class ResourceController {

	/** A resource code, as {@code Resource.isValidCode} checks it. */
	static final String CODE = "[a-z0-9][a-z0-9-]{0,62}";

	private final PolicyStore store;

	private final PolicyAdministration administration;

	private final ActorResolver actors;

	ResourceController(PolicyStore store, PolicyAdministration administration, ActorResolver actors) {
		this.store = store;
		this.administration = administration;
		this.actors = actors;
	}

	@GetMapping
	@Operation(summary = "Every resource, ordered by code")
	ResourceList list() {
		return new ResourceList(this.store.resources().stream().map(ResourceResponse::of).toList());
	}

	@GetMapping("/{code}")
	@Operation(summary = "One resource")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "no resource with that code")
	ResourceResponse get(@Parameter(description = "the resource's code", schema = @Schema(pattern = CODE,
			maxLength = 63)) @PathVariable String code) {
		return this.store.findResource(code)
			.map(ResourceResponse::of)
			.orElseThrow(() -> new NotFoundException(AuditEntry.RESOURCE, code));
	}

	@PostMapping
	@Operation(summary = "Create a resource (409 when the code or the audience is taken)")
	@ApiResponse(responseCode = "201", description = "created")
	@ApiResponse(responseCode = "409", description = "the code or the audience is taken (field)")
	ResponseEntity<ResourceResponse> create(@RequestBody(required = false) ResourceRequest request,
			Principal principal) {
		ResourceResponse created = ResourceResponse
			.of(this.administration.createResource(request, this.actors.actor(principal)));
		return ResponseEntity.created(URI.create("/api/admin/resources/" + created.code())).body(created);
	}

	@PutMapping("/{code}")
	@Operation(summary = "Replace a resource (409 when the audience is taken or grants name an action it would lose)")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "no resource with that code")
	@ApiResponse(responseCode = "409",
			description = "the audience is taken, or grants name an action it would lose (field)")
	ResourceResponse update(@Parameter(description = "the resource's code", schema = @Schema(pattern = CODE,
			maxLength = 63)) @PathVariable String code, @RequestBody(required = false) ResourceRequest request,
			Principal principal) {
		return ResourceResponse.of(this.administration.updateResource(code, request, this.actors.actor(principal)));
	}

	@DeleteMapping("/{code}")
	@Operation(summary = "Delete a resource (409 while grants name it)")
	@ApiResponse(responseCode = "204", description = "deleted")
	@ApiResponse(responseCode = "404", description = "no resource with that code")
	@ApiResponse(responseCode = "409", description = "grants still name it")
	ResponseEntity<Void> delete(@Parameter(description = "the resource's code", schema = @Schema(pattern = CODE,
			maxLength = 63)) @PathVariable String code, Principal principal) {
		this.administration.deleteResource(code, this.actors.actor(principal));
		return ResponseEntity.noContent().build();
	}

	/** The answer of {@code GET /api/admin/resources}. */
	record ResourceList(List<ResourceResponse> resources) {

	}

}
