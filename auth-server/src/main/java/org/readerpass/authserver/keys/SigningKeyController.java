package org.readerpass.authserver.keys;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.readerpass.adminui.audit.ActorResolver;
import org.readerpass.adminui.problem.ConflictException;
import org.readerpass.adminui.problem.FieldProblems;
import org.readerpass.adminui.problem.NotFoundException;
import org.readerpass.adminui.web.AdminApi;
import org.readerpass.authserver.keys.KeyProperties.SigningAlgorithm;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/keys}: the server's signing keys (never private material), and an admin's
 * rotation of one algorithm's key now — with {@code retire-previous=true} after a suspected leak.
 */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin/keys", produces = "application/json")
@Tag(name = "keys", description = "The server's token signing keys and their rotation")
class SigningKeyController {

	private final SigningKeys signingKeys;

	private final KeyChanges changes;

	private final ActorResolver actors;

	SigningKeyController(SigningKeys signingKeys, KeyChanges changes, ActorResolver actors) {
		this.signingKeys = signingKeys;
		this.changes = changes;
		this.actors = actors;
	}

	@GetMapping
	@Operation(summary = "Every signing key, retired ones too, by algorithm, newest first")
	KeyList list() {
		return new KeyList(this.signingKeys.list().stream().map(SigningKeyResponse::of).toList());
	}

	@GetMapping("/{kid}")
	@Operation(summary = "One signing key")
	SigningKeyResponse one(@PathVariable String kid) {
		return this.signingKeys.list()
			.stream()
			.filter(view -> view.key().keyId().equals(kid))
			.findFirst()
			.map(SigningKeyResponse::of)
			.orElseThrow(() -> new NotFoundException("signing key", kid));
	}

	@PostMapping("/{algorithm}/rotate")
	@Operation(summary = "A new key of the algorithm signs from now; the keys it replaces stay published for "
			+ "retain-after, or retire at once with retire-previous=true (their tokens are refused)")
	ResponseEntity<SigningKeyResponse> rotate(@PathVariable String algorithm,
			@Parameter(description = "true to retire the algorithm's other keys at once (suspected leak); "
					+ "default false") @RequestParam(name = "retire-previous", required = false) String retirePrevious,
			Principal principal) {
		FieldProblems problems = new FieldProblems();
		SigningAlgorithm chosen = problems.parse("algorithm", () -> algorithm(algorithm));
		Boolean retire = problems.parse("retire-previous", () -> flag(retirePrevious));
		problems.throwIfAny();
		SigningKeys.KeyView rotated;
		try {
			rotated = this.signingKeys.rotateNow(chosen, retire, this.actors.actor(principal));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("algorithm", "another rotation of the " + chosen
					+ " keys happened at the same moment; list the keys and try again if still needed");
		}
		this.changes.announce();
		return ResponseEntity.created(URI.create("/api/admin/keys/" + rotated.key().keyId()))
			.body(SigningKeyResponse.of(rotated));
	}

	private static SigningAlgorithm algorithm(String text) {
		return Arrays.stream(SigningAlgorithm.values())
			.filter(candidate -> candidate.name().equals(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("must be ES256 or RS256"));
	}

	private static boolean flag(String text) {
		if (text == null || text.equals("false")) {
			return false;
		}
		if (text.equals("true")) {
			return true;
		}
		throw new IllegalArgumentException("must be true or false");
	}

	/** The answer of {@code GET /api/admin/keys}. */
	record KeyList(List<SigningKeyResponse> keys) {

	}

}
