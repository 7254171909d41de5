package org.readerpass.authserver.device;

import java.security.Principal;
import java.util.Set;
import java.util.function.BiFunction;

import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * What a user code typed by a reader stands for, and the reader's decision on it, written to the
 * stored authorization as the stock verification endpoint would write it: an approval names the
 * reader as the authorization's principal with the scopes the box asked for and uses up the user
 * code, so the box's next poll gets tokens; a denial uses up both codes, so the box gets
 * {@code access_denied} (RFC 8628 §3.5).
 */
final class DeviceVerification {

	private static final Logger log = LoggerFactory.getLogger(DeviceVerification.class);

	/** What a typed code is. */
	sealed interface Lookup {

		/** Not eight letters of the alphabet: nothing was looked up. */
		record Malformed() implements Lookup {
		}

		/** No authorization holds it. */
		record Unknown() implements Lookup {
		}

		/** Its box's time ran out. */
		record Expired() implements Lookup {
		}

		/** A reader already approved or denied it. */
		record Used() implements Lookup {
		}

		/** A box waits for a reader's decision. */
		record Pending(String userCode, RegisteredClient client) implements Lookup {
		}

	}

	private final OAuth2AuthorizationService authorizations;

	private final RegisteredClientRepository clients;

	DeviceVerification(OAuth2AuthorizationService authorizations, RegisteredClientRepository clients) {
		this.authorizations = authorizations;
		this.clients = clients;
	}

	Lookup find(String typed) {
		return UserCodes.normalize(typed).map(this::lookup).orElseGet(Lookup.Malformed::new);
	}

	/** The reader approves: the box's next poll gets tokens for this reader. */
	Lookup approve(String userCode, ReaderAuthenticationToken reader) {
		return decide(userCode, (authorization, code) -> {
			Set<String> scopes = authorization.getAttribute(OAuth2ParameterNames.SCOPE);
			return OAuth2Authorization.from(authorization)
				.principalName(reader.getName())
				.authorizedScopes((scopes != null) ? scopes : Set.of())
				.invalidate(code)
				.attribute(Principal.class.getName(), reader)
				.attributes(attributes -> attributes.remove(OAuth2ParameterNames.SCOPE))
				.build();
		}, "approved");
	}

	/** The reader denies: the box's next poll gets {@code access_denied}. */
	Lookup deny(String userCode) {
		return decide(userCode, (authorization, code) -> OAuth2Authorization.from(authorization)
			.invalidate(code)
			.invalidate(authorization.getToken(OAuth2DeviceCode.class).getToken())
			.build(), "denied");
	}

	/** Applies a decision to a code that is still pending; otherwise answers what it is now. */
	private Lookup decide(String userCode,
			BiFunction<OAuth2Authorization, OAuth2UserCode, OAuth2Authorization> decision, String outcome) {
		OAuth2Authorization authorization = this.authorizations.findByToken(userCode, UserCodes.TYPE);
		Lookup found = lookup(authorization, userCode);
		if (found instanceof Lookup.Pending pending) {
			this.authorizations
				.save(decision.apply(authorization, authorization.getToken(OAuth2UserCode.class).getToken()));
			log.info("Device {} by a reader client={}", outcome, pending.client().getClientId());
		}
		return found;
	}

	private Lookup lookup(String userCode) {
		return lookup(this.authorizations.findByToken(userCode, UserCodes.TYPE), userCode);
	}

	private Lookup lookup(OAuth2Authorization authorization, String userCode) {
		OAuth2Authorization.Token<OAuth2UserCode> code = (authorization != null)
				? authorization.getToken(OAuth2UserCode.class) : null;
		OAuth2Authorization.Token<OAuth2DeviceCode> deviceCode = (authorization != null)
				? authorization.getToken(OAuth2DeviceCode.class) : null;
		RegisteredClient client = (authorization != null)
				? this.clients.findById(authorization.getRegisteredClientId()) : null;
		if (code == null || deviceCode == null || client == null) {
			return new Lookup.Unknown();
		}
		if (code.isInvalidated()) {
			return new Lookup.Used();
		}
		if (code.isExpired() || deviceCode.isExpired() || deviceCode.isInvalidated()) {
			return new Lookup.Expired();
		}
		return new Lookup.Pending(userCode, client);
	}

}
