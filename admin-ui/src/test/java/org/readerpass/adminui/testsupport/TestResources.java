package org.readerpass.adminui.testsupport;

import java.net.URI;
import java.util.List;

import org.readerpass.policy.resource.Resource;

/** Resources of the demo network. */
public final class TestResources {

	private TestResources() {
	}

	/** The national library's e-books: read, download. */
	public static Resource ebooks() {
		return new Resource("nlc-ebooks", "国家图书馆电子书", "NLC e-books", "zj", URI.create("https://ebooks.nlc.example/"),
				List.of("read", "download"));
	}

	/** A licensed journal database: read, download, deliver. */
	public static Resource journals() {
		return new Resource("cnki-journals", "中国知网期刊", "CNKI journals", "zj.sx",
				URI.create("https://journals.example.org/api"), List.of("read", "download", "deliver"));
	}

	public static Resource resource(String code, String... actions) {
		return new Resource(code, code, code, "zj", URI.create("https://" + code + ".example.org/"), List.of(actions));
	}

}
