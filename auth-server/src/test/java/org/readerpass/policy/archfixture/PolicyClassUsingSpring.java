package org.readerpass.policy.archfixture;

import org.springframework.util.StringUtils;

/** A deliberate violation (policy must be plain Java): proves the architecture rules can fail. */
public class PolicyClassUsingSpring {

	public boolean blank(String text) {
		return !StringUtils.hasText(text);
	}

}
