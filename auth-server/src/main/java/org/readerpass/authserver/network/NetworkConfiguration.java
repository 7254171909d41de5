package org.readerpass.authserver.network;

import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the library tree from {@code readerpass.network}. */
@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

	@Bean
	LibraryTree libraryTree(NetworkProperties properties) {
		return LibraryTree.of(properties.libraries()
			.stream()
			.map(entry -> new Library(entry.code(), entry.nameZh(), entry.nameEn(), entry.ipRanges()))
			.toList());
	}

}
