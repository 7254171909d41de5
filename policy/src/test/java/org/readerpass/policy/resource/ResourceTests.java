package org.readerpass.policy.resource;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResourceTests {

	private static Resource resource(String code, String audience, List<String> actions) {
		return new Resource(code, "名", "name", "zj", URI.create(audience), actions);
	}

	@Test
	void newWhenValidThenActionsIndexedInOrder() {
		Resource resource = resource("nlc-ebooks", "https://ebooks.example.cn", List.of("read", "download"));
		assertThat(resource.actionIndex("read")).isZero();
		assertThat(resource.actionIndex("download")).isOne();
		assertThat(resource.actionIndex("stream")).isEqualTo(-1);
	}

	@Test
	void newWhenCodeMalformedThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> resource("NLC:ebooks", "https://ebooks.example.cn", List.of("read")));
		assertThatIllegalArgumentException().isThrownBy(() -> resource("", "https://ebooks.example.cn", List.of("read")));
	}

	@Test
	void newWhenAudienceRelativeOrWithFragmentThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> resource("x", "/api", List.of("read")))
			.withMessageContaining("absolute URI without fragment");
		assertThatIllegalArgumentException().isThrownBy(() -> resource("x", "https://api.example.cn/#a", List.of("read")));
		assertThat(resource("x", "urn:readerpass:zj:x", List.of("read")).audience()).hasScheme("urn");
	}

	@Test
	void newWhenActionsMalformedDuplicateOrNoneThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> resource("x", "https://x.cn", List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> resource("x", "https://x.cn", List.of("Read")));
		assertThatIllegalArgumentException().isThrownBy(() -> resource("x", "https://x.cn", List.of("a:b")));
		assertThatIllegalArgumentException().isThrownBy(() -> resource("x", "https://x.cn", List.of("*")));
		assertThatIllegalArgumentException().isThrownBy(() -> resource("x", "https://x.cn", List.of("read", "read")))
			.withMessageContaining("twice");
	}

}
