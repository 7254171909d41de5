package org.readerpass.policy.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;

/** Each library code with its ancestors' codes (self first, root last), made once per tree. */
final class Ancestry {

	private final Map<String, String[]> chains;

	Ancestry(LibraryTree tree) {
		Map<String, String[]> chains = new HashMap<>();
		for (Library library : tree.libraries()) {
			chains.put(library.code(), chain(library.code()));
		}
		this.chains = Map.copyOf(chains);
	}

	/** The chain of {@code code}; computed on the spot for a code the tree does not know. */
	String[] of(String code) {
		String[] chain = this.chains.get(code);
		return (chain != null) ? chain : chain(code);
	}

	private static String[] chain(String code) {
		List<String> chain = new ArrayList<>();
		for (String current = code; current != null;) {
			chain.add(current);
			int dot = current.lastIndexOf('.');
			current = (dot < 0) ? null : current.substring(0, dot);
		}
		return chain.toArray(new String[0]);
	}

}
