package org.readerpass.authserver.login;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request a login interrupts, kept as its path and query: what is kept, what is not, and a
 * request saved by the stock cache (an earlier release's node) still found.
 */
class SavedReaderRequestsTests {

	private static final String STOCK_ATTRIBUTE = "SPRING_SECURITY_SAVED_REQUEST";

	private static final String AUTHORIZE_QUERY = "response_type=code&client_id=zj-reader-app"
			+ "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8082%2Fcallback&scope=openid+profile%20library"
			+ "&state=%E4%B8%AD&prompt";

	private final SavedReaderRequests cache = new SavedReaderRequests();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private static MockHttpServletRequest authorizationRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
		request.setQueryString(AUTHORIZE_QUERY);
		request.addParameter("client_id", "zj-reader-app"); // as a server parses the query (the mock does not)
		request.setServerName("evil.example");
		request.addHeader("Host", "evil.example");
		request.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		request.addHeader("User-Agent", "a phone's browser");
		return request;
	}

	@Test
	void saveWhenAuthorizationRequestThenItsPathAndQueryOnlyAndItsParametersReadBack() {
		MockHttpServletRequest request = authorizationRequest();
		this.cache.saveRequest(request, this.response);

		MockHttpSession session = (MockHttpSession) request.getSession(false);
		assertThat(session).isNotNull();
		assertThat(session.getAttribute(SavedReaderRequests.ATTRIBUTE)).isEqualTo("/oauth2/authorize?" + AUTHORIZE_QUERY);
		assertThat(session.getAttribute(STOCK_ATTRIBUTE)).isNull();

		SavedRequest saved = this.cache.getRequest(request, this.response);
		assertThat(saved.getRedirectUrl()).isEqualTo("/oauth2/authorize?" + AUTHORIZE_QUERY).doesNotContain("evil.example");
		assertThat(saved.getMethod()).isEqualTo("GET");
		assertThat(saved.getParameterValues("client_id")).containsExactly("zj-reader-app");
		assertThat(saved.getParameterValues("redirect_uri")).containsExactly("http://127.0.0.1:8082/callback");
		assertThat(saved.getParameterValues("scope")).containsExactly("openid profile library");
		assertThat(saved.getParameterValues("state")).containsExactly("中");
		assertThat(saved.getParameterValues("prompt")).containsExactly("");
		assertThat(saved.getParameterValues("nonce")).isNullOrEmpty();
	}

	@Test
	void saveWhenUnderAContextPathThenThePathIsRelativeToIt() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/auth/device/confirm");
		request.setContextPath("/auth");
		this.cache.saveRequest(request, this.response);
		assertThat(this.cache.getRequest(request, this.response).getRedirectUrl()).isEqualTo("/device/confirm");
	}

	@Test
	void getParameterValuesWhenRepeatedThenEveryValueInOrder() {
		assertThat(SavedReaderRequests.parameters("/p?a=1&b=x&a=2&&a=%ZZ"))
			.hasEntrySatisfying("a", values -> assertThat(values).containsExactly("1", "2", "%ZZ"))
			.hasEntrySatisfying("b", values -> assertThat(values).containsExactly("x"))
			.hasSize(2);
		assertThat(SavedReaderRequests.parameters("/p")).isEmpty();
	}

	@Test
	void saveWhenNotAPageABrowserCanBeSentBackToThenNothingSavedAndNoSession() {
		MockHttpServletRequest post = authorizationRequest();
		post.setMethod("POST");
		MockHttpServletRequest json = new MockHttpServletRequest("GET", "/userinfo");
		json.addHeader("Accept", "application/json");
		MockHttpServletRequest xhr = authorizationRequest();
		xhr.addHeader("X-Requested-With", "XMLHttpRequest");
		MockHttpServletRequest icon = new MockHttpServletRequest("GET", "/favicon.ico");
		for (MockHttpServletRequest request : new MockHttpServletRequest[] { post, json, xhr, icon }) {
			this.cache.saveRequest(request, this.response);
			assertThat(request.getSession(false)).as(request.getMethod() + " " + request.getRequestURI()).isNull();
			assertThat(this.cache.getRequest(request, this.response)).isNull();
		}
	}

	@Test
	void getRequestWhenSavedByTheStockCacheThenFoundAndRemovedToo() {
		MockHttpServletRequest request = authorizationRequest();
		new HttpSessionRequestCache().saveRequest(request, this.response);
		assertThat(request.getSession().getAttribute(STOCK_ATTRIBUTE)).isNotNull();

		SavedRequest saved = this.cache.getRequest(request, this.response);
		assertThat(saved).isNotNull();
		assertThat(saved.getParameterValues("client_id")).containsExactly("zj-reader-app");

		this.cache.removeRequest(request, this.response);
		assertThat(request.getSession().getAttribute(STOCK_ATTRIBUTE)).isNull();
		assertThat(this.cache.getRequest(request, this.response)).isNull();
	}

	@Test
	void removeRequestThenGoneAndNothingEverReplayedFromTheSession() {
		MockHttpServletRequest request = authorizationRequest();
		this.cache.saveRequest(request, this.response);
		assertThat(this.cache.getMatchingRequest(request, this.response)).isNull();

		this.cache.removeRequest(request, this.response);
		assertThat(request.getSession().getAttribute(SavedReaderRequests.ATTRIBUTE)).isNull();
		assertThat(this.cache.getRequest(request, this.response)).isNull();
	}

	@Test
	void getRequestWhenNoSessionThenNullAndNoSessionCreated() {
		MockHttpServletRequest request = authorizationRequest();
		assertThat(this.cache.getRequest(request, this.response)).isNull();
		this.cache.removeRequest(request, this.response);
		assertThat(request.getSession(false)).isNull();
	}

}
