package org.readerpass.policy.archfixture;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Breaks "policy does no I/O" on purpose: resolves a host name (a DNS query). Never used. */
public final class PolicyClassAskingDns {

	InetAddress resolve(String host) throws UnknownHostException {
		return InetAddress.getByName(host);
	}

}
