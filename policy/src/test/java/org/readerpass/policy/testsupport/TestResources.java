package org.readerpass.policy.testsupport;

import java.net.URI;
import java.util.List;

import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.resource.ResourceRegistry;

/** Demo resources of the issue. */
public final class TestResources {

	public static final Resource NLC_EBOOKS = new Resource("nlc-ebooks", "国家图书馆电子书", "NLC e-books", "zj",
			URI.create("https://ebooks.nlc.example.cn"), List.of("read", "download"));

	public static final Resource JOURNALS = new Resource("journals", "期刊数据库", "Journal database", "zj",
			URI.create("https://journals.example.cn/api"), List.of("read", "download", "deliver"));

	public static final Resource SX_HISTORY = new Resource("sx-history", "绍兴地方文献", "Shaoxing local history",
			"zj.sx", URI.create("https://history.sxlib.example.cn"), List.of("read"));

	public static final Resource LECTURES = new Resource("lectures", "讲座视频", "Lecture videos", "zj",
			URI.create("urn:readerpass:zj:lectures"), List.of("stream", "download"));

	private TestResources() {
	}

	public static ResourceRegistry registry() {
		return ResourceRegistry.of(List.of(NLC_EBOOKS, JOURNALS, SX_HISTORY, LECTURES), TestNetworks.tree());
	}

}
