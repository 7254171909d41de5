package org.readerpass.authserver.home;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where to start once the server answers. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext context) {
			int port = context.getWebServer().getPort();
			log.info("ReaderPass is ready: open http://localhost:{}/ (discovery: "
					+ "http://localhost:{}/.well-known/openid-configuration)", port, port);
		}
	}

}
