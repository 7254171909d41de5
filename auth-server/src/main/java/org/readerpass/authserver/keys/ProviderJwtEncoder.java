package org.readerpass.authserver.keys;

import java.net.URL;
import java.security.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * The server's {@link JwtEncoder}: Spring's {@code NimbusJwtEncoder} contract — the key chosen from
 * the {@link JWKSource} by the header's algorithm and {@code kid} (exactly one must match; its
 * {@code kid} added to a header without one), every header parameter and claim kept, RS256 when
 * the parameters carry no header — with the signatures made by a chosen JCA provider
 * ({@link SigningProviders}). {@code NimbusJwtEncoder} signs through a static signer factory and
 * cannot be given one.
 */
public final class ProviderJwtEncoder implements JwtEncoder {

	private static final String ERROR = "An error occurred while attempting to encode the Jwt: ";

	private final JWKSource<SecurityContext> jwkSource;

	private final Supplier<Optional<Provider>> loader;

	private final AtomicBoolean loading = new AtomicBoolean();

	private final CompletableFuture<Optional<Provider>> provider = new CompletableFuture<>();

	private final DefaultJWSSignerFactory signerFactory = new DefaultJWSSignerFactory();

	private final Map<JWK, JWSSigner> signers = new ConcurrentHashMap<>();

	/** Signs with {@code provider}, or by the JDK's default lookup when it is empty. */
	public ProviderJwtEncoder(JWKSource<SecurityContext> jwkSource, Optional<Provider> provider) {
		this(jwkSource, () -> provider);
	}

	/**
	 * Signs with the provider {@code loader} answers, or by the JDK's default lookup when it is
	 * empty. The loader runs once, at {@link #load()} or the first signature, whichever comes first:
	 * a native provider takes ~0.25 s to load, which a node spends after it is ready, not before.
	 */
	public ProviderJwtEncoder(JWKSource<SecurityContext> jwkSource, Supplier<Optional<Provider>> loader) {
		this.jwkSource = jwkSource;
		this.loader = loader;
	}

	/** Loads the provider in the calling thread, unless another call did or does; signatures wait for it. */
	public void load() {
		if (this.loading.compareAndSet(false, true)) {
			try {
				this.provider.complete(this.loader.get());
			}
			catch (RuntimeException | Error ex) {
				this.provider.complete(Optional.empty()); // the JDK signs
				throw ex;
			}
		}
	}

	/** The provider that signs: a name for logs and tests ("the JDK's default" when none was chosen). */
	public String providerName() {
		Provider chosen = provider();
		return (chosen != null) ? chosen.getName() : "the JDK's default";
	}

	private Provider provider() {
		load();
		return this.provider.join().orElse(null);
	}

	@Override
	public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
		JwsHeader header = (parameters.getJwsHeader() != null) ? parameters.getJwsHeader()
				: JwsHeader.with(SignatureAlgorithm.RS256).build();
		JwtClaimsSet claims = parameters.getClaims();
		JWK jwk = select(header);
		Map<String, Object> headers = new LinkedHashMap<>(header.getHeaders());
		if (headers.get("kid") == null && jwk.getKeyID() != null) {
			headers.put("kid", jwk.getKeyID());
		}
		if (headers.get("x5t#S256") == null && jwk.getX509CertSHA256Thumbprint() != null) {
			headers.put("x5t#S256", jwk.getX509CertSHA256Thumbprint().toString());
		}
		try {
			SignedJWT jwt = new SignedJWT(JWSHeader.parse(json(headers)), JWTClaimsSet.parse(json(claims.getClaims())));
			jwt.sign(signer(jwk));
			return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), headers, claims.getClaims());
		}
		catch (JwtEncodingException ex) {
			throw ex;
		}
		catch (JOSEException | java.text.ParseException | RuntimeException ex) {
			throw new JwtEncodingException(ERROR + ex.getMessage(), ex);
		}
	}

	private JWK select(JwsHeader header) {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(header.getAlgorithm().getName());
		JWKMatcher.Builder matcher = new JWKMatcher.Builder().keyType(KeyType.forAlgorithm(algorithm))
			.keyUses(KeyUse.SIGNATURE, null)
			.algorithms(algorithm, null);
		if (header.getKeyId() != null) {
			matcher.keyID(header.getKeyId());
		}
		List<JWK> keys;
		try {
			keys = this.jwkSource.get(new JWKSelector(matcher.build()), null);
		}
		catch (KeySourceException ex) {
			throw new JwtEncodingException(ERROR + "Failed to select a JWK signing key -> " + ex.getMessage(), ex);
		}
		if (keys.isEmpty()) {
			throw new JwtEncodingException(ERROR + "Failed to select a JWK signing key");
		}
		if (keys.size() > 1) {
			throw new JwtEncodingException(ERROR + "Found multiple JWK signing keys for algorithm '"
					+ algorithm.getName() + "'");
		}
		return keys.get(0);
	}

	private JWSSigner signer(JWK jwk) {
		return this.signers.computeIfAbsent(jwk, (key) -> {
			try {
				JWSSigner signer = this.signerFactory.createJWSSigner(key);
				signer.getJCAContext().setProvider(provider());
				return signer;
			}
			catch (JOSEException ex) {
				throw new JwtEncodingException(ERROR + "Failed to create a JWS Signer -> " + ex.getMessage(), ex);
			}
		});
	}

	/**
	 * Header parameters and claims as JSON values, as Nimbus parses them: times in seconds since the
	 * epoch, URLs and algorithms as strings, collections as lists; maps kept, their values converted.
	 */
	static Map<String, Object> json(Map<String, Object> values) {
		Map<String, Object> json = new LinkedHashMap<>();
		values.forEach((name, value) -> json.put(name, jsonValue(value)));
		return json;
	}

	@SuppressWarnings("unchecked")
	private static Object jsonValue(Object value) {
		if (value instanceof Instant instant) {
			return instant.getEpochSecond();
		}
		if (value instanceof java.util.Date date) {
			return date.getTime() / 1000;
		}
		if (value instanceof URL url) {
			return url.toExternalForm();
		}
		if (value instanceof org.springframework.security.oauth2.jose.JwaAlgorithm algorithm) {
			return algorithm.getName();
		}
		if (value instanceof Map<?, ?> map) {
			return json((Map<String, Object>) map);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach((element) -> list.add(jsonValue(element)));
			return list;
		}
		return value;
	}

}
