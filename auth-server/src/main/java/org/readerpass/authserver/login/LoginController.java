package org.readerpass.authserver.login;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.readerpass.authserver.abuse.LoginThrottle;
import org.readerpass.authserver.abuse.LoginThrottle.Refusal;
import org.readerpass.authserver.client.ClientSettingNames;
import org.readerpass.authserver.login.LoginOutcome.BadCredentials;
import org.readerpass.authserver.login.LoginOutcome.ChooseLibrary;
import org.readerpass.authserver.login.LoginOutcome.DirectoryUnavailable;
import org.readerpass.authserver.login.LoginOutcome.Expired;
import org.readerpass.authserver.login.LoginOutcome.MissingInput;
import org.readerpass.authserver.login.LoginOutcome.SignedIn;
import org.readerpass.authserver.login.LoginOutcome.Suspended;
import org.readerpass.authserver.network.ClientAddresses;
import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The reader login page: card number (or resident ID number) and password, and the library
 * choice when a card number is registered at several libraries.
 */
@Controller
class LoginController {

	private final ReaderLogin readerLogin;

	private final LibraryTree libraries;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final SessionAuthenticationStrategy sessionStrategy = new ChangeSessionIdAuthenticationStrategy();

	private final RequestCache requestCache;

	private final RegisteredClientRepository clients;

	private final LoginThrottle throttle;

	private final ClientAddresses addresses;

	private final LoginMetrics metrics;

	private final LoginPage page;

	private final AuthorizationContinuation continuation;

	LoginController(ReaderLogin readerLogin, LibraryTree libraries, RegisteredClientRepository clients,
			LoginThrottle throttle, ClientAddresses addresses, LoginMetrics metrics, SavedReaderRequests requestCache,
			LoginPage page, AuthorizationContinuation continuation) {
		this.page = page;
		this.continuation = continuation;
		this.readerLogin = readerLogin;
		this.requestCache = requestCache;
		this.libraries = libraries;
		this.clients = clients;
		this.throttle = throttle;
		this.addresses = addresses;
		this.metrics = metrics;
	}

	@GetMapping("/login")
	View form(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		if (request.getAttribute(LoginPageEntryPoint.FORWARDED) != null) {
			// shown at the authorization request's URL: its language links must lead to this page
			model.addAttribute("pagePath", LoginPageEntryPoint.LOGIN_PAGE);
		}
		return page(model, request, response, locale);
	}

	/**
	 * The login page, naming the app whose authorization request brought the reader here, if one
	 * did ({@code appName}), and whose app it is ({@code appOwner}: its library in the page's
	 * language, or a third party's operator). Only when the page is shown: a right password's
	 * redirect does not look the app up.
	 */
	private View page(Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		RegisteredClient client = askingClient(request, response);
		if (client != null) {
			model.addAttribute("appName", client.getClientName());
			String library = client.getClientSettings().getSetting(ClientSettingNames.LIBRARY);
			model.addAttribute("appOwner", (library != null) ? library(library).name(locale)
					: client.getClientSettings().getSetting(ClientSettingNames.OPERATOR));
		}
		return this.page;
	}

	private RegisteredClient askingClient(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.requestCache.getRequest(request, response);
		String[] clientIds = (saved != null) ? saved.getParameterValues(OAuth2ParameterNames.CLIENT_ID) : null;
		return (clientIds != null && clientIds.length == 1) ? this.clients.findByClientId(clientIds[0]) : null;
	}

	@PostMapping("/login")
	View login(@RequestParam(name = "card", required = false) String card,
			@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "library", required = false) String library, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		String identifier = ReaderLogin.identifier(card);
		Optional<InetAddress> address = this.addresses.resolve(request);
		LoginThrottle.Checked checked = this.throttle.check(identifier, address);
		Optional<Refusal> refused = checked.refusal();
		if (refused.isPresent()) {
			this.metrics.countThrottled();
			return tooManyAttempts(refused.get(), card, model, request, response, locale);
		}
		LoginOutcome outcome = this.readerLogin.login(card, password, library);
		this.metrics.count(outcome);
		if (outcome instanceof BadCredentials) {
			refused = this.throttle.failed(identifier, address);
			if (refused.isPresent()) {
				return tooManyAttempts(refused.get(), card, model, request, response, locale);
			}
		}
		else if (!(outcome instanceof MissingInput) && !(outcome instanceof DirectoryUnavailable)) {
			this.throttle.succeeded(checked); // a right password, whatever comes of it
		}
		if (outcome instanceof SignedIn signedIn) {
			String next = signIn(signedIn.account(), request, response);
			return this.continuation.continues(next) ? this.continuation.answer(next) : redirect(next);
		}
		model.addAttribute("card", typed(card));
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		if (outcome instanceof ChooseLibrary choose) {
			response.setStatus(HttpStatus.OK.value());
			model.addAttribute("choices", choose.libraryCodes().stream().map(this::library).toList());
			model.addAttribute("messageKey", "login.choose");
		}
		else if (outcome instanceof MissingInput) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errorKey", "login.error.missing");
		}
		else if (outcome instanceof Expired expired) {
			model.addAttribute("errorKey", "login.error.expired");
			model.addAttribute("errorArg", expired.expiredOn());
		}
		else if (outcome instanceof Suspended) {
			model.addAttribute("errorKey", "login.error.suspended");
		}
		else if (outcome instanceof DirectoryUnavailable unavailable) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			model.addAttribute("errorKey", "login.error.unavailable");
			model.addAttribute("errorArg", library(unavailable.libraryCode()).name(locale));
		}
		else {
			model.addAttribute("errorKey", "login.error.credentials");
		}
		return page(model, request, response, locale);
	}

	/**
	 * 429 with {@code Retry-After}: a lock in minutes, a short wait in seconds. The same for a card
	 * nobody holds as for one somebody does.
	 */
	private View tooManyAttempts(Refusal refusal, String card, Model model, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		model.addAttribute("card", typed(card));
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
		if (refusal.locked()) {
			model.addAttribute("errorKey", "login.error.locked");
			model.addAttribute("errorArg", String.valueOf((refusal.retryAfterSeconds() + 59) / 60));
		}
		else {
			model.addAttribute("errorKey", "login.error.wait");
			model.addAttribute("errorArg", String.valueOf(refusal.retryAfterSeconds()));
		}
		return page(model, request, response, locale);
	}

	private static String typed(String card) {
		return (card != null) ? card.strip() : "";
	}

	private Library library(String code) {
		return this.libraries.find(code)
			.orElseGet(() -> new Library(code, code, code, List.of()));
	}

	/**
	 * A {@code 302} to {@code path} on this server, relative ({@code server.tomcat.use-relative-redirects}):
	 * what {@code "redirect:"} would send, without resolving a view for each URL (the view resolver
	 * built, initialized and cached a new view for every login's unique redirect: ~5 % of a login's
	 * request-thread CPU).
	 */
	private static View redirect(String path) {
		return (model, request, response) -> response.sendRedirect(request.getContextPath() + path);
	}

	/** Establishes the SSO session and answers where to go next. */
	private String signIn(ReaderAccount account, HttpServletRequest request, HttpServletResponse response) {
		ReaderAuthenticationToken authentication = new ReaderAuthenticationToken(
				new ReaderPrincipal(account.readerId(), account.id(), account.libraryCode(), Instant.now(),
						ReaderPrincipal.newSessionId()));
		request.getSession(true);
		this.sessionStrategy.onAuthentication(authentication, request, response);
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		SavedRequest saved = this.requestCache.getRequest(request, response);
		if (saved != null) {
			this.requestCache.removeRequest(request, response);
			return onThisServer(saved.getRedirectUrl(), request.getContextPath());
		}
		return "/";
	}

	/**
	 * The saved request's path and query, relative to this server: its scheme and host came from
	 * the request's {@code Host} header, which must not choose where a signed-in reader goes.
	 */
	static String onThisServer(String savedUrl, String contextPath) {
		URI saved = URI.create(savedUrl);
		String path = (saved.getRawPath() != null && !saved.getRawPath().isEmpty()) ? saved.getRawPath() : "/";
		if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
			path = path.substring(contextPath.length()); // the redirect adds the context path again
		}
		return (saved.getRawQuery() != null) ? path + "?" + saved.getRawQuery() : path;
	}

}
