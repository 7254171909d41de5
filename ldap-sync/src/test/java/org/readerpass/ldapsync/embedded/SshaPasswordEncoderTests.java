package org.readerpass.ldapsync.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryPasswordEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SshaPasswordEncoderTests {

	/** ZJ0001's password as the demo LDIF holds it (zj0001-pass). */
	private static final String DEMO_HASH = "{SSHA}A5pFFteb9ntysBrOTp+Xplc+tLApPpRgEyP/yA==";

	private final InMemoryPasswordEncoder encoder = new SshaPasswordEncoder();

	private boolean matches(String clear, ASN1OctetString encoded) throws Exception {
		return this.encoder.clearPasswordMatchesEncodedPassword(new ASN1OctetString(clear), encoded, null);
	}

	@Test
	void clearPasswordMatchesWhenDemoLdifHashThenOnlyTheRightPassword() throws Exception {
		ASN1OctetString stored = new ASN1OctetString(DEMO_HASH);

		assertThat(matches("zj0001-pass", stored)).isTrue();
		assertThat(matches("zj0001-wrong", stored)).isFalse();
	}

	@Test
	void encodePasswordWhenEncodedThenSaltedAndMatching() throws Exception {
		ASN1OctetString first = this.encoder.encodePassword(new ASN1OctetString("secret"), null, List.of());
		ASN1OctetString second = this.encoder.encodePassword(new ASN1OctetString("secret"), null, List.of());

		assertThat(first.stringValue()).startsWith("{SSHA}").isNotEqualTo(second.stringValue());
		assertThat(matches("secret", first)).isTrue();
		assertThat(matches("secret", second)).isTrue();
		assertThatExceptionOfType(com.unboundid.ldap.sdk.LDAPException.class).isThrownBy(
				() -> this.encoder.extractClearPasswordFromEncodedPassword(first, null));
	}

	/**
	 * The SDK's encoder shares one MessageDigest between binds: at this concurrency it answers some
	 * right passwords as wrong. This one must never.
	 */
	@Test
	void clearPasswordMatchesWhenManyBindsAtOnceThenEveryRightPasswordMatches() throws Exception {
		ASN1OctetString stored = new ASN1OctetString(DEMO_HASH);
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> mismatches = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				mismatches.add(pool.submit(() -> {
					start.await();
					int wrong = 0;
					for (int i = 0; i < 20_000; i++) {
						if (!matches("zj0001-pass", stored)) {
							wrong++;
						}
					}
					return wrong;
				}));
			}
			start.countDown();
			int wrong = 0;
			for (Future<Integer> count : mismatches) {
				wrong += count.get();
			}
			assertThat(wrong).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

}
