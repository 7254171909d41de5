package org.readerpass.authserver.policy;

import org.junit.jupiter.api.Test;
import org.readerpass.adminui.grant.GrantRequest;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class PolicySeedTests {

	@Test
	void loadWhenDemoSeedThenEveryEntryBoundWithNestedSubjectAndNetwork() {
		PolicySeed seed = PolicySeed.load(new ClassPathResource("demo/demo-policy.yml"));
		assertThat(seed.resources()).extracting(resource -> resource.code())
			.containsExactly("nlc-ebooks", "zj-network-library", "cnki-journals", "sx-local-history", "zj-lectures");
		assertThat(seed.resources().get(0).audience()).isEqualTo("https://ebooks.nlc.example/");
		assertThat(seed.resources().get(0).actions()).containsExactly("read", "download");
		assertThat(seed.grants()).hasSize(10);
		GrantRequest onSite = seed.grants().get(3);
		assertThat(onSite.subject().kind()).isEqualTo("library");
		assertThat(onSite.subject().value()).isEqualTo("zj");
		assertThat(onSite.network().kind()).isEqualTo("on-site-within");
		assertThat(onSite.network().value()).isEqualTo("zj.sx");
		assertThat(seed.grants().get(4).validThrough()).isEqualTo("2027-12-31");
		assertThat(seed.grants().get(7).effect()).isEqualTo("deny");
		assertThat(seed.grants()).extracting(grant -> grant.network() != null ? grant.network().kind() : "anywhere")
			.contains("on-site-within", "in-zone", "on-site-at-home-library", "anywhere");
	}

}
