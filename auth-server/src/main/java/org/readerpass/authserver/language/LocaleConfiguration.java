package org.readerpass.authserver.language;

import java.time.Duration;

import org.readerpass.authserver.issuer.IssuerProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages are in the browser's preferred language of the two they have ({@code Accept-Language},
 * Chinese when it names neither: {@link PageLanguages}); {@code ?lang=en} or {@code ?lang=zh-CN}
 * switches and is remembered in a cookie, which then wins over the header.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver(IssuerProperties issuer) {
		CookieLocaleResolver resolver = new CookieLocaleResolver("readerpass-lang");
		resolver.setCookieSecure(issuer.isHttps());
		resolver.setDefaultLocale(PageLanguages.DEFAULT);
		resolver.setDefaultLocaleFunction(
				request -> PageLanguages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setLanguageTagCompliant(true);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
