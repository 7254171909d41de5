package org.readerpass.authserver.device;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.readerpass.authserver.device.DeviceVerification.Lookup;
import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.readerpass.authserver.network.ClientAddresses;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.policy.network.LibraryTree;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's side of a TV box's sign-in (RFC 8628 §3.3): the reader types the code the TV shows
 * (or arrives with it filled in from the QR code, and still presses Continue), signs in if not yet
 * signed in, sees which app asks and the code again, and approves or denies. Wrong codes are
 * counted ({@link WrongCodeAttempts}); the code a reader may decide on is the one this session
 * typed, never one a form or link names.
 */
@Controller
class DeviceVerificationController {

	private static final String TYPED_CODE = DeviceVerificationController.class.getName() + ".userCode";

	private static final String PAGE = "device";

	private final DeviceVerification verification;

	private final WrongCodeAttempts attempts;

	private final ClientAddresses addresses;

	private final ReaderAccounts accounts;

	private final LibraryTree libraries;

	private final Clock clock;

	DeviceVerificationController(DeviceVerification verification, WrongCodeAttempts attempts,
			ClientAddresses addresses, ReaderAccounts accounts, LibraryTree libraries, Clock clock) {
		this.verification = verification;
		this.attempts = attempts;
		this.addresses = addresses;
		this.accounts = accounts;
		this.libraries = libraries;
		this.clock = clock;
	}

	/** The code form, filled in when the TV's QR code named the code. */
	@GetMapping(DeviceGrant.VERIFICATION_PATH)
	String form(@RequestParam(name = OAuth2ParameterNames.USER_CODE, required = false) String userCode, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("userCode", shown(userCode));
		refusedUntil(request).ifPresent(until -> refused(until, model, response));
		return PAGE;
	}

	@PostMapping(DeviceGrant.VERIFICATION_PATH)
	String submit(@RequestParam(name = OAuth2ParameterNames.USER_CODE, required = false) String typed, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession();
		Optional<InetAddress> address = this.addresses.resolve(request);
		model.addAttribute("userCode", shown(typed));
		Optional<Instant> refused = this.attempts.refusedUntil(session, address);
		if (refused.isPresent()) {
			return refused(refused.get(), model, response);
		}
		Lookup found = this.verification.find(typed);
		if (found instanceof Lookup.Pending pending) {
			session.setAttribute(TYPED_CODE, pending.userCode());
			// client_id only names the app on the login page; what is decided is the session's code
			return "redirect:" + DeviceGrant.CONFIRMATION_PATH + "?" + OAuth2ParameterNames.CLIENT_ID + "="
					+ pending.client().getClientId();
		}
		if (found instanceof Lookup.Unknown) {
			this.attempts.wrong(session, address);
			refused = this.attempts.refusedUntil(session, address);
			if (refused.isPresent()) {
				return refused(refused.get(), model, response);
			}
		}
		return problem(found, model, response);
	}

	/** Which app asks, which code, who is signed in: approve or deny. */
	@GetMapping(DeviceGrant.CONFIRMATION_PATH)
	String confirmation(Authentication authentication, HttpSession session, Model model, Locale locale,
			HttpServletResponse response) {
		String userCode = (String) session.getAttribute(TYPED_CODE);
		Lookup found = (userCode != null) ? this.verification.find(userCode) : null;
		if (!(found instanceof Lookup.Pending pending) || !(authentication instanceof ReaderAuthenticationToken reader)) {
			session.removeAttribute(TYPED_CODE);
			return problem(found, model, response);
		}
		model.addAttribute("clientName", pending.client().getClientName());
		model.addAttribute("userCode", pending.userCode());
		this.accounts.findById(reader.getPrincipal().accountId()).ifPresent(account -> {
			model.addAttribute("card", account.cardNumber());
			model.addAttribute("library", this.libraries.find(account.libraryCode())
				.map(library -> library.name(locale))
				.orElse(account.libraryCode()));
		});
		return "device-confirm";
	}

	@PostMapping(DeviceGrant.CONFIRMATION_PATH)
	String decide(@RequestParam(name = OAuth2ParameterNames.USER_CODE, required = false) String userCode,
			@RequestParam(name = "decision", required = false) String decision, Authentication authentication,
			HttpSession session, Model model, HttpServletResponse response) {
		String typed = (String) session.getAttribute(TYPED_CODE);
		if (typed == null || !typed.equals(userCode) || !(authentication instanceof ReaderAuthenticationToken reader)
				|| !("approve".equals(decision) || "deny".equals(decision))) {
			return problem(null, model, response);
		}
		session.removeAttribute(TYPED_CODE);
		boolean approve = "approve".equals(decision);
		Lookup decided = approve ? this.verification.approve(typed, reader) : this.verification.deny(typed);
		if (!(decided instanceof Lookup.Pending pending)) {
			return problem(decided, model, response);
		}
		model.addAttribute("clientName", pending.client().getClientName());
		model.addAttribute("approved", approve);
		return "device-done";
	}

	/** The code form again, saying what was wrong; {@code null}: start again from the code. */
	private static String problem(Lookup found, Model model, HttpServletResponse response) {
		String key;
		HttpStatus status;
		if (found instanceof Lookup.Malformed) {
			key = "device.error.malformed";
			status = HttpStatus.BAD_REQUEST;
		}
		else if (found instanceof Lookup.Unknown) {
			key = "device.error.unknown";
			status = HttpStatus.BAD_REQUEST;
		}
		else if (found instanceof Lookup.Expired) {
			key = "device.error.expired";
			status = HttpStatus.GONE;
		}
		else if (found instanceof Lookup.Used) {
			key = "device.error.used";
			status = HttpStatus.GONE;
		}
		else {
			key = "device.error.again";
			status = HttpStatus.BAD_REQUEST;
		}
		model.addAttribute("errorKey", key);
		response.setStatus(status.value());
		return PAGE;
	}

	private String refused(Instant until, Model model, HttpServletResponse response) {
		long seconds = Duration.between(this.clock.instant(), until).toSeconds();
		model.addAttribute("errorKey", "device.error.refused");
		model.addAttribute("errorArg", Math.max(1, (seconds + 59) / 60));
		model.addAttribute("refused", true);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		return PAGE;
	}

	private Optional<Instant> refusedUntil(HttpServletRequest request) {
		// the form's CSRF token needs a session anyway
		return this.attempts.refusedUntil(request.getSession(), this.addresses.resolve(request));
	}

	/** What the code field shows: the code in its usual form when it is one, else as typed (cut short). */
	private static String shown(String typed) {
		if (typed == null) {
			return "";
		}
		String stripped = typed.strip();
		return UserCodes.normalize(stripped).orElse(stripped.substring(0, Math.min(stripped.length(), 20)));
	}

}
