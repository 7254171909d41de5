package org.readerpass.authserver.login;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page kept once rendered: the same bytes as the template's view gives, with each
 * request's own CSRF token, and only for the page an app's request first shows.
 */
class LoginPageViewTests {

	/** A stand-in for the template: writes what the page depends on, counts its renders. */
	static final class Template implements ViewResolver {

		final AtomicInteger renders = new AtomicInteger();

		String tokenTwice = null;

		@Override
		public View resolveViewName(String viewName, Locale locale) {
			assertThat(viewName).isEqualTo(LoginPage.VIEW);
			return (model, request, response) -> {
				this.renders.incrementAndGet();
				response.setLocale(locale);
				response.setContentType("text/html;charset=UTF-8");
				CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
				String token = (csrf != null) ? csrf.getToken() : "(none)";
				response.getWriter()
					.write("<html lang=\"" + locale.toLanguageTag() + "\"><p>" + model + "</p><input name=\"_csrf\" value=\""
							+ token + "\">" + ((this.tokenTwice != null) ? token : "") + "</html>");
			};
		}

	}

	final Template template = new Template();

	final LoginPage page = new LoginPage(this.template, true);

	private MockHttpServletResponse render(Map<String, ?> model, Locale locale, String token) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
		request.addPreferredLocale(locale);
		if (token != null) {
			request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.page.render(model, request, response);
		return response;
	}

	private static Map<String, Object> app(String name, String owner) {
		Map<String, Object> model = new HashMap<>();
		model.put("appName", name);
		model.put("appOwner", owner);
		return model;
	}

	@Test
	void renderWhenTheSamePlainPageAgainThenKeptBytesWithThisRequestsToken() throws Exception {
		MockHttpServletResponse first = render(app("Mobile", "Zhejiang Library"), Locale.ENGLISH, "token-one");
		MockHttpServletResponse second = render(app("Mobile", "Zhejiang Library"), Locale.ENGLISH, "token-two");

		assertThat(this.template.renders).hasValue(1);
		assertThat(this.page.kept()).isEqualTo(1);
		assertThat(first.isCommitted()).as("committed by the view, as the template's view does").isTrue();
		assertThat(second.isCommitted()).isTrue();
		assertThat(first.getContentAsString()).contains("value=\"token-one\"");
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString().replace("token-one", "token-two"));
		assertThat(second.getContentType()).isEqualTo(first.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(second.getLocale()).isEqualTo(Locale.ENGLISH);
		assertThat(second.getHeader("Content-Language")).isEqualTo(first.getHeader("Content-Language")).isEqualTo("en");
	}

	@Test
	void renderWhenAnotherAppOwnerLanguageOrPathThenRenderedForIt() throws Exception {
		render(app("Mobile", "Zhejiang Library"), Locale.ENGLISH, "t1");
		MockHttpServletResponse otherApp = render(app("TV", "Zhejiang Library"), Locale.ENGLISH, "t2");
		MockHttpServletResponse otherOwner = render(app("Mobile", "Hangzhou Library"), Locale.ENGLISH, "t3");
		MockHttpServletResponse otherLanguage = render(app("Mobile", "Zhejiang Library"), Locale.SIMPLIFIED_CHINESE, "t4");
		Map<String, Object> forwarded = app("Mobile", "Zhejiang Library");
		forwarded.put("pagePath", "/login");
		MockHttpServletResponse otherPath = render(forwarded, Locale.ENGLISH, "t5");
		MockHttpServletResponse noApp = render(Map.of(), Locale.ENGLISH, "t6");

		assertThat(this.template.renders).hasValue(6);
		assertThat(otherApp.getContentAsString()).contains("appName=TV");
		assertThat(otherOwner.getContentAsString()).contains("appOwner=Hangzhou Library");
		assertThat(otherLanguage.getContentAsString()).contains("lang=\"zh-CN\"");
		assertThat(otherPath.getContentAsString()).contains("pagePath=/login");
		assertThat(noApp.getContentAsString()).contains("<p>{}</p>");
		assertThat(render(forwarded, Locale.ENGLISH, "t7").getContentAsString()).contains("pagePath=/login")
			.contains("value=\"t7\"");
		assertThat(this.template.renders).hasValue(6);
	}

	@Test
	void renderWhenAMessageOrATypedCardThenRenderedEachTime() throws Exception {
		Map<String, Object> refused = app("Mobile", "Zhejiang Library");
		refused.put("card", "ZJ0001");
		refused.put("errorKey", "login.error.credentials");
		render(refused, Locale.ENGLISH, "t1");
		MockHttpServletResponse again = render(refused, Locale.ENGLISH, "t2");

		assertThat(this.template.renders).hasValue(2);
		assertThat(this.page.kept()).isZero();
		assertThat(again.getContentAsString()).contains("card=ZJ0001").contains("value=\"t2\"");
	}

	@Test
	void renderWhenNoCsrfTokenThenRenderedEachTime() throws Exception {
		render(app("Mobile", null), Locale.ENGLISH, null);
		MockHttpServletResponse again = render(app("Mobile", null), Locale.ENGLISH, null);

		assertThat(this.template.renders).hasValue(2);
		assertThat(this.page.kept()).isZero();
		assertThat(again.getContentAsString()).contains("value=\"(none)\"");
	}

	@Test
	void renderWhenTheTokenIsTwiceInThePageThenRenderedEachTime() throws Exception {
		this.template.tokenTwice = "yes";
		MockHttpServletResponse first = render(app("Mobile", null), Locale.ENGLISH, "t1");
		MockHttpServletResponse second = render(app("Mobile", null), Locale.ENGLISH, "t2");

		assertThat(this.template.renders).hasValue(2);
		assertThat(this.page.kept()).isZero();
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString().replace("t1", "t2"));
	}

	@Test
	void renderWhenTheResolverKeepsNoTemplatesThenRenderedEachTime() throws Exception {
		LoginPage uncached = new LoginPage(this.template, false);
		for (String token : new String[] { "t1", "t2", "t3" }) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
			MockHttpServletResponse response = new MockHttpServletResponse();
			uncached.render(app("Mobile", null), request, response);
			assertThat(response.getContentAsString()).contains("value=\"" + token + "\"");
		}
		assertThat(this.template.renders).hasValue(3);
		assertThat(uncached.kept()).isZero();
	}

	@Test
	void renderWhenMorePagesThanTheBoundThenNeverMoreKeptAndEachStillRight() throws Exception {
		for (int i = 0; i < LoginPage.MAX_PAGES + 10; i++) {
			Locale anyLanguage = Locale.forLanguageTag("x-" + i); // a cookie can name any language
			MockHttpServletResponse response = render(app("Mobile", null), anyLanguage, "t" + i);
			assertThat(response.getContentAsString()).contains("value=\"t" + i + "\"");
			assertThat(this.page.kept()).isBetween(1, LoginPage.MAX_PAGES);
		}
		assertThat(this.template.renders).hasValue(LoginPage.MAX_PAGES + 10);
	}

}
