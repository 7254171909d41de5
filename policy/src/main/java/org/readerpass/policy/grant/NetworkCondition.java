package org.readerpass.policy.grant;

import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.Location;
import org.readerpass.policy.network.NetworkZone;

/**
 * Where the reader must be for a grant to apply, judged from the client address at issuance.
 * Every kind but {@link Anywhere} fails when the address is unknown.
 */
public sealed interface NetworkCondition permits NetworkCondition.Anywhere, NetworkCondition.OnSiteAtHomeLibrary,
		NetworkCondition.OnSiteWithin, NetworkCondition.InZone {

	/** Whether the reader, whose home library is {@code homeLibrary}, is where this asks. */
	boolean isMetAt(Location location, String homeLibrary);

	/** Whether this needs a known client address. */
	default boolean needsAddress() {
		return true;
	}

	String describe();

	static NetworkCondition anywhere() {
		return Anywhere.INSTANCE;
	}

	static NetworkCondition onSiteAtHomeLibrary() {
		return OnSiteAtHomeLibrary.INSTANCE;
	}

	static NetworkCondition onSiteWithin(String libraryCode) {
		return new OnSiteWithin(libraryCode);
	}

	static NetworkCondition inZone(String zoneName) {
		return new InZone(zoneName);
	}

	/** No network condition. */
	record Anywhere() implements NetworkCondition {

		static final Anywhere INSTANCE = new Anywhere();

		@Override
		public boolean isMetAt(Location location, String homeLibrary) {
			return true;
		}

		@Override
		public boolean needsAddress() {
			return false;
		}

		@Override
		public String describe() {
			return "anywhere";
		}

	}

	/** In the home library's own ranges (not those of the libraries below it). */
	record OnSiteAtHomeLibrary() implements NetworkCondition {

		static final OnSiteAtHomeLibrary INSTANCE = new OnSiteAtHomeLibrary();

		@Override
		public boolean isMetAt(Location location, String homeLibrary) {
			return location.isAtLibrary(homeLibrary);
		}

		@Override
		public String describe() {
			return "on site at the home library";
		}

	}

	/** In the own ranges of any library of the subtree rooted at {@code libraryCode}. */
	record OnSiteWithin(String libraryCode) implements NetworkCondition {

		public OnSiteWithin {
			if (!Library.isValidCode(libraryCode)) {
				throw new IllegalArgumentException("on-site library '" + libraryCode + "' is not a library code");
			}
		}

		@Override
		public boolean isMetAt(Location location, String homeLibrary) {
			return location.isWithin(this.libraryCode);
		}

		@Override
		public String describe() {
			return "on site within " + this.libraryCode;
		}

	}

	/** In a named zone of the network plan. */
	record InZone(String zoneName) implements NetworkCondition {

		public InZone {
			if (!NetworkZone.isValidName(zoneName)) {
				throw new IllegalArgumentException("zone '" + zoneName + "' is not a zone name");
			}
		}

		@Override
		public boolean isMetAt(Location location, String homeLibrary) {
			return location.isInZone(this.zoneName);
		}

		@Override
		public String describe() {
			return "in zone " + this.zoneName;
		}

	}

}
