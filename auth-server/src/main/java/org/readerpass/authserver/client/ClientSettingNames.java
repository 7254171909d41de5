package org.readerpass.authserver.client;

/** Names of ReaderPass's own settings on a registered client ({@code ClientSettings}). */
public final class ClientSettingNames {

	/** Where the client receives OIDC back-channel logout tokens (a string URI); absent when none. */
	public static final String BACKCHANNEL_LOGOUT_URI = "readerpass.backchannel-logout-uri";

	private ClientSettingNames() {
	}

}
