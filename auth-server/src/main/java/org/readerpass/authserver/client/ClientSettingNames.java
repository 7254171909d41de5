package org.readerpass.authserver.client;

/** Names of ReaderPass's own settings on a registered client ({@code ClientSettings}). */
public final class ClientSettingNames {

	/** Where the client receives OIDC back-channel logout tokens (a string URI); absent when none. */
	public static final String BACKCHANNEL_LOGOUT_URI = "readerpass.backchannel-logout-uri";

	/** Who runs the app (a string), when registered. */
	public static final String OPERATOR = "readerpass.operator";

	/** The code of the library whose app it is (a string), when registered. */
	public static final String LIBRARY = "readerpass.library";

	/** Whether the app is a third party's ({@code Boolean.TRUE}), whose readers consent first. */
	public static final String THIRD_PARTY = "readerpass.third-party";

	private ClientSettingNames() {
	}

}
