package org.readerpass.adminui.archfixture.livepolicy;

import org.springframework.web.util.UriComponentsBuilder;

/** A deliberate violation (the live policy knows no web): live policy code building a URL with Spring web. */
public class LivePolicyUsingWeb {

	public String link(String code) {
		return UriComponentsBuilder.fromPath("/api/admin/resources/{code}").buildAndExpand(code).toUriString();
	}

}
