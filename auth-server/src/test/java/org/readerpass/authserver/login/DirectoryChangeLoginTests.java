package org.readerpass.authserver.login;

import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.e2e.Browser;
import org.readerpass.authserver.e2e.Browser.Page;
import org.readerpass.authserver.e2e.OidcClient;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.testsupport.Slapd;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's promise end to end: a change made in a library's directory (a new reader, a changed
 * name, a suspended card, an expired card) shows in the next login and the next token, with no
 * sync run started by anyone — the server follows slapd with an RFC 4533 refreshAndPersist stream
 * ({@code change-detection: content-sync-persist}). Each change is awaited for at most
 * {@value #SECONDS} s (a bound for a stream that never delivers, not a timing: it takes
 * milliseconds).
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "readerpass.network-file=classpath:slapd-persist-network.yml",
				"spring.datasource.url=jdbc:h2:mem:readerpass-slapd-persist-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY })
class DirectoryChangeLoginTests {

	private static final int SECONDS = 20;

	private static final String READERS = "ou=readers," + DemoLibrary.ZJ.suffix();

	private static Slapd slapd;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void slapdUrl(DynamicPropertyRegistry registry) {
		slapd = Slapd.builder(DemoLibrary.ZJ.suffix())
			.ldif(DemoLdif.of(DemoLibrary.ZJ))
			.syncprovConfig("syncprov-sessionlog 1000")
			.start();
		registry.add("test.slapd.url", slapd::url);
	}

	@AfterAll
	static void stopSlapd() {
		if (slapd != null) {
			slapd.close();
		}
	}

	@Test
	void readerAddedInDirectoryThenCanSignInWithoutASyncRun() throws LDAPException, LDIFException {
		assertThat(login("ZJ9001", "zj9001-pass").status()).as("not in the directory yet").isEqualTo(401);

		directory((ldap) -> ldap.add("dn: uid=ZJ9001," + READERS, "objectClass: inetOrgPerson",
				"objectClass: libraryReader", "uid: ZJ9001", "cn: 新读者", "sn: 新", "displayName: 新读者",
				"readerType: general", "userPassword: zj9001-pass"));

		Page signedIn = awaitLogin("ZJ9001", "zj9001-pass", (page) -> page.body().contains("您已登录"));
		assertThat(signedIn.body()).contains("您已登录");
	}

	@Test
	void readerRenamedInDirectoryThenNextTokenCarriesTheNewName() throws Exception {
		assertThat(idToken("ZJ0003").getStringClaim("name")).isNotEqualTo("改名后");

		directory((ldap) -> ldap.modify(dn("ZJ0003"), new Modification(ModificationType.REPLACE, "displayName", "改名后")));

		String name = await(() -> idToken("ZJ0003").getStringClaim("name"), "改名后"::equals);
		assertThat(name).isEqualTo("改名后");
	}

	@Test
	void cardSuspendedInDirectoryThenNextLoginRefused() throws Exception {
		assertThat(login("ZJ0004", "zj0004-pass").body()).contains("您已登录");

		directory((ldap) -> ldap.modify(dn("ZJ0004"),
				new Modification(ModificationType.REPLACE, "readerStatus", "suspended")));

		Page refused = awaitLogin("ZJ0004", "zj0004-pass", (page) -> page.body().contains("您的读者证已被暂停使用"));
		assertThat(refused.body()).contains("您的读者证已被暂停使用").doesNotContain("您已登录");
	}

	@Test
	void cardExpiredInDirectoryThenNextLoginRefused() throws Exception {
		assertThat(login("ZJ0005", "zj0005-pass").body()).contains("您已登录");

		directory((ldap) -> ldap.modify(dn("ZJ0005"),
				new Modification(ModificationType.REPLACE, "readerExpiry", "20250131235959+0800")));

		Page refused = awaitLogin("ZJ0005", "zj0005-pass", (page) -> page.body().contains("您的读者证已于"));
		assertThat(refused.body()).contains("您的读者证已于").contains("2025").doesNotContain("您已登录");
	}

	private Page login(String card, String password) {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		return browser.login(browser.get("/login"), card, password);
	}

	private Page awaitLogin(String card, String password, Predicate<Page> until) {
		return await(() -> login(card, password), until);
	}

	private IDTokenClaimsSet idToken(String card) {
		Browser browser = new Browser(URI.create("http://localhost:" + this.port));
		OidcClient mobile = OidcClient.mobileApp(OidcClient.discover(URI.create("http://localhost:" + this.port)));
		Page afterLogin = browser.login(browser.get(mobile.authorizationRequest()), card,
				DemoReaders.reader(DemoLibrary.ZJ, card).password());
		return mobile.validate(mobile.exchange(afterLogin.location()));
	}

	private static <T> T await(Supplier<T> attempt, Predicate<T> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
		T last = attempt.get();
		while (!until.test(last) && System.nanoTime() < deadline) {
			sleep();
			last = attempt.get();
		}
		return last;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String dn(String card) {
		return DemoReaders.reader(DemoLibrary.ZJ, card).dn();
	}

	private static void directory(LdapChange change) throws LDAPException, LDIFException {
		try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", slapd.port(), slapd.rootDn(), slapd.rootPassword())) {
			change.apply(ldap);
		}
	}

	@FunctionalInterface
	private interface LdapChange {

		void apply(LDAPConnection ldap) throws LDAPException, LDIFException;

	}

}
