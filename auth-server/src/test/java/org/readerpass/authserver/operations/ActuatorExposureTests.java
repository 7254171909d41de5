package org.readerpass.authserver.operations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator lives on the management port (loopback by default) and exposes health and Prometheus
 * metrics only; the public port has none of it but the two probes ({@code /livez},
 * {@code /readyz}).
 */
@ReaderPassServerTest
class ActuatorExposureTests {

	private static final List<String> NEVER_EXPOSED = List.of("/actuator/env", "/actuator/heapdump",
			"/actuator/beans", "/actuator/configprops", "/actuator/threaddump", "/actuator/loggers",
			"/actuator/mappings", "/actuator/metrics", "/actuator/info", "/actuator/sessions", "/actuator/scheduledtasks",
			"/actuator/conditions", "/actuator/env/spring.datasource.url");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void actuatorWhenPublicPortThenNothingOfIt() {
		List<String> everything = new java.util.ArrayList<>(NEVER_EXPOSED);
		everything.addAll(List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"));

		assertThat(everything).allSatisfy((path) -> {
			LoopbackHttp.Answer answer = LoopbackHttp.get(this.port, path);
			assertThat(answer.status()).as(path).isEqualTo(404);
		});
		assertThat(LoopbackHttp.post(this.port, "/actuator/shutdown").status()).isIn(403, 404);
	}

	@Test
	void actuatorWhenManagementPortThenHealthAndPrometheusOnly() {
		assertThat(NEVER_EXPOSED).allSatisfy((path) -> {
			LoopbackHttp.Answer answer = LoopbackHttp.get(this.managementPort, path);
			assertThat(answer.status()).as(path).isEqualTo(404);
		});
		assertThat(LoopbackHttp.post(this.managementPort, "/actuator/shutdown").status()).isIn(403, 404);
		assertThat(LoopbackHttp.get(this.managementPort, "/actuator/health").status()).isEqualTo(200);
		assertThat(LoopbackHttp.get(this.managementPort, "/actuator/prometheus").status()).isEqualTo(200);
	}

	@Test
	void probesWhenManagementPortThenNotAtTheRootThere() {
		// the additional paths belong to the public port only
		assertThat(LoopbackHttp.get(this.managementPort, "/readyz").status()).isEqualTo(404);
	}

}
