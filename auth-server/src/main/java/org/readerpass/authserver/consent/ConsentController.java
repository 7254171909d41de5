package org.readerpass.authserver.consent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.readerpass.authserver.client.ClientSettingNames;
import org.readerpass.authserver.login.ReaderAuthenticationToken;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's side of consent: the consent page a third-party app's sign-in stops at (it names
 * the app, who runs it and each piece of personal data it would receive; PIPL Art. 23), and "my
 * apps", where the reader sees what they allowed and withdraws it.
 */
@Controller
class ConsentController {

	/** The data each scope releases, as the consent page names it (message keys). */
	private static final List<String> KNOWN_SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, "library",
			OidcScopes.EMAIL, OidcScopes.PHONE);

	private final RegisteredClientRepository clients;

	private final ReaderConsents consents;

	ConsentController(RegisteredClientRepository clients, ReaderConsents consents) {
		this.clients = clients;
		this.consents = consents;
	}

	/** One piece of personal data an app receives: a message key and its argument. */
	record DataItem(String key, String argument) {
	}

	@GetMapping("/oauth2/consent")
	String consent(@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "scope", required = false) String scope,
			@RequestParam(name = "state", required = false) String state, Authentication authentication, Model model,
			HttpServletResponse response) {
		if (!(authentication instanceof ReaderAuthenticationToken)) {
			return "redirect:/";
		}
		RegisteredClient client = (clientId != null && !clientId.isBlank()) ? this.clients.findByClientId(clientId)
				: null;
		if (client == null || state == null || scope == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
			model.addAttribute("family", "bad-request");
			model.addAttribute("problem", "");
			model.addAttribute("oauth2Error", "");
			return "error";
		}
		Set<String> requested = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
		requested.retainAll(client.getScopes());
		model.addAttribute("appName", client.getClientName());
		model.addAttribute("operator", client.getClientSettings().getSetting(ClientSettingNames.OPERATOR));
		model.addAttribute("clientId", client.getClientId());
		model.addAttribute("state", state);
		model.addAttribute("scopes", requested.stream().filter(value -> !OidcScopes.OPENID.equals(value)).toList());
		model.addAttribute("data", data(requested));
		return "consent";
	}

	@GetMapping("/account/apps")
	String apps(Authentication authentication, Model model) {
		if (!(authentication instanceof ReaderAuthenticationToken reader)) {
			return "redirect:/login";
		}
		model.addAttribute("apps", this.consents.allowedApps(reader.getName())
			.stream()
			.map(app -> new AppView(app.client().getId(), app.client().getClientName(),
					app.client().getClientSettings().getSetting(ClientSettingNames.OPERATOR), data(app.scopes())))
			.toList());
		return "apps";
	}

	@PostMapping("/account/apps/withdraw")
	String withdraw(@RequestParam(name = "client", required = false) String registeredClientId,
			Authentication authentication) {
		if (!(authentication instanceof ReaderAuthenticationToken reader)) {
			return "redirect:/login";
		}
		boolean withdrawn = registeredClientId != null && this.consents.withdraw(reader.getName(), registeredClientId);
		return "redirect:/account/apps" + (withdrawn ? "?withdrawn" : "");
	}

	/** An allowed app as "my apps" lists it. */
	record AppView(String id, String name, String operator, List<DataItem> data) {
	}

	private static List<DataItem> data(Set<String> scopes) {
		List<DataItem> items = new ArrayList<>();
		KNOWN_SCOPES.stream().filter(scopes::contains).forEach(known -> items.add(new DataItem("consent.data." + known, null)));
		scopes.stream()
			.filter(value -> !KNOWN_SCOPES.contains(value))
			.sorted()
			.forEach(other -> items.add(new DataItem("consent.data.other", other)));
		return items;
	}

}
