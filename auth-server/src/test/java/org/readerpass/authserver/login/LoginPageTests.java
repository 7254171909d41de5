package org.readerpass.authserver.login;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.e2e.Browser;
import org.readerpass.authserver.e2e.Browser.Page;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader login page over real HTTP against the embedded demo directories: every outcome a
 * reader can meet, in both languages, and never a stack trace.
 */
@ReaderPassServerTest
class LoginPageTests {

	private static final String BAD_CREDENTIALS = "读者证号或密码不正确。";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedDirectories directories;

	@Autowired
	LoginPage loginPage;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new Browser(URI.create("http://localhost:" + this.port));
	}

	private Page login(String card, String password) {
		return this.browser.login(this.browser.get("/login"), card, password);
	}

	@Test
	void loginWhenCorrectPasswordThenSignedInOnHomePage() {
		Page page = login("ZJ0001", "zj0001-pass");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/");
		assertThat(page.body()).contains("您已登录");
	}

	/**
	 * The login interrupts an app's authorization request and continues exactly that request (only
	 * its path and query are kept in the session, SavedReaderRequests: nothing added, such as the
	 * stock cache's {@code continue}) within the form's POST (AuthorizationContinuation): the POST's
	 * answer is the authorization endpoint's, the code for the app, with the state as it came.
	 */
	@Test
	void loginWhenAnAppAskedThenBackToItsExactAuthorizationRequestAndOnToTheApp() {
		String query = "response_type=code&client_id=zj-reader-app&redirect_uri=http%3A%2F%2F127.0.0.1%3A8082%2Fcallback"
				+ "&scope=openid+profile&state=s%20%E4%B8%AD&nonce=n-1"
				+ "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256";
		Page loginPage = this.browser.get("/oauth2/authorize?" + query);
		assertThat(loginPage.isLoginPage()).as("the login page, at the authorization request's URL").isTrue();
		assertThat(loginPage.uri().getRawQuery()).isEqualTo(query);
		assertThat(loginPage.body()).contains("浙江图书馆移动应用")
			.as("its language links lead to the login page, not to the request without its query")
			.contains("href=\"/login?lang=en\"")
			.doesNotContain("href=\"?lang=en\"");

		Page back = this.browser.login(loginPage, "ZJ0001", "zj0001-pass");
		assertThat(back.uri().getRawPath()).as("answered by the form's POST itself").isEqualTo("/login");
		assertThat(back.status()).isEqualTo(302);
		assertThat(back.location()).startsWith("http://127.0.0.1:8082/callback?code=").endsWith("&state=s%20%E4%B8%AD");
		assertThat(back.headers().allValues("Set-Cookie")).as("the new session's cookie, once")
			.filteredOn((cookie) -> cookie.startsWith("READERPASS_SESSION=")).hasSize(1);
		assertThat(back.headers().allValues("Cache-Control")).hasSize(1);
		assertThat(back.headers().allValues("Content-Security-Policy")).hasSize(1);
		assertThat(back.headers().allValues("X-Content-Type-Options")).hasSize(1);

		Page again = this.browser.get("/oauth2/authorize?" + query);
		assertThat(again.location()).as("signed in: the next request of an app gets a code at once")
			.startsWith("http://127.0.0.1:8082/callback?code=");
	}

	/**
	 * The page an app's request first shows is kept once rendered (LoginPage): every browser still
	 * gets its own CSRF token in it, the token of its own session, and the rest is the same page.
	 */
	@Test
	void loginPageWhenShownAgainForTheSameAppThenTheSamePageWithEachBrowsersOwnToken() {
		String request = "/oauth2/authorize?response_type=code&client_id=zj-reader-app"
				+ "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8082%2Fcallback&scope=openid&state=s-kept"
				+ "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256";
		Browser first = new Browser(URI.create("http://localhost:" + this.port));
		Browser second = new Browser(URI.create("http://localhost:" + this.port));
		Browser third = new Browser(URI.create("http://localhost:" + this.port));
		Page one = first.get(request);
		Page two = second.get(request);
		Page three = third.get(request);

		assertThat(this.loginPage.kept()).as("the page an app's request first shows is kept").isPositive();
		String token = Browser.csrfToken(two);
		assertThat(token).isNotEqualTo(Browser.csrfToken(one)).isNotEqualTo(Browser.csrfToken(three));
		assertThat(two.body()).isEqualTo(one.body().replace(Browser.csrfToken(one), token))
			.contains("浙江图书馆的「浙江图书馆移动应用 Zhejiang Library mobile app」请您登录。");
		assertThat(two.header("Content-Type")).isEqualTo(one.header("Content-Type"));
		assertThat(two.header("Content-Language")).isEqualTo(one.header("Content-Language")).hasValue("zh-CN");

		assertThat(second.login(two, "ZJ0001", "zj0001-pass").location())
			.startsWith("http://127.0.0.1:8082/callback?code=");
		Page withAnotherSessionsToken = third.submit(two, "/login", Map.of("card", "ZJ0002", "password", "zj0002-pass"));
		assertThat(withAnotherSessionsToken.status()).as("a token kept in the page is no other session's token")
			.isEqualTo(403);
		assertThat(first.login(one, "ZJ0002", "zj0002-pass").location()).startsWith("http://127.0.0.1:8082/callback?code=");
	}

	/** The page shown again after a wrong password still says which app asked, and whose app it is. */
	@Test
	void loginWhenAnAppAskedAndWrongPasswordThenThePageStillNamesTheAppAndItsLibrary() {
		Page loginPage = this.browser.get("/oauth2/authorize?response_type=code&client_id=zj-reader-app"
				+ "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8082%2Fcallback&scope=openid&state=s-1"
				+ "&code_challenge=ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU&code_challenge_method=S256");
		assertThat(loginPage.body()).contains("浙江图书馆的「浙江图书馆移动应用 Zhejiang Library mobile app」请您登录。");

		Page refused = this.browser.login(loginPage, "ZJ0001", "not-my-password");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).contains(BAD_CREDENTIALS).contains("浙江图书馆的「浙江图书馆移动应用 Zhejiang Library mobile app」请您登录。");
		Browser withoutApp = new Browser(URI.create("http://localhost:" + this.port));
		assertThat(withoutApp.login(withoutApp.get("/login"), "ZJ0001", "not-my-password").body())
			.contains(BAD_CREDENTIALS)
			.doesNotContain("请您登录。");
	}

	@Test
	void loginWhenWrongPasswordOrUnknownCardThenOneIndistinguishableMessage() {
		Page wrongPassword = login("ZJ0001", "not-my-password");
		Page unknownCard = login("ZJ9999", "not-my-password");
		assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownCard.status());
		assertThat(wrongPassword.body()).contains(BAD_CREDENTIALS);
		assertThat(unknownCard.body()).contains(BAD_CREDENTIALS);
		assertThat(stripTokens(wrongPassword.body())).isEqualTo(stripTokens(unknownCard.body().replace("ZJ9999", "ZJ0001")));
	}

	@Test
	void loginWhenExpiredThenToldOnlyAfterCorrectPassword() {
		assertThat(login("ZJ0019", "wrong").body()).contains(BAD_CREDENTIALS).doesNotContain("到期");
		Page expired = login("ZJ0019", "zj0019-pass");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.body()).contains("您的读者证已于 2024-12-31 到期");
	}

	@Test
	void loginWhenSuspendedThenToldOnlyAfterCorrectPassword() {
		assertThat(login("SX0020", "wrong").body()).contains(BAD_CREDENTIALS).doesNotContain("暂停");
		assertThat(login("SX0020", "sx0020-pass").body()).contains("您的读者证已被暂停使用");
		assertThat(login("ZH0020", "zh0020-pass").body()).contains("您的读者证已被暂停使用");
	}

	@Test
	void loginWhenCardAtTwoLibrariesThenThePasswordDecidesWhoSignsInAndNoLibraryIsNamedBefore() {
		Page wrong = login("LIB8888", "not-the-password");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains(BAD_CREDENTIALS).doesNotContain("诸暨市图书馆").doesNotContain("上虞区图书馆");
		assertThat(login("NO-SUCH-CARD", "not-the-password").body()).as("the same page as an unknown card")
			.contains(BAD_CREDENTIALS);

		assertThat(login("LIB8888", "zhuji-8888").body()).contains("您已登录（zj.sx.zhuji）");

		Browser other = new Browser(URI.create("http://localhost:" + this.port));
		assertThat(other.login(other.get("/login"), "LIB8888", "shangyu-8888").body())
			.contains("您已登录（zj.sx.shangyu）");

		Browser chosen = new Browser(URI.create("http://localhost:" + this.port));
		Page crossed = chosen.login(chosen.get("/login"),
				Map.of("card", "LIB8888", "library", "zj.sx.zhuji", "password", "shangyu-8888"));
		assertThat(crossed.body()).as("a library picked on the form is checked alone").contains(BAD_CREDENTIALS);
	}

	@Test
	void loginWhenDirectoryDownThenUnavailableAndOtherLibrariesUnaffected() {
		this.directories.stop("zj.sx.xinchang");
		try {
			Page down = login("XC0001", "xc0001-pass");
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.body()).contains("新昌县图书馆的读者服务暂时无法使用");
			Browser other = new Browser(URI.create("http://localhost:" + this.port));
			assertThat(other.login(other.get("/login"), "SY0001", "sy0001-pass").body()).contains("您已登录");
		}
		finally {
			this.directories.start("zj.sx.xinchang");
		}
		Browser again = new Browser(URI.create("http://localhost:" + this.port));
		assertThat(again.login(again.get("/login"), "XC0001", "xc0001-pass").body()).contains("您已登录");
	}

	@Test
	void loginWhenFieldsMissingThenFormMessage() {
		Page page = login("", "");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("请输入读者证号和密码。");
	}

	@Test
	void loginWhenPasswordEmptyThenFormMessageAndNoBind() {
		Page page = login("ZJ0001", "");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("请输入读者证号和密码。").doesNotContain("您已登录");
	}

	@Test
	void loginPageWhenLangEnThenEnglishAndRemembered() {
		assertThat(this.browser.get("/login").body()).contains("使用读者证登录");
		assertThat(this.browser.get("/login?lang=en").body()).contains("Sign in with your library card");
		Page failed = this.browser.login(this.browser.get("/login"), "ZJ0001", "wrong");
		assertThat(failed.body()).contains("The card number or password is incorrect.");
	}

	@Test
	void errorsWhenBadRequestsThenFriendlyPagesWithoutStackTraces() {
		Page notFound = this.browser.get("/no/such/page");
		assertThat(notFound.status()).isEqualTo(404);
		Page forgedPost = this.browser.login(new Page(200, null, "name=\"_csrf\" value=\"forged\"", null), "ZJ0001",
				"zj0001-pass");
		assertThat(forgedPost.status()).isEqualTo(403);
		for (Page page : new Page[] { notFound, forgedPost }) {
			assertThat(page.body()).contains("ReaderPass").doesNotContain("Exception").doesNotContain("at org.");
		}
	}

	/** The login page without its per-request CSRF token. */
	private static String stripTokens(String html) {
		return html.replaceAll("name=\"_csrf\"[^>]*>", "");
	}

}
