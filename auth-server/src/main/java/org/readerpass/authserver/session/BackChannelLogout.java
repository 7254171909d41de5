package org.readerpass.authserver.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.readerpass.authserver.audit.SecurityEvent;
import org.readerpass.authserver.audit.SecurityEvents;
import org.readerpass.authserver.client.ClientSettingNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * OIDC Back-Channel Logout 1.0: tells each app that signed a reader in during an SSO session that
 * the session ended, by POSTing a signed logout token ({@code typ: logout+jwt}; {@code iss},
 * {@code aud}, {@code iat}, {@code exp}, {@code jti}, {@code events}, {@code sub} as the app saw it
 * in its ID token, {@code sid}; never a {@code nonce}) to its registered
 * {@code backchannel_logout_uri}.
 *
 * <p>
 * Deliveries run in the background and never hold up the reader's browser. A delivery that fails
 * (a connection error, a timeout, an answer other than 2xx) is retried with doubling back-off;
 * after the last attempt it is given up, written to the security audit log as
 * {@value #FAILED_EVENT} and counted. Meter {@value #METER}, tag {@code outcome}:
 * {@code delivered}, {@code retried}, {@code failed}.
 */
public final class BackChannelLogout implements AutoCloseable {

	public static final String FAILED_EVENT = "backchannel_logout.failed";

	public static final String METER = "readerpass.logout.backchannel";

	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

	private record Delivery(RegisteredClient client, URI uri, String subject, String sessionId) {
	}

	/** Signs a logout token: the JWS header (algorithm and key) comes from the caller. */
	@FunctionalInterface
	public interface Signer {

		String sign(RegisteredClient client, JwtClaimsSet claims);

	}

	private final RegisteredClientRepository clients;

	private final Signer signer;

	private final String issuer;

	private final LogoutProperties properties;

	private final SecurityEvents events;

	private final MeterRegistry meters;

	private final Clock clock;

	private final HttpClient http;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "backchannel-logout");
		thread.setDaemon(true);
		return thread;
	});

	public BackChannelLogout(RegisteredClientRepository clients, Signer signer, String issuer,
			LogoutProperties properties, SecurityEvents events, MeterRegistry meters, Clock clock) {
		this.clients = clients;
		this.signer = signer;
		this.issuer = issuer;
		this.properties = properties;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
		// every outcome from the start, at zero: an alert on failed deliveries has a series to watch
		for (String outcome : new String[] { "delivered", "retried", "failed" }) {
			meters.counter(METER, "outcome", outcome);
		}
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.backchannelTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A signer that uses the JWS algorithm and key the client's ID tokens are signed with. */
	public static Signer signer(JwtEncoder encoder, java.util.function.Function<SignatureAlgorithm, String> keyIds) {
		return (client, claims) -> {
			SignatureAlgorithm algorithm = client.getTokenSettings().getIdTokenSignatureAlgorithm();
			JwsHeader header = JwsHeader.with(algorithm).type("logout+jwt").keyId(keyIds.apply(algorithm)).build();
			return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		};
	}

	/**
	 * Schedules a logout token for each app signed in during the ended session (one per app and
	 * subject) that registered a back-channel logout URI; returns at once.
	 * @param sessionId the ended session's {@code sid}
	 * @param ended the authorizations the session held, as revoked
	 */
	public void notifyLoggedOut(String sessionId, List<OAuth2Authorization> ended) {
		Map<String, Delivery> deliveries = new LinkedHashMap<>();
		for (OAuth2Authorization authorization : ended) {
			OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
			RegisteredClient client = this.clients.findById(authorization.getRegisteredClientId());
			String uri = (client != null) ? client.getClientSettings().getSetting(ClientSettingNames.BACKCHANNEL_LOGOUT_URI)
					: null;
			if (idToken == null || uri == null) {
				continue; // the app never had an ID token of this session, or does not listen
			}
			String subject = idToken.getToken().getSubject();
			deliveries.putIfAbsent(client.getId() + ' ' + subject, new Delivery(client, URI.create(uri), subject, sessionId));
		}
		deliveries.values().forEach(delivery -> this.scheduler.execute(() -> attempt(delivery, 1)));
	}

	private void attempt(Delivery delivery, int attempt) {
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(delivery.uri())
				.timeout(this.properties.backchannelTimeout())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(
						"logout_token=" + URLEncoder.encode(logoutToken(delivery), StandardCharsets.US_ASCII)))
				.build();
		}
		catch (RuntimeException ex) {
			log.error("Logout token not signed client={}", delivery.client().getClientId(), ex);
			failed(delivery, attempt, "signing failed");
			return;
		}
		this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
			if (error == null && response.statusCode() / 100 == 2) {
				this.meters.counter(METER, "outcome", "delivered").increment();
				log.debug("Back-channel logout delivered client={} attempt={}", delivery.client().getClientId(), attempt);
				return;
			}
			String outcome = (error != null) ? error.getClass().getSimpleName() : "HTTP " + response.statusCode();
			if (attempt < this.properties.backchannelAttempts()) {
				this.meters.counter(METER, "outcome", "retried").increment();
				long delay = this.properties.backchannelBackoff().toMillis() << (attempt - 1);
				log.debug("Back-channel logout will be retried client={} attempt={} outcome={} delayMs={}",
						delivery.client().getClientId(), attempt, outcome, delay);
				this.scheduler.schedule(() -> attempt(delivery, attempt + 1), delay, TimeUnit.MILLISECONDS);
			}
			else {
				failed(delivery, attempt, outcome);
			}
		});
	}

	private void failed(Delivery delivery, int attempts, String outcome) {
		this.meters.counter(METER, "outcome", "failed").increment();
		log.warn("Back-channel logout given up client={} attempts={} outcome={}", delivery.client().getClientId(),
				attempts, outcome);
		this.events.record(new SecurityEvent(FAILED_EVENT, delivery.client().getClientId(), delivery.subject(),
				Map.of("attempts", Integer.toString(attempts), "outcome", outcome, "uri", delivery.uri().toString())));
	}

	private String logoutToken(Delivery delivery) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.audience(List.of(delivery.client().getClientId()))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(2)))
			.id(UUID.randomUUID().toString())
			.subject(delivery.subject())
			.claim("sid", delivery.sessionId())
			.claim("events", Map.of(EVENT, Map.of()))
			.build();
		return this.signer.sign(delivery.client(), claims);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
