/*
 * Browser-style logins under load (issue 11), and a token minter for the other benchmarks.
 * Plain JDK 25 (java.net.http), no dependencies: run as a source file.
 *
 *   java bench/LoginLoad.java load <base-url> cards=<file> [concurrency=16] [warmup=10] [duration=30]
 *        [runs=3] [wrong=0.05] [client=zj-reader-app] [redirect=http://127.0.0.1:8082/callback]
 *        [issuer=<issuer url, default base-url's>]
 *   java bench/LoginLoad.java mint <base-url> kind=refresh|access count=<n> out=<file>
 *        [cards=ZJ0001,ZJ0002,...] [concurrency=8] [issuer=...]
 *
 * load: C workers (virtual threads), each login with a cookie jar of its own, as a phone's browser:
 * GET /oauth2/authorize (public client, PKCE S256, fresh state and nonce) -> follow to the login page
 * -> POST the form (card, password, the page's CSRF token) -> follow redirects until the server sends
 * the browser to the app's redirect URI -> POST /oauth2/token with the code and the verifier -> an
 * access token must come back. Cards are taken at random from the cards file (one card a line, all
 * of them readers whose right password must sign in: active, not expired); the password is the
 * lower-case card + "-pass", except for a fraction `wrong` of the logins, which send a wrong
 * password and must be refused (HTTP 401 with the login page, no code). Redirects to the issuer's
 * origin are followed on <base-url> (a load balancer keeps the browser on this node). After a
 * warm-up (not counted) come `runs` measured runs of `duration` seconds; each prints
 * logins/s (right-password logins that ended with an access token), attempts/s, the counts of the
 * two wrong outcomes (right password refused, wrong password accepted: both must be 0), other
 * errors (with the first few, for a look), and p50/p90/p99/max of a whole login; then the
 * median of the runs. Exit status 1 when any run had a wrong outcome or an error.
 *
 * mint: signs each card in once (its right password), then asks for codes in that SSO session (no
 * login form: single sign-on) and exchanges them until `count` tokens are written to `out`, one a
 * line: kind=refresh gives refresh tokens of the public mobile app zj-reader-app (PKCE), kind=access
 * gives access tokens of the confidential portal sx-portal (client_secret_basic), which that client
 * may introspect. Default cards: the demo readers ZJ0001-ZJ0024 but ZJ0019 (expired).
 */
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public class LoginLoad {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	static final Pattern JSON_STRING = Pattern.compile("\"(access_token|refresh_token)\"\\s*:\\s*\"([^\"]+)\"");

	static final SecureRandom RANDOM = new SecureRandom();

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: java bench/LoginLoad.java load|mint <base-url> key=value... (see the header)");
			System.exit(2);
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 2; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		URI base = URI.create(args[1].replaceAll("/$", ""));
		URI issuer = URI.create(options.getOrDefault("issuer", base.toString()));
		switch (args[0]) {
			case "load" -> System.exit(load(base, issuer, options));
			case "mint" -> mint(base, issuer, options);
			default -> throw new IllegalArgumentException("load or mint, not " + args[0]);
		}
	}

	// ---------------------------------------------------------------- one browser

	/** A browser with a cookie jar of its own, talking to one node. */
	static final class Browser {

		final URI base;

		final URI issuer;

		final Map<String, String> cookies = new LinkedHashMap<>();

		Browser(URI base, URI issuer) {
			this.base = base;
			this.issuer = issuer;
		}

		record Answer(int status, String body, String awayLocation) {
		}

		Answer get(String pathAndQuery) throws IOException, InterruptedException {
			return follow(request(this.base.resolve(pathAndQuery)).GET().build());
		}

		Answer postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
			return follow(request(this.base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
				.build());
		}

		HttpRequest.Builder request(URI uri) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept",
					"text/html");
			if (!this.cookies.isEmpty()) {
				builder.header("Cookie", this.cookies.entrySet()
					.stream()
					.map((c) -> c.getKey() + "=" + c.getValue())
					.collect(Collectors.joining("; ")));
			}
			return builder;
		}

		/** Follows redirects on the server (the issuer's origin or this node's); stops at any other. */
		Answer follow(HttpRequest request) throws IOException, InterruptedException {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			for (int hops = 0; hops < 10; hops++) {
				keepCookies(response);
				String location = response.headers().firstValue("Location").orElse(null);
				if (response.statusCode() / 100 != 3 || location == null) {
					return new Answer(response.statusCode(), response.body(), null);
				}
				URI next = response.uri().resolve(location);
				if (sameOrigin(next, this.issuer) || sameOrigin(next, this.base)) {
					next = this.base.resolve(next.getRawPath() + ((next.getRawQuery() != null) ? "?" + next.getRawQuery() : ""));
				}
				else {
					return new Answer(response.statusCode(), response.body(), next.toString());
				}
				response = HTTP.send(request(next).GET().build(), HttpResponse.BodyHandlers.ofString());
			}
			throw new IOException("redirect loop at " + response.uri());
		}

		void keepCookies(HttpResponse<?> response) {
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq).trim();
				String value = pair.substring(eq + 1).trim();
				if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
		}

	}

	static boolean sameOrigin(URI a, URI b) {
		return a.getScheme() != null && a.getScheme().equals(b.getScheme()) && a.getHost() != null
				&& a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
	}

	static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String randomToken(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An authorization request and what the app keeps for the code exchange. */
	record Authorization(String path, String state, String verifier) {

		static Authorization of(String clientId, String redirectUri, boolean pkce) {
			String state = randomToken(12);
			String verifier = randomToken(32);
			StringBuilder path = new StringBuilder("/oauth2/authorize?response_type=code&client_id=").append(enc(clientId))
				.append("&redirect_uri=")
				.append(enc(redirectUri))
				.append("&scope=")
				.append(enc("openid profile library"))
				.append("&state=")
				.append(state)
				.append("&nonce=")
				.append(randomToken(12));
			if (pkce) {
				path.append("&code_challenge=").append(challenge(verifier)).append("&code_challenge_method=S256");
			}
			return new Authorization(path.toString(), state, pkce ? verifier : null);
		}

		/** The code of the app's redirect, or null (an error, a wrong state, no redirect). */
		String code(String location) {
			if (location == null) {
				return null;
			}
			String query = URI.create(location).getRawQuery();
			if (query == null) {
				return null;
			}
			Map<String, String> params = new LinkedHashMap<>();
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return this.state.equals(params.get("state")) ? params.get("code") : null;
		}

	}

	/** POSTs the token request; the access (and refresh) token of a 200, or the answer as an error. */
	static Map<String, String> tokenRequest(URI base, Map<String, String> fields, String basicAuth)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/oauth2/token"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)));
		if (basicAuth != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		Map<String, String> tokens = new LinkedHashMap<>();
		if (response.statusCode() == 200) {
			Matcher m = JSON_STRING.matcher(response.body());
			while (m.find()) {
				tokens.put(m.group(1), m.group(2));
			}
		}
		if (!tokens.containsKey("access_token")) {
			tokens.put("error", "token endpoint " + response.statusCode() + ": " + excerpt(response.body()));
		}
		return tokens;
	}

	static String excerpt(String body) {
		if (body == null) {
			return "";
		}
		int error = body.indexOf("class=\"error\"");
		String text = (error >= 0) ? body.substring(error) : body;
		text = text.replaceAll("\\s+", " ");
		return text.substring(0, Math.min(text.length(), 200));
	}

	// ---------------------------------------------------------------- load

	enum Outcome {
		SIGNED_IN, REFUSED, RIGHT_REFUSED, WRONG_ACCEPTED, ERROR
	}

	static final class Run {

		final AtomicInteger[] counts = IntStream.range(0, Outcome.values().length)
			.mapToObj((i) -> new AtomicInteger())
			.toArray(AtomicInteger[]::new);

		final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

		final AtomicInteger sampleCount = new AtomicInteger();

		void add(Outcome outcome, String detail) {
			this.counts[outcome.ordinal()].incrementAndGet();
			if (outcome != Outcome.SIGNED_IN && outcome != Outcome.REFUSED && this.sampleCount.incrementAndGet() <= 5) {
				this.samples.add(outcome + ": " + detail);
			}
		}

		int count(Outcome outcome) {
			return this.counts[outcome.ordinal()].get();
		}

	}

	static int load(URI base, URI issuer, Map<String, String> options) throws Exception {
		List<String> cards = Files.readAllLines(Path.of(options.get("cards")))
			.stream()
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.toList();
		int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
		int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
		double wrong = Double.parseDouble(options.getOrDefault("wrong", "0.05"));
		String clientId = options.getOrDefault("client", "zj-reader-app");
		String redirectUri = options.getOrDefault("redirect", "http://127.0.0.1:8082/callback");
		System.out.printf("LoginLoad: %s (issuer %s), %,d cards, %d workers, %.0f%% wrong passwords, warm-up %d s, %d x %d s%n",
				base, issuer, cards.size(), concurrency, wrong * 100, warmup, runs, duration);
		if (warmup > 0) {
			Run w = measure(base, issuer, cards, concurrency, warmup, wrong, clientId, redirectUri);
			System.out.printf("warm-up: %d signed in, %d refused, %d right refused, %d wrong accepted, %d errors%n",
					w.count(Outcome.SIGNED_IN), w.count(Outcome.REFUSED), w.count(Outcome.RIGHT_REFUSED),
					w.count(Outcome.WRONG_ACCEPTED), w.count(Outcome.ERROR));
			w.samples.forEach((s) -> System.out.println("  " + s));
		}
		List<Double> rates = new ArrayList<>();
		List<Double> p50s = new ArrayList<>();
		List<Double> p99s = new ArrayList<>();
		boolean failed = false;
		for (int r = 1; r <= runs; r++) {
			Run run = measure(base, issuer, cards, concurrency, duration, wrong, clientId, redirectUri);
			long[] all = run.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			double rate = run.count(Outcome.SIGNED_IN) / (double) duration;
			double attempts = all.length / (double) duration;
			rates.add(rate);
			p50s.add(pct(all, 0.50));
			p99s.add(pct(all, 0.99));
			int bad = run.count(Outcome.RIGHT_REFUSED) + run.count(Outcome.WRONG_ACCEPTED) + run.count(Outcome.ERROR);
			failed |= bad > 0;
			System.out.printf(Locale.ROOT,
					"run %d: %.1f logins/s (%d signed in in %d s; %.1f attempts/s, %d wrong passwords refused), "
							+ "right password refused %d, wrong password accepted %d, other errors %d; "
							+ "login p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					r, rate, run.count(Outcome.SIGNED_IN), duration, attempts, run.count(Outcome.REFUSED),
					run.count(Outcome.RIGHT_REFUSED), run.count(Outcome.WRONG_ACCEPTED), run.count(Outcome.ERROR),
					pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), pct(all, 1.0));
			run.samples.forEach((s) -> System.out.println("  " + s));
		}
		System.out.printf(Locale.ROOT, "median of %d runs: %.1f logins/s, p50 %.1f ms, p99 %.1f ms%s%n", runs,
				median(rates), median(p50s), median(p99s), failed ? " -- WRONG OUTCOMES OR ERRORS, see above" : "");
		return failed ? 1 : 0;
	}

	static Run measure(URI base, URI issuer, List<String> cards, int concurrency, int seconds, double wrong,
			String clientId, String redirectUri) throws InterruptedException {
		Run run = new Run();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			workers.add(Thread.ofVirtual().start(() -> {
				long[] mine = new long[1024];
				int n = 0;
				while (System.nanoTime() < deadline) {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					String card = cards.get(random.nextInt(cards.size()));
					boolean right = random.nextDouble() >= wrong;
					String password = card.toLowerCase(Locale.ROOT) + (right ? "-pass" : "-wrong");
					long start = System.nanoTime();
					Outcome outcome;
					String detail;
					try {
						String[] why = new String[1];
						outcome = login(base, issuer, card, password, right, clientId, redirectUri, why);
						detail = card + " " + why[0];
					}
					catch (IOException | RuntimeException ex) {
						outcome = Outcome.ERROR;
						detail = card + " " + ex;
					}
					catch (InterruptedException ex) {
						return;
					}
					long end = System.nanoTime();
					if (end > deadline) {
						break; // finished after the run: neither counted nor timed
					}
					run.add(outcome, detail);
					if (n == mine.length) {
						mine = Arrays.copyOf(mine, n * 2);
					}
					mine[n++] = end - start;
				}
				run.latencies.add(Arrays.copyOf(mine, n));
			}));
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return run;
	}

	static Outcome login(URI base, URI issuer, String card, String password, boolean right, String clientId,
			String redirectUri, String[] why) throws IOException, InterruptedException {
		Browser browser = new Browser(base, issuer);
		Authorization authorization = Authorization.of(clientId, redirectUri, true);
		Browser.Answer page = browser.get(authorization.path());
		Matcher csrf = CSRF.matcher(page.body());
		if (page.status() != 200 || !csrf.find()) {
			why[0] = "no login page: " + page.status() + " " + page.awayLocation() + " " + excerpt(page.body());
			return Outcome.ERROR;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf.group(1));
		fields.put("card", card);
		fields.put("password", password);
		Browser.Answer answer = browser.postForm("/login", fields);
		String code = authorization.code(answer.awayLocation());
		if (code == null) {
			why[0] = "status " + answer.status() + " location " + answer.awayLocation() + " " + excerpt(answer.body());
			if (!right && answer.status() == 401 && answer.awayLocation() == null) {
				return Outcome.REFUSED;
			}
			return right && answer.status() == 401 ? Outcome.RIGHT_REFUSED : Outcome.ERROR;
		}
		if (!right) {
			why[0] = "a wrong password got a code";
			return Outcome.WRONG_ACCEPTED;
		}
		Map<String, String> tokens = tokenRequest(base, Map.of("grant_type", "authorization_code", "client_id", clientId,
				"code", code, "redirect_uri", redirectUri, "code_verifier", authorization.verifier()), null);
		if (tokens.containsKey("error")) {
			why[0] = tokens.get("error");
			return Outcome.ERROR;
		}
		return Outcome.SIGNED_IN;
	}

	static double pct(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
	}

	// ---------------------------------------------------------------- mint

	static void mint(URI base, URI issuer, Map<String, String> options) throws Exception {
		String kind = options.getOrDefault("kind", "refresh");
		int count = Integer.parseInt(options.getOrDefault("count", "100"));
		int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
		Path out = Path.of(options.get("out"));
		List<String> cards = Arrays.asList(options
			.getOrDefault("cards", IntStream.rangeClosed(1, 24)
				.filter((i) -> i != 19)
				.mapToObj((i) -> String.format("ZJ%04d", i))
				.collect(Collectors.joining(",")))
			.split(","));
		boolean refresh = kind.equals("refresh");
		String clientId = refresh ? "zj-reader-app" : "sx-portal";
		String redirectUri = refresh ? "http://127.0.0.1:8082/callback"
				: "http://127.0.0.1:8081/login/oauth2/code/readerpass";
		String basicAuth = refresh ? null : "sx-portal:sx-portal-demo-secret";
		String field = refresh ? "refresh_token" : "access_token";
		long started = System.nanoTime();
		ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		AtomicLong failures = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < Math.min(concurrency, cards.size()); w++) {
			List<String> mine = new ArrayList<>();
			for (int i = w; i < cards.size(); i += Math.min(concurrency, cards.size())) {
				mine.add(cards.get(i));
			}
			workers.add(Thread.ofVirtual().start(() -> {
				try {
					List<Browser> signedIn = new ArrayList<>();
					for (String card : mine) {
						Browser browser = new Browser(base, issuer);
						Authorization a = Authorization.of(clientId, redirectUri, true);
						Browser.Answer page = browser.get(a.path());
						Matcher csrf = CSRF.matcher(page.body());
						if (!csrf.find()) {
							throw new IOException("no login page for " + card + ": " + page.status());
						}
						Browser.Answer answer = browser.postForm("/login", Map.of("_csrf", csrf.group(1), "card", card,
								"password", card.toLowerCase(Locale.ROOT) + "-pass"));
						String code = a.code(answer.awayLocation());
						if (code == null) {
							throw new IOException(card + " did not sign in: " + answer.status() + " " + excerpt(answer.body()));
						}
						signedIn.add(browser);
						if (next.getAndIncrement() < count) {
							take(tokens, tokenRequest(base, exchange(basicAuth == null ? clientId : null, code, redirectUri, a), basicAuth), field, failures);
						}
					}
					for (int i = 0; next.getAndIncrement() < count; i++) {
						Browser browser = signedIn.get(i % signedIn.size());
						Authorization a = Authorization.of(clientId, redirectUri, true);
						String code = a.code(browser.get(a.path()).awayLocation());
						if (code == null) {
							failures.incrementAndGet();
							continue;
						}
						take(tokens, tokenRequest(base, exchange(basicAuth == null ? clientId : null, code, redirectUri, a), basicAuth), field, failures);
					}
				}
				catch (IOException | InterruptedException ex) {
					System.err.println("mint: " + ex);
					failures.incrementAndGet();
				}
			}));
		}
		for (Thread worker : workers) {
			worker.join();
		}
		Files.write(out, tokens);
		System.out.printf(Locale.ROOT, "minted %d %s tokens (%s) for %d readers in %.1f s, %d failures -> %s%n",
				tokens.size(), field, clientId, cards.size(), (System.nanoTime() - started) / 1e9, failures.get(), out);
		if (tokens.size() < count) {
			System.exit(1);
		}
	}

	static Map<String, String> exchange(String clientId, String code, String redirectUri, Authorization a) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("grant_type", "authorization_code");
		if (clientId != null) { // a public client names itself; a confidential one authenticates
			fields.put("client_id", clientId);
		}
		fields.put("code", code);
		fields.put("redirect_uri", redirectUri);
		fields.put("code_verifier", a.verifier());
		return fields;
	}

	static void take(ConcurrentLinkedQueue<String> tokens, Map<String, String> answer, String field, AtomicLong failures) {
		if (answer.containsKey(field)) {
			tokens.add(answer.get(field));
		}
		else {
			System.err.println("mint: " + answer.getOrDefault("error", "no " + field));
			failures.incrementAndGet();
		}
	}

}
