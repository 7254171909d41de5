package org.readerpass.authserver.login;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import org.readerpass.authserver.web.RequestWithParameters;

import org.springframework.http.HttpHeaders;

/**
 * The {@code GET} a browser would send for a saved request's path and query, made of the login
 * form's {@code POST} that signed the reader in: the same connection, headers (but the body's),
 * cookies and session; the saved path, query and parameters; no body; request attributes of its
 * own, so that the filters see a request they have not filtered yet (the {@code POST}'s attributes
 * say which filters it went through, and which path it was). Attributes the container set for the
 * connection ({@code jakarta.servlet.request.*}: TLS) are the {@code POST}'s.
 */
final class SavedAuthorizationRequest extends RequestWithParameters {

	private static final Set<String> BODY_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE.toLowerCase(),
			HttpHeaders.CONTENT_LENGTH.toLowerCase(), HttpHeaders.TRANSFER_ENCODING.toLowerCase(),
			HttpHeaders.CONTENT_ENCODING.toLowerCase());

	private static final String CONTAINER_ATTRIBUTES = "jakarta.servlet.request.";

	private final String path;

	private final String query;

	private final Map<String, Object> attributes = new HashMap<>();

	/** @param pathAndQuery relative to the context path, as the saved request holds it */
	SavedAuthorizationRequest(HttpServletRequest post, String pathAndQuery) {
		super(post, SavedReaderRequests.parameters(pathAndQuery));
		int question = pathAndQuery.indexOf('?');
		this.path = (question >= 0) ? pathAndQuery.substring(0, question) : pathAndQuery;
		this.query = (question >= 0) ? pathAndQuery.substring(question + 1) : null;
	}

	@Override
	public String getMethod() {
		return "GET";
	}

	@Override
	public String getRequestURI() {
		return getContextPath() + this.path;
	}

	@Override
	public StringBuffer getRequestURL() {
		StringBuffer url = new StringBuffer(super.getRequestURL());
		int pathStart = url.indexOf("/", url.indexOf("//") + 2);
		url.setLength((pathStart >= 0) ? pathStart : url.length());
		return url.append(getRequestURI());
	}

	@Override
	public String getServletPath() {
		return this.path;
	}

	@Override
	public String getPathInfo() {
		return null;
	}

	@Override
	public String getPathTranslated() {
		return null;
	}

	@Override
	public String getQueryString() {
		return this.query;
	}

	@Override
	public String getContentType() {
		return null;
	}

	@Override
	public int getContentLength() {
		return -1;
	}

	@Override
	public long getContentLengthLong() {
		return -1;
	}

	@Override
	public String getCharacterEncoding() {
		return null;
	}

	@Override
	public ServletInputStream getInputStream() {
		return new NoBody();
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new StringReader(""));
	}

	@Override
	public String getHeader(String name) {
		return isBodyHeader(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return isBodyHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		List<String> names = Collections.list(super.getHeaderNames());
		names.removeIf(SavedAuthorizationRequest::isBodyHeader);
		return Collections.enumeration(names);
	}

	@Override
	public long getDateHeader(String name) {
		return isBodyHeader(name) ? -1 : super.getDateHeader(name);
	}

	@Override
	public int getIntHeader(String name) {
		return isBodyHeader(name) ? -1 : super.getIntHeader(name);
	}

	@Override
	public Object getAttribute(String name) {
		Object value = this.attributes.get(name);
		return (value == null && name.startsWith(CONTAINER_ATTRIBUTES)) ? super.getAttribute(name) : value;
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		return Collections.enumeration(List.copyOf(this.attributes.keySet()));
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	private static boolean isBodyHeader(String name) {
		return name != null && BODY_HEADERS.contains(name.toLowerCase());
	}

	private static final class NoBody extends ServletInputStream {

		@Override
		public int read() {
			return -1;
		}

		@Override
		public boolean isFinished() {
			return true;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("not an asynchronous request");
		}

	}

}
