package org.readerpass.authserver.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.login.ReaderAuthenticationForm;
import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.readerpass.authserver.login.ReaderPrincipal;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Session values in either format: every value round-trips, each format reads the other's, the
 * Java format is byte for byte what the stock repository writes, and bytes that are not a value
 * are Spring's {@link SerializationException}, never another exception.
 */
class SessionValuesTests {

	private static final ClassLoader LOADER = SessionValuesTests.class.getClassLoader();

	private final SessionValues compact = new SessionValues(LOADER, SessionValues.Format.COMPACT,
			List.of(new ReaderAuthenticationForm()));

	private final SessionValues java = new SessionValues(LOADER, SessionValues.Format.JAVA,
			List.of(new ReaderAuthenticationForm()));

	private final JdkSerializationRedisSerializer stock = new JdkSerializationRedisSerializer(LOADER);

	private static SecurityContextImpl reader() {
		return new SecurityContextImpl(new ReaderAuthenticationToken(new ReaderPrincipal(UUID.randomUUID(),
				UUID.randomUUID(), "zj", Instant.parse("2026-12-05T08:00:00.123456789Z"), "sid-中")));
	}

	private static List<Object> common() {
		return List.of(1_764_921_600_123L, 1800, "/oauth2/authorize?client_id=zj-reader-app&state=中文 😀", "",
				new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "4f1a-token"), reader());
	}

	@Test
	void writeWhenCompactThenEveryCommonValueShortRoundTripsAndReadsInBothFormats() {
		for (Object value : common()) {
			byte[] written = this.compact.write(value);
			byte[] serialized = this.stock.serialize(value);
			assertThat(written[0] & 0xFF).as("not a Java serialization stream: %s", value).isLessThan(0xAC);
			assertThat(written.length).as("shorter than Java serialization: %s", value).isLessThan(serialized.length);
			assertThat(this.compact.read(written)).usingRecursiveComparison().isEqualTo(value);
			assertThat(this.java.read(written)).as("a node writing Java serialization reads it")
				.usingRecursiveComparison()
				.isEqualTo(value);
		}
		assertThat(this.compact.read(this.compact.write(reader()))).isInstanceOf(SecurityContextImpl.class)
			.extracting(context -> ((SecurityContextImpl) context).getAuthentication())
			.isInstanceOf(ReaderAuthenticationToken.class);
	}

	@Test
	void writeWhenJavaThenTheStockRepositorysBytesReadInBothFormats() {
		for (Object value : common()) {
			byte[] written = this.java.write(value);
			assertThat(written).isEqualTo(this.stock.serialize(value));
			assertThat(this.compact.read(written)).usingRecursiveComparison().isEqualTo(value);
		}
		SecurityContextImpl reader = reader();
		assertThat(SessionValues.java(LOADER).write(reader)).isEqualTo(this.stock.serialize(reader));
	}

	@Test
	void writeWhenNoCompactFormThenJavaSerializationInTheCompactFormatToo() {
		SecurityContextImpl admin = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		ReaderAuthenticationToken withDetails = new ReaderAuthenticationToken(
				((ReaderAuthenticationToken) reader().getAuthentication()).getPrincipal());
		withDetails.setDetails("details");
		List<Object> others = new ArrayList<>(List.of(admin, new SecurityContextImpl(withDetails),
				new SecurityContextImpl(), new ArrayList<>(List.of("a", "b")), 2.5, "lone \uD800 surrogate",
				new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "lone \uDC00")));
		for (Object value : others) {
			byte[] written = this.compact.write(value);
			assertThat(written).as("%s", value).isEqualTo(this.stock.serialize(value));
			assertThat(this.compact.read(written)).usingRecursiveComparison().isEqualTo(value);
		}
		SecurityContextImpl reader = reader();
		assertThat(new SessionValues(LOADER, SessionValues.Format.COMPACT, List.of()).write(reader))
			.as("a reader's context without its form declared").isEqualTo(this.stock.serialize(reader));
	}

	@Test
	void readWhenNotAValueThenSerializationException() {
		byte[] context = this.compact.write(reader());
		byte[] csrf = this.compact.write(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token"));
		List<byte[]> garbage = List.of(new byte[] { 99 }, new byte[] { 1, 2, 3 }, // unknown tag; a long cut short
				Arrays.copyOf(context, context.length - 1), Arrays.copyOf(context, context.length + 1),
				Arrays.copyOf(csrf, 5), new byte[] { 3, 0x7f, 0, 0, 0, 'a' }, // a string longer than the value
				new byte[] { 3, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff }, // a negative length
				new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5, 1 }); // a Java stream cut short
		for (byte[] bytes : garbage) {
			assertThatExceptionOfType(SerializationException.class).as("%s", Arrays.toString(bytes))
				.isThrownBy(() -> this.compact.read(bytes));
		}
		SessionValues withoutForm = new SessionValues(LOADER, SessionValues.Format.COMPACT, List.of());
		assertThatExceptionOfType(SerializationException.class).as("a form this node does not know")
			.isThrownBy(() -> withoutForm.read(context));
	}

	@Test
	void formatWhenNeitherCompactNorJavaThenRefusedWithTheKey() {
		assertThat(SessionValues.Format.of(" Compact ")).isEqualTo(SessionValues.Format.COMPACT);
		assertThat(SessionValues.Format.of("java")).isEqualTo(SessionValues.Format.JAVA);
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> SessionValues.Format.of("json"))
			.withMessageContaining("readerpass.redis.session-format");
	}

}
