package org.readerpass.adminui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.grant.GrantResponse;
import org.readerpass.adminui.grant.ResourceResponse;
import org.readerpass.adminui.testsupport.TestGrants;
import org.readerpass.adminui.testsupport.TestResources;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit keeps its own form of a resource and a grant ({@link AuditFormat#json()}), which must
 * read exactly like what the admin API shows: the same JSON text as {@link ResourceResponse} and
 * {@link GrantResponse}, for every kind of subject and network condition.
 */
class JsonAuditFormatTests {

	private static final JsonMapper API_JSON = JsonMapper.builder().build();

	private final AuditFormat format = AuditFormat.json();

	@Test
	void resourceWhenFormattedThenTheApiJson() {
		assertThat(this.format.resource(TestResources.ebooks()))
			.isEqualTo(API_JSON.writeValueAsString(ResourceResponse.of(TestResources.ebooks())));
		assertThat(this.format.resource(TestResources.journals()))
			.isEqualTo(API_JSON.writeValueAsString(ResourceResponse.of(TestResources.journals())));
	}

	@Test
	void grantWhenFormattedThenTheApiJsonForEverySubjectAndNetwork() {
		for (Subject subject : TestGrants.everySubject()) {
			for (NetworkCondition network : TestGrants.everyNetwork()) {
				Grant grant = TestGrants.fullyConditioned("g-1", subject, network);
				assertThat(this.format.grant(grant)).as(grant.describe())
					.isEqualTo(API_JSON.writeValueAsString(GrantResponse.of(grant)));
			}
		}
		assertThat(this.format.grant(TestGrants.everyoneReads("g-2")))
			.isEqualTo(API_JSON.writeValueAsString(GrantResponse.of(TestGrants.everyoneReads("g-2"))))
			.contains("\"validFrom\":null", "\"network\":{\"kind\":\"anywhere\",\"value\":null}");
	}

}
