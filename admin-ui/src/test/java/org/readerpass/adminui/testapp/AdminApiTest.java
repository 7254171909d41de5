package org.readerpass.adminui.testapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link AdminUiTestApplication} on a random port over real HTTP. Test classes sharing this
 * annotation share one running application; the revision poll is off, so a change reaches the
 * live snapshot only through {@code PolicyChanges}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = AdminUiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:admin-api-test;DB_CLOSE_DELAY=-1",
				"readerpass.admin.policy-poll-interval=0", "spring.mvc.problemdetails.enabled=true",
				"server.error.include-stacktrace=never" })
public @interface AdminApiTest {

}
