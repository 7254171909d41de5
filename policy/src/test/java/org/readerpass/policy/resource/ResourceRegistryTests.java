package org.readerpass.policy.resource;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.testsupport.TestNetworks;
import org.readerpass.policy.testsupport.TestResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResourceRegistryTests {

	private final ResourceRegistry registry = TestResources.registry();

	@Test
	void findWhenCodeKnownThenFound() {
		assertThat(this.registry.find("nlc-ebooks")).contains(TestResources.NLC_EBOOKS);
		assertThat(this.registry.find("nope")).isEmpty();
	}

	@Test
	void findByAudienceWhenExactlyAsRegisteredThenFound() {
		assertThat(this.registry.findByAudience("https://journals.example.cn/api")).contains(TestResources.JOURNALS);
		assertThat(this.registry.findByAudience(URI.create("urn:readerpass:zj:lectures")))
			.contains(TestResources.LECTURES);
	}

	@Test
	void findByAudienceWhenSpelledDifferentlyThenNotFound() {
		assertThat(this.registry.findByAudience("https://journals.example.cn/api/")).isEmpty();
		assertThat(this.registry.findByAudience("https://JOURNALS.example.cn/api")).isEmpty();
	}

	@Test
	void findByAudienceWhenMalformedRelativeOrWithFragmentThenEmpty() {
		assertThat(this.registry.findByAudience("https://journals.example.cn/api#x")).isEmpty();
		assertThat(this.registry.findByAudience("/api")).isEmpty();
		assertThat(this.registry.findByAudience("https://exa mple.cn")).isEmpty();
		assertThat(this.registry.findByAudience((String) null)).isEmpty();
	}

	@Test
	void ofWhenCodeOrAudienceTwiceOrOwnerUnknownThenEveryProblemReported() {
		Resource copy = new Resource("nlc-ebooks", "x", "x", "zj", URI.create("https://other.example.cn"),
				List.of("read"));
		Resource sameAudience = new Resource("other", "x", "x", "zj", TestResources.JOURNALS.audience(),
				List.of("read"));
		Resource orphan = new Resource("orphan", "x", "x", "zj.nb", URI.create("https://orphan.example.cn"),
				List.of("read"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResourceRegistry.of(
					List.of(TestResources.NLC_EBOOKS, TestResources.JOURNALS, copy, sameAudience, orphan),
					TestNetworks.tree()))
			.withMessageContaining("resource 'nlc-ebooks' is defined twice")
			.withMessageContaining("resources 'journals' and 'other' share the audience")
			.withMessageContaining("unknown library 'zj.nb'");
	}

	@Test
	void resourcesWhenListedThenInGivenOrder() {
		assertThat(this.registry.resources()).extracting(Resource::code)
			.containsExactly("nlc-ebooks", "journals", "sx-history", "lectures");
	}

}
