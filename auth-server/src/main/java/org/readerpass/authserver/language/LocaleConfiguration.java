package org.readerpass.authserver.language;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Pages are Chinese by default; {@code ?lang=en} switches to English and is remembered. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("readerpass-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
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
