package org.readerpass.authserver.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the library tree from {@code readerpass.network} and checks that every configured
 * directory belongs to a library of the network.
 */
@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NetworkConfiguration.class);

	@Bean
	LibraryTree libraryTree(NetworkProperties network, DirectoryProperties directories) {
		LibraryTree tree = LibraryTree.of(network.libraries()
			.stream()
			.map(entry -> new Library(entry.code(), entry.nameZh(), entry.nameEn(), entry.ipRanges()))
			.toList());
		checkDirectories(tree, directories.libraries());
		return tree;
	}

	@Bean
	ClientAddresses clientAddresses(NetworkProperties network) {
		return new ClientAddresses(network.trustedProxies());
	}

	static void checkDirectories(LibraryTree tree, List<LibraryDirectory> directories) {
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < directories.size(); i++) {
			String code = directories.get(i).library();
			if (tree.find(code).isEmpty()) {
				problems.add("readerpass.directory.libraries[" + i + "].library: '" + code
						+ "' is not a library of readerpass.network.libraries");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(String.join("; ", problems));
		}
		Set<String> withDirectory = directories.stream().map(LibraryDirectory::library).collect(Collectors.toSet());
		tree.libraries()
			.stream()
			.filter(library -> !withDirectory.contains(library.code()))
			.forEach(library -> log.info("Library has no reader directory of its own library={}", library.code()));
	}

}
