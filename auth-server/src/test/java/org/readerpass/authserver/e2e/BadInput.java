package org.readerpass.authserver.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values an attacker sends instead of a parameter's own, already in their wire form (a
 * query's or a form's): oversized, wrongly %-escaped, invalid UTF-8, NUL and CR/LF, forged and
 * {@code alg: none} JWTs, and URIs a redirect must never go to. Each is named, for the failure
 * list. No value holds a word the answers are searched for ("Exception", SQL, file paths), so an
 * echo is never taken for a leak.
 */
final class BadInput {

	static final String KB8 = "A".repeat(8 * 1024);

	static final String KB64 = "B".repeat(64 * 1024);

	private BadInput() {
	}

	/** Wrong values for any parameter, by name. */
	static Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("empty", "");
		values.put("8KB", KB8);
		values.put("64KB", KB64);
		values.put("bad %-escape %g", "%g");
		values.put("lone %", "%");
		values.put("bad %-escape %zz", "a%zzb");
		values.put("%u escape", "%u0041");
		values.put("invalid UTF-8 %C3%28", "%C3%28");
		values.put("invalid UTF-8 %FF%FE", "%FF%FE");
		values.put("overlong UTF-8 %C0%AF", "%C0%AF");
		values.put("lone surrogate %ED%A0%80", "%ED%A0%80");
		values.put("raw byte 0xFF", "\u00ff\u00fe");
		values.put("NUL %00", "a%00b");
		values.put("CR LF injection", "a%0D%0ASet-Cookie:%20x=1");
		values.put("right-to-left override", "%E2%80%AEa");
		values.put("JSON in a parameter", "%7B%22a%22%3A%5B1%2C2%5D%7D");
		values.put("quote and angle brackets", "%22%3E%3Cscript%3Ex%3C%2Fscript%3E");
		values.put("many plus", "+".repeat(2000));
		return values;
	}

	/** Forged JWTs, for bearer tokens, client assertions, id_token_hints and tokens to introspect. */
	static Map<String, String> jwts(String issuer, String subject, String audience) {
		String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + audience
				+ "\",\"client_id\":\"" + subject + "\",\"scope\":\"readerpass.admin openid\",\"exp\":4102444800,"
				+ "\"iat\":1700000000,\"jti\":\"forged-1\"}";
		Map<String, String> jwts = new LinkedHashMap<>();
		jwts.put("alg none JWT", jwt("{\"alg\":\"none\",\"typ\":\"at+jwt\"}", claims, ""));
		jwts.put("alg None JWT", jwt("{\"alg\":\"None\"}", claims, ""));
		jwts.put("HS256 JWT forged", jwt("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", claims, "c2lnbmF0dXJl"));
		jwts.put("ES256 JWT bad signature", jwt("{\"alg\":\"ES256\",\"kid\":\"x\",\"typ\":\"at+jwt\"}", claims,
				b64("not a signature".repeat(4))));
		jwts.put("RS256 JWT with jku", jwt("{\"alg\":\"RS256\",\"jku\":\"http://127.0.0.1:1/jwks\",\"kid\":\"k\"}",
				claims, b64("sig")));
		jwts.put("JWT with crit", jwt("{\"alg\":\"ES256\",\"crit\":[\"x\"],\"x\":1}", claims, b64("sig")));
		jwts.put("JWT header not JSON", b64("not json") + "." + b64(claims) + ".");
		jwts.put("JWT header deep JSON", b64("[".repeat(5000)) + "." + b64(claims) + ".");
		jwts.put("JWT claims of wrong types", jwt("{\"alg\":\"none\"}",
				"{\"iss\":1,\"sub\":[],\"aud\":{},\"exp\":\"soon\",\"iat\":true}", ""));
		jwts.put("JWE-shaped five parts", "a.b.c.d.e");
		jwts.put("dots only", "...");
		jwts.put("8KB JWT", jwt("{\"alg\":\"none\"}", "{\"x\":\"" + KB8 + "\"}", ""));
		return jwts;
	}

	/** Where an authorization or logout redirect must never go, given one URI registered for the client. */
	static Map<String, String> redirects(String registered) {
		Map<String, String> redirects = new LinkedHashMap<>();
		redirects.put("foreign host", "https://evil.example/cb");
		redirects.put("protocol-relative", "//evil.example/cb");
		redirects.put("backslash host", "/\\evil.example/cb");
		redirects.put("registered host as userinfo", registered.replaceFirst("://", "://evil.example@"));
		redirects.put("registered + foreign userinfo", registered.replaceFirst("://([^/]+)", "://$1@evil.example"));
		redirects.put("registered host suffix", registered.replaceFirst("://([^/:]+)", "://$1.evil.example"));
		redirects.put("registered + path", registered + "/../../evil");
		redirects.put("registered + query", registered + "?next=https://evil.example/");
		redirects.put("registered + fragment", registered + "#https://evil.example/");
		redirects.put("javascript", "javascript:alert(1)");
		redirects.put("data URI", "data:text/html,x");
		redirects.put("registered with CR LF", registered + "\r\nLocation: https://evil.example/");
		redirects.put("registered upper-case", registered.toUpperCase());
		return redirects;
	}

	/** {@code header.claims.signature}, base64url without padding. */
	static String jwt(String header, String claims, String signature) {
		return b64(header) + "." + b64(claims) + "." + signature;
	}

	static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Headers an attacker adds or forges, by name; each list is added to a request's own. */
	static Map<String, List<String>> headers() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("16KB cookie", List.of("Cookie: READERPASS_SESSION=" + "C".repeat(16 * 1024)));
		headers.put("64KB header", List.of("X-Padding: " + KB64));
		headers.put("malformed cookie", List.of("Cookie: ;;=;READERPASS_SESSION=\"x;JSESSIONID=%g"));
		headers.put("spoofed Host", List.of("Host: evil.example"));
		headers.put("X-Forwarded-Host and Proto", List.of("X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
				"X-Forwarded-Port: 443", "X-Forwarded-Prefix: /evil"));
		headers.put("Forwarded host", List.of("Forwarded: for=10.0.0.1;host=evil.example;proto=https"));
		headers.put("X-Forwarded-For garbage", List.of("X-Forwarded-For: not-an-address, %g, ::::, 999.1.1.1"));
		headers.put("X-Forwarded-For 200 hops",
				List.of("X-Forwarded-For: " + String.join(", ", java.util.Collections.nCopies(200, "192.0.2.1"))));
		headers.put("Accept garbage", List.of("Accept: */*;q=x;;,, text/html;level=%g"));
		headers.put("Accept xml", List.of("Accept: application/xml"));
		headers.put("Accept-Language garbage", List.of("Accept-Language: zz-%g;q=2, " + "x".repeat(300)));
		headers.put("Authorization Basic not base64", List.of("Authorization: Basic !!!not-base64!!!"));
		headers.put("Authorization Basic no colon", List.of("Authorization: Basic " + b64std("no-colon")));
		headers.put("Authorization Basic bad escape", List.of("Authorization: Basic " + b64std("%zz:%g")));
		headers.put("Authorization Basic invalid UTF-8",
				List.of("Authorization: Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xff, ':', (byte) 0xc3 })));
		headers.put("Authorization Bearer empty", List.of("Authorization: Bearer "));
		headers.put("Authorization Bearer garbage", List.of("Authorization: Bearer %%%"));
		headers.put("Authorization unknown scheme", List.of("Authorization: Digest username=\"x\""));
		headers.put("two Authorization headers", List.of("Authorization: Bearer a.b.c", "Authorization: Basic eDp5"));
		headers.put("Content-Type charset bogus", List.of("Content-Type: application/x-www-form-urlencoded; charset=bogus"));
		headers.put("Transfer-Encoding gzip", List.of("Transfer-Encoding: gzip"));
		return headers;
	}

	static String b64std(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
