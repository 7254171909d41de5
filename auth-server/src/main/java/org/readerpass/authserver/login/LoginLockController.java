package org.readerpass.authserver.login;

import java.net.InetAddress;
import java.security.Principal;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.ActorResolver;
import org.readerpass.adminui.problem.FieldProblems;
import org.readerpass.adminui.web.AdminApi;
import org.readerpass.authserver.abuse.LoginThrottle;
import org.readerpass.policy.network.IpLiterals;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/login-locks/release}: an admin ends a login lock now — a reader's (by the
 * card or ID number, as the login page takes it) or a source address's — and its failures are
 * forgotten. Written to the security events ({@code login.unlocked}, reason {@code admin}).
 */
@RestController
@AdminApi
@RequestMapping(path = "/api/admin/login-locks", produces = "application/json")
@Tag(name = "login-locks", description = "Login locks after too many wrong passwords")
class LoginLockController {

	/** Exactly one of the two. */
	@Schema(name = "LoginLockRelease", description = "Exactly one of card and address")
	record Release(
			@Schema(types = { "string", "null" }, maxLength = MAX_CARD,
					description = "a card or resident ID number, as the login page takes it",
					example = "ZJ0001") String card,
			@Schema(types = { "string", "null" }, maxLength = 45, description = "an IPv4 or IPv6 address",
					example = "198.51.100.7") String address) {
	}

	@Schema(name = "LoginLockReleased", requiredProperties = "released")
	record Released(@Schema(description = "false when it was not locked") boolean released) {
	}

	/** Longer than any card or ID number a login page takes. */
	static final int MAX_CARD = 64;

	private final LoginThrottle throttle;

	private final ActorResolver actors;

	LoginLockController(LoginThrottle throttle, ActorResolver actors) {
		this.throttle = throttle;
		this.actors = actors;
	}

	@PostMapping("/release")
	@Operation(summary = "End the lock of a card or ID number, or of a source address, now; "
			+ "released is false when it was not locked")
	Released release(@RequestBody Release request, Principal principal) {
		FieldProblems problems = new FieldProblems();
		if (request.card() != null && request.card().length() > MAX_CARD) {
			problems.add("card", "at most " + MAX_CARD + " characters");
			problems.throwIfAny();
		}
		String card = ReaderLogin.identifier(request.card());
		boolean byAddress = request.address() != null && !request.address().isBlank();
		if (card.isEmpty() == !byAddress) {
			problems.add("card", "give exactly one of card and address");
		}
		Optional<InetAddress> address = byAddress ? IpLiterals.parse(request.address().strip()) : Optional.empty();
		if (byAddress && address.isEmpty()) {
			problems.add("address", "must be an IPv4 or IPv6 address");
		}
		problems.maxLength("card", card, 64);
		problems.throwIfAny();
		Actor actor = this.actors.actor(principal);
		String by = (actor.clientId() != null) ? actor.name() + " (" + actor.clientId() + ")" : actor.name();
		return new Released(byAddress ? this.throttle.releaseAddress(address, by)
				: this.throttle.releaseAccount(card, by));
	}

}
