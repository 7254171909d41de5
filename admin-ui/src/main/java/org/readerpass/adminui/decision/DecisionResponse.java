package org.readerpass.adminui.decision;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code GET /api/admin/decisions}: what the live policy gives the reader on the
 * resource, and why, as a token issued now would carry it.
 *
 * @param revision the store revision of the snapshot that decided
 * @param resource the resource code
 * @param at the instant evaluated
 * @param address the client address evaluated, or {@code null} (then every on-site condition fails)
 * @param location where the address lies in the network plan, or {@code null} without an address
 * @param decisions one per account the reader could sign in with (one when an account id was asked)
 */
public record DecisionResponse(long revision, String resource, String at,
		@Schema(types = { "string", "null" }) String address,
		@Schema(types = { "object", "null" }) Location location,
		List<AccountDecision> decisions) {

	/** The libraries whose own ranges hold the address and the named zones that do. */
	public record Location(Set<String> libraries, Set<String> zones) {

	}

	/**
	 * @param accountId the account signed in with
	 * @param readerId the person
	 * @param homeLibrary that account's library
	 * @param libraries every library of the person
	 * @param readerType the account's reader type, or {@code null}
	 * @param verification the verification level evaluated
	 * @param allowedActions in the resource's order
	 * @param deniedActions actions an applied deny grant took away
	 * @param changesAt the next instant a matching grant's window opens or closes, or {@code null}
	 * @param reasons every grant whose subject matched the reader
	 * @param explanation the policy module's "why", one line per matching grant, then the outcome
	 */
	public record AccountDecision(String accountId, String readerId, String homeLibrary, List<String> libraries,
			@Schema(types = { "string", "null" }) String readerType, String verification, List<String> allowedActions,
			List<String> deniedActions, @Schema(types = { "string", "null" }, format = "date-time") String changesAt,
			List<ReasonResponse> reasons, List<String> explanation) {

	}

	/**
	 * @param grant the grant id
	 * @param effect allow or deny
	 * @param applied whether all its conditions held
	 * @param failures the conditions that failed, in words
	 */
	@Schema(name = "DecisionReason")
	public record ReasonResponse(String grant, String effect, boolean applied, List<String> failures,
			String description) {

	}

}
