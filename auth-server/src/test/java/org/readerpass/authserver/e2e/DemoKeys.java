package org.readerpass.authserver.e2e;

import java.text.ParseException;

import com.nimbusds.jose.jwk.ECKey;

/**
 * The private keys of the demo network's {@code private_key_jwt} clients. Public demo values, as
 * the demo secrets are: never use them anywhere else. The server holds only the public halves (in
 * {@code demo-network.yml}); {@code docs/integration-guide.md} shows the same key.
 */
public final class DemoKeys {

	/** {@code vendor-ebooks}: EC P-256, ES256. */
	public static final String VENDOR_EBOOKS = """
			{"kty":"EC","crv":"P-256","kid":"vendor-ebooks-2026","use":"sig","alg":"ES256",\
			"x":"Yz8fJ6Qb6cjApboc6Ud7pM92qiRZ0mm5Mm10n4mf3Ck","y":"bpb9-bDJvIB5AQcFZ-k6nRgsFKa7uGR6CDMvL1uHtrQ",\
			"d":"CU1KJ70UDiDgXRCL1ufuw2IWfrhUnBSvY2cUYK_hYew"}""";

	private DemoKeys() {
	}

	public static ECKey vendorEbooks() {
		try {
			return ECKey.parse(VENDOR_EBOOKS);
		}
		catch (ParseException ex) {
			throw new AssertionError(ex);
		}
	}

}
