package org.readerpass.authserver.health;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassApplication;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.operations.LoopbackHttp;
import org.readerpass.authserver.operations.LoopbackHttp.Answer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One library's directory down (Shaoxing's: a loopback port nothing listens on): its component is
 * DOWN, the node stays ready — every other library's readers still sign in through it.
 */
@SpringBootTest(classes = ReaderPassApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "readerpass.network-file=classpath:one-directory-down-network.yml",
				"spring.datasource.url=jdbc:h2:mem:readerpass-directory-down-test;DB_CLOSE_DELAY=-1",
				"readerpass.keys.encryption-key=" + ReaderPassServerTest.TEST_ENCRYPTION_KEY })
class DirectoryDownHealthTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void healthWhenOneLibrarysDirectoryDownThenItsComponentDownAndTheNodeStillReady() {
		Answer directories = LoopbackHttp.get(this.managementPort, "/actuator/health/directories");
		Answer readiness = LoopbackHttp.get(this.managementPort, "/actuator/health/readiness");
		Answer readyz = LoopbackHttp.get(this.port, "/readyz");
		Answer health = LoopbackHttp.get(this.managementPort, "/actuator/health");

		Map<String, Object> libraries = HealthEndpointTests.components(directories.json());
		assertThat(HealthEndpointTests.status(libraries, "zj")).isEqualTo("UP");
		assertThat(HealthEndpointTests.status(libraries, "zj.sx")).isEqualTo("DOWN");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json()).containsEntry("status", "UP");
		assertThat(readyz.status()).as("the load balancer keeps the node").isEqualTo(200);
		assertThat(health.status()).as("the whole picture, for monitoring: something is down").isEqualTo(503);
		assertThat(HealthEndpointTests.status(HealthEndpointTests.components(health.json()), "db")).isEqualTo("UP");
	}

}
