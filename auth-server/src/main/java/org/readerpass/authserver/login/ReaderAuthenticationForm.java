package org.readerpass.authserver.login;

import org.readerpass.authserver.authorization.CompactForm;

/**
 * A reader's authentication in stored authorizations: its principal's five fields. The
 * authorities are not written: the constructor makes them from the principal, and a token whose
 * authorities or details differ from that is left to Java serialization.
 */
public final class ReaderAuthenticationForm implements CompactForm<ReaderAuthenticationToken> {

	@Override
	public String name() {
		return "reader-authentication";
	}

	@Override
	public Class<ReaderAuthenticationToken> type() {
		return ReaderAuthenticationToken.class;
	}

	@Override
	public boolean writes(ReaderAuthenticationToken authentication) {
		ReaderPrincipal reader = authentication.getPrincipal();
		return reader != null && reader.readerId() != null && reader.authTime() != null
				&& authentication.getDetails() == null && authentication.isAuthenticated()
				&& new ReaderAuthenticationToken(reader).getAuthorities().equals(authentication.getAuthorities());
	}

	@Override
	public void write(ReaderAuthenticationToken authentication, Writer out) {
		ReaderPrincipal reader = authentication.getPrincipal();
		out.uuid(reader.readerId());
		out.uuid(reader.accountId());
		out.string(reader.libraryCode());
		out.instant(reader.authTime());
		out.string(reader.sessionId());
	}

	@Override
	public ReaderAuthenticationToken read(Reader in) {
		ReaderPrincipal reader = new ReaderPrincipal(in.uuid(), in.uuid(), in.string(), in.instant(), in.string());
		if (reader.readerId() == null || reader.authTime() == null) {
			throw new IllegalArgumentException("a reader's authentication without its reader or time");
		}
		return new ReaderAuthenticationToken(reader);
	}

}
