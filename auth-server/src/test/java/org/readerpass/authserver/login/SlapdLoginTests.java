package org.readerpass.authserver.login;

import java.net.URI;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.e2e.Browser;
import org.readerpass.authserver.e2e.Browser.Page;
import org.readerpass.authserver.e2e.OidcClient;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.Slapd;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login against a real OpenLDAP {@code slapd} (Debian package) that the test starts on a free
 * loopback port, beside an embedded Active-Directory-style directory: the password is checked by
 * a bind on slapd, and slapd going down affects only its own library.
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "readerpass.network-file=classpath:slapd-network.yml",
				"spring.datasource.url=jdbc:h2:mem:readerpass-slapd-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY })
class SlapdLoginTests {

	private static Slapd slapd;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void slapdUrl(DynamicPropertyRegistry registry) {
		slapd = Slapd.builder(DemoLibrary.ZJ.suffix()).ldif(DemoLdif.of(DemoLibrary.ZJ)).start();
		registry.add("test.slapd.url", slapd::url);
	}

	@AfterAll
	static void stopSlapd() {
		if (slapd != null) {
			slapd.close();
		}
	}

	private Browser browser() {
		return new Browser(URI.create("http://localhost:" + this.port));
	}

	@Test
	void codeFlowWhenReaderOfSlapdLibraryThenSignedInWithLinkedLibraries() {
		Browser browser = browser();
		OidcClient mobile = OidcClient.mobileApp(OidcClient.discover(URI.create("http://localhost:" + this.port)));
		Page afterLogin = browser.login(browser.get(mobile.authorizationRequest()), "ZJ0002", "zj0002-pass");
		IDTokenClaimsSet idToken = mobile.validate(mobile.exchange(afterLogin.location()));
		assertThat(idToken.getStringClaim("name")).isEqualTo("王芳");
		assertThat(idToken.getStringClaim("home_library")).isEqualTo("zj");
		assertThat(idToken.getStringListClaim("libraries")).containsExactly("zj", "zj.sx");
	}

	@Test
	void loginWhenWrongPasswordOnSlapdThenGenericMessage() {
		Browser browser = browser();
		Page page = browser.login(browser.get("/login"), "ZJ0001", "wrong-password");
		assertThat(page.status()).isEqualTo(401);
		assertThat(page.body()).contains("读者证号或密码不正确。");
	}

	@Test
	void loginWhenSlapdDownThenUnavailableAndOtherLibraryUnaffected() {
		slapd.stop();
		try {
			Browser browser = browser();
			Page down = browser.login(browser.get("/login"), "ZJ0001", "zj0001-pass");
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.body()).contains("浙江图书馆的读者服务暂时无法使用");
			Browser other = browser();
			assertThat(other.login(other.get("/login"), "SX0001", "sx0001-pass").body()).contains("您已登录");
		}
		finally {
			slapd.start();
		}
		Browser again = browser();
		assertThat(again.login(again.get("/login"), "ZJ0001", "zj0001-pass").body()).contains("您已登录");
	}

}
