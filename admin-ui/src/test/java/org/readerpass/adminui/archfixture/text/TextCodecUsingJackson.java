package org.readerpass.adminui.archfixture.text;

import tools.jackson.databind.json.JsonMapper;

/** A deliberate violation (text codecs know no web or JSON): a codec that reads JSON. */
public class TextCodecUsingJackson {

	public String kind(String json) {
		return JsonMapper.builder().build().readTree(json).get("kind").asString();
	}

}
