package org.readerpass.adminui.archfixture;

import tools.jackson.databind.json.JsonMapper;

/**
 * A deliberate violation (stores know no web or JSON): a store that writes JSON itself, as
 * {@code JdbcPolicyStore} did through the API's audit format.
 */
public class JsonWritingStore {

	private final JsonMapper json = JsonMapper.builder().build();

	public String audit(Object target) {
		return this.json.writeValueAsString(target);
	}

}
