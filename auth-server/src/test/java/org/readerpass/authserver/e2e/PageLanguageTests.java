package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reader pages' language: the browser's {@code Accept-Language} (English or Chinese, by
 * preference), Chinese when it names neither or nothing; a choice made with {@code ?lang=} is
 * remembered and wins over the header.
 */
@ReaderPassServerTest
class PageLanguageTests {

	private static final String CHINESE = "使用读者证登录";

	private static final String ENGLISH = "Sign in with your library card";

	@LocalServerPort
	int port;

	@Test
	void loginPageWhenAcceptLanguageThenItsPreferredSupportedLanguage() throws Exception {
		assertThat(login("Accept-Language: en")).contains(ENGLISH).doesNotContain(CHINESE);
		assertThat(login("Accept-Language: en-GB,en;q=0.9")).contains(ENGLISH);
		assertThat(login("Accept-Language: fr-FR,fr;q=0.9,en;q=0.5")).contains(ENGLISH);
		assertThat(login("Accept-Language: zh-CN,zh;q=0.9,en;q=0.8")).contains(CHINESE);
		assertThat(login("Accept-Language: zh-TW")).contains(CHINESE);
		assertThat(login("Accept-Language: fr")).as("neither: the default").contains(CHINESE);
		assertThat(login("Accept-Language: ;;;=x")).as("malformed: the default").contains(CHINESE);
		assertThat(login()).as("no header: the default").contains(CHINESE);
	}

	@Test
	void loginPageWhenLanguageChosenThenRememberedOverAcceptLanguage() throws Exception {
		RawHttp.Response chosen = RawHttp.send(this.port, "GET", "/login?lang=zh-CN",
				List.of("Host: localhost:" + this.port, "Accept-Language: en"), null);
		String cookie = chosen.headerValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("readerpass-lang="))
			.findFirst()
			.orElseThrow()
			.split(";")[0];

		assertThat(chosen.body()).contains(CHINESE);
		assertThat(login("Accept-Language: en", "Cookie: " + cookie)).contains(CHINESE);
	}

	private String login(String... headers) throws Exception {
		List<String> all = new ArrayList<>(List.of("Host: localhost:" + this.port));
		all.addAll(List.of(headers));
		RawHttp.Response response = RawHttp.send(this.port, "GET", "/login", all, null);
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

}
