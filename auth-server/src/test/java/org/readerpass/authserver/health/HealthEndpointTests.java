package org.readerpass.authserver.health;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;
import org.readerpass.authserver.operations.LoopbackHttp;
import org.readerpass.authserver.operations.LoopbackHttp.Answer;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health on the embedded demo network: on the management port, every component with its status
 * only; on the public port, the two probes a load balancer needs, as a status.
 */
@ReaderPassServerTest
class HealthEndpointTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void healthWhenDemoNetworkThenTheDatabaseRedisAndEveryLibrarysDirectoryAreComponents() {
		Answer health = LoopbackHttp.get(this.managementPort, "/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		Map<String, Object> components = components(health.json());
		assertThat(components).containsKeys("db", "directories", "redis", "livenessState", "readinessState");
		assertThat(status(components, "db")).isEqualTo("UP");
		assertThat(status(components, "redis")).as("the embedded default uses no Redis").isEqualTo("UNKNOWN");
		Map<String, Object> libraries = components(component(components, "directories"));
		assertThat(libraries).containsOnlyKeys("zj", "zj.sx", "zj.sx.zhuji", "zj.sx.shangyu", "zj.sx.shengzhou",
				"zj.sx.keqiao", "zj.sx.xinchang", "zj.sx.yuecheng", "zj.sx.jinghu");
		assertThat(libraries.keySet()).allSatisfy((library) -> assertThat(status(libraries, library)).isEqualTo("UP"));
		assertThat(health.body()).as("no details: they can name exceptions and versions").doesNotContain("details");
	}

	@Test
	void readinessWhenDatabaseUpAndRedisUnusedThenUpOnBothPorts() {
		Answer publicPort = LoopbackHttp.get(this.port, "/readyz");
		Answer managementPort = LoopbackHttp.get(this.managementPort, "/actuator/health/readiness");

		assertThat(publicPort.status()).isEqualTo(200);
		assertThat(publicPort.json()).as("a status, nothing more").containsOnlyKeys("status").containsEntry("status", "UP");
		assertThat(managementPort.status()).isEqualTo(200);
		assertThat(managementPort.json()).containsEntry("status", "UP");
	}

	@Test
	void livenessWhenRunningThenUpOnBothPorts() {
		Answer publicPort = LoopbackHttp.get(this.port, "/livez");

		assertThat(publicPort.status()).isEqualTo(200);
		assertThat(publicPort.json()).containsOnlyKeys("status").containsEntry("status", "UP");
		assertThat(LoopbackHttp.get(this.managementPort, "/actuator/health/liveness").json()).containsEntry("status",
				"UP");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> components(Map<String, Object> health) {
		return (Map<String, Object>) health.get("components");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> component(Map<String, Object> components, String name) {
		return (Map<String, Object>) components.get(name);
	}

	static Object status(Map<String, Object> components, String name) {
		return component(components, name).get("status");
	}

}
